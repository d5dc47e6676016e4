// FS_REQUIRES_DEV mounts (test/fixtures/modules/blkfs.c on modules-src/blkram): get_tree_bdev finds the
// disk by its /dev path and opens it, the file system reads and writes blocks through the buffer cache,
// and the device stays in use while it is mounted.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

describe('a block device file system (get_tree_bdev, sb_bread, mark_buffer_dirty)', () => {
  it('mounts /dev/blkram, reads and writes through blocks, and holds the disk while mounted', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('blkram')} && insmod ${fixture('blkfs')}`)).status).toBe(0);
    expect(t.k.readFile('/proc/filesystems')).toMatch(/\n\tblkfs\n/);
    expect((await t.run('mkdir -p /mnt/b')).status).toBe(0);
    // An empty disk has no blkfs on it.
    const m = t.mark();
    expect((await t.run('mount -t blkfs /dev/blkram /mnt/b')).status).not.toBe(0);
    expect(m()).toContain("blkfs: can't find a blkfs on blkram");
    expect((await t.run('mount -t blkfs /dev/nothing /mnt/b')).status).not.toBe(0);
    // Block 0: the magic and a length of 5; block 1: the data.
    expect((await t.run('{ printf "BLKFS1\\0\\0\\5\\0\\0\\0"; head -c 500 /dev/zero; printf hello; } > /dev/blkram')).status).toBe(0);
    expect((await t.run('hexdump -C -n 16 -s 512 /dev/blkram')).stdout).toContain('68 65 6c 6c 6f');
    expect(await t.run('mount -t blkfs /dev/blkram /mnt/b')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(t.k.readFile('/proc/mounts')).toContain('/dev/blkram /mnt/b blkfs rw');
    expect((await t.run('cat /mnt/b/data')).stdout).toBe('hello');
    expect((await t.run('rmmod blkram')).stderr).toBe('rmmod: ERROR: Module blkram is in use\n');
    expect((await t.run('echo "block device file system" > /mnt/b/data')).status).toBe(0);
    expect((await t.run('cat /mnt/b/data')).stdout).toBe('block device file system\n');
    expect((await t.run('umount /mnt/b')).status).toBe(0);
    // The buffers went to the disk: the device file shows the new length and bytes.
    expect((await t.run('od -A d -t u1 -j 8 -N 1 /dev/blkram')).stdout).toBe('0000008  25\n0000009\n');
    expect((await t.run('dd if=/dev/blkram bs=1 skip=512 count=25 status=none')).stdout).toBe('block device file system\n');
    // Mounted again, the data is still there.
    expect((await t.run('mount -t blkfs /dev/blkram /mnt/b && cat /mnt/b/data && umount /mnt/b')).stdout).toBe('block device file system\n');
    const usage = t.k.usage();
    expect((await t.run('mount -t blkfs /dev/blkram /mnt/b && cat /mnt/b/data > /dev/null && umount /mnt/b')).status).toBe(0);
    expect(t.k.usage()).toEqual(usage);
    expect((await t.run('rmmod blkfs blkram')).status).toBe(0);
  });
});
