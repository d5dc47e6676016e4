// Time: the kernel clock (ms since boot, moved on by kernel code that sleeps), the timers that run on
// it, and C's struct timer_list armed through host.timer (kernel/time/timer.c's half the host keeps).

import type { Kernel } from './kernel.js';
import type { Module } from './module.js';
import { HRTIMER, TIMER_LIST } from './abi.js';
import { KernelOops } from './traps.js';
import { ownerOfSlot } from './host.js';

/** HZ of vmlinux (CONFIG_HZ). */
export const HZ = 100;
export const MS_PER_JIFFY = 1000 / HZ;

/** A timer of the kernel clock: `at` in ms of Kernel.nowMs(). */
interface Timer { at: number; fire: () => void }

/**
 * Timers on the kernel's clock. A JavaScript timer wakes run() at the earliest deadline; run() (public as
 * Kernel.runTimers()) fires what is due by the kernel clock, so a test with a fake clock moves time on
 * and calls it, and the kernel's own clock jumps (msleep) fire timers too.
 */
export class KernelTimers {
  private readonly timers = new Set<Timer>();
  private js: ReturnType<typeof setTimeout> | undefined;
  private jsAt = Infinity;

  constructor(private readonly now: () => number) {}

  add(at: number, fire: () => void): () => void {
    const t: Timer = { at, fire };
    this.timers.add(t);
    this.arm();
    return () => { this.timers.delete(t); this.arm(); };
  }

  get size(): number { return this.timers.size; }

  /** Fires every timer due by the clock, earliest first; returns how many fired. */
  run(): number {
    let n = 0;
    for (;;) {
      const now = this.now();
      let first: Timer | undefined;
      for (const t of this.timers) if (t.at <= now && (!first || t.at < first.at)) first = t;
      if (!first) break;
      this.timers.delete(first);
      n++;
      first.fire();
    }
    this.arm();
    return n;
  }

  private arm(): void {
    let at = Infinity;
    for (const t of this.timers) at = Math.min(at, t.at);
    if (at === this.jsAt) return;
    if (this.js !== undefined) clearTimeout(this.js);
    this.js = undefined;
    this.jsAt = at;
    if (at === Infinity) return;
    this.js = setTimeout(() => { this.js = undefined; this.jsAt = Infinity; this.run(); }, Math.max(0, at - this.now()));
  }
}

/** The kernel clock: the boot option's clock since boot, plus what kernel code slept (idle()). */
export class KernelClock {
  /** Timers on this clock (timeouts of sleeping calls, C timers). */
  readonly timers = new KernelTimers(() => this.nowMs());
  private readonly bootMs: number;
  /** How far kernel code moved the clock on by sleeping (msleep, udelay: wait.c), in ms. */
  private idleMs = 0;

  /** Told when idle() moves the clock on (CPU workers keep a copy of the offset: epochOffsetMs()). */
  onIdle: (() => void) | undefined;

  /** `realTime`: clockMs is this thread's performance.now(), so other threads can compute the clock too. */
  constructor(private readonly clockMs: () => number, readonly realTime = false) {
    this.bootMs = clockMs();
  }

  /**
   * What to add to performance.timeOrigin + performance.now() of any thread to get this clock in ms;
   * undefined unless the clock is real time.
   */
  epochOffsetMs(): number | undefined {
    return this.realTime ? this.idleMs - this.bootMs - performance.timeOrigin : undefined;
  }

  nowMs(): number {
    return this.clockMs() - this.bootMs + this.idleMs;
  }

  nowNs(): number {
    return Math.round(this.nowMs() * 1e6);
  }

  /** Kernel code sleeps: nothing else can run meanwhile, so the clock moves on by `ns` and due timers run. */
  idle(ns: number): void {
    if (ns > 0) { this.idleMs += ns / 1e6; this.onIdle?.(); }
    this.timers.run();
  }
}

/** Pending `struct timer_list`s of C, by address; each fires lkm_timer_fire() on the kernel clock. */
export class TimerLists {
  /** Address → disarm. */
  private readonly pending = new Map<number, () => void>();
  /** The same for struct hrtimers. */
  private readonly pendingHr = new Map<number, () => void>();

  constructor(private readonly k: Kernel, private readonly clock: KernelClock) {}

  /** host.timer: arms a timer_list `delta` jiffies after the current jiffy (or disarms it: -1). */
  arm(timer: number, delta: number): void {
    this.disarm(timer);
    if (delta < 0) return;
    const at = (Math.floor(this.clock.nowMs() / MS_PER_JIFFY) + delta) * MS_PER_JIFFY;
    this.pending.set(timer, this.clock.timers.add(at, () => {
      this.pending.delete(timer);
      try {
        this.k.run('timer', () => this.k.vm.lkm_timer_fire(timer));
      } catch (e) {
        if (!(e instanceof KernelOops)) throw e; // the Oops is in the log; the timer softirq goes on
      }
    }));
  }

  /** host.hrtimer: arms a struct hrtimer at `atNs` of the kernel clock (or disarms it: -1). */
  armHr(timer: number, atNs: number): void {
    this.disarm(timer, this.pendingHr);
    if (atNs < 0) return;
    this.pendingHr.set(timer, this.clock.timers.add(atNs / 1e6, () => {
      this.pendingHr.delete(timer);
      try {
        this.k.run('hrtimer', () => this.k.vm.lkm_hrtimer_fire(timer));
      } catch (e) {
        if (!(e instanceof KernelOops)) throw e;
      }
    }));
  }

  /** At unload: pending timers and hrtimers whose function is the module's are removed, with a warning. */
  moduleGone(m: Module): void {
    this.removeOwned(m, this.pending, TIMER_LIST.function, 'timer');
    this.removeOwned(m, this.pendingHr, HRTIMER.function, 'hrtimer');
  }

  private removeOwned(m: Module, pending: Map<number, () => void>, fnOffset: number, kind: string): void {
    const k = this.k;
    for (const timer of [...pending.keys()]) {
      const fn = k.mem.u32(timer + fnOffset);
      if (ownerOfSlot(k, fn) !== m) continue;
      const name = k.names.name(m, Number((k.mem.table.get(fn) as Function & { name: string }).name)) ?? `${kind} function`;
      k.printk(`\x014${m.name}: ${kind} ${name} still pending at unload: removed\n`);
      this.disarm(timer, pending);
    }
  }

  private disarm(timer: number, pending = this.pending): void {
    pending.get(timer)?.();
    pending.delete(timer);
  }
}
