// Fault injection (Documentation/fault-injection): failslab's and fail_page_alloc's debugfs knobs with
// Linux's semantics, the verbose report, __GFP_NOFAIL, and the per-task /proc/self/fail-nth.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

const FS = '/sys/kernel/debug/failslab';
const PA = '/sys/kernel/debug/fail_page_alloc';
const RUN = '/sys/module/fault_allocs/parameters/run';

/** The module's reports, without its prefix. */
const own = (lines: string[]) => lines.filter((l) => /^fault_allocs: (allocation|\d)/.test(l)).map((l) => l.slice(14));

/** A kernel with fault-allocs loaded and `knobs` written in order (probability last: it arms them). */
async function armed(knobs: [string, string][], dir = FS): Promise<TestKernel> {
  const t = await bootTestKernel();
  expect((await t.run(`insmod ${fixture('fault-allocs')}`)).status).toBe(0);
  for (const [name, value] of knobs) expect((await t.run(`echo ${value} > ${dir}/${name}`)).stderr).toBe('');
  return t;
}

describe('failslab', () => {
  it('has Linux\'s knobs and defaults', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`ls ${FS}`)).stdout.split(/\s+/).filter(Boolean).sort()).toEqual([
      'cache-filter', 'ignore-gfp-wait', 'interval', 'probability', 'space', 'task-filter', 'times', 'verbose',
      'verbose_ratelimit_burst', 'verbose_ratelimit_interval_ms',
    ]);
    const r = await t.run(`cat ${FS}/probability ${FS}/interval ${FS}/times ${FS}/space ${FS}/verbose ${FS}/task-filter ${FS}/ignore-gfp-wait`);
    expect(r.stdout).toBe('0\n1\n1\n0\n2\nN\nY\n');
    expect((await t.run(`cat ${PA}/min-order ${PA}/ignore-gfp-highmem ${PA}/ignore-gfp-wait`)).stdout).toBe('1\nY\nY\n');
  });

  it('probability 100, times 1: exactly one kmalloc fails, with the verbose report', async () => {
    const t = await armed([['ignore-gfp-wait', 'N'], ['verbose', '1'], ['probability', '100']]);
    const m = t.mark();
    expect((await t.run(`echo 4 > ${RUN}`)).status).toBe(0);
    const log = m();
    expect(own(log)).toEqual(['allocation 1 failed', '1 of 4 failed']);
    expect(log.slice(0, 2)).toEqual(['FAULT_INJECTION: forcing a failure.', 'name failslab, interval 1, probability 100, space 0, times 1']);
    expect((await t.run(`cat ${FS}/times`)).stdout).toBe('0\n');
  });

  it('verbose 2 (the default) adds a call trace; 0 says nothing', async () => {
    const t = await armed([['ignore-gfp-wait', 'N'], ['probability', '100']]);
    const m = t.mark();
    await t.run(`echo 1 > ${RUN}`);
    const log = m();
    expect(log[0]).toBe('FAULT_INJECTION: forcing a failure.');
    expect(log).toContain('Call Trace:');
    const q = await armed([['ignore-gfp-wait', 'N'], ['verbose', '0'], ['probability', '100']]);
    const m2 = q.mark();
    await q.run(`echo 1 > ${RUN}`);
    expect(m2()).toEqual(['fault_allocs: allocation 1 failed', 'fault_allocs: 1 of 1 failed']);
  });

  it('ignore-gfp-wait Y (the default) spares GFP_KERNEL allocations', async () => {
    const t = await armed([['times', '-1'], ['verbose', '0'], ['probability', '100']]);
    const m = t.mark();
    await t.run(`echo 3 > ${RUN}`);
    expect(own(m())).toEqual(['0 of 3 failed']);
  });

  it('interval: every Nth call fails; times -1 has no limit', async () => {
    const t = await armed([['ignore-gfp-wait', 'N'], ['verbose', '0'], ['times', '-1'], ['interval', '3'], ['probability', '100']]);
    const m = t.mark();
    await t.run(`echo 9 > ${RUN}`);
    const failed = own(m()).filter((l) => l.startsWith('allocation ')).map((l) => Number(l.split(' ')[1]));
    expect(failed).toHaveLength(3);
    expect([failed[1]! - failed[0]!, failed[2]! - failed[1]!]).toEqual([3, 3]);
  });

  it('space: calls pass until their sizes used the budget up', async () => {
    const t = await armed([['ignore-gfp-wait', 'N'], ['verbose', '0'], ['space', '200'], ['probability', '100']]);
    const m = t.mark();
    await t.run(`echo 5 > ${RUN}`);
    // 200 > 64, > 136, > 72 bytes left: three pass; then 8 is not more than 64, the fourth fails.
    expect(own(m())).toEqual(['allocation 4 failed', '1 of 5 failed']);
  });

  it('task-filter: only tasks with /proc/self/make-it-fail 1 see failures', async () => {
    const t = await armed([['ignore-gfp-wait', 'N'], ['verbose', '0'], ['times', '-1'], ['task-filter', 'Y'], ['probability', '100']]);
    const m = t.mark();
    await t.run(`echo 2 > ${RUN}`);
    expect(own(m())).toEqual(['0 of 2 failed']);
    // The shell's redirections are its own process (here the kernel's task 0): both writes are that task's.
    await t.run('echo 1 > /proc/self/make-it-fail');
    const m2 = t.mark();
    await t.run(`echo 2 > ${RUN}`);
    expect(own(m2())).toEqual(['allocation 1 failed', 'allocation 2 failed', '2 of 2 failed']);
    // A new process inherits it (fork keeps make_it_fail, not fail_nth).
    expect((await t.run('cat /proc/self/make-it-fail')).stdout).toBe('1\n');
    await t.run(`echo 0 > ${FS}/probability; echo 0 > /proc/self/make-it-fail`);
    expect((await t.run('cat /proc/self/make-it-fail')).stdout).toBe('0\n');
  });

  it('__GFP_NOFAIL never fails', async () => {
    const t = await armed([['ignore-gfp-wait', 'N'], ['verbose', '0'], ['times', '-1'], ['probability', '100']]);
    await t.run('echo 1 > /sys/module/fault_allocs/parameters/nofail');
    const m = t.mark();
    await t.run(`echo 5 > ${RUN}`);
    expect(own(m())).toEqual(['0 of 5 failed']);
  });
});

describe('boot options', () => {
  it('failslab= and fail_page_alloc= set interval, probability, space, times', async () => {
    const t = await bootTestKernel({ cmdline: 'failslab=2,50,10,-1 fail_page_alloc=x' });
    expect((await t.run(`cat ${FS}/interval ${FS}/probability ${FS}/space ${FS}/times`)).stdout).toBe('2\n50\n10\n-1\n');
    expect((await t.run('dmesg')).stdout).toMatch(/\] FAULT_INJECTION: failed to parse arguments\n/);
    expect((await t.run(`cat ${PA}/probability`)).stdout).toBe('0\n');
  });
});

describe('fail_page_alloc', () => {
  it('fails __get_free_pages of order >= min-order, not below', async () => {
    const t = await armed([['ignore-gfp-wait', 'N'], ['verbose', '0'], ['times', '-1'], ['probability', '100']], PA);
    await t.run('echo 1 > /sys/module/fault_allocs/parameters/pages');
    const m = t.mark();
    await t.run(`echo 2 > ${RUN}`);
    expect(own(m())).toEqual(['allocation 1 failed', 'allocation 2 failed', '2 of 2 failed']);
    await t.run('echo 0 > /sys/module/fault_allocs/parameters/order');
    const m2 = t.mark();
    await t.run(`echo 2 > ${RUN}`);
    expect(own(m2())).toEqual(['0 of 2 failed']);
  });
});
