// The driver core with fixture modules (test/fixtures/modules/dm-*.c): deferred probe and
// /sys/kernel/debug/devices_deferred, devres release order on unbind and on a failed probe, duplicate
// names, a bus of a module's own with refcounted devices, and what a module leaves registered.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

const res = fixture('dm-res');
const consumer = fixture('dm-consumer'), provider = fixture('dm-provider'), bus = fixture('dm-bus');
const quiet = (lines: string[]) => lines.filter((l) => l && !l.includes('taint'));

describe('driver core (dm-* fixtures)', () => {
  it('defers a probe until another driver binds, as the deferred_probe list does', async () => {
    const t = await bootTestKernel();
    let mark = t.mark();
    expect((await t.run(`insmod ${consumer}`)).status).toBe(0);
    // -EPROBE_DEFER through dev_err_probe() is debug only; the reason shows in debugfs.
    expect(quiet(mark())).toEqual([]);
    expect(t.k.readFile('/sys/kernel/debug/devices_deferred')).toBe('dmc\tdmc: waiting for dmp\n');
    expect((await t.run('ls /sys/bus/platform/drivers/dmc')).stdout).toBe('bind  module  uevent  unbind\n');
    // Binding by hand while the provider is missing: the probe defers again (EAGAIN).
    expect((await t.run('echo dmc > /sys/bus/platform/drivers/dmc/bind')).stderr)
      .toBe('lkm: echo: write error: Resource temporarily unavailable\n');
    mark = t.mark();
    expect((await t.run(`insmod ${provider}`)).status).toBe(0);
    // The provider binds: the waiting device is retried at once.
    expect(quiet(mark()).filter((l) => l.startsWith('dm'))).toEqual([
      "dmp: second driver 'dmp': -16", 'dmp dmp: provider ready', 'dmc dmc: bound', "dmp: second device 'dmp': -17",
    ]);
    expect(t.k.readFile('/sys/kernel/debug/devices_deferred')).toBe('');
    expect(t.k.readFile('/sys/devices/platform/dmc/uevent')).toBe('DRIVER=dmc\nMODALIAS=platform:dmc\n');
    expect((await t.run('rmmod dm_consumer dm_provider')).status).toBe(0);
  });

  it('refuses duplicate drivers and devices with Linux\'s messages', async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    await t.run(`insmod ${provider}`);
    const log = mark();
    expect(log).toContain("Error: Driver 'dmp' is already registered, aborting...");
    expect(log).toContain("sysfs: cannot create duplicate filename '/devices/platform/dmp'");
    expect(log).toContain("kobject: kobject_add_internal failed for dmp with -EEXIST, don't try to register things with the same name in the same directory.");
    expect((await t.run('ls /sys/bus/platform/devices')).stdout).toBe('dmp\n');
    await t.run('rmmod dm_provider');
  });

  it('releases managed resources in reverse order, on unbind and after a failed probe', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${provider}`);
    await t.run(`insmod ${consumer}`);
    let mark = t.mark();
    expect((await t.run('echo dmc > /sys/bus/platform/drivers/dmc/unbind')).status).toBe(0);
    expect(quiet(mark())).toEqual(['dmc dmc: remove', 'dmc: release second', 'dmc: release first']);
    await t.run('rmmod dm_consumer');
    mark = t.mark();
    // fail=1: probe fails after adding the resources; Linux reports the error, then releases them.
    expect((await t.run(`insmod ${consumer} fail=1`)).status).toBe(0);
    expect(quiet(mark())).toEqual([
      'dmc dmc: error -EIO: failing on purpose', 'dmc dmc: probe with driver dmc failed with error -5',
      'dmc: release second', 'dmc: release first',
    ]);
    expect((await t.run('ls /sys/devices/platform/dmc')).stdout).toBe('driver_override  modalias  power  subsystem  uevent\n');
    expect(t.k.readFile('/sys/kernel/debug/devices_deferred')).toBe('');
    expect((await t.run('rmmod dm_consumer dm_provider')).status).toBe(0);
    // The devm memory was charged to the consumer and given back at each release.
    expect(t.k.moduleList.leaks).toEqual([]);
  });

  it('reports and removes the devices and drivers a module leaves registered', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${consumer}`);
    await t.run(`insmod ${provider} leave=1`);
    const mark = t.mark();
    expect((await t.run('rmmod dm_provider')).status).toBe(0);
    expect(quiet(mark())).toEqual([
      "dm_provider: device 'dmp' not unregistered at unload: removing it",
      "dm_provider: driver 'dmp' not unregistered at unload: removing it",
    ]);
    expect((await t.run('ls /sys/bus/platform/devices')).stdout).toBe('dmc\n');
    expect((await t.run('ls /sys/bus/platform/drivers')).stdout).toBe('dmc\n');
    expect((await t.run('ls /sys/module')).stdout).not.toContain('dm_provider');
    // The kernel stays consistent: the provider loads again and the consumer stays bound.
    expect((await t.run(`insmod ${provider}`)).status).toBe(0);
    expect(t.k.readFile('/sys/devices/platform/dmc/uevent')).toBe('DRIVER=dmc\nMODALIAS=platform:dmc\n');
    expect((await t.run('rmmod dm_provider dm_consumer')).status).toBe(0);
    expect((await t.run('ls /sys/devices/platform')).stdout).toBe('power  uevent\n');
  });

  it('a failed init leaves nothing registered; a bus left behind goes with its devices and drivers', async () => {
    const t = await bootTestKernel();
    let mark = t.mark();
    expect((await t.run(`insmod ${provider} fail_init=1`)).stderr).toContain('No such device');
    expect(quiet(mark()).filter((l) => l.includes('not unregistered'))).toEqual([
      "dm_provider: device 'dmp' not unregistered at unload: removing it",
      "dm_provider: driver 'dmp' not unregistered at unload: removing it",
    ]);
    expect((await t.run('ls /sys/bus/platform/devices')).stdout).toBe('');
    expect((await t.run('ls /sys/bus/platform/drivers')).stdout).toBe('');
    expect((await t.run(`insmod ${bus} leave=1`)).status).toBe(0);
    expect((await t.run('ls /sys/bus/dmbus/devices')).stdout).toBe('dm8\n');
    mark = t.mark();
    expect((await t.run('rmmod dm_bus')).status).toBe(0);
    expect(quiet(mark())).toEqual([
      'dmbus: release dm7',
      "dm_bus: device 'dm8' not unregistered at unload: removing it", 'dm dm8: remove', 'dmbus: release dm8',
      "dm_bus: driver 'dm' not unregistered at unload: removing it",
      "dm_bus: bus 'dmbus' not unregistered at unload: removing it",
    ]);
    expect((await t.run('ls /sys/bus')).stdout).toBe('platform\n');
    expect(t.k.moduleList.leaks).toEqual([]);
    // Both load again: nothing of the first round is in the way.
    expect((await t.run(`insmod ${bus}`)).status).toBe(0);
    expect((await t.run(`insmod ${provider}`)).status).toBe(0);
    expect((await t.run('rmmod dm_bus dm_provider')).status).toBe(0);
  });

  it('a bus of its own: match, drv->probe, and a release at the last put_device()', async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    expect((await t.run(`insmod ${bus}`)).status).toBe(0);
    expect(quiet(mark())).toEqual([
      'dm dm7: probe, drvdata empty', 'dm dm7: driver dm, bound 1', 'dm dm7: remove',
      'dmbus: unregistered, still held', 'dmbus: nameless device_add: -22', 'dmbus: release ',
    ]);
    expect((await t.run('ls /sys/bus')).stdout).toBe('dmbus  platform\n');
    expect((await t.run('ls /sys/bus/dmbus')).stdout).toBe('devices  drivers  drivers_autoprobe  drivers_probe  uevent\n');
    expect((await t.run('ls /sys/bus/dmbus/devices')).stdout).toBe('');
    const m2 = t.mark();
    expect((await t.run('rmmod dm_bus')).status).toBe(0);
    expect(quiet(m2())).toEqual(['dmbus: release dm7']);
    expect((await t.run('ls /sys/bus')).stdout).toBe('platform\n');
    expect(t.k.moduleList.leaks).toEqual([]);
  });

  it('keeps resources in /proc/iomem and /proc/ioports; devm_platform_ioremap_resource claims and maps them', async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    expect((await t.run(`insmod ${res}`)).status).toBe(0);
    expect(quiet(mark()).filter((l) => l.startsWith('dmr') || l.startsWith('platform'))).toEqual([
      'platform dmr.2: failed to claim resource 0: [mem 0x20000080-0x2000017f]',
      'dmr: overlapping device: -16',
      'dmr: [mem 0x20000000-0x200000ff] [io  0x03f8-0x03ff] [irq 9]',
      // The kernel buffer that plays dmr.0's registers, read through the mapping.
      'dmr dmr.0: id 0xfeedc0de, irq 9',
      // dmr.3's window inside dmr.1's splits it: the whole of dmr.1 can no longer be claimed.
      'dmr dmr.1: can\'t request region for resource [mem 0x20000000-0x200000ff]',
      'dmr dmr.1: probe with driver dmr failed with error -16',
      // Nothing backs 0x20000010 (no bus: ioremap() maps kernel memory only), so the mapping fails as Linux's would.
      'dmr dmr.3: ioremap failed for resource [mem 0x20000010-0x2000001f]',
      'dmr dmr.3: probe with driver dmr failed with error -12',
      'dmr: second claim: refused',
    ]);
    const iomem = t.k.readFile('/proc/iomem').split('\n');
    expect(iomem[0]).toMatch(/^([0-9a-f]{8})-([0-9a-f]{8}) : regs$/);
    expect(iomem[1]).toBe(`  ${iomem[0]!.slice(0, 17)} : dmr.0 regs`);
    expect(iomem.slice(2)).toEqual([
      // dmr.3's window is its device's resource only: its mapping (and so its claim) failed.
      '20000000-200000ff : dmr.1', '  20000010-2000001f : dmr.3', '',
    ]);
    expect(t.k.readFile('/proc/ioports')).toBe('03f8-03ff : dmr.3\n');
    expect((await t.run('rmmod dm_res')).status).toBe(0);
    expect(t.k.readFile('/proc/iomem')).toBe('');
    expect(t.k.readFile('/proc/ioports')).toBe('');
    expect(t.k.moduleList.leaks).toEqual([]);
  });
});
