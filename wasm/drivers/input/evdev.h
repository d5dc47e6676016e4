/* SPDX-License-Identifier: GPL-2.0-only */
/* evdev's structures, shared by evdev.c (the clients, read, write, poll) and evdev-ioctl.c. */
#ifndef _LKM_EVDEV_H
#define _LKM_EVDEV_H

#include <linux/cdev.h>
#include <linux/input.h>
#include <linux/wait.h>

#define EVDEV_MINOR_BASE	64
#define EVDEV_MINORS		32
#define EVDEV_MIN_BUFFER_SIZE	64U
#define EVDEV_BUF_PACKETS	8

struct evdev {
	int open;
	struct input_handle handle;
	struct evdev_client *grab;
	struct list_head client_list;
	spinlock_t client_lock;
	struct mutex mutex;
	struct device dev;
	struct cdev cdev;
	bool exist;
};

struct evdev_client {
	unsigned int head;
	unsigned int tail;
	unsigned int packet_head;	/* the end of the last complete packet */
	spinlock_t buffer_lock;
	wait_queue_head_t wait;
	struct evdev *evdev;
	struct list_head node;
	enum input_clock_type clk_type;
	bool revoked;
	unsigned int bufsize;
	struct input_event buffer[];
};

/* evdev.c */
void evdev_queue_syn_dropped(struct evdev_client *client);
int evdev_grab(struct evdev *evdev, struct evdev_client *client);
int evdev_ungrab(struct evdev *evdev, struct evdev_client *client);

/* evdev-ioctl.c */
long evdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

#endif
