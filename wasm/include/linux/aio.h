/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX__AIO_H
#define __LINUX__AIO_H

/* struct kiocb (in <linux/fs.h>, as on Linux). Every request is synchronous here: no AIO contexts. */
#include <linux/fs.h>
#include <linux/uio.h>

struct kioctx;
typedef int (kiocb_cancel_fn)(struct kiocb *);

static inline void kiocb_set_cancel_fn(struct kiocb *req, kiocb_cancel_fn *cancel) { (void)req; (void)cancel; }

#endif /* __LINUX__AIO_H */
