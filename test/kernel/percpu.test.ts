// Per-CPU variables, CPU masks and cross-CPU calls (linux/percpu.h, cpumask.h, smp.h) on this one-CPU
// kernel: a driver written for N CPUs runs as on a one-CPU machine; alloc_percpu() memory is the
// module's (a leak at unload is reported), and the this_cpu ops leave preemption as they found it.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

describe('per-CPU data on one CPU', () => {
  it('this_cpu_*, per_cpu(), for_each_possible_cpu, on_each_cpu and alloc_percpu as Linux has them', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect((await t.run(`insmod ${fixture('percpu-user')}`)).status).toBe(0);
    expect(log().filter((l) => /^percpu_user: (cpus|xchg)=/.test(l))).toEqual([
      // hits: inc 1 + __add 2 + on_each_cpu 10 = 13, plus the dynamic copy's 7.
      'percpu_user: cpus=1 possible=1 online=1 ids=1 cpu=0 total=20',
      // xchg gives the old 13; inc_return 101; cmpxchg(101 → 5) gives 101; CPU 1 does not exist.
      'percpu_user: xchg=13 inc_return=101 cmpxchg=101 call1=-6 preempt=0',
    ]);
    const after = t.mark();
    expect((await t.run('rmmod percpu_user')).status).toBe(0);
    expect(after()).toEqual([]);
  });

  it('alloc_percpu() memory not freed is the module leak report (an unsigned long: 4 bytes on wasm32)', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('percpu-user')} leak=1`);
    const after = t.mark();
    await t.run('rmmod percpu_user');
    expect(after()).toEqual(['percpu_user: 1 allocation (4 bytes) not freed at unload: leaked', 'percpu_user:   4 bytes allocated in percpu_user_init']);
  });
});
