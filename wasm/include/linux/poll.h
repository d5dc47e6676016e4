/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/fs.h>



#define EPOLLIN		0x00000001
#define EPOLLPRI	0x00000002
#define EPOLLOUT	0x00000004
#define EPOLLERR	0x00000008
#define EPOLLHUP	0x00000010
#define EPOLLNVAL	0x00000020
#define EPOLLRDNORM	0x00000040
#define EPOLLRDBAND	0x00000080
#define EPOLLWRNORM	0x00000100
#define EPOLLWRBAND	0x00000200
#define EPOLLMSG	0x00000400
#define EPOLLRDHUP	0x00002000

#define POLLIN		EPOLLIN
#define POLLPRI		EPOLLPRI
#define POLLOUT		EPOLLOUT
#define POLLERR		EPOLLERR
#define POLLHUP		EPOLLHUP
#define POLLRDNORM	EPOLLRDNORM
#define POLLWRNORM	EPOLLWRNORM

struct wait_queue_head;
typedef struct poll_table_struct {
	void *_qproc;
	__poll_t _key;
} poll_table;

/* Waiting is for a later issue: registering on a wait queue records nothing yet. */
static inline void poll_wait(struct file *filp, struct wait_queue_head *wait_address, poll_table *p)
{
	(void)filp; (void)wait_address; (void)p;
}

#endif
