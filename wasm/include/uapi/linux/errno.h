/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#include <uapi/asm-generic/errno.h>
