// The shell's cat and echo on files that sleep in their driver (test/fixtures/modules/sleepers.c): a
// /proc file whose read waits for a write, a sysfs attribute whose show waits for a store, an exclusive
// device whose open waits for its holder. Runs in-thread and (test/worker/suites-in-worker.test.ts) with
// the kernel in a worker, where /proc and /sys are the VFS's KernelBacking.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

async function sleepers() {
  const t = await bootTestKernel();
  expect((await t.run(`insmod ${fixture('sleepers')}`)).status).toBe(0);
  return t;
}

describe('shell: cat and echo on files that sleep', () => {
  it('cat /proc/sleepers & sleeps in proc_read until echo writes a message', async () => {
    const t = await sleepers();
    const r = await t.run('cat /proc/sleepers & echo hi > /proc/sleepers; wait');
    expect(r).toEqual({ status: 0, stdout: 'hi\n', stderr: '[1] 1000\n[1]+  Done                    cat /proc/sleepers\n' });
  });

  it('cat of a sysfs attribute whose show sleeps is woken by a store', async () => {
    const t = await sleepers();
    const r = await t.run('cat /sys/kernel/sleepers/level & echo 4 > /sys/kernel/sleepers/level; wait');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('4\n');
    // Not 0 any more: the show answers at once.
    expect((await t.run('cat /sys/kernel/sleepers/level')).stdout).toBe('4\n');
  });
});
