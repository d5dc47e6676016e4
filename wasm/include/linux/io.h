/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

/* Memory-mapped I/O (asm/io.h). */
#include <asm/io.h>

#endif /* _LINUX_IO_H */
