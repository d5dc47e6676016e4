// /proc/self/fail-nth from a user program (Documentation/fault-injection, "proc entries"): the Nth
// fault-injectable call of the writing task fails, the countdown is per task and reads back what is left.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture, ROOT } from '../helpers/paths.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lkm-fail-nth-'));
  const r = await buildFiles([join(ROOT, 'test/fixtures/user/fail-nth.c')], { user: true, outDir: dir, log: () => {} });
  if (!r.ok) throw new Error(r.errors.join('\n'));
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(dir, { recursive: true, force: true });
});

const RUN = '/sys/module/fault_allocs/parameters/run';

describe('/proc/self/fail-nth', () => {
  // In-thread, a program runs as one process; with a worker kernel, its forwarded calls are one process too.
  it.each(['none', 'worker'] as const)('fails the Nth call of the task that wrote it, then reads 0; other tasks are not affected (isolate %s)', async (isolate) => {
    const t = await bootTestKernel({ isolate });
    await t.run(`insmod ${fixture('fault-allocs')}`);
    // GFP_KERNEL allocations are fault-injectable only with ignore-gfp-wait N (fail-nth included).
    await t.run('echo N > /sys/kernel/debug/failslab/ignore-gfp-wait');
    const m = t.mark();
    expect((await t.run(`${dir}/fail-nth 2 ${RUN} 3`)).stdout).toBe('write: ok\nfail-nth: 0\n');
    expect(m().filter((l) => l.startsWith('fault_allocs: '))).toEqual(['fault_allocs: allocation 2 failed', 'fault_allocs: 1 of 3 failed']);
    // Beyond the calls the write makes: nothing fails, the countdown shows what is left.
    const m2 = t.mark();
    expect((await t.run(`${dir}/fail-nth 10 ${RUN} 3`)).stdout).toBe('write: ok\nfail-nth: 7\n');
    expect(m2().filter((l) => l.startsWith('fault_allocs: '))).toEqual(['fault_allocs: 0 of 3 failed']);
    // Another process starts with no countdown.
    expect((await t.run('cat /proc/self/fail-nth')).stdout).toBe('0\n');
    const m3 = t.mark();
    await t.run(`${dir}/fail-nth 0 ${RUN} 2`);
    expect(m3().filter((l) => l.startsWith('fault_allocs: '))).toEqual(['fault_allocs: 0 of 2 failed']);
  }, 120_000);

  it('takes kstrtouint\'s numbers and refuses others', async () => {
    const t = await bootTestKernel({ isolate: 'none' });
    expect((await t.run('echo 0x10 > /proc/self/fail-nth')).stderr).toBe('');
    expect((await t.run('echo -1 > /proc/self/fail-nth')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect((await t.run('echo 4294967296 > /proc/self/fail-nth')).stderr).toBe('lkm: echo: write error: Numerical result out of range\n');
    expect((await t.run('echo 2 > /proc/self/make-it-fail')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    // make-it-fail leaves the countdown alone (both are the shell's own task here).
    expect((await t.run('echo 5 > /proc/self/fail-nth; echo 1 > /proc/self/make-it-fail')).stderr).toBe('');
    expect(t.k.readFile('/proc/self/fail-nth')).toBe('5\n');
    t.k.writeFile('/proc/self/fail-nth', '0');
    // A child (cat) inherits make-it-fail, not the countdown.
    expect((await t.run('cat /proc/self/make-it-fail /proc/self/fail-nth')).stdout).toBe('1\n0\n');
  });
});
