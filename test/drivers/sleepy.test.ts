// Sleeping by system-call restart (docs/driver-api.md, "Sleeping"): a read that waits on a queue is
// parked and issued again when a write wakes it; callers that cannot wait get EINTR; O_NONBLOCK gets
// EAGAIN from the driver; an AbortSignal interrupts a parked call and leaves nothing queued.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import { O_NONBLOCK, O_RDONLY, O_WRONLY } from '../../src/kernel/file.js';

const dec = new TextDecoder();
const EPOLLIN = 0x1, EPOLLHUP = 0x10;

async function sleepy() {
  const t = await bootTestKernel();
  expect((await t.run(`insmod ${example('sleepy')}`)).status).toBe(0);
  return t;
}

/** Lets parked calls that were woken run again (they restart from the event loop). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('sleepy: wait queues that block and wake', () => {
  it('parks an async read until a write wakes it; the reader sees the data, then end of file after the writer closes', async () => {
    const t = await sleepy();
    const order: string[] = [];
    const r = t.k.open('/dev/sleepy', O_RDONLY);
    const reading = r.readAsync(100).then((b) => { order.push(`read ${dec.decode(b)}`); return b; });
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    expect(t.k.waits.queued).toBe(1);
    const w = t.k.open('/dev/sleepy', O_WRONLY);
    order.push('write');
    expect(w.write('hi\n')).toBe(3);
    await reading;
    expect(order).toEqual(['write', 'read hi\n']);
    expect(t.k.waits.sleeping).toBe(0);
    expect(t.k.waits.queued).toBe(0);
    // Empty again: the next read sleeps until the writer closes (end of file).
    const eof = r.readAsync(100);
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    w.close();
    expect((await eof).length).toBe(0);
    r.close();
  });

  it('a synchronous read that would sleep fails with EINTR and queues nothing', async () => {
    const t = await sleepy();
    const r = t.k.open('/dev/sleepy', O_RDONLY);
    expect(() => r.read(10)).toThrow(expect.objectContaining({ code: 'EINTR' }));
    expect(t.k.waits.queued).toBe(0);
    r.close();
  });

  it('O_NONBLOCK reaches the driver: -EAGAIN instead of sleeping', async () => {
    const t = await sleepy();
    const r = t.k.open('/dev/sleepy', O_RDONLY | O_NONBLOCK);
    await expect(r.readAsync(10)).rejects.toMatchObject({ code: 'EAGAIN' });
    expect(t.k.waits.queued).toBe(0);
    r.close();
  });

  it('an AbortSignal interrupts a parked read: EINTR, and the queue is empty again', async () => {
    const t = await sleepy();
    const r = t.k.open('/dev/sleepy', O_RDONLY);
    const ac = new AbortController();
    const p = r.readAsync(10, { signal: ac.signal });
    await settle();
    expect(t.k.waits.queued).toBe(1);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
    expect(t.k.waits.queued).toBe(0);
    expect(t.k.waits.sleeping).toBe(0);
    // A later write wakes nobody, and the data is still there for the next read.
    const w = t.k.open('/dev/sleepy', O_WRONLY);
    w.write('x');
    expect(dec.decode(r.read(10))).toBe('x');
    r.close();
    w.close();
  });

  it('closing a file interrupts its parked calls', async () => {
    const t = await sleepy();
    const r = t.k.open('/dev/sleepy', O_RDONLY);
    const p = r.readAsync(10);
    await settle();
    r.close();
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
    expect(t.k.waits.queued).toBe(0);
  });

  it('the module cannot be removed while a task sleeps in it', async () => {
    const t = await sleepy();
    const r = t.k.open('/dev/sleepy', O_RDONLY);
    const ac = new AbortController();
    const p = r.readAsync(10, { signal: ac.signal }).catch((e) => e);
    await settle();
    expect((await t.run('rmmod sleepy')).stderr).toBe('rmmod: ERROR: Module sleepy is in use\n');
    ac.abort();
    expect(await p).toMatchObject({ code: 'EINTR' });
    r.close();
    expect((await t.run('rmmod sleepy')).status).toBe(0);
  });

  it('poll waits on the queues poll_wait() names', async () => {
    const t = await sleepy();
    const r = t.k.open('/dev/sleepy', O_RDONLY);
    expect(r.poll(EPOLLIN) & EPOLLIN).toBe(0);
    expect(await r.pollAsync(EPOLLIN, 0)).toBe(0);
    const polled = r.pollAsync(EPOLLIN);
    await settle();
    expect(t.k.waits.queued).toBe(1);
    const w = t.k.open('/dev/sleepy', O_WRONLY);
    w.write('z');
    expect(await polled).toBe(EPOLLIN);
    expect(t.k.waits.queued).toBe(0);
    expect(dec.decode(await r.readAsync(10))).toBe('z');
    w.close();
    expect(await r.pollAsync(EPOLLIN)).toBe(EPOLLHUP);
    r.close();
  });
});
