// Sleeping system calls (docs/driver-api.md, "Sleeping"). C code cannot be suspended in the middle of a
// call, so a driver's wait on a false condition queues an entry for the current system call on the wait
// queue (wasm/kernel/sched/wait.c), tells the host (host.sleep) and returns -ERESTARTSYS. A caller that can
// wait runs the call through restartable(): the call is parked until a wake_up*() wakes one of its
// entries (host.wake), its timeout expires, or it is interrupted (AbortSignal → EINTR), and is then issued
// again from the start, as Linux restarts a system call after a signal. A caller that cannot wait has no
// attempt open: host.sleep refuses, nothing is queued, and the call fails with EINTR.

import { KernelError, EINTR } from './errno.js';
import type { Kernel } from './kernel.js';
import { MS_PER_JIFFY } from './time.js';

export const ERESTARTSYS = 512;
/** Linux's restart codes: never seen by user space (EINTR when the call is not restarted). */
export const isRestartCode = (e: number) => e === 512 || e === 513 || e === 514 || e === 516;

/** One run of a system call that may sleep. */
interface Attempt {
  /** Sleeper entries (C addresses) queued during this run and not woken yet. */
  entries: Set<number>;
  /** A sleep was registered (host.sleep returned 1). */
  sleeping: boolean;
  /** One of its entries was woken (possibly during the run itself). */
  woken: boolean;
  /** Kernel-clock time (ms) at which the timed wait of this system call expires (kept across restarts). */
  deadline: number | undefined;
  /** This run restarts a call whose timeout expired: timed waits report the timeout instead of sleeping. */
  expired: boolean;
  onWake?: () => void;
}

/** A process as the kernel names it (Kernel.current). */
type Task = { comm: string; pid: number };

export class WaitQueues {
  private current: Attempt | undefined;
  /** Sleeper entry → the attempt it belongs to (queued and not woken). */
  private readonly byEntry = new Map<number, Attempt>();
  /** Calls parked now (for tests and `sleeping`). */
  private parkedCount = 0;
  /** Entries woken before their system call registered its sleep (see wake()). */
  private readonly earlyWakes = new Set<number>();

  constructor(private readonly k: Kernel) {}

  /** Number of system calls parked on wait queues or timeouts. */
  get sleeping(): number { return this.parkedCount; }

  /** A system call that can sleep by restart runs now (host.can_restart). */
  get canRestart(): boolean { return this.current !== undefined; }

  /** Sleeper entries queued on wait queues now (0 when nothing sleeps). */
  get queued(): number { return this.byEntry.size; }

  // ---- host imports ------------------------------------------------------------------------------

  /** host.sleep(entry, timeout): 1 registered, 0 this restart's timeout expired, -1 the caller cannot wait. */
  sleep(entry: number, timeout: number): number {
    const a = this.current;
    if (!a) return -1;
    if (a.expired && timeout >= 0) return 0;
    if (entry) {
      a.entries.add(entry);
      this.byEntry.set(entry, a);
      // A kernel thread woke it before we knew of it: the wake-up counts now.
      if (this.earlyWakes.delete(entry)) a.woken = true;
    }
    if (timeout >= 0 && a.deadline === undefined) a.deadline = this.k.clock.nowMs() + timeout * MS_PER_JIFFY;
    a.sleeping = true;
    return 1;
  }

  /**
   * host.wake(entry): the entry's sleeper was woken (C unlinked it; it is freed when the attempt is done,
   * by cancel()). A kernel thread can wake an entry its system call has queued but not registered yet.
   */
  wake(entry: number): void {
    const a = this.byEntry.get(entry);
    if (!a) {
      if (this.k.threads.byTask.size) this.earlyWakes.add(entry);
      return;
    }
    a.woken = true;
    a.onWake?.();
  }

  /** host.wait_left(timeout): jiffies left of the current call's timed wait. */
  left(timeout: number): number {
    const a = this.current;
    if (!a || a.deadline === undefined) return timeout;
    return Math.max(0, Math.ceil((a.deadline - this.k.clock.nowMs()) / MS_PER_JIFFY));
  }

  // ---- callers -----------------------------------------------------------------------------------

  /** Gives up the attempt's remaining entries (they leave their queues). */
  private cancel(a: Attempt): void {
    for (const e of a.entries) {
      this.byEntry.delete(e);
      try { this.k.run('wait queue', () => this.k.vm.lkm_wait_cancel(e)); } catch { /* an Oops is in the log */ }
    }
    a.entries.clear();
  }

  /**
   * Runs `call` (one system call, returning its result or -errno) as a call that can sleep: parked and
   * issued again while it returns -ERESTARTSYS (or -EINTR) having registered a sleep. `done(result)` may decide the
   * result is final even so (poll with a ready mask). Interrupted by `signal`: KernelError EINTR, nothing
   * left queued.
   */
  async restartable<T extends number | bigint>(call: () => T, opts: { signal?: AbortSignal; task?: Task; final?: (r: T, a: { sleeping: boolean }) => boolean } = {}): Promise<T> {
    let deadline: number | undefined;
    let expired = false;
    // The process making the call: each restart runs as it, whatever other jobs ran meanwhile.
    const task = opts.task ?? this.k.current;
    for (;;) {
      if (opts.signal?.aborted) throw new KernelError(EINTR);
      const a: Attempt = { entries: new Set(), sleeping: false, woken: false, deadline, expired };
      const saved = this.current;
      this.current = a;
      let r: T;
      try {
        r = this.k.tasks.runAsTask(task, call);
      } catch (e) {
        this.current = saved;
        this.cancel(a);
        throw e;
      }
      this.current = saved;
      // -EINTR too: drivers often return it after an interrupted wait; the "signal" was the sleep.
      const sleeps = a.sleeping && (opts.final ? !opts.final(r, a) : isRestartCode(-Number(r)) || -Number(r) === EINTR);
      if (!sleeps) {
        this.cancel(a);
        return r;
      }
      if (!a.woken) {
        const why = await this.park(a, opts.signal);
        expired = why === 'timeout';
      } else {
        // Woken during its own run: run again, after other work had its turn.
        await new Promise((r) => setTimeout(r, 0));
        expired = false;
      }
      this.cancel(a);
      deadline = a.deadline;
    }
  }

  /**
   * restartable() for a call that returns an object and fails by throwing KernelError (open(2)): a
   * KernelError with a restart code (or EINTR) after a sleep was registered parks the call, and it is
   * issued again when woken. A restart code that reaches the caller is EINTR.
   */
  async restartableObject<T>(call: () => T, opts: { signal?: AbortSignal; task?: Task } = {}): Promise<T> {
    let value: T | undefined;
    const r = await this.restartable(() => {
      value = undefined;
      try {
        value = call();
        return 0;
      } catch (e) {
        if (e instanceof KernelError && (isRestartCode(e.errno) || e.errno === EINTR)) return -e.errno;
        throw e;
      }
    }, opts);
    if (r < 0) throw new KernelError(isRestartCode(-r) ? EINTR : -r);
    return value as T;
  }

  private park(a: Attempt, signal: AbortSignal | undefined): Promise<'woken' | 'timeout'> {
    return new Promise((resolve, reject) => {
      let settled = false;
      this.parkedCount++;
      let untime: (() => void) | undefined;
      // A kernel thread may be the waker: the program stays alive meanwhile (the CPU workers do not hold it).
      const hold = this.k.threads.byTask.size ? setInterval(() => {}, 1 << 30) : undefined;
      const finish = () => {
        if (settled) return false;
        settled = true;
        if (hold !== undefined) clearInterval(hold);
        this.parkedCount--;
        untime?.();
        a.onWake = undefined;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!finish()) return;
        this.cancel(a);
        reject(new KernelError(EINTR));
      };
      a.onWake = () => { if (finish()) resolve('woken'); };
      if (a.deadline !== undefined) untime = this.k.timers.add(a.deadline, () => { if (finish()) resolve('timeout'); });
      signal?.addEventListener('abort', onAbort);
    });
  }
}
