// Where the host reads C structures in kernel memory: the wasm32 layouts of the fields it uses
// (docs/module-format.md §5). vmlinux checks every number here with _Static_assert(offsetof(…)) in
// wasm/kernel/module-abi.c, and test/structure/abi.test.ts checks that file against this table, so a
// change of a C structure fails the build and a change here fails the test.

/** Byte offsets of fields, by C structure name (`struct NAME`) and field name. */
export const OFFSETS = {
  module: { kp: 68, kp_end: 72, kmem_bytes: 84, kmem_count: 88, kunit_suites: 104 },
  kernel_param: { name: 0, perm: 12 },
  timer_list: { function: 12 },
  hrtimer: { function: 8 },
  task_struct: { __state: 0, pid: 4, comm: 12, flags: 48 },
  thread_info: { task: 0, preempt_count: 4, cpu: 8, nvcsw: 28, switch_ns: 32 },
} as const;

/** sizeof of structures the host walks as arrays. */
export const SIZES = {
  kernel_param: 20,
} as const;

/** struct module: the `__param` table, and the allocator's accounting (leak report at unload). */
export const MODULE = OFFSETS.module;
/** struct kernel_param: one entry of a module's `__param` section. */
export const KERNEL_PARAM = { ...OFFSETS.kernel_param, size: SIZES.kernel_param } as const;
/** struct task_struct: a kernel thread's name and state (ps, /proc/PID). */
export const TASK_STRUCT = OFFSETS.task_struct;
/** struct thread_info: at the bottom of a kernel thread's stack; the host thread's is lkm_host_thread_info. */
export const THREAD_INFO = OFFSETS.thread_info;
/** THREAD_SIZE (asm/thread_info.h): a kernel thread's stack, aligned to its size. */
export const THREAD_SIZE = 64 * 1024;

/** struct hrtimer: the callback (the owner of an hrtimer pending at unload). */
export const HRTIMER = OFFSETS.hrtimer;
/** struct timer_list: the callback (the owner of a timer pending at unload). */
export const TIMER_LIST = OFFSETS.timer_list;
