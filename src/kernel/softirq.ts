// Softirq work (kernel/softirq.c): tasklets C has scheduled run on the host thread at Linux's irq-exit
// points: when the outermost call into the kernel returns, inside a delay or a blocking wait of the host
// thread, and soon after (a JavaScript task) when the host thread was idle or a kernel thread raised it.
// Work items of queues that have no kworker (no CPU workers here) run after them, in process context.

import type { Kernel } from './kernel.js';
import { KernelOops } from './traps.js';

export class Softirqs {
  private pending = false;
  private scheduled = false;

  constructor(private readonly k: Kernel) {}

  /** host.softirq(): work is pending. */
  raise(): void {
    this.pending = true;
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => { this.scheduled = false; this.run(); }, 0);
  }

  /** Runs pending work as its own entry into the kernel (an Oops in a tasklet is logged; the kernel goes on). */
  run(): void {
    const softirq = this.pending;
    this.pending = false;
    try {
      // The orphan work items even when the softirq work already ran at an irq exit.
      this.k.run('softirq', () => { if (softirq) this.k.vm.lkm_do_softirq(); this.k.vm.lkm_run_orphan_work(); });
    } catch (e) {
      if (!(e instanceof KernelOops)) throw e;
    }
  }

  /** Runs pending work from inside kernel code (a delay, a wait): the call that is running continues after. */
  runNested(): void {
    if (!this.pending) return;
    this.pending = false;
    this.k.vm.lkm_do_softirq();
  }

  /** Whether work is pending (the outermost call into the kernel runs it when it returns). */
  get isPending(): boolean { return this.pending; }
}
