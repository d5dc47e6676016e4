// Tasklets (kernel/softirq.c) and the LKMPG-style completions example; workqueues without CPU workers.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
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
