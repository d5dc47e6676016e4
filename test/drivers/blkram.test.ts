// Block devices (modules-src/blkram): a blk-mq RAM disk written and read from the shell (dd, od,
// hexdump) and from a C program, Linux's /proc/devices, /proc/partitions and /sys/block layouts, and
// rmmod (or a failed load) leaving nothing behind.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../helpers/kernel.js';
import { bootNodeKernel } from '../../src/session/boot.node.js';
import { failNthSweep } from '../../src/testing/fail-nth-sweep.js';
import { formatSweep } from '../../src/testing/fail-nth-report.js';
import { BUILD, example } from '../helpers/paths.js';

const ko = example('blkram');
const traces = async (t: TestKernel) => ({
  devices: t.k.readFile('/proc/devices'),
  partitions: t.k.readFile('/proc/partitions'),
  ls: (await t.run('ls /dev /sys/block /sys/class/block /sys/dev/block /sys/devices/virtual/block')).stdout,
});

describe('blkram (register_blkdev, blk-mq, gendisk, the block device file)', () => {
  it('registers a major, a disk and its sysfs entries as Linux lays them out', async () => {
    const t = await bootTestKernel();
    expect(t.k.readFile('/proc/partitions')).toBe('');
    expect((await t.run(`insmod ${ko} capacity_mb=2`)).status).toBe(0);
    expect(t.k.readFile('/proc/devices')).toMatch(/\nBlock devices:\n254 blkram\n$/);
    expect(t.k.readFile('/proc/partitions')).toBe('major minor  #blocks  name\n\n 254        0       2048 blkram\n');
    expect((await t.run('ls -l /dev/blkram')).stdout).toMatch(/^brw------- 1 root root 254, +0 .* \/dev\/blkram\n$/);
    expect((await t.run('ls /sys/block /sys/class/block /sys/dev/block')).stdout)
      .toBe('/sys/block:\nblkram\n/sys/class/block:\nblkram\n/sys/dev/block:\n254:0\n');
    expect((await t.run('readlink /sys/block/blkram /sys/class/block/blkram /sys/dev/block/254:0 /sys/block/blkram/subsystem')).stdout)
      .toBe('../devices/virtual/block/blkram\n../../devices/virtual/block/blkram\n../../devices/virtual/block/blkram\n../../../../class/block\n');
    const d = '/sys/block/blkram';
    expect((await t.run(`cat ${d}/size ${d}/dev ${d}/ro ${d}/removable ${d}/range ${d}/ext_range`)).stdout).toBe('4096\n254:0\n0\n0\n1\n256\n');
    expect(t.k.readFile(`${d}/uevent`)).toBe('MAJOR=254\nMINOR=0\nDEVNAME=blkram\nDEVTYPE=disk\nDISKSEQ=1\n');
    expect((await t.run(`cat ${d}/queue/logical_block_size ${d}/queue/physical_block_size ${d}/queue/max_sectors_kb ${d}/queue/nr_requests ${d}/queue/rotational`)).stdout)
      .toBe('512\n4096\n127\n64\n0\n');
    expect(t.k.readFile(`${d}/stat`)).toBe(`${'       0 '.repeat(16)}       0\n`);
  });

  it('writes with dd and reads back with od and hexdump, partial blocks included', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${ko}`);
    expect((await t.run('dd if=/dev/zero of=/dev/blkram bs=4k count=8')).stderr).toMatch(/^8\+0 records in\n8\+0 records out\n32768 bytes \(33 kB, 32 KiB\) copied/);
    // 11 bytes: less than a sector; the block layer reads the page, patches it and writes it back.
    expect((await t.run('printf "ABCDEFGHIJK" > /dev/blkram')).status).toBe(0);
    expect((await t.run('od -A d -t c -N 16 /dev/blkram')).stdout)
      .toBe('0000000   A   B   C   D   E   F   G   H   I   J   K  \\0  \\0  \\0  \\0  \\0\n0000016\n');
    expect((await t.run('hexdump -C -n 32 /dev/blkram')).stdout).toBe([
      '00000000  41 42 43 44 45 46 47 48  49 4a 4b 00 00 00 00 00  |ABCDEFGHIJK.....|',
      '00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|',
      '00000020', ''].join('\n'));
    // The whole disk reads back at its size, and the reads and writes were requests (sectors counted).
    expect((await t.run('wc -c < /dev/blkram')).stdout.trim()).toBe('1048576');
    const stat = t.k.readFile('/sys/block/blkram/stat').trim().split(/\s+/).map(Number);
    expect(stat[0]).toBeGreaterThan(0);
    expect(stat[6]).toBeGreaterThanOrEqual(64);
  });

  it('serves a C program: size ioctls, lseek, unaligned pwrite/pread, geometry, the end of the disk', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${ko}`);
    const r = await t.run(`cd ${BUILD}/bin && ./blkram-user "data across a page"`);
    expect(r).toEqual({
      status: 0, stderr: '', stdout: [
        'open: 4', 'BLKGETSIZE64: 0', 'size=1048576', 'BLKSSZGET: 0', 'sector=512', 'lseek end: 1048576',
        'pwrite 4090: 18', 'pread 4090: 18', 'data=data across a page', 'HDIO_GETGEO: 0', 'heads=64 sectors=32 cylinders=1',
        'pread at end: 0', 'pwrite at end: No space left on device', 'pwrite across end: 4', 'close: 0', '',
      ].join('\n'),
    });
    expect((await t.run('dd if=/dev/blkram bs=1 skip=4090 count=18 status=none')).stdout).toBe('data across a page');
    // While the device is open the module is in use; afterwards rmmod works.
    expect((await t.run('rmmod blkram')).status).toBe(0);
  });

  it('serves the C program with the kernel in a worker (ioctl arguments cross the program channel)', async () => {
    const t = await bootTestKernel({ isolate: 'worker' });
    try {
      expect((await t.run(`insmod ${ko}`)).status).toBe(0);
      const r = await t.run(`cd ${BUILD}/bin && ./blkram-user`);
      expect(r.stdout).toContain('BLKSSZGET: 0\nsector=512\n');
      expect(r.stdout).toContain('BLKGETSIZE64: 0\nsize=1048576\n');
      expect(r.stdout).toContain('heads=64 sectors=32 cylinders=1\n');
      expect(r.stdout).toContain('data=hello, block device\n');
      expect((await t.run('rmmod blkram')).status).toBe(0);
    } finally {
      await (t.k as unknown as { close(): Promise<void> }).close();
    }
  }, 60_000);

  it('holds the module while the device is open; reads and seeks through a KernelFile', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${ko}`);
    await t.run('printf "0123456789" > /dev/blkram');
    const f = t.k.open('/dev/blkram', 2);
    expect((await t.run('rmmod blkram')).stderr).toBe('rmmod: ERROR: Module blkram is in use\n');
    expect(f.lseek(-2, 2)).toBe(1048574);
    expect(f.lseek(4, 0)).toBe(4);
    expect(new TextDecoder().decode(f.read(3))).toBe('456');
    expect(() => f.lseek(-1, 0)).toThrow();
    f.close();
    expect((await t.run('rmmod blkram')).status).toBe(0);
  });

  it('leaves nothing behind after rmmod, and a failed load registers nothing', async () => {
    const t = await bootTestKernel();
    const before = await traces(t);
    await t.run(`insmod ${ko}`);
    await t.run('rmmod blkram');
    const usage = t.k.usage();
    expect(await traces(t)).toEqual(before);
    const bad = await t.run(`insmod ${ko} capacity_mb=0`);
    expect(bad.status).not.toBe(0);
    expect(t.log()).toContain('blkram: capacity_mb=0 out of range (1 to 64)');
    expect(await traces(t)).toEqual(before);
    await t.run(`insmod ${ko}`);
    await t.run('rmmod blkram');
    expect(t.k.usage()).toEqual(usage);
    expect((await t.run('cat /dev/blkram')).stderr).toMatch(/No such file or directory/);
  });

  it('cleans up after every allocation that can fail during its load (fail-nth sweep)', async () => {
    const s = await failNthSweep(async () => (await bootNodeKernel()).kernel, ko);
    const lines = formatSweep(s);
    expect(s.count).toBeGreaterThan(10);
    expect(lines.filter((l) => !/: init -12 ENOMEM, clean$/.test(l))).toEqual([]);
  }, 300_000);
});
