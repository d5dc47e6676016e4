// SPDX-License-Identifier: GPL-2.0
/*
 * The structure layouts the JavaScript host reads from kernel memory (src/kernel/abi.ts). Nothing
 * here generates code: a C change that moves one of these fields fails the vmlinux build, and
 * test/structure/abi.test.ts keeps this list and the TypeScript table equal.
 */
#include <linux/stddef.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/sched.h>

#define HOST_ABI(type, field, off) \
	_Static_assert(offsetof(struct type, field) == off, "struct " #type "." #field " moved: update src/kernel/abi.ts")
#define HOST_ABI_SIZE(type, size) \
	_Static_assert(sizeof(struct type) == size, "struct " #type " changed size: update src/kernel/abi.ts")

HOST_ABI(module, kp, 68);
HOST_ABI(module, kp_end, 72);
HOST_ABI(module, kmem_bytes, 84);
HOST_ABI(module, kmem_count, 88);
HOST_ABI(module, kunit_suites, 104);

HOST_ABI(kernel_param, name, 0);
HOST_ABI(kernel_param, perm, 12);
HOST_ABI_SIZE(kernel_param, 20);

HOST_ABI(timer_list, function, 12);
HOST_ABI(hrtimer, function, 8);

HOST_ABI(task_struct, __state, 0);
HOST_ABI(task_struct, pid, 4);
HOST_ABI(task_struct, comm, 12);
HOST_ABI(task_struct, flags, 48);

HOST_ABI(thread_info, task, 0);
HOST_ABI(thread_info, preempt_count, 4);
HOST_ABI(thread_info, cpu, 8);
HOST_ABI(thread_info, nvcsw, 28);
HOST_ABI(thread_info, switch_ns, 32);
_Static_assert(THREAD_SIZE == 64 * 1024, "THREAD_SIZE changed: update src/kernel/abi.ts");
