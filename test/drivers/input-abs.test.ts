// The input core with an absolute-axis device on a platform device (test/fixtures/modules/input-abs.c):
// devm_input_allocate_device (unbind removes the device), the CLASS glue directory under a classless
// parent, fuzz filtering of ABS events, REL and key filtering, EVIOCGABS/EVIOCGREP/EVIOCGRAB, and the
// refusal of an EV_ABS device without absinfo; software autorepeat with a fake clock; and an input device
// inside a class device of a module's own class (input-vdev.c, the shape of LKMPG's vinput + vkbd).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { BUILD, fixture } from '../helpers/paths.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { O_NONBLOCK, O_RDONLY } from '../../src/kernel/file.js';

const EV_SYN = 0, EV_KEY = 1, EV_REL = 2, EV_ABS = 3, ABS_X = 0, ABS_Y = 1, REL_WHEEL = 8, BTN_LEFT = 0x110;
const ioc = (dir: number, nr: number, size: number) => ((dir << 30) | (size << 16) | (0x45 << 8) | nr) >>> 0;
const EVIOCGREP = ioc(2, 0x03, 8), EVIOCGABS = (abs: number) => ioc(2, 0x40 + abs, 24), EVIOCGRAB = ioc(1, 0x90, 4);
const EVIOCGPROP = (len: number) => ioc(2, 0x09, len);

type Ev = [number, number, number];
function events(b: Uint8Array): Ev[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: Ev[] = [];
  for (let o = 0; o < b.length; o += 16) out.push([dv.getUint16(o + 8, true), dv.getUint16(o + 10, true), dv.getInt32(o + 12, true)]);
  return out;
}
const SYN: Ev = [EV_SYN, 0, 0];

async function tablet() {
  const t = await bootTestKernel();
  expect((await t.run(`insmod ${fixture('input-abs')}`)).status).toBe(0);
  const report = async (s: string) => expect((await t.run(`echo -n '${s}' > /proc/input_abs`)).status).toBe(0);
  return { t, report };
}

describe('input core: an absolute device with a platform parent', () => {
  it('refuses EV_ABS without absinfo; the devm device sits in the parent\'s input/ directory', async () => {
    const { t } = await tablet();
    expect(t.log()).toEqual(expect.arrayContaining([
      'input input0: Absolute device without dev->absinfo, refusing to register',
      'inabs: registering an EV_ABS device without absinfo: -22',
      'input: inabs tablet as /devices/platform/inabs/input/input1',
      'inabs inabs: drvdata ok',
    ]));
    expect((await t.run('cat /proc/bus/input/devices')).stdout).toBe(`I: Bus=0019 Vendor=0000 Product=0000 Version=0000
N: Name="inabs tablet"
P: Phys=inabs/input0
S: Sysfs=/devices/platform/inabs/input/input1
U: Uniq=
H: Handlers=event0 
B: PROP=2
B: EV=10000f
B: KEY=10000 0 0 0 0 0 0 0 0
B: REL=100
B: ABS=3

`);
    expect((await t.run('ls /sys/devices/platform/inabs /sys/devices/platform/inabs/input')).stdout)
      .toBe('/sys/devices/platform/inabs:\ndriver  driver_override  input  modalias  power  subsystem  uevent\n' +
        '/sys/devices/platform/inabs/input:\ninput1\n');
    expect((await t.run('readlink /sys/class/input/input1 /sys/class/input/input1/device')).stdout)
      .toBe('../../devices/platform/inabs/input/input1\n../../../inabs\n');
    expect((await t.run('cat /sys/class/input/input1/capabilities/abs /sys/class/input/input1/properties')).stdout).toBe('3\n2\n');
    expect((await t.run('cat /sys/class/input/input1/modalias')).stdout)
      .toBe('input:b0019v0000p0000e0000-e0,1,2,3,14,k110,r8,a0,1,mlsfw\n');
  });

  it('filters: ABS inside the fuzz is dropped or smoothed, REL 0 and a repeated button state are dropped', async () => {
    const { t, report } = await tablet();
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    await report('100 200');
    expect(events(f.read(4096))).toEqual([[EV_ABS, ABS_X, 100], [EV_ABS, ABS_Y, 200], SYN]);
    await report('103 200');	// within fuzz/2 of 100: no event, and an empty packet is not passed on
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    await report('110 201');	// within 2 * fuzz: halfway, 105
    expect(events(f.read(4096))).toEqual([[EV_ABS, ABS_X, 105], [EV_ABS, ABS_Y, 201], SYN]);
    await report('w 0');
    await report('b 0');
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    await report('w -2');
    await report('b 1');
    await report('b 1');
    expect(events(f.read(4096))).toEqual([[EV_REL, REL_WHEEL, -2], SYN, [EV_KEY, BTN_LEFT, 1], SYN]);
    f.close();
  });

  it('EVIOCGKEY gives the key state and drops the queued key events (and the later packets left empty)', async () => {
    const { t, report } = await tablet();
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    await report('b 1');
    await report('100 200');
    const bits = new Uint8Array(96);
    expect(f.ioctl(ioc(2, 0x18, 96), bits)).toBe(96);
    expect(bits[BTN_LEFT >> 3]).toBe(1 << (BTN_LEFT & 7));
    // The first packet's SYN_REPORT stays, as Linux keeps a leading one (the packet may be partly read).
    expect(events(f.read(4096))).toEqual([SYN, [EV_ABS, ABS_X, 100], [EV_ABS, ABS_Y, 200], SYN]);
    await report('b 0');
    await report('b 1');
    await report('b 0');
    expect(f.ioctl(ioc(2, 0x18, 96), bits)).toBe(96);
    expect(bits.every((b) => b === 0)).toBe(true);
    // Packets after the first that held nothing but key events are gone entirely.
    expect(events(f.read(4096))).toEqual([SYN]);
    f.close();
  });

  it('EVIOCGABS, EVIOCGREP (250/33 by default), EVIOCGPROP; EVIOCGRAB gives one reader every event', async () => {
    const { t, report } = await tablet();
    const a = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    const b = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    await report('300 400');
    a.read(4096); b.read(4096);
    const buf = new Uint8Array(24);
    const dv = new DataView(buf.buffer);
    expect(a.ioctl(EVIOCGABS(ABS_X), buf)).toBe(0);
    expect([0, 4, 8, 12, 16, 20].map((o) => dv.getInt32(o, true))).toEqual([300, 0, 1023, 8, 0, 0]);
    expect(a.ioctl(EVIOCGABS(ABS_Y), buf)).toBe(0);
    expect([0, 4, 8, 12].map((o) => dv.getInt32(o, true))).toEqual([400, 0, 767, 0]);
    expect(a.ioctl(EVIOCGREP, buf)).toBe(0);
    expect([dv.getInt32(0, true), dv.getInt32(4, true)]).toEqual([250, 33]);
    expect(a.ioctl(EVIOCGPROP(4), buf)).toBe(4);
    expect(dv.getUint32(0, true)).toBe(2);

    const one = new Uint8Array(4);
    one[0] = 1;
    expect(a.ioctl(EVIOCGRAB, one)).toBe(0);
    expect(() => b.ioctl(EVIOCGRAB, one)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    await report('w 1');
    expect(events(a.read(4096))).toEqual([[EV_REL, REL_WHEEL, 1], SYN]);
    expect(() => b.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    // Only the grabbing client may release it; then both see events again.
    expect(() => b.ioctl(EVIOCGRAB, 0)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(a.ioctl(EVIOCGRAB, 0)).toBe(0);
    await report('w 1');
    expect(events(b.read(4096))).toEqual([[EV_REL, REL_WHEEL, 1], SYN]);
    a.close(); b.close();
  });

  it('unbind removes the devm device, its node and the glue directory; bind makes input2; nothing leaks', async () => {
    const { t } = await tablet();
    const before = t.k.usage();
    expect((await t.run('echo inabs > /sys/bus/platform/drivers/inabs/unbind')).status).toBe(0);
    expect((await t.run('ls /sys/devices/platform/inabs; ls /dev')).stdout)
      .toBe('driver_override  modalias  power  subsystem  uevent\nfull  null  random  urandom  zero\n');
    expect((await t.run('cat /proc/bus/input/devices')).stdout).toBe('');
    expect((await t.run('echo inabs > /sys/bus/platform/drivers/inabs/bind; ls /sys/class/input /dev/input')).stdout)
      .toBe('/sys/class/input:\nevent0  input2\n/dev/input:\nevent0\n');
    expect(t.k.usage()).toEqual(before);
    expect((await t.run('rmmod input-abs; ls /sys/class/input; ls /dev')).stdout).toBe('full  null  random  urandom  zero\n');
    expect(t.k.leaks()).toEqual([]);
  });
});

describe('input core: leftovers at unload', () => {
  it('an input device the module never unregistered is reported and removed with its event node', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('input-abs')} forget=1`)).status).toBe(0);
    expect((await t.run('ls /sys/class/input /dev/input')).stdout).toBe('/sys/class/input:\nevent0  event1  input1  input2\n/dev/input:\nevent0  event1\n');
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    const mark = t.mark();
    expect((await t.run('rmmod input-abs')).status).toBe(0);
    expect(mark()).toContain("input_abs: input device 'input1' not unregistered at unload: removing it");
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    f.close();
    expect((await t.run('ls /sys/class/input; ls /dev; cat /proc/bus/input/devices')).stdout).toBe('full  null  random  urandom  zero\n');
  });
});

describe('input core: an input device whose parent is a class device (LKMPG vinput\'s shape)', () => {
  it('the module\'s class device and its node, the input device inside it, keys through /dev/vdev0', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('input-vdev')}`)).status).toBe(0);
    expect((await t.run('echo x > /sys/class/vdev/make')).status).toBe(0);
    expect(t.log()).toEqual(expect.arrayContaining(['input: vdev keyboard as /devices/virtual/vdev/vdev0/input0', 'vdev vdev0: made with input input0']));
    expect((await t.run('ls /sys/class/vdev /sys/devices/virtual/vdev/vdev0; ls /dev /dev/input')).stdout).toBe(
      '/sys/class/vdev:\nmake  vdev0\n/sys/devices/virtual/vdev/vdev0:\ndev  input0  power  subsystem  uevent\n' +
      '/dev:\nfull  input  null  random  urandom  vdev0  zero\n/dev/input:\nevent0\n');
    expect((await t.run('cat /sys/class/vdev/vdev0/dev /sys/class/input/input0/device/uevent')).stdout)
      .toMatch(/^\d+:0\nMAJOR=\d+\nMINOR=0\nDEVNAME=vdev0\n$/);
    const f = t.k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    expect((await t.run('echo +34 > /dev/vdev0; echo -34 > /dev/vdev0')).status).toBe(0);
    expect(events(f.read(4096))).toEqual([[EV_KEY, 34, 1], SYN, [EV_KEY, 34, 0], SYN]);
    f.close();
    expect((await t.run('rmmod input-vdev; ls /dev; ls /sys/class')).stdout).toBe('full  null  random  urandom  zero\nblock  input  mem  misc  net\n');
    expect(t.k.leaks()).toEqual([]);
  });
});

describe('input core: software autorepeat on the kernel clock', () => {
  it('a key held 250 ms repeats (value 2) every 33 ms (in jiffies) until released', async () => {
    let now = 1000;
    const k = await Kernel.boot({ vmlinux: new Uint8Array(readFileSync(join(BUILD, 'vmlinux.ko'))), clockMs: () => now });
    await k.insmod(new Uint8Array(readFileSync(fixture('input-abs'))));
    const advance = (ms: number) => { now += ms; return k.runTimers(); };
    const f = k.open('/dev/input/event0', O_RDONLY | O_NONBLOCK);
    k.writeFile('/proc/input_abs', 'b 1');
    expect(events(f.read(4096))).toEqual([[EV_KEY, BTN_LEFT, 1], SYN]);
    expect(advance(249)).toBe(0);
    expect(advance(1)).toBe(1);
    // The repeat's packet ends with Linux's input_value_sync: SYN_REPORT with value 1.
    const REPEAT: Ev[] = [[EV_KEY, BTN_LEFT, 2], [EV_SYN, 0, 1]];
    expect(events(f.read(4096))).toEqual(REPEAT);
    // 33 ms is 4 jiffies at HZ=100: the next repeats come 40 ms apart.
    expect(advance(39)).toBe(0);
    expect(advance(1)).toBe(1);
    expect(advance(40)).toBe(1);
    expect(events(f.read(4096))).toEqual([...REPEAT, ...REPEAT]);
    k.writeFile('/proc/input_abs', 'b 0');
    expect(events(f.read(4096))).toEqual([[EV_KEY, BTN_LEFT, 0], SYN]);
    expect(advance(1000)).toBe(0);
    expect(() => f.read(16)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    // Held at unload: the repeat timer goes with the device.
    k.writeFile('/proc/input_abs', 'b 1');
    f.close();
    await k.rmmod('input_abs');
    expect(advance(1000)).toBe(0);
    expect(k.dmesg({ time: false }).filter((l) => /timer|WARN|BUG/.test(l))).toEqual([]);
  });
});
