// The driver model on the platform bus (modules-src/platform-demo): probe/remove with Linux's dev_info
// prefix, /sys/bus/platform and /sys/devices/platform as Linux lays them out, bind/unbind from the
// shell, and insmod/rmmod in either order leaving nothing behind.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const drv = example('pdemo'), board = example('pdemo-board');
const quietProbe = (lines: string[]) => lines.filter((l) => l.startsWith('pdemo pdemo'));
const ls = async (t: TestKernel, path: string) => (await t.run(`ls ${path}`)).stdout;

const PROBE_LEFT = 'pdemo pdemo.0: left: registers 0x10000000-0x100000ff, irq 42, gain 7';
const PROBE_RIGHT = 'pdemo pdemo-lite: right: registers 0x10001000-0x1000103f, no irq, gain 3';

/** What the kernel holds after boot, to compare with after everything is unloaded. */
async function baseline(t: TestKernel) {
  // A warm-up round: first uses allocate lasting structures (ida layers, kernfs roots).
  for (const m of [drv, board]) expect((await t.run(`insmod ${m}`)).status).toBe(0);
  expect((await t.run('rmmod pdemo_board pdemo')).status).toBe(0);
  return { usage: t.k.usage(), bus: await ls(t, '/sys/bus/platform/devices /sys/bus/platform/drivers /sys/devices/platform') };
}

describe('platform-demo (platform_driver, platform_device_register_resndata, devm, id_table)', () => {
  it('probes with resources and platform data, and prints as Linux does', async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    expect((await t.run(`insmod ${board}`)).status).toBe(0);
    // No driver yet: dev_info's prefix is the bus name.
    expect(mark().filter((l) => l.includes('pdemo.0'))).toEqual(['platform pdemo.0: registered']);
    const m2 = t.mark();
    expect((await t.run(`insmod ${drv}`)).status).toBe(0);
    expect(m2().filter(Boolean).filter((l) => !l.includes('taint'))).toEqual([PROBE_LEFT, PROBE_RIGHT]);
    const m3 = t.mark();
    expect((await t.run('rmmod pdemo')).status).toBe(0);
    // Unbinding goes in reverse order of binding.
    expect(m3().filter(Boolean)).toEqual(['pdemo pdemo-lite: right: removed', 'pdemo pdemo.0: left: removed']);
    expect((await t.run('rmmod pdemo_board')).status).toBe(0);
  });

  it('lays out /sys/bus/platform and /sys/devices/platform', async () => {
    const t = await bootTestKernel();
    expect(await ls(t, '/sys')).toBe('block  bus  class  dev  devices  kernel  module\n');
    expect(await ls(t, '/sys/bus/platform')).toBe('devices  drivers  drivers_autoprobe  drivers_probe  uevent\n');
    await t.run(`insmod ${drv}`);
    await t.run(`insmod ${board}`);
    expect(await ls(t, '/sys/bus/platform/devices')).toBe('pdemo-lite  pdemo.0\n');
    expect(await ls(t, '/sys/bus/platform/drivers')).toBe('pdemo\n');
    expect(await ls(t, '/sys/bus/platform/drivers/pdemo')).toBe('bind  module  pdemo-lite  pdemo.0  uevent  unbind\n');
    expect(await ls(t, '/sys/devices/platform')).toBe('pdemo-lite  pdemo.0  power  uevent\n');
    expect(await ls(t, '/sys/devices/platform/pdemo.0')).toBe('driver  driver_override  gain  modalias  power  subsystem  uevent\n');
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/uevent')).toBe('DRIVER=pdemo\nMODALIAS=platform:pdemo\n');
    expect(t.k.readFile('/sys/devices/platform/pdemo-lite/modalias')).toBe('platform:pdemo-lite\n');
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/driver_override')).toBe('(null)\n');
    // power/: runtime PM is never enabled here, as for a device whose driver does not use it.
    expect(await ls(t, '/sys/devices/platform/pdemo.0/power')).toBe('autosuspend_delay_ms  control  runtime_active_time  runtime_status  runtime_suspended_time\n');
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/power/runtime_status')).toBe('unsupported\n');
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/power/control')).toBe('auto\n');
    expect((await t.run('echo on > /sys/devices/platform/pdemo.0/power/control')).status).toBe(0);
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/power/control')).toBe('on\n');
    expect((await t.run('echo off > /sys/devices/platform/pdemo.0/power/control')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect((await t.run('cat /sys/devices/platform/pdemo.0/power/autosuspend_delay_ms')).stderr)
      .toBe('cat: /sys/devices/platform/pdemo.0/power/autosuspend_delay_ms: Input/output error\n');
    // The register windows are in the resource tree, named as the board named them (else after the device).
    expect(t.k.readFile('/proc/iomem')).toBe('10000000-100000ff : regs\n10001000-1000103f : pdemo-lite\n');
    // The links are Linux's, relative to their directory, and lead where Linux's do.
    expect((await t.run('readlink /sys/devices/platform/pdemo.0/driver /sys/devices/platform/pdemo.0/subsystem')).stdout)
      .toBe('../../../bus/platform/drivers/pdemo\n../../../bus/platform\n');
    expect((await t.run('readlink /sys/bus/platform/devices/pdemo.0 /sys/bus/platform/drivers/pdemo/pdemo.0')).stdout)
      .toBe('../../../devices/platform/pdemo.0\n../../../../devices/platform/pdemo.0\n');
    expect((await t.run('readlink /sys/bus/platform/drivers/pdemo/module /sys/module/pdemo/drivers/platform:pdemo')).stdout)
      .toBe('../../../../module/pdemo\n../../../bus/platform/drivers/pdemo\n');
    expect(await t.run('readlink /sys/devices/platform/pdemo.0/uevent')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await ls(t, '/sys/devices/platform/pdemo.0/driver')).toBe('bind  module  pdemo-lite  pdemo.0  uevent  unbind\n');
    expect(await ls(t, '/sys/bus/platform/devices/pdemo.0/subsystem')).toBe('devices  drivers  drivers_autoprobe  drivers_probe  uevent\n');
    expect(t.k.readFile('/sys/bus/platform/drivers/pdemo/module/initstate')).toBe('live\n');
    expect(await ls(t, '/sys/module/pdemo/drivers')).toBe('platform:pdemo\n');
    // The driver's dev_groups attribute, on its devm state.
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/gain')).toBe('7\n');
    expect((await t.run('echo 9 > /sys/devices/platform/pdemo.0/gain')).status).toBe(0);
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/gain')).toBe('9\n');
    expect((await t.run('echo 4 > /sys/devices/platform/pdemo-lite/gain')).stderr).toBe('lkm: echo: write error: Numerical result out of range\n');
    await t.run('rmmod pdemo');
    expect(await ls(t, '/sys/devices/platform/pdemo.0')).toBe('driver_override  modalias  power  subsystem  uevent\n');
    expect(t.k.readFile('/sys/devices/platform/pdemo.0/uevent')).toBe('MODALIAS=platform:pdemo\n');
    expect(await ls(t, '/sys/module')).not.toContain('pdemo\n');
    await t.run('rmmod pdemo_board');
    expect(await ls(t, '/sys/devices/platform')).toBe('power  uevent\n');
  });

  it('binds and unbinds from the shell; driver_override picks the driver', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${drv}`);
    await t.run(`insmod ${board}`);
    let mark = t.mark();
    expect((await t.run('echo pdemo.0 > /sys/bus/platform/drivers/pdemo/unbind')).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual(['pdemo pdemo.0: left: removed']);
    expect(await ls(t, '/sys/bus/platform/drivers/pdemo')).toBe('bind  module  pdemo-lite  uevent  unbind\n');
    // Unbinding a device the driver does not have, or a name nobody has: ENODEV.
    expect((await t.run('echo pdemo.0 > /sys/bus/platform/drivers/pdemo/unbind')).stderr).toBe('lkm: echo: write error: No such device\n');
    expect((await t.run('echo nosuch > /sys/bus/platform/drivers/pdemo/bind')).stderr).toBe('lkm: echo: write error: No such device\n');
    mark = t.mark();
    expect((await t.run('echo pdemo.0 > /sys/bus/platform/drivers/pdemo/bind')).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual([PROBE_LEFT]);
    // Bound already: EBUSY.
    expect((await t.run('echo pdemo.0 > /sys/bus/platform/drivers/pdemo/bind')).stderr).toBe('lkm: echo: write error: Device or resource busy\n');
    // driver_override naming another driver: this one no longer matches (bind is ENODEV), and the
    // override clears with an empty line.
    await t.run('echo pdemo-lite > /sys/bus/platform/drivers/pdemo/unbind');
    expect((await t.run('echo other > /sys/devices/platform/pdemo-lite/driver_override')).status).toBe(0);
    expect(t.k.readFile('/sys/devices/platform/pdemo-lite/driver_override')).toBe('other\n');
    expect((await t.run('echo pdemo-lite > /sys/bus/platform/drivers/pdemo/bind')).stderr).toBe('lkm: echo: write error: No such device\n');
    expect((await t.run('echo > /sys/devices/platform/pdemo-lite/driver_override')).status).toBe(0);
    expect(t.k.readFile('/sys/devices/platform/pdemo-lite/driver_override')).toBe('(null)\n');
    // drivers_probe: the bus tries its drivers again.
    mark = t.mark();
    expect((await t.run('echo pdemo-lite > /sys/bus/platform/drivers_probe')).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual([PROBE_RIGHT]);
    await t.run('rmmod pdemo pdemo_board');
  });

  it('the modalias finds the driver module (MODULE_DEVICE_TABLE(platform, …))', async () => {
    const t = await bootTestKernel();
    // modprobe reads modules.dep and modules.alias, which depmod writes (a clean build tree has none).
    expect((await t.run('depmod -a')).status).toBe(0);
    expect((await t.run('modprobe pdemo-board')).status).toBe(0);
    expect(await ls(t, '/sys/bus/platform/drivers')).toBe('');
    const mark = t.mark();
    expect((await t.run('modprobe $(cat /sys/devices/platform/pdemo-lite/modalias)')).status).toBe(0);
    expect(quietProbe(mark())).toEqual([PROBE_LEFT, PROBE_RIGHT]);
    expect((await t.run('modprobe -r pdemo pdemo_board')).status).toBe(0);
  });

  it('insmod and rmmod in any order leave nothing behind', async () => {
    const t = await bootTestKernel();
    const base = await baseline(t);
    for (const [load, unload] of [['pdemo', 'pdemo_board'], ['pdemo_board', 'pdemo']].flatMap((u) => [[['pdemo', 'pdemo-board'], u], [['pdemo-board', 'pdemo'], u]])) {
      for (const m of load) expect((await t.run(`insmod ${example(m)}`)).status).toBe(0);
      expect(t.k.readFile('/sys/devices/platform/pdemo.0/uevent')).toBe('DRIVER=pdemo\nMODALIAS=platform:pdemo\n');
      for (const m of unload) expect((await t.run(`rmmod ${m}`)).status).toBe(0);
      expect(await ls(t, '/sys/bus/platform/devices /sys/bus/platform/drivers /sys/devices/platform')).toBe(base.bus);
      expect(t.k.usage()).toEqual(base.usage);
    }
    expect(t.k.moduleList.leaks).toEqual([]);
    expect(t.log().filter((l) => /WARNING|not unregistered|leak/.test(l))).toEqual([]);
  });
});
