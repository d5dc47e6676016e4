/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_IOCTL_H
#define _UAPI_LINUX_IOCTL_H

#include <asm-generic/ioctl.h>

#endif
