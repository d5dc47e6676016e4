// The block layer's error paths (test/fixtures/modules/blkfaults.c): bad majors, a duplicate disk name,
// I/O errors with Linux's log line, a read-only disk, bio-based and ->complete() drivers, a busy queue,
// a request the driver keeps, and what a deleted disk's number and node give.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

const ko = fixture('blkfaults');
const load = (t: TestKernel, mode: string) => t.run(`insmod ${ko} mode=${mode}`);
const clean = async (t: TestKernel) => {
  expect(t.k.readFile('/proc/devices')).toMatch(/Block devices:\n$/);
  expect(t.k.readFile('/proc/partitions')).toBe('');
  expect((await t.run('ls /sys/block /sys/dev/block /sys/devices/virtual/block')).stdout)
    .toBe('/sys/block:\n/sys/dev/block:\n/sys/devices/virtual/block:\n');
  expect(t.k.devices.nodes.has('blkf')).toBe(false);
};

describe('block layer error paths', () => {
  it('refuses a major above 511 and a taken major with Linux\'s messages', async () => {
    const t = await bootTestKernel();
    const m = t.mark();
    expect((await load(t, 'major')).stderr).toMatch(/Invalid parameters/);
    expect((await load(t, 'busy')).stderr).toMatch(/Device or resource busy/);
    expect(m().filter((l) => l.includes('major'))).toEqual([
      '__register_blkdev: major requested (600) is greater than the maximum (511) for blkf',
      'register_blkdev: cannot get major 254 for blkf2',
    ]);
    await clean(t);
  });

  it('fails the second disk of one name with sysfs\'s duplicate message and leaves nothing', async () => {
    const t = await bootTestKernel();
    const m = t.mark();
    expect((await load(t, 'dup')).stderr).toMatch(/File exists/);
    expect(m()).toContain("sysfs: cannot create duplicate filename '/devices/virtual/block/blkf'");
    await clean(t);
  });

  it('turns BLK_STS_IOERR into EIO and logs the request as Linux does', async () => {
    const t = await bootTestKernel();
    await load(t, 'ioerr');
    expect((await t.run('printf abc > /dev/blkf && dd if=/dev/blkf bs=3 count=1 status=none')).stdout).toBe('abc');
    const m = t.mark();
    const r = await t.run('dd if=/dev/blkf bs=512 skip=8 count=1 status=none');
    // The shell's dd reads from the start, so the error comes on its first read (it says "open").
    expect(r.stderr).toBe("dd: failed to open '/dev/blkf': Input/output error\n");
    expect(m()).toContain('I/O error, dev blkf, sector 8 op 0x0:(READ) flags 0x800 phys_seg 1 prio class 0');
    expect((await t.run('rmmod blkfaults')).status).toBe(0);
    await clean(t);
  });

  it('refuses writes to a read-only disk (EPERM) and shows ro', async () => {
    const t = await bootTestKernel();
    await load(t, 'ro');
    expect(t.k.readFile('/sys/block/blkf/ro')).toBe('1\n');
    expect((await t.run('printf x > /dev/blkf')).stderr).toMatch(/Operation not permitted/);
    expect((await t.run('head -c 4 /dev/blkf | od -A n -t x1')).stdout).toBe(' 00 00 00 00\n');
    await t.run('rmmod blkfaults');
    await clean(t);
  });

  for (const mode of ['bio', 'complete', 'resource']) {
    it(`reads back what it wrote (${mode})`, async () => {
      const t = await bootTestKernel();
      expect((await load(t, mode)).status).toBe(0);
      expect((await t.run('printf "one two" > /dev/blkf && head -c 7 /dev/blkf')).stdout).toBe('one two');
      expect((await t.run('rmmod blkfaults')).status).toBe(0);
      await clean(t);
    });
  }

  it('fails a request the driver keeps with EIO; the driver may end it later', async () => {
    const t = await bootTestKernel();
    await load(t, 'async');
    const m = t.mark();
    expect((await t.run('head -c 1 /dev/blkf')).stderr).toBe('head: /dev/blkf: Input/output error\n');
    expect(m()).toContain('blk-mq: blkf: request still in flight after ->queue_rq(); this kernel cannot wait for it');
    const usage = t.k.usage();
    expect((await t.run('rmmod blkfaults')).status).toBe(0);
    expect(t.k.usage()).not.toEqual(usage);
    await clean(t);
  });

  it('removes a disk its module forgot to delete, and says so', async () => {
    const t = await bootTestKernel();
    await load(t, 'forget');
    const m = t.mark();
    expect((await t.run('rmmod blkfaults')).status).toBe(0);
    expect(m()).toContain("blkfaults: disk 'blkf' not deleted at unload: removing it");
    expect(t.k.readFile('/proc/partitions')).toBe('');
    expect((await t.run('ls /sys/block /sys/dev/block /sys/devices/virtual/block')).stdout)
      .toBe('/sys/block:\n/sys/dev/block:\n/sys/devices/virtual/block:\n');
    expect(t.k.devices.nodes.has('blkf')).toBe(false);
  });

  it('gives ENXIO for a block node whose disk is gone', async () => {
    const t = await bootTestKernel();
    await load(t, 'ro');
    expect((await t.run('mknod /dev/old b 254 0 && head -c 1 /dev/old | od -A n -t x1')).stdout).toBe(' 00\n');
    await t.run('rmmod blkfaults');
    expect((await t.run('head -c 1 /dev/old')).stderr).toMatch(/No such device or address/);
    expect((await t.run('ls -l /dev/old')).stdout).toMatch(/^brw-r--r-- 1 root root 254, +0 /);
  });
});
