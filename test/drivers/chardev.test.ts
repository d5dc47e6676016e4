// Character devices, misc devices and user memory, driven from TypeScript (k.open) and the shell.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const dec = new TextDecoder();
const IOR = (nr: number) => ((2 << 30) | (4 << 16) | (0x72 << 8) | nr) >>> 0;
const IOW = (nr: number) => ((1 << 30) | (4 << 16) | (0x72 << 8) | nr) >>> 0;
const IO = (nr: number) => ((0x72 << 8) | nr) >>> 0;

describe('chardev (register_chrdev, class_create, device_create)', () => {
  it('gets a dynamic major, a /dev node and a class; exclusive open; reads count up', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('chardev')}`)).status).toBe(0);
    expect(t.log().slice(2)).toEqual(['I was assigned major number 254.', 'Device created on /dev/chardev']);
    expect((await t.run('cat /proc/devices')).stdout).toBe('Character devices:\n  1 mem\n 10 misc\n 13 input\n254 chardev\n\nBlock devices:\n');
    expect((await t.run('cat /sys/class/chardev/chardev/dev')).stdout).toBe('254:0\n');
    const f = t.k.open('/dev/chardev');
    expect(() => t.k.open('/dev/chardev')).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    expect(dec.decode(f.read(100))).toBe('I already told you 0 times Hello world!\n');
    expect(f.read(100).length).toBe(0);
    // Open files hold the module.
    expect((await t.run('rmmod chardev')).stderr).toBe('rmmod: ERROR: Module chardev is in use\n');
    f.close();
    expect((await t.run('cat /dev/chardev')).stdout).toBe('I already told you 1 times Hello world!\n');
    expect((await t.run('echo hi > /dev/chardev')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect(t.log()).toContain('Sorry, this operation is not supported.');
    expect((await t.run('rmmod chardev')).status).toBe(0);
    expect(t.k.readdir('/dev')).toEqual(['full', 'null', 'random', 'urandom', 'zero']);
    expect((await t.run('ls /sys/class')).stdout).toBe('block  input  mem  misc  net\n');
    // Loading again finds no leftovers: same major, same names.
    expect((await t.run(`insmod ${example('chardev')}`)).status).toBe(0);
    expect(t.log().filter((l) => l === 'I was assigned major number 254.')).toHaveLength(2);
  });
});

describe('rwdev (fixed major, cdev_add, llseek, ioctl)', () => {
  it('reads and writes at the file position, seeks, and answers its ioctls', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('rwdev')}`);
    expect(() => t.k.open('/dev/rwdev')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    t.k.mknod('/dev/rwdev', 240, 0);
    const f = t.k.open('/dev/rwdev', 2);
    expect(f.write('hello world')).toBe(11);
    expect(f.lseek(6)).toBe(6);
    expect(dec.decode(f.read(50))).toBe('world');
    expect(f.lseek(-5, 2)).toBe(251);
    expect(() => f.lseek(-1)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    const len = new Uint8Array(4);
    expect(f.ioctl(IOR(1), len)).toBe(0);
    expect(new DataView(len.buffer).getInt32(0, true)).toBe(11);
    expect(f.ioctl(IOW(2), new Uint8Array([0x41, 0, 0, 0]))).toBe(0);
    expect(f.lseek(0)).toBe(0);
    expect(dec.decode(f.read(4))).toBe('AAAA');
    expect(f.ioctl(IO(0))).toBe(0);
    expect(f.read(4).length).toBe(0);
    // Bad input gets Linux's errnos and leaves the kernel intact.
    expect(() => f.ioctl(IO(9))).toThrow(expect.objectContaining({ code: 'ENOTTY' }));
    expect(() => f.ioctl(IOR(1), 0x1234, { view: () => new Uint8Array(16) })).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    // A user pointer outside the caller's memory: copy_from_user fails, the write returns EFAULT.
    expect(() => f.writeFrom({ view: () => new Uint8Array(8) }, 100, 10)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    expect(f.writeFrom({ view: () => new Uint8Array(8) }, 4, 4)).toBe(4);
    f.close();
    expect(() => f.read(1)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    const ro = t.k.open('/dev/rwdev', 0);
    expect(() => ro.write('x')).toThrow(expect.objectContaining({ code: 'EBADF' }));
    ro.close();
    expect((await t.run('rmmod rwdev')).status).toBe(0);
    expect(() => t.k.open('/dev/rwdev')).toThrow(expect.objectContaining({ code: 'ENXIO' }));
  });
});

describe('miscdev (misc_register)', () => {
  it('gets major 10, a dynamic minor, its mode, and dev_info prefixes', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('miscdev')}`);
    expect(t.k.devices.longListing('lkm_misc')).toBe('crw-rw-rw- 1 root root  10, 127 lkm_misc');
    expect((await t.run('cat /dev/lkm_misc')).stdout).toBe('Hello from a misc device\n');
    await t.run('echo hi there > /dev/lkm_misc');
    expect(t.log()).toContain('misc lkm_misc: got 9 bytes: hi there');
    expect((await t.run('ls /sys/class/misc')).stdout).toBe('lkm_misc\n');
    await t.run('rmmod miscdev');
    expect((await t.run('ls /sys/class/misc')).stdout).toBe('');
    await t.run(`insmod ${example('miscdev')}`);
    expect(t.k.devices.longListing('lkm_misc')).toContain(' 10, 127 ');
  });
});
