/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

/*
 * Kernel threads (kernel/kthread.c). Each one runs on a CPU worker of its own (a Web Worker or a Node
 * worker_threads Worker sharing the kernel's memory), so it can sleep for real and runs truly in
 * parallel with the system calls of processes and with the other threads. Created stopped, as on
 * Linux: kthread_run() (or wake_up_process()) starts threadfn.
 */
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/gfp.h>

struct completion;

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...);

#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
					  const char *namefmt);

#define kthread_run(threadfn, data, namefmt, ...)				\
({										\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
	if (!IS_ERR(__k))							\
		wake_up_process(__k);						\
	__k;									\
})

void kthread_bind(struct task_struct *k, unsigned int cpu);
bool kthread_should_stop(void);
bool kthread_should_park(void);
bool kthread_should_stop_or_park(void);
void kthread_parkme(void);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
int kthread_stop(struct task_struct *k);
int kthread_stop_put(struct task_struct *k);
void *kthread_data(struct task_struct *k);
bool kthread_is_per_cpu(struct task_struct *k);
void __noreturn kthread_exit(long result);
void __noreturn kthread_complete_and_exit(struct completion *comp, long code);

#endif /* _LINUX_KTHREAD_H */
