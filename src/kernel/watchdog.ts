// The watchdogs over kernel threads (kernel/watchdog.c and kernel/hung_task.c's reports). A kernel
// thread counts its context switches and stamps when the last began or ended in its thread_info
// (wasm/kernel/sched/wait.c); once a second of kernel time, while threads exist, the host thread looks:
//  - a thread running (TASK_RUNNING) with no switch for 2 × watchdog_thresh seconds is a soft lockup,
//    reported again every 2 × watchdog_thresh while it stays stuck, and taints L;
//  - a thread asleep uninterruptibly (D, not killable, not idle) for hung_task_timeout_secs is a hung
//    task, reported once per sleep, at most hung_task_warnings times.
// The host thread's own lockups are the worker watchdog's (src/worker/watchdog.ts).

import type { Kernel } from './kernel.js';
import { TASK_STRUCT, THREAD_INFO } from './abi.js';
import { TAINT, kernelTaintString } from './taint.js';
import { UTS_RELEASE, UTS_VERSION } from './release.js';

const TASK_RUNNING = 0;
const TASK_UNINTERRUPTIBLE = 0x2;
const TASK_WAKEKILL = 0x100;
const TASK_NOLOAD = 0x400;
const CHECK_MS = 1000;

/** What the watchdog remembers of a thread between two looks. */
interface Seen { nvcsw: number; reportedAt: number; hungReported: number }

export class KthreadWatchdog {
  /** /proc/sys/kernel/watchdog_thresh: seconds; a soft lockup is twice this. 0 disables it. */
  thresh = 10;
  /** /proc/sys/kernel/hung_task_timeout_secs: 0 disables the hung-task detector. */
  hungTimeoutSecs = 120;
  /** /proc/sys/kernel/hung_task_warnings: reports left (-1: no limit). */
  hungWarnings = 10;
  private readonly seen = new Map<number, Seen>();
  private disarm: (() => void) | undefined;

  constructor(private readonly k: Kernel) {}

  /** A kernel thread exists: the watchdog looks every second of kernel time until none is left. */
  arm(): void {
    if (this.disarm) return;
    this.disarm = this.k.clock.timers.add(this.k.clock.nowMs() + CHECK_MS, () => { this.disarm = undefined; this.check(); });
  }

  private check(): void {
    const k = this.k;
    const now = k.clock.nowNs();
    const threads = k.threads.list();
    for (const task of [...this.seen.keys()]) if (!k.threads.byTask.has(task)) this.seen.delete(task);
    for (const t of threads) {
      const state = k.mem.u32(t.task + TASK_STRUCT.__state);
      const info = t.stackBottom;
      const nvcsw = k.mem.u32(info + THREAD_INFO.nvcsw);
      const since = Number(k.mem.dv.getBigUint64(info + THREAD_INFO.switch_ns, true));
      let s = this.seen.get(t.task);
      if (!s || s.nvcsw !== nvcsw) {
        s = { nvcsw, reportedAt: since, hungReported: s?.hungReported ?? -1 };
        this.seen.set(t.task, s);
      }
      if (nvcsw === 0) continue; // never ran (created, not yet woken)
      const lockupNs = 2 * this.thresh * 1e9;
      if (state === TASK_RUNNING && this.thresh > 0 && now - s.reportedAt > lockupNs) {
        s.reportedAt = now;
        this.softLockup(t.cpu, t.comm, t.pid, Math.floor((now - since) / 1e9));
      }
      const hung = (state & TASK_UNINTERRUPTIBLE) && !(state & (TASK_WAKEKILL | TASK_NOLOAD));
      if (hung && this.hungTimeoutSecs > 0 && s.hungReported !== nvcsw && now - since > this.hungTimeoutSecs * 1e9) {
        s.hungReported = nvcsw;
        this.hungTask(t.comm, t.pid, Math.floor((now - since) / 1e9));
      }
    }
    if (threads.length) this.arm();
  }

  private softLockup(cpu: number, comm: string, pid: number, seconds: number): void {
    const k = this.k;
    k.printk(`\x010watchdog: BUG: soft lockup - CPU#${cpu} stuck for ${seconds}s! [${comm}:${pid}]\n`);
    k.printk(`\x014${k.moduleList.linkedIn()}\n`);
    k.printk(`\x014CPU: ${cpu} UID: 0 PID: ${pid} Comm: ${comm} ${kernelTaintString(k.taints.mask)} ${UTS_RELEASE} ${UTS_VERSION}\n`);
    k.taints.add(TAINT.SOFTLOCKUP);
  }

  private hungTask(comm: string, pid: number, seconds: number): void {
    if (this.hungWarnings === 0) return;
    if (this.hungWarnings > 0) this.hungWarnings--;
    const k = this.k;
    k.printk(`\x013INFO: task ${comm}:${pid} blocked for more than ${seconds} seconds.\n`);
    k.printk(`\x013      ${kernelTaintString(k.taints.mask)} ${UTS_RELEASE} ${UTS_VERSION.split(' ')[0]}\n`);
    k.printk('\x013"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.\n');
    k.printk(`\x016task:${comm.padEnd(15).slice(0, 15)} state:D stack:0     pid:${String(pid).padEnd(5)} tgid:${String(pid).padEnd(5)} ppid:2      flags:0x00000000\n`);
  }
}
