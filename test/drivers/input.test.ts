// The input core and evdev (drivers/input/) driven by modules-src/vkeys: the dmesg line, /proc/bus/input,
// /sys/class/input, /dev/input/eventN as struct input_event (16 bytes on wasm32), per-reader buffers,
// O_NONBLOCK, sleeping reads and poll, the EVIOC ioctls, and removal of everything at rmmod.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import { O_NONBLOCK, O_RDONLY, O_RDWR } from '../../src/kernel/file.js';

const EPOLLIN = 0x1, EPOLLERR = 0x8, EPOLLHUP = 0x10, EPOLLOUT = 0x4, EPOLLRDNORM = 0x40, EPOLLWRNORM = 0x100;
const EV_SYN = 0, EV_KEY = 1, KEY_A = 30, KEY_B = 48, KEY_LEFTSHIFT = 42, KEY_ENTER = 28;
const IOC_READ = 2;
const ioc = (dir: number, nr: number, size: number) => ((dir << 30) | (size << 16) | (0x45 << 8) | nr) >>> 0;
const EVIOCGVERSION = ioc(IOC_READ, 0x01, 4), EVIOCGID = ioc(IOC_READ, 0x02, 8);
const EVIOCGNAME = (len: number) => ioc(IOC_READ, 0x06, len);
const EVIOCGPHYS = (len: number) => ioc(IOC_READ, 0x07, len);
const EVIOCGUNIQ = (len: number) => ioc(IOC_READ, 0x08, len);
const EVIOCGBIT = (ev: number, len: number) => ioc(IOC_READ, 0x20 + ev, len);
const EVIOCGKEY = (len: number) => ioc(IOC_READ, 0x18, len);

type Ev = [type: number, code: number, value: number];

/** struct input_event as wasm32 user space lays it out: __sec, __usec (32 bits each), type, code, value. */
function events(b: Uint8Array): Ev[] {
  expect(b.length % 16).toBe(0);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: Ev[] = [];
  for (let o = 0; o < b.length; o += 16) out.push([dv.getUint16(o + 8, true), dv.getUint16(o + 10, true), dv.getInt32(o + 12, true)]);
  return out;
}

const tap = (code: number): Ev[] => [[EV_KEY, code, 1], [EV_SYN, 0, 0], [EV_KEY, code, 0], [EV_SYN, 0, 0]];

const DEVICES = `I: Bus=0006 Vendor=0001 Product=0001 Version=0100
N: Name="LKM Virtual Keys"
P: Phys=vkeys/input0
S: Sysfs=/devices/virtual/input/input0
U: Uniq=
H: Handlers=event0 
B: PROP=0
B: EV=3
B: KEY=207f47f d3ff0ffc

`;

async function vkeys() {
  const t = await bootTestKernel();
  expect((await t.run(`insmod ${example('vkeys')}`)).status).toBe(0);
  return t;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('input core: /proc, /sys, /dev and the kernel log', () => {
  it('registers input0 with Linux\'s message, /proc/bus/input entries and evdev\'s event0', async () => {
    const t = await vkeys();
    expect(t.log()).toContain('input: LKM Virtual Keys as /devices/virtual/input/input0');
    expect((await t.run('cat /proc/bus/input/devices')).stdout).toBe(DEVICES);
    expect((await t.run('cat /proc/bus/input/handlers')).stdout).toBe('N: Number=0 Name=evdev Minor=64\n');
    expect((await t.run('ls /dev/input; ls -l /dev/input')).stdout).toMatch(/^event0\ntotal 0\ncrw------- 1 root root 13, 64 .* event0\n$/);
    expect((await t.run('grep input /proc/devices')).stdout).toBe(' 13 input\n');
  });

  it('/sys/class/input: inputN with name, phys, id, capabilities, modalias; eventN with dev and uevent', async () => {
    const t = await vkeys();
    const cat = async (f: string) => (await t.run(`cat /sys/class/input/${f}`)).stdout;
    expect((await t.run('ls /sys/class/input /sys/class/input/input0 /sys/class/input/event0')).stdout).toBe(
      '/sys/class/input:\nevent0  input0\n' +
      '/sys/class/input/input0:\ncapabilities  event0  id  inhibited  modalias  name  phys  power  properties  subsystem  uevent  uniq\n' +
      '/sys/class/input/event0:\ndev  device  power  subsystem  uevent\n');
    expect(await cat('input0/name')).toBe('LKM Virtual Keys\n');
    expect(await cat('input0/phys')).toBe('vkeys/input0\n');
    expect(await cat('input0/uniq')).toBe('\n');
    expect(await cat('input0/id/bustype') + await cat('input0/id/vendor') + await cat('input0/id/product') + await cat('input0/id/version'))
      .toBe('0006\n0001\n0001\n0100\n');
    expect(await cat('input0/capabilities/ev')).toBe('3\n');
    expect(await cat('input0/capabilities/key')).toBe('207f47f d3ff0ffc\n');
    expect(await cat('input0/capabilities/rel')).toBe('0\n');
    expect(await cat('input0/properties')).toBe('0\n');
    expect(await cat('input0/modalias')).toBe('input:b0006v0001p0001e0100-e0,1,kramlsfw\n');
    expect(await cat('input0/uevent')).toBe('PRODUCT=6/1/1/100\nNAME="LKM Virtual Keys"\nPHYS="vkeys/input0"\nPROP=0\nEV=3\n' +
      'KEY=207f47f d3ff0ffc\nMODALIAS=input:b0006v0001p0001e0100-e0,1,kramlsfw\n');
    expect(await cat('event0/dev')).toBe('13:64\n');
    expect(await cat('event0/uevent')).toBe('MAJOR=13\nMINOR=64\nDEVNAME=input/event0\n');
    expect((await t.run('readlink /sys/class/input/input0 /sys/class/input/event0 /sys/class/input/event0/device')).stdout)
      .toBe('../../devices/virtual/input/input0\n../../devices/virtual/input/input0/event0\n../../input0\n');
    expect(await cat('event0/device/name')).toBe('LKM Virtual Keys\n');
  });

  it('rmmod removes every node and entry; a new load is input1 with event0 again', async () => {
    const t = await vkeys();
    expect((await t.run('rmmod vkeys')).status).toBe(0);
    expect((await t.run('ls /dev')).stdout).toBe('full  null  random  urandom  zero\n');
    expect((await t.run('ls /sys/class/input /sys/devices/virtual/input')).stdout).toBe('/sys/class/input:\n/sys/devices/virtual/input:\n');
    expect((await t.run('cat /proc/bus/input/devices')).stdout).toBe('');
    expect((await t.run('cat /proc/bus/input/handlers')).stdout).toBe('N: Number=0 Name=evdev Minor=64\n');
    expect((await t.run('ls /dev/input')).stderr).toBe("ls: cannot access '/dev/input': No such file or directory\n");
    expect((await t.run(`insmod ${example('vkeys')}; ls /sys/class/input; ls /dev/input`)).stdout).toBe('event0  input1\nevent0\n');
    expect(t.log()).toContain('input: LKM Virtual Keys as /devices/virtual/input/input1');
    expect((await t.run('cat /proc/bus/input/devices')).stdout).toBe(DEVICES.replace('input/input0', 'input/input1'));
  });
});

describe('evdev: /dev/input/event0', () => {
  it('O_NONBLOCK on an empty device is EAGAIN; events come as struct input_event, packets ended by SYN_REPORT', async () => {
    const t = await vkeys();
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    expect(f.poll()).toBe(EPOLLOUT | EPOLLWRNORM);
    expect((await t.run('echo -n aB > /proc/vkeys')).status).toBe(0);
    expect(f.poll() & (EPOLLIN | EPOLLRDNORM)).toBe(EPOLLIN | EPOLLRDNORM);
    // A read shorter than one event is EINVAL; one event's room gives one event.
    expect(() => f.read(15)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(events(f.read(16))).toEqual([[EV_KEY, KEY_A, 1]]);
    expect(events(f.read(4096))).toEqual([
      [EV_SYN, 0, 0], [EV_KEY, KEY_A, 0], [EV_SYN, 0, 0],
      [EV_KEY, KEY_LEFTSHIFT, 1], [EV_KEY, KEY_B, 1], [EV_SYN, 0, 0], [EV_KEY, KEY_B, 0], [EV_SYN, 0, 0],
      [EV_KEY, KEY_LEFTSHIFT, 0], [EV_SYN, 0, 0],
    ]);
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    f.close();
  });

  it('every reader gets every event; the device is opened once for all (the driver\'s open/close)', async () => {
    const t = await vkeys();
    const mark = t.mark();
    const a = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    const b = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    await t.run('echo > /proc/vkeys');
    expect(events(a.read(4096))).toEqual(tap(KEY_ENTER));
    expect(events(b.read(4096))).toEqual(tap(KEY_ENTER));
    // A reader opened later sees only what came after.
    const c = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    await t.run('echo -n a > /proc/vkeys');
    for (const f of [a, b, c]) expect(events(f.read(4096))).toEqual(tap(KEY_A));
    a.close(); b.close(); c.close();
    expect(mark()).toEqual(['vkeys: input0 opened', 'vkeys: input0 closed']);
  });

  it('a blocking read sleeps until the keys come; poll waits for EPOLLIN; a synchronous read that would sleep is EINTR', async () => {
    const t = await vkeys();
    const f = t.k.open('/dev/input/event0', O_RDONLY);
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'EINTR' }));
    const reading = f.readAsync(4096);
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    await t.run('echo -n a > /proc/vkeys');
    expect(events(await reading)).toEqual(tap(KEY_A));
    expect(t.k.waits.queued).toBe(0);
    const polled = f.pollAsync(EPOLLIN);
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    await t.run('echo -n b > /proc/vkeys');
    expect(await polled).toBe(EPOLLIN);
    expect(events(f.read(4096))).toEqual(tap(KEY_B));
    f.close();
  });

  it('a reader that falls behind loses the oldest events: SYN_DROPPED, then the newest ones, whole packets', async () => {
    const t = await vkeys();
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    // 40 taps are 160 events; the ring holds 128 (8 packets of 9 events, rounded up to a power of two).
    await t.run(`echo -n ${'a'.repeat(40)} > /proc/vkeys`);
    const got = events(f.read(16 * 1024));
    expect(got[0]).toEqual([EV_SYN, 3, 0]);
    expect(got.length).toBeLessThan(128);
    expect(got.slice(-4)).toEqual(tap(KEY_A));
    // After the marker come the newest events, the one that overflowed the ring first.
    expect(got.slice(1).every(([type, code]) => (type === EV_KEY && code === KEY_A) || (type === EV_SYN && code === 0))).toBe(true);
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    f.close();
  });

  it('ioctls: EVIOCGVERSION, EVIOCGID, EVIOCGNAME/PHYS/UNIQ, EVIOCGBIT, EVIOCGKEY; unknown ones are EINVAL', async () => {
    const t = await vkeys();
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    const buf = new Uint8Array(256);
    const dv = new DataView(buf.buffer);
    expect(f.ioctl(EVIOCGVERSION, buf)).toBe(0);
    expect(dv.getInt32(0, true)).toBe(0x010001);
    expect(f.ioctl(EVIOCGID, buf)).toBe(0);
    expect([0, 2, 4, 6].map((o) => dv.getUint16(o, true))).toEqual([6, 1, 1, 0x100]);
    // The string with its NUL, cut to the buffer's length (then without the NUL).
    expect(f.ioctl(EVIOCGNAME(256), buf)).toBe(17);
    expect(new TextDecoder().decode(buf.subarray(0, 17))).toBe('LKM Virtual Keys\0');
    expect(f.ioctl(EVIOCGNAME(3), buf)).toBe(3);
    expect(f.ioctl(EVIOCGPHYS(256), buf)).toBe(13);
    expect(() => f.ioctl(EVIOCGUNIQ(256), buf)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    buf.fill(0);
    expect(f.ioctl(EVIOCGBIT(0, 32), buf)).toBe(4);
    expect(dv.getUint32(0, true)).toBe(0b11);
    expect(f.ioctl(EVIOCGBIT(EV_KEY, 256), buf)).toBe(96);
    expect([dv.getUint32(0, true), dv.getUint32(4, true), dv.getUint32(8, true)]).toEqual([0xd3ff0ffc, 0x207f47f, 0]);
    expect(f.ioctl(EVIOCGBIT(0x11, 8), buf)).toBe(4);
    expect(() => f.ioctl(EVIOCGBIT(0x1f, 8), buf)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(f.ioctl(EVIOCGKEY(96), buf)).toBe(96);
    expect(buf.subarray(0, 96).every((x) => x === 0)).toBe(true);
    expect(() => f.ioctl(ioc(IOC_READ, 0x7f, 4), buf)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    f.close();
  });

  it('writing events injects them: every reader, the writer included, sees them', async () => {
    const t = await vkeys();
    const w = t.k.open('/dev/input/event0', O_RDWR | O_NONBLOCK);
    const r = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    const ev = new Uint8Array(32);
    const dv = new DataView(ev.buffer);
    dv.setUint16(8, EV_KEY, true); dv.setUint16(10, KEY_A, true); dv.setInt32(12, 1, true);
    dv.setUint16(24, EV_SYN, true);
    expect(w.write(ev)).toBe(32);
    expect(() => w.write(ev.subarray(0, 8))).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(events(r.read(4096))).toEqual([[EV_KEY, KEY_A, 1], [EV_SYN, 0, 0]]);
    expect(events(w.read(4096))).toEqual([[EV_KEY, KEY_A, 1], [EV_SYN, 0, 0]]);
    // A key that is already down does not go down again.
    expect(w.write(ev)).toBe(32);
    expect(() => r.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    w.close(); r.close();
  });

  it('rmmod while a reader sleeps: the module goes, the reader wakes with ENODEV, poll says EPOLLHUP | EPOLLERR', async () => {
    const t = await vkeys();
    const f = t.k.open('/dev/input/event0', O_RDONLY);
    const p = f.readAsync(4096).catch((e) => e);
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
    const r = await t.run('rmmod vkeys');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(await p).toMatchObject({ code: 'ENODEV' });
    expect(f.poll()).toBe(EPOLLHUP | EPOLLERR);
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    expect(t.k.waits.queued).toBe(0);
    f.close();
    expect((await t.run('ls /dev; ls /sys/class/input')).stdout).toBe('full  null  random  urandom  zero\n');
  });

  it('nothing stays allocated: load, read, unload with a reader still open, close it', async () => {
    const t = await vkeys();
    // The first device made /sys/devices/virtual/input, which stays (as the class's directory does).
    expect((await t.run('rmmod vkeys')).status).toBe(0);
    const before = t.k.usage();
    expect((await t.run(`insmod ${example('vkeys')}`)).status).toBe(0);
    const a = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    const b = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    await t.run('echo hello > /proc/vkeys');
    a.read(4096);
    a.close();
    expect((await t.run('cat /proc/bus/input/devices /sys/class/input/input1/uevent /sys/class/input/event0/uevent')).status).toBe(0);
    expect((await t.run('rmmod vkeys')).status).toBe(0);
    expect(t.k.usage().objects).toBeGreaterThan(before.objects);	// b still holds its client and the evdev
    b.close();
    expect(t.k.usage()).toEqual(before);
    expect(t.k.leaks()).toEqual([]);
  });
});
