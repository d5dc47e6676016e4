// sysfs: a kobject under /sys/kernel with an attribute group; show/store semantics, permissions,
// PAGE_SIZE limits, files of a removed kobject, duplicates.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

const dec = new TextDecoder();
const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2;

describe('sysfs-attr (kobject_create_and_add, sysfs_create_group, __ATTR*)', () => {
  it('shows and stores through the shell and k.open', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('sysfs-attr')}`)).status).toBe(0);
    expect((await t.run('ls /sys')).stdout).toBe('block  bus  class  dev  devices  kernel  module\n');
    expect((await t.run('ls /sys/kernel')).stdout).toBe('debug  oops_count  sysfs_attr  warn_count\n');
    expect((await t.run('ls /sys/kernel/sysfs_attr')).stdout).toBe('reset  value  writes\n');
    expect((await t.run('cat /sys/kernel/sysfs_attr/value')).stdout).toBe('0\n');
    expect((await t.run('echo 32 > /sys/kernel/sysfs_attr/value')).status).toBe(0);
    expect((await t.run('cat /sys/kernel/sysfs_attr/value')).stdout).toBe('32\n');
    t.k.writeFile('/sys/kernel/sysfs_attr/value', '-7');
    expect(t.k.readFile('/sys/kernel/sysfs_attr/value')).toBe('-7\n');
    expect(t.k.readFile('/sys/kernel/sysfs_attr/writes')).toBe('2\n');
    // store() refuses: the write fails with its errno.
    expect((await t.run('echo abc > /sys/kernel/sysfs_attr/value')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    // No write bit (or no store): EACCES at open, even for root; no read bit: the same for reading.
    expect((await t.run('echo 1 > /sys/kernel/sysfs_attr/writes')).stderr).toBe('lkm: echo: write error: Permission denied\n');
    expect((await t.run('cat /sys/kernel/sysfs_attr/reset')).stderr).toBe('cat: /sys/kernel/sysfs_attr/reset: Permission denied\n');
    expect(() => t.k.open('/sys/kernel/sysfs_attr/reset', O_RDWR)).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect((await t.run('echo 1 > /sys/kernel/sysfs_attr/reset')).status).toBe(0);
    expect(t.k.readFile('/sys/kernel/sysfs_attr/value')).toBe('0\n');
    expect(t.log()).toContain('sysfs_attr: reset');
    expect(() => t.k.open('/sys/kernel/sysfs_attr')).toThrow(expect.objectContaining({ code: 'EISDIR' }));

    // show() runs once per open file, from offset 0: small reads continue the same text.
    const f = t.k.open('/sys/kernel/sysfs_attr/value', O_RDWR);
    expect(f.write('123456')).toBe(6);
    // The write moved the position, as on Linux: reading from there shows the rest of the text.
    expect(dec.decode(f.read(3))).toBe('\n');
    expect(f.lseek(0)).toBe(0);
    expect(dec.decode(f.read(3))).toBe('123');
    expect(dec.decode(f.read(3))).toBe('456');
    expect(dec.decode(f.read(3))).toBe('\n');
    expect(f.read(3).length).toBe(0);
    // The size of a sysfs file is a page.
    expect(f.lseek(0, 2)).toBe(4096);
    expect(f.lseek(0)).toBe(0);
    expect(() => f.writeFrom({ view: () => new Uint8Array(2) }, 8, 2)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    f.close();

    // poll(): a sysfs_notify() since the last read is EPOLLERR | EPOLLPRI, until the file is read again.
    const DEFAULT = 0x1 | 0x4 | 0x40 | 0x100, PRI = 0x2 | 0x8;
    const w8 = t.k.open('/sys/kernel/sysfs_attr/writes');
    expect(w8.poll()).toBe(DEFAULT);
    t.k.writeFile('/sys/kernel/sysfs_attr/value', '5');
    expect(w8.poll()).toBe(DEFAULT | PRI);
    expect(dec.decode(w8.read(10))).toBe('2\n');
    expect(w8.poll()).toBe(DEFAULT);
    w8.close();

    // Files of a removed kobject fail with ENODEV; an open sysfs file does not hold the module.
    const g = t.k.open('/sys/kernel/sysfs_attr/value', O_RDONLY);
    expect((await t.run('rmmod sysfs_attr')).status).toBe(0);
    expect(() => g.read(10)).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    g.close();
    expect((await t.run('ls /sys/kernel')).stdout).toBe('debug  oops_count  warn_count\n');
    const mark = t.mark();
    expect((await t.run(`insmod ${example('sysfs-attr')}`)).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual([]);
    expect(t.k.readFile('/sys/kernel/sysfs_attr/value')).toBe('0\n');
    const w = t.k.open('/sys/kernel/sysfs_attr/value', O_WRONLY);
    expect(() => w.read(1)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    w.close();
  });

  it('a show() that fills the page is cut to PAGE_SIZE - 1 with Linux\'s message; no show() reads EIO', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')}`);
    expect(t.k.readFile('/sys/kernel/pfs/big')).toBe('b'.repeat(4095));
    expect(t.log()).toContain('fill_read_buffer: kobj_attr_show+0x0/0x0 returned bad count');
    expect((await t.run('cat /sys/kernel/pfs/noshow')).stderr).toBe('cat: /sys/kernel/pfs/noshow: Input/output error\n');
  });

  it('refuses duplicate kobjects and files with sysfs\'s messages', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')} mode=dup`);
    const log = t.log();
    expect(log).toEqual(expect.arrayContaining([
      "sysfs: cannot create duplicate filename '/kernel/pfs'",
      "kobject: kobject_add_internal failed for pfs with -EEXIST, don't try to register things with the same name in the same directory.",
      'kobject: kobject_create_and_add: kobject_add error: -17',
      'second kobject: refused',
      "sysfs: cannot create duplicate filename '/kernel/pfs/big'",
      'second sysfs file: -17',
    ]));
    // dump_stack() after the duplicate name, as sysfs_warn_dup() does.
    const at = log.indexOf("sysfs: cannot create duplicate filename '/kernel/pfs'");
    expect(log[at + 1]).toMatch(/^CPU: 0 UID: 0 PID: \d+ Comm: insmod /);
    expect(t.k.readdir('/sys/kernel/pfs')).toEqual(['big', 'noshow', 'eeprom']);
  });

  it('class and device attributes: CLASS_ATTR_RO, class dev_groups with DEVICE_ATTR_RW, device_create_file', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('pseudofs')}`)).status).toBe(0);
    expect((await t.run('ls /sys/class')).stdout).toBe('block  input  mem  misc  net  pfs_class\n');
    expect((await t.run('ls /sys/class/pfs_class')).stdout).toBe('pfs0  version\n');
    expect((await t.run('cat /sys/class/pfs_class/version')).stdout).toBe('pfs_class 1.0\n');
    expect((await t.run('ls /sys/class/pfs_class/pfs0')).stdout).toBe('level  serial  uevent\n');
    expect((await t.run('cat /sys/class/pfs_class/pfs0/level')).stdout).toBe('pfs0: 3\n');
    expect((await t.run('echo 9 > /sys/class/pfs_class/pfs0/level')).status).toBe(0);
    expect(t.k.readFile('/sys/class/pfs_class/pfs0/level')).toBe('pfs0: 9\n');
    expect((await t.run('echo x > /sys/class/pfs_class/pfs0/level')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect(t.k.readFile('/sys/class/pfs_class/pfs0/serial')).toBe('PFS-0042\n');
    expect((await t.run('echo 1 > /sys/class/pfs_class/version')).stderr).toBe('lkm: echo: write error: Permission denied\n');
    expect((await t.run('rmmod pseudofs')).status).toBe(0);
    expect((await t.run('ls /sys/class')).stdout).toBe('block  input  mem  misc  net\n');
    expect(t.log().filter((l) => l.includes('not removed') || l.includes('WARNING'))).toEqual([]);
  });

  it('binary attributes: read and written at an offset within their size', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')}`);
    const f = t.k.open('/sys/kernel/pfs/eeprom', 2);
    expect(f.read(100)).toEqual(new Uint8Array(32));
    expect(f.read(10).length).toBe(0);
    expect(f.lseek(30)).toBe(30);
    // Past the end: EFBIG; up to the end: cut to what fits.
    expect(f.write('abcdef')).toBe(2);
    expect(() => f.write('x')).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    expect(f.lseek(0, 2)).toBe(32);
    expect(f.lseek(28)).toBe(28);
    expect(dec.decode(f.read(10))).toBe('\0\0ab');
    // At the end nothing is copied, so even a bad buffer reads 0; before it, a bad buffer is EFAULT.
    expect(f.readInto({ view: () => new Uint8Array(2) }, 8, 2)).toBe(0);
    expect(f.lseek(0)).toBe(0);
    expect(() => f.readInto({ view: () => new Uint8Array(2) }, 8, 2)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    f.close();
    expect(t.k.readdir('/sys/kernel/pfs')).toEqual(['big', 'noshow', 'eeprom']);
  });
});
