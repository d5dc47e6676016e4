// Interrupting calls parked in a driver through the kernel API (docs/workers.md, "Interrupting a call"):
// readFile/writeFile with an AbortSignal, and a program's forwarded file calls (WorkerKernel.syscall with a
// signal; forwardingHandler.finish() ends the calls of a program that is gone). The worker's calls carry an
// abort id, and abort(id) makes a parked call fail with EINTR, as an in-thread AbortSignal does.
// Fixture: test/fixtures/modules/sleepers.c.
import { describe, expect, it } from 'vitest';
import { boot, ISOLATES } from './helpers.js';
import { fixture } from '../helpers/paths.js';
import { O_NONBLOCK, O_RDONLY } from '../../src/kernel/file.js';
import { forwardingHandler } from '../../src/user/forward.js';
import type { WorkerKernel } from '../../src/worker/client.js';
import type { KernelApi } from '../../src/api/api.js';

/** Whether `p` is still pending after the kernel answered a few calls made after it. */
async function pendingAfterRoundTrips(k: KernelApi, p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  p.then(() => { settled = true; }, () => { settled = true; });
  for (let i = 0; i < 3; i++) await k.lsmod();
  return !settled;
}

describe.each(ISOLATES)('aborting parked calls (isolate %s)', (isolate) => {
  it('readFile with a signal: a read sleeping in proc_read fails with EINTR, and nothing is left queued', async () => {
    const k = await boot(isolate);
    await k.insmod(fixture('sleepers'));
    const ac = new AbortController();
    const p = k.readFile('/proc/sleepers', { signal: ac.signal });
    expect(await pendingAfterRoundTrips(k, p)).toBe(true);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
    // No reader is left parked to take the next message: a new reader gets it.
    const reader = k.readFile('/proc/sleepers');
    expect(await pendingAfterRoundTrips(k, reader)).toBe(true);
    await k.writeFile('/proc/sleepers', 'after\n');
    expect(await reader).toBe('after\n');
    // And the module is free to go (no file left open).
    await k.rmmod('sleepers');
  });

  it('writeFile and readFile of a device whose open sleeps are interrupted too', async () => {
    const k = await boot(isolate);
    await k.insmod(fixture('sleepers'));
    await k.mknod('/dev/excl', 240, 0);
    const ac = new AbortController();
    // The level attribute's show sleeps while it is 0.
    const p = k.readFile('/sys/kernel/sleepers/level', { signal: ac.signal });
    expect(await pendingAfterRoundTrips(k, p)).toBe(true);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
    // An already aborted signal: the call fails with EINTR once it would sleep.
    await expect(k.readFile('/sys/kernel/sleepers/level', { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'EINTR' });
  });
});

describe('a program\'s forwarded calls (worker kernel)', () => {
  it('syscall with a signal: an open parked on a held device is answered EINTR and never opens later', async () => {
    const k = await boot('worker') as WorkerKernel;
    await k.insmod(fixture('sleepers'));
    await k.mknod('/dev/excl', 240, 0);
    const held = await k.syscall({ op: 'open', path: '/dev/excl', flags: O_RDONLY }, undefined, 'holder');
    expect(held).toEqual({ ok: { fh: expect.any(Number) } });
    const ac = new AbortController();
    const p = k.syscall({ op: 'open', path: '/dev/excl', flags: O_RDONLY }, undefined, 'waiter', ac.signal);
    expect(await pendingAfterRoundTrips(k, p)).toBe(true);
    ac.abort();
    expect(await p).toMatchObject({ errno: 'EINTR' });
    await k.syscall({ op: 'close', fh: (held as { ok: { fh: number } }).ok.fh }, undefined);
    // Free again: the interrupted open did not take the device when the holder closed.
    const again = await k.syscall({ op: 'open', path: '/dev/excl', flags: O_RDONLY | O_NONBLOCK }, undefined);
    expect(again).toEqual({ ok: { fh: expect.any(Number) } });
  });

  it('forwardingHandler.finish() interrupts the open of a program that is gone', async () => {
    const k = await boot('worker') as WorkerKernel;
    await k.insmod(fixture('sleepers'));
    await k.mknod('/dev/excl', 240, 0);
    const holder = forwardingHandler({ kernel: k, comm: 'holder' });
    const area = new Uint8Array(64);
    await holder({ op: 'open', path: '/dev/excl', flags: O_RDONLY }, area);
    const prog = forwardingHandler({ kernel: k, comm: 'prog' });
    const p = prog({ op: 'open', path: '/dev/excl', flags: O_RDONLY }, area);
    expect(await pendingAfterRoundTrips(k, p)).toBe(true);
    await prog.finish();
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
    await holder.finish();
    await k.rmmod('sleepers');
  });
});
