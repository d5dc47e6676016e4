// Sleeping in atomic context (kernel/sched/core.c): might_sleep() in mutex_lock() and wait_event*()
// prints Linux's "BUG: sleeping function called from invalid context" report, schedule() (msleep) its
// "BUG: scheduling while atomic"; both taint W and the load goes on. Outside the lock: nothing.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

const TAINT_WARN = 1 << 9;

describe('sleeping in atomic context', () => {
  it('mutex_lock() under a spinlock: "sleeping function called from invalid context" at the might_sleep()', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect((await t.run(`insmod ${fixture('atomic-sleep')} how=0`)).status).toBe(0);
    const lines = log();
    const at = lines.findIndex((l) => l.startsWith('BUG: sleeping function called from invalid context at '));
    expect(lines[at]).toMatch(/^BUG: sleeping function called from invalid context at include\/linux\/mutex\.h:\d+$/);
    const pid = /pid: (\d+), name: insmod$/.exec(lines[at + 1]!)?.[1];
    expect(lines.slice(at + 1, at + 4)).toEqual([
      `in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: ${pid}, name: insmod`,
      'preempt_count: 1, expected: 0',
      'RCU nest depth: 0, expected: 0',
    ]);
    expect(lines[at + 4]).toMatch(new RegExp(`^CPU: 0 UID: 0 PID: ${pid} Comm: insmod `));
    expect(lines).toContain(' atomic_sleep_init [atomic_sleep]');
    expect(lines.filter((l) => l.startsWith('BUG:'))).toHaveLength(1); // the mutex_lock() after the unlock is fine
    expect(t.k.taintMask & TAINT_WARN).toBe(TAINT_WARN);
  });

  it('msleep() under a spinlock: "scheduling while atomic" with the count schedule() sees', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect((await t.run(`insmod ${fixture('atomic-sleep')} how=1`)).status).toBe(0);
    const lines = log();
    const at = lines.findIndex((l) => /^BUG: scheduling while atomic: insmod\/\d+\/0x00000002$/.test(l));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe('Modules linked in: atomic_sleep(OE+)');
    expect(lines.filter((l) => l.startsWith('BUG:'))).toHaveLength(1);
  });

  it('kmalloc(GFP_KERNEL) under a spinlock is reported at might_alloc() in include/linux/sched/mm.h; GFP_ATOMIC is not', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    await t.run(`insmod ${fixture('atomic-sleep')} how=4`);
    const bugs = log().filter((l) => l.startsWith('BUG:'));
    expect(bugs).toHaveLength(1);
    expect(bugs[0]).toMatch(/^BUG: sleeping function called from invalid context at include\/linux\/sched\/mm\.h:\d+$/);
    const atomic = await bootTestKernel();
    const l2 = atomic.mark();
    await atomic.run(`insmod ${fixture('atomic-sleep')} how=5`);
    expect(l2().filter((l) => l.startsWith('BUG:'))).toEqual([]);
  });

  it('wait_event_timeout() under a spinlock is reported at its might_sleep(); without a lock nothing is', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    await t.run(`insmod ${fixture('atomic-sleep')} how=2`);
    expect(log().find((l) => l.startsWith('BUG:'))).toMatch(/^BUG: sleeping function called from invalid context at .*atomic-sleep\.c:\d+$/);
    const clean = await bootTestKernel();
    const l2 = clean.mark();
    await clean.run(`insmod ${fixture('atomic-sleep')} how=3`);
    expect(l2().filter((l) => l.startsWith('BUG:'))).toEqual([]);
    expect(clean.k.taintMask & TAINT_WARN).toBe(0);
  });
});
