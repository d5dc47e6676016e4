// Sleeping on every path a Linux caller can sleep on (docs/driver-api.md, "Sleeping"): a driver's open
// that waits, /proc and sysfs files read and written through the sleeping path, poll on sysfs waiting for
// sysfs_notify(), and calls restarting as the process that made them. Fixture: test/fixtures/modules/sleepers.c.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';
import { O_NONBLOCK, O_RDONLY } from '../../src/kernel/file.js';
import { setUsermodeHelper } from '../../src/kernel/kmod.js';

/** Lets parked calls that were woken run again (they restart from the event loop). */
const settle = () => new Promise((r) => setTimeout(r, 0));

async function sleepers() {
  const t = await bootTestKernel();
  expect((await t.run(`insmod ${fixture('sleepers')}`)).status).toBe(0);
  t.k.mknod('/dev/excl', 240, 0);
  return t;
}

describe('open(2) that sleeps in the driver', () => {
  it('an async open of a held exclusive device parks until the holder closes, then opens', async () => {
    const t = await sleepers();
    const order: string[] = [];
    const first = await t.k.openAsync('/dev/excl', O_RDONLY);
    const second = t.k.openAsync('/dev/excl', O_RDONLY).then((f) => { order.push('second opened'); return f; });
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    expect(t.k.waits.queued).toBe(1);
    order.push('first closes');
    first.close();
    const f = await second;
    expect(order).toEqual(['first closes', 'second opened']);
    expect(t.k.waits.sleeping).toBe(0);
    expect(t.k.waits.queued).toBe(0);
    // The second opener holds it now: a third sleeps until that one closes.
    const third = t.k.openAsync('/dev/excl', O_RDONLY);
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    f.close();
    (await third).close();
  });

  it('a synchronous open that would sleep fails with EINTR; O_NONBLOCK gets the driver\'s EAGAIN', async () => {
    const t = await sleepers();
    const first = t.k.open('/dev/excl', O_RDONLY);
    expect(() => t.k.open('/dev/excl', O_RDONLY)).toThrow(expect.objectContaining({ code: 'EINTR' }));
    await expect(t.k.openAsync('/dev/excl', O_RDONLY | O_NONBLOCK)).rejects.toMatchObject({ code: 'EAGAIN' });
    expect(t.k.waits.queued).toBe(0);
    first.close();
  });

  it('an AbortSignal interrupts a parked open: EINTR, nothing left queued, the device still opens later', async () => {
    const t = await sleepers();
    const first = t.k.open('/dev/excl', O_RDONLY);
    const ac = new AbortController();
    const p = t.k.openAsync('/dev/excl', O_RDONLY, { signal: ac.signal });
    await settle();
    expect(t.k.waits.queued).toBe(1);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
    expect(t.k.waits.queued).toBe(0);
    expect(t.k.waits.sleeping).toBe(0);
    first.close();
    t.k.open('/dev/excl', O_RDONLY).close();
  });

  it('composes with autoload: the open waits for modprobe, then sleeps until the holder closes', async () => {
    const t = await bootTestKernel();
    t.k.mknod('/dev/excl', 240, 0);
    const ko = new Uint8Array(readFileSync(fixture('sleepers')));
    const asked: string[] = [];
    let holder: { close(): void } | undefined;
    // modprobe: loads the driver for char-major-240-0, and (as another task would) opens the device.
    setUsermodeHelper(t.k, {
      exists: () => true,
      run: async (argv) => {
        asked.push(argv[argv.length - 1]!);
        await t.k.insmod(ko);
        holder = t.k.open('/dev/excl', O_RDONLY);
        return 0;
      },
    });
    const opening = t.k.openAsync('/dev/excl', O_RDONLY);
    for (let i = 0; i < 100 && t.k.waits.sleeping === 0; i++) await settle();
    expect(asked).toEqual(['char-major-240-0']);
    expect(t.k.waits.sleeping).toBe(1);
    holder!.close();
    (await opening).close();
    expect(asked).toEqual(['char-major-240-0']);
  });
});

describe('open(2) of C programs in worker mode (the kernel worker\'s KernelSyscalls)', () => {
  it('a program\'s open of a held device is parked and answered once the holder closes', async () => {
    const { KernelSyscalls } = await import('../../src/user/forward.js');
    const t = await sleepers();
    const sc = new KernelSyscalls(t.k);
    const first = await sc.handle({ op: 'open', path: '/dev/excl', flags: O_RDONLY });
    expect(first).toEqual({ ok: { fh: 1 } });
    let answered = false;
    const second = sc.handle({ op: 'open', path: '/dev/excl', flags: O_RDONLY }).then((r) => { answered = true; return r; });
    await settle();
    expect(answered).toBe(false);
    expect(t.k.waits.sleeping).toBe(1);
    await sc.handle({ op: 'close', fh: 1 });
    expect(await second).toEqual({ ok: { fh: 2 } });
  });
});

describe('/proc and sysfs files drivers made, read and written through the sleeping path', () => {
  it('readFileAsync of a /proc file whose proc_read sleeps parks until writeFileAsync stores a message', async () => {
    const t = await sleepers();
    const order: string[] = [];
    const reading = t.k.readFileAsync('/proc/sleepers').then((s) => { order.push(`read ${s}`); });
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    order.push('write');
    await t.k.writeFileAsync('/proc/sleepers', 'msg\n');
    await reading;
    expect(order).toEqual(['write', 'read msg\n']);
    expect(t.k.waits.queued).toBe(0);
  });

  it('the synchronous readFile of it fails with EINTR; an AbortSignal interrupts the parked one', async () => {
    const t = await sleepers();
    expect(() => t.k.readFile('/proc/sleepers')).toThrow(expect.objectContaining({ code: 'EINTR' }));
    const ac = new AbortController();
    const p = t.k.readFileAsync('/sys/kernel/sleepers/level', { signal: ac.signal });
    await settle();
    expect(t.k.waits.queued).toBe(1);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
    expect(t.k.waits.queued).toBe(0);
    // The file was closed: the module can go.
    expect((await t.run('rmmod sleepers')).status).toBe(0);
  });

  it('the kernel\'s generated views are still read at once', async () => {
    const t = await sleepers();
    expect(await t.k.readFileAsync('/proc/modules')).toMatch(/^sleepers /);
  });
});

const EPOLLIN = 0x1, EPOLLPRI = 0x2, EPOLLERR = 0x8;

describe('poll that waits on sysfs, /proc and debugfs files', () => {
  it('sysfs: poll for EPOLLPRI sleeps until sysfs_notify(), then reports EPOLLERR|EPOLLPRI until the file is read again', async () => {
    const t = await sleepers();
    const f = t.k.open('/sys/kernel/sleepers/notify', O_RDONLY);
    expect(new TextDecoder().decode(f.read(100))).toBe('0\n');
    const order: string[] = [];
    const polled = f.pollAsync(EPOLLPRI).then((m) => { order.push(`poll ${m}`); return m; });
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    expect(t.k.waits.queued).toBe(1);
    order.push('notify');
    t.k.writeFile('/sys/kernel/sleepers/notify', '1');
    expect(await polled).toBe(EPOLLERR | EPOLLPRI);
    expect(order).toEqual(['notify', `poll ${EPOLLERR | EPOLLPRI}`]);
    // Still notified until read again (lseek to 0 and read, as user space does); then it waits again.
    expect(await f.pollAsync(EPOLLPRI, 0)).toBe(EPOLLERR | EPOLLPRI);
    f.lseek(0);
    expect(new TextDecoder().decode(f.read(100))).toBe('1\n');
    expect(await f.pollAsync(EPOLLPRI, 0)).toBe(0);
    // Waiting again; closing the file interrupts the parked poll.
    const again = f.pollAsync(EPOLLPRI);
    await settle();
    expect(t.k.waits.queued).toBe(1);
    f.close();
    await expect(again).rejects.toMatchObject({ code: 'EINTR' });
    expect(t.k.waits.queued).toBe(0);
  });

  it('sysfs: removing the attribute wakes its pollers, who see EPOLLERR|EPOLLPRI (kernfs: the file is gone)', async () => {
    const t = await sleepers();
    const f = t.k.open('/sys/kernel/sleepers/notify', O_RDONLY);
    f.read(100);
    const polled = f.pollAsync(EPOLLPRI);
    await settle();
    expect(t.k.waits.queued).toBe(1);
    // An open sysfs file does not hold the module (kernfs drains it at removal): rmmod removes the attribute.
    expect((await t.run('rmmod sleepers')).status).toBe(0);
    expect(await polled).toBe(EPOLLERR | EPOLLPRI);
    expect(t.k.waits.queued).toBe(0);
    f.close();
  });

  it('/proc: a proc_poll that calls poll_wait sleeps until proc_write wakes its queue', async () => {
    const t = await sleepers();
    const f = t.k.open('/proc/sleepers', O_RDONLY);
    const polled = f.pollAsync(EPOLLIN);
    await settle();
    expect(t.k.waits.queued).toBe(1);
    t.k.writeFile('/proc/sleepers', 'x');
    expect(await polled).toBe(EPOLLIN);
    f.close();
  });

  it('debugfs: the proxy passes the poll table on: poll sleeps until a write wakes the file\'s queue', async () => {
    const t = await sleepers();
    const f = t.k.open('/sys/kernel/debug/sleepers/events', O_RDONLY);
    const polled = f.pollAsync(EPOLLIN);
    await settle();
    expect(t.k.waits.queued).toBe(1);
    await t.k.writeFileAsync('/sys/kernel/debug/sleepers/events', 'e');
    expect(await polled).toBe(EPOLLIN);
    expect(new TextDecoder().decode(f.read(10))).toBe('1\n');
    f.close();
  });
});

describe('a parked call restarts as the process that made it', () => {
  it('concurrent jobs: the woken open runs as its own process, not as the job that ran last', async () => {
    const t = await sleepers();
    const holder = t.k.asProcess('holder', () => t.k.open('/dev/excl', O_RDONLY));
    let waiterPid = 0;
    // Job 1 sleeps in open; job 2 then sleeps in a /proc read (the kernel's current process is job 2's).
    const waiting = t.k.asProcess('waiter', () => {
      waiterPid = t.k.current.pid;
      return t.k.openAsync('/dev/excl', O_RDONLY);
    });
    const other = t.k.asProcess('other', () => t.k.readFileAsync('/proc/sleepers'));
    await settle();
    expect(t.k.waits.sleeping).toBe(2);
    const since = t.mark();
    t.k.asProcess('closer', () => holder.close());
    const f = await waiting;
    expect(since().filter((l) => l.includes('excl opened by'))).toEqual([`sleepers: excl opened by waiter (${waiterPid})`]);
    f.close();
    t.k.asProcess('writer', () => t.k.writeFile('/proc/sleepers', 'done'));
    expect(await other).toBe('done');
  });
});
