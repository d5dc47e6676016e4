/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/wait.h>



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

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *, struct wait_queue_head *, struct poll_table_struct *);
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
} poll_table;

/*
 * A poll() that may block passes a table whose _qproc makes it sleep on each queue named here (the
 * sleep is given up when the mask shows an event); a poll that only asks passes NULL.
 */
static inline void poll_wait(struct file *filp, struct wait_queue_head *wait_address, poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline bool poll_does_not_wait(const poll_table *p) { return p == NULL || p->_qproc == NULL; }
static inline __poll_t poll_requested_events(const poll_table *p) { return p ? p->_key : ~(__poll_t)0; }

#endif
