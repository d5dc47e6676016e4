/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The ioctl interface of rwdev, shared by the module and its user program. */
#ifndef RWDEV_H
#define RWDEV_H

#include <linux/ioctl.h>

#define RWDEV_MAJOR 240
#define RWDEV_SIZE 256
#define RWDEV_IOC_MAGIC 'r'

/* Clear the buffer. */
#define RWDEV_IOC_RESET		_IO(RWDEV_IOC_MAGIC, 0)
/* How many bytes the buffer holds. */
#define RWDEV_IOC_GET_LEN	_IOR(RWDEV_IOC_MAGIC, 1, int)
/* Fill the buffer with one byte value. */
#define RWDEV_IOC_FILL		_IOW(RWDEV_IOC_MAGIC, 2, int)

#endif
