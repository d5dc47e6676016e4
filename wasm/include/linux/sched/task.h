/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

/*
 * References to a task_struct. A kernel thread's task is freed (with its stack) once it has exited and
 * the last reference is gone; a process's task belongs to the host and is never freed here.
 */
#include <linux/sched.h>

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	__atomic_fetch_add(&t->usage, 1, __ATOMIC_RELAXED);
	return t;
}

void __put_task_struct(struct task_struct *t);

static inline void put_task_struct(struct task_struct *t)
{
	if (__atomic_sub_fetch(&t->usage, 1, __ATOMIC_ACQ_REL) == 0)
		__put_task_struct(t);
}

#endif /* _LINUX_SCHED_TASK_H */
