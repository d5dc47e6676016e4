// Tasklets (kernel/softirq.c) and the LKMPG-style completions example; workqueues without CPU workers.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { readVmlinux } from '../../src/session/paths.node.js';
import { readFileSync } from 'node:fs';

describe('softirq work and examples', () => {
  it('example-tasklet: the tasklet runs during init\'s delay, in softirq context; tasklet_kill at exit', async () => {
    const t = await bootTestKernel();
    expect(await t.run(`insmod ${example('example-tasklet')}`)).toMatchObject({ status: 0, stderr: '' });
    expect(await t.run('rmmod example_tasklet')).toMatchObject({ status: 0, stderr: '' });
    expect(t.log().filter((l) => /^example_tasklet: [^lm]/.test(l))).toEqual([
      'example_tasklet: init',
      'example_tasklet: tasklet starts, in_softirq() true',
      'example_tasklet: tasklet ends',
      'example_tasklet: init continues',
      'example_tasklet: exit',
    ]);
  });

  it('completions: the flywheel waits for the crank, whatever order the threads start in', async () => {
    const t = await bootTestKernel();
    expect(await t.run(`insmod ${example('completions')}`)).toMatchObject({ status: 0, stderr: '' });
    expect(await t.run('rmmod completions')).toMatchObject({ status: 0, stderr: '' });
    expect(t.log().filter((l) => /^completions: [^lm]/.test(l))).toEqual([
      'completions: turn the crank',
      'completions: flywheel spins up',
      'completions: exit',
    ]);
  });

  it('without CPU workers kthread_create() fails with -EAGAIN (said once) and work items run on the host thread', async () => {
    const k = await Kernel.boot({ vmlinux: await readVmlinux() });
    await k.insmod(new Uint8Array(readFileSync(example('workqueue-demo'))));
    await new Promise((r) => setTimeout(r, 300));
    k.rmmod('workqueue_demo');
    const lines = k.dmesg().map((l) => l.replace(/^\[[ \d.]+\] /, ''));
    expect(lines.filter((l) => l.startsWith('kthread:'))).toEqual([
      'kthread: no CPU workers here (no SharedArrayBuffer or no worker adapter): kernel threads cannot run',
    ]);
    expect(lines).toContain('workqueue_demo: hello from a stranger');
    expect(lines).toContain('workqueue_demo: ordered step 3');
    expect(lines).toContain('workqueue_demo: 3 ticks');
  });
});

describe('hrtimers', () => {
  it('an hrtimer restarts itself with hrtimer_forward_now() until it returns HRTIMER_NORESTART, in hardirq context', async () => {
    const t = await bootTestKernel();
    const last = new Promise<void>((resolve) => {
      const un = t.k.log.subscribe((r) => { if (r.text.includes('hrtimer_tick: 5 ')) { un(); resolve(); } });
    });
    expect(await t.run(`insmod ${fixture('hrtimer-tick')}`)).toMatchObject({ status: 0, stderr: '' });
    await last;
    expect(await t.run('rmmod hrtimer_tick')).toMatchObject({ status: 0, stderr: '' });
    expect(t.log().filter((l) => /^hrtimer_tick: [^lm]/.test(l))).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `hrtimer_tick: ${n} in_hardirq 1, late no`),
      'hrtimer_tick: cancel 0, fired 5',
    ]);
  });

  it('hrtimer_cancel() of a pending timer in exit returns 1 and leaves nothing armed', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('hrtimer-tick')} times=1000`)).status).toBe(0);
    t.k.rmmod('hrtimer_tick');
    expect(t.log().find((l) => l.startsWith('hrtimer_tick: cancel'))).toMatch(/^hrtimer_tick: cancel 1, fired \d+$/);
    expect(t.log().some((l) => l.includes('still pending at unload'))).toBe(false);
    expect(t.k.timers.size).toBe(0);
  });
});
