/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HDREG_H
#define _LINUX_HDREG_H

#include <uapi/linux/hdreg.h>

#endif /* _LINUX_HDREG_H */
