// The process the current operation runs as (`current`): Comm and PID of Oops and WARN headers, and
// the task vmlinux's wait queues and current->comm see.

import type { Kernel } from './kernel.js';

/**
 * A process as the kernel names it, with its fault-injection state (Documentation/fault-injection):
 * `failNth` the countdown of /proc/self/fail-nth (kept in C's current while the task runs), `makeItFail`
 * /proc/self/make-it-fail (what task-filter selects). A new process inherits make-it-fail from the one
that starts it and has no countdown, as dup_task_struct() does on fork.
 */
export type Task = { comm: string; pid: number; failNth?: number; makeItFail?: boolean };

export class Tasks {
  current: Task = { comm: 'swapper/0', pid: 0 };
  private nextPid = 100;
  /** 16 bytes of kernel memory for current->comm (TASK_COMM_LEN), allocated at boot. */
  commBuf = 0;

  constructor(private readonly k: Kernel) {}

  /** A new process named `comm` (a fresh PID), a child of the running one, not running yet. */
  spawn(comm: string): Task {
    return { comm, pid: this.nextPid++, ...(this.current.makeItFail ? { makeItFail: true } : {}) };
  }

  /** Runs a new "process" (insmod, rmmod, a cat of a sysfs file) for Oops/WARN headers. */
  asProcess<T>(comm: string, fn: () => T): T {
    return this.asTask(this.spawn(comm), fn);
  }

  /** Runs `fn` (which may return a promise) as `task`, then the task that ran before. */
  asTask<T>(task: Task, fn: () => T): T {
    const saved = this.current;
    this.set(task);
    let async = false;
    try {
      const r = fn();
      if (r instanceof Promise) {
        async = true;
        return r.finally(() => this.set(saved)) as T;
      }
      return r;
    } finally {
      if (!async) this.set(saved);
    }
  }

  /**
   * Runs `fn` (synchronous) as `task`, an existing process: a parked system call is issued again as the
   * process that made it, whatever runs meanwhile (src/kernel/wait.ts).
   */
  runAsTask<T>(task: Task, fn: () => T): T {
    const saved = this.current;
    if (saved === task) return fn();
    this.set(task);
    try {
      return fn();
    } finally {
      this.set(saved);
    }
  }

  /** Writes /proc/self/make-it-fail of the running task. */
  setMakeItFail(on: boolean): void {
    this.current.makeItFail = on;
    // Handed to C again with the countdown C has now (not the one saved when the task last stopped).
    this.current.failNth = this.k.vm.lkm_fail_nth(0, 0) >>> 0;
    this.set(this.current);
  }

  private set(task: Task): void {
    const prev = this.current;
    this.current = task;
    this.k.vm.lkm_set_current_pid(task.pid);
    this.k.mem.writeCString(this.commBuf, task.comm, 16);
    const left = this.k.vm.lkm_set_current_task(task.pid, this.commBuf, task.failNth ?? 0, task.makeItFail ? 1 : 0);
    // The countdown of the task that stops running goes with it (C decremented it while it ran).
    if (prev !== task) prev.failNth = left >>> 0;
  }
}
