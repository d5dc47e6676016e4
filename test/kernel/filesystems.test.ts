// File system types, mount(2) and umount(2) from TypeScript: register_filesystem and its errors,
// /proc/filesystems and /proc/mounts, a mounted tinyfs read and written through its file operations, the
// module held by the superblock, busy mounts, and failures that leave nothing behind.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, type TestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';
import { MNT_DETACH, MS } from '../../src/kernel/mounts.js';
import { O_RDWR, O_WRONLY } from '../../src/kernel/file.js';
import { KernelSystem } from '../../src/user/kernel-system.js';

const dec = new TextDecoder();
const BOOT_FILESYSTEMS = 'nodev\tsysfs\nnodev\tproc\nnodev\tdevtmpfs\nnodev\tdebugfs\n';
const BOOT_MOUNTS = 'proc /proc proc rw,relatime 0 0\nsysfs /sys sysfs rw,relatime 0 0\n' +
  'devtmpfs /dev devtmpfs rw,relatime,mode=755 0 0\ndebugfs /sys/kernel/debug debugfs rw,relatime 0 0\n';

/** Bytes the kernel's allocator has handed out (vmlinux lkm_mm_stats). */
function heapInUse(t: TestKernel): number {
  const vm = t.k.vm as unknown as { lkm_mm_stats(out: number): void };
  vm.lkm_mm_stats(t.k.scratchBuffer);
  return t.k.mem.u32(t.k.scratchBuffer);
}

const refcount = (t: TestKernel, name: string) => t.k.lsmod().find((m) => m.name === name)?.refcount;

describe('file system types (register_filesystem, /proc/filesystems)', () => {
  it('lists the kernel\'s own types, then modules\' in registration order, with nodev for types without a device', async () => {
    const t = await bootTestKernel();
    expect(t.k.readFile('/proc/filesystems')).toBe(BOOT_FILESYSTEMS);
    expect(t.k.readdir('/proc')).toEqual(expect.arrayContaining(['filesystems', 'mounts', 'self']));
    const mark = t.mark();
    await t.k.insmod(fixture('fstypes'));
    // A second register_filesystem() of one type is EBUSY, unregistering one never registered EINVAL;
    // get_fs_type() takes a reference on the owner (put again at once).
    expect(mark()).toEqual(expect.arrayContaining([
      'fstypes: register legacyfs again: -16',
      'fstypes: unregister neverfs: -22',
    ]));
    // (refcount: the reference init holds, plus get_fs_type()'s.)
    expect(mark()).toContain('fstypes: get_fs_type(legacyfs) found, refcount 2');
    expect(t.k.readFile('/proc/filesystems')).toBe(`${BOOT_FILESYSTEMS}nodev\tlegacyfs\nnodev\tfailfs\n\tblockfs\nnodev\tanonfs\n`);
    expect(refcount(t, 'fstypes')).toBe(0);
    t.k.rmmod('fstypes');
    expect(t.k.readFile('/proc/filesystems')).toBe(BOOT_FILESYSTEMS);
    expect(() => t.k.mount('none', '/sys/kernel', 'legacyfs')).toThrow(expect.objectContaining({ code: 'ENODEV' }));
  });
});

describe('mount(2) and umount(2) of tinyfs', () => {
  it('serves the module\'s files at the mount point; the superblock holds the module until umount', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(example('tinyfs'));
    await t.run('mkdir -p /mnt/tiny');
    expect(t.k.readFile('/proc/filesystems').split('\n')).toContain('nodev\ttinyfs');
    t.k.mount('none', '/mnt/tiny', 'tinyfs');
    expect(t.k.readFile('/proc/mounts')).toBe(`${BOOT_MOUNTS}none /mnt/tiny tinyfs rw,relatime 0 0\n`);
    expect(t.k.readFile('/proc/self/mounts')).toBe(t.k.readFile('/proc/mounts'));
    expect(t.k.mountPoints()).toContain('/mnt/tiny');
    expect(t.k.readdir('/mnt/tiny').sort()).toEqual(['counter', 'message', 'sub']);
    expect(t.k.readdir('/mnt/tiny/sub')).toEqual(['hits']);
    // Each read from the start takes the next number; the counter is per mount.
    expect(t.k.readFile('/mnt/tiny/counter')).toBe('0\n');
    expect(t.k.readFile('/mnt/tiny/counter')).toBe('1\n');
    t.k.writeFile('/mnt/tiny/counter', '41');
    expect(t.k.readFile('/mnt/tiny/counter')).toBe('41\n');
    t.k.writeFile('/mnt/tiny/message', 'hello, tinyfs\n');
    expect(t.k.readFile('/mnt/tiny/message')).toBe('hello, tinyfs\n');
    expect(t.k.readFile('/mnt/tiny/sub/hits')).toBe('0\n');
    expect(t.k.stat('/mnt/tiny')).toMatchObject({ type: 'dir', mode: 0o755, ino: 1, nlink: 3 });
    expect(t.k.stat('/mnt/tiny/counter')).toMatchObject({ type: 'file', mode: 0o644, ino: 2, size: 0 });
    expect(t.k.stat('/mnt/tiny/message')).toMatchObject({ type: 'file', ino: 3 });
    expect(t.k.stat('/mnt/tiny/nothing')).toBeUndefined();
    expect(() => t.k.readFile('/mnt/tiny/nothing')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => t.k.readFile('/mnt/tiny/counter/x')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => t.k.readdir('/mnt/tiny/counter')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => t.k.open('/mnt/tiny/sub')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(() => t.k.writeFile('/mnt/tiny/new', 'x')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    // A second mount is a new superblock with its own state.
    t.k.mount('other', '/mnt/tiny/sub', 'tinyfs');
    expect(t.k.readFile('/mnt/tiny/sub/counter')).toBe('0\n');
    expect(t.k.readdir('/mnt/tiny/sub').sort()).toEqual(['counter', 'message', 'sub']);
    expect(refcount(t, 'tinyfs')).toBe(2);
    // delete_module(O_NONBLOCK) of a module in use: EWOULDBLOCK (rmmod: "is in use").
    expect(() => t.k.rmmod('tinyfs')).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    // A mount with another mounted below it is busy.
    expect(() => t.k.umount('/mnt/tiny')).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    t.k.umount('/mnt/tiny/sub');
    expect(t.k.readdir('/mnt/tiny/sub')).toEqual(['hits']);
    t.k.umount('/mnt/tiny');
    expect(t.k.readFile('/proc/mounts')).toBe(BOOT_MOUNTS);
    expect(refcount(t, 'tinyfs')).toBe(0);
    expect(() => t.k.readFile('/mnt/tiny/counter')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    t.k.rmmod('tinyfs');
    expect(t.k.lsmod()).toEqual([]);
  });

  it('an open file keeps the mount busy and holds fops->owner; umount -l detaches at once and frees at the last close', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(example('tinyfs'));
    await t.run('mkdir -p /mnt/tiny');
    t.k.mount(null, '/mnt/tiny', 'tinyfs');
    expect(t.k.readFile('/proc/mounts')).toContain('none /mnt/tiny tinyfs rw,relatime 0 0\n');
    const f = t.k.open('/mnt/tiny/message', O_RDWR);
    expect(f.write('abc')).toBe(3);
    expect(f.lseek(0)).toBe(0);
    expect(dec.decode(f.read(10))).toBe('abc');
    // superblock + open file's fops->owner
    expect(refcount(t, 'tinyfs')).toBe(2);
    expect(() => t.k.umount('/mnt/tiny')).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    f.close();
    expect(refcount(t, 'tinyfs')).toBe(1);
    const g = t.k.open('/mnt/tiny/counter');
    t.k.umount('/mnt/tiny', MNT_DETACH);
    expect(t.k.readFile('/proc/mounts')).toBe(BOOT_MOUNTS);
    expect(dec.decode(g.read(10))).toBe('0\n');
    expect(refcount(t, 'tinyfs')).toBe(2);
    g.close();
    expect(refcount(t, 'tinyfs')).toBe(0);
  });

  it('mount options: ro shows in /proc/mounts and makes writes EROFS; an unknown option is EINVAL with the kernel\'s message', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(example('tinyfs'));
    t.k.mount('ro-src', '/mnt', 'tinyfs', MS.RDONLY | MS.NOSUID | MS.NODEV);
    expect(t.k.readFile('/proc/mounts')).toContain('ro-src /mnt tinyfs ro,nosuid,nodev,relatime 0 0\n');
    expect(() => t.k.open('/mnt/message', O_WRONLY)).toThrow(expect.objectContaining({ code: 'EROFS' }));
    expect(t.k.readFile('/mnt/message')).toBe('');
    t.k.umount('/mnt');
    const mark = t.mark();
    expect(() => t.k.mount('none', '/mnt', 'tinyfs', 0, 'size=1,foo')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(mark()).toEqual(["tinyfs: Unknown parameter 'size'"]);
    expect(refcount(t, 'tinyfs')).toBe(0);
    // ro/rw among the options are the superblock's flags (vfs_parse_sb_flag()); noatime is per mount.
    t.k.mount('none', '/mnt', 'tinyfs', MS.NOATIME, 'ro');
    expect(t.k.readFile('/proc/mounts')).toContain('none /mnt tinyfs ro,noatime 0 0\n');
    t.k.umount('/mnt');
    // Space, tab, newline and backslash are escaped in /proc/mounts.
    t.k.mount('my src', '/mnt', 'tinyfs');
    expect(t.k.readFile('/proc/mounts')).toContain('my\\040src /mnt tinyfs rw,relatime 0 0\n');
    t.k.umount('/mnt');
    // Remount, bind and move are not supported.
    expect(() => t.k.mount('none', '/mnt', 'tinyfs', MS.BIND)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
  });

  it('errors: ENODEV, ENOENT, ENOTDIR, EINVAL; every failure leaves no mount, no reference and no memory behind', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(example('tinyfs'));
    await t.k.insmod(fixture('fstypes'));
    // Warm up: the first mount and umount may allocate once-only state.
    t.k.mount('none', '/mnt', 'tinyfs');
    t.k.umount('/mnt');
    const heap = heapInUse(t);
    const mark = t.mark();
    expect(() => t.k.mount('none', '/mnt', 'nosuchfs')).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    expect(() => t.k.mount('none', '/mnt', '')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    // A mount point in the kernel's namespace is checked there: missing, or a file.
    expect(() => t.k.mount('none', '/proc/nothing', 'tinyfs')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => t.k.mount('none', '/proc/modules', 'tinyfs')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    // ... and outside it, the session's file system is asked (bootNodeKernel: the VFS).
    expect(() => t.k.mount('none', '/nonexistent-dir', 'tinyfs')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => t.k.mount('none', '/etc/passwd', 'tinyfs')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => t.k.mount('none', '/mnt', 'tinyfs', 0, 'bad')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    // fill_super built part of its tree, then failed: kill_sb takes it all down.
    expect(() => t.k.mount('none', '/mnt', 'failfs')).toThrow(expect.objectContaining({ code: 'EIO' }));
    t.k.writeFile('/sys/module/fstypes/parameters/fail_errno', '12');
    expect(() => t.k.mount('none', '/mnt', 'failfs')).toThrow(expect.objectContaining({ code: 'ENOMEM' }));
    expect(() => t.k.mount('/dev/sda1', '/mnt', 'blockfs')).toThrow(expect.objectContaining({ code: 'ENOTBLK' }));
    expect(mark()).toEqual(["tinyfs: Unknown parameter 'bad'", 'failfs: failing with -5', 'failfs: failing with -12']);
    expect(t.k.readFile('/proc/mounts')).toBe(BOOT_MOUNTS);
    expect(refcount(t, 'tinyfs')).toBe(0);
    expect(refcount(t, 'fstypes')).toBe(0);
    expect(heapInUse(t)).toBe(heap);
    // umount: not a mount point (EINVAL), nothing there (ENOENT).
    expect(() => t.k.umount('/mnt')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => t.k.umount('/proc/modules')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => t.k.umount('/proc/nothing')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    t.k.rmmod('tinyfs');
    t.k.rmmod('fstypes');
  });

  it('a legacy ->mount (mount_nodev) gets the source, the flags and the data string; show_options adds to /proc/mounts', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(fixture('fstypes'));
    const mark = t.mark();
    t.k.mount('legacy-src', '/mnt', 'legacyfs', MS.RDONLY, 'a=1,b');
    expect(mark()).toEqual(["legacyfs: mount of 'legacy-src' flags 0x1", "legacyfs: fill_super data 'a=1,b' silent 0"]);
    expect(t.k.readFile('/proc/mounts')).toContain('legacy-src /mnt legacyfs ro,relatime,answer=42 0 0\n');
    expect(t.k.readFile('/mnt/answer')).toBe('42\n');
    expect(t.k.readdir('/mnt')).toEqual(['answer']);
    expect(refcount(t, 'fstypes')).toBe(1);
    t.k.umount('/mnt');
    expect(refcount(t, 'fstypes')).toBe(0);
  });

  it('entries still in use when the superblock goes are reported as Linux reports them (kill_anon_super() on pinned dentries)', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(fixture('fstypes'));
    t.k.mount('none', '/mnt', 'anonfs');
    expect(t.k.readFile('/mnt/answer')).toBe('42\n');
    const mark = t.mark();
    t.k.umount('/mnt');
    const log = mark();
    expect(log).toEqual(expect.arrayContaining([
      expect.stringMatching(/^BUG: Dentry [0-9a-f]+\{i=2,n=answer\} {2}still in use \(1\) \[unmount of anonfs anonfs\]$/),
      'VFS: Busy inodes after unmount of anonfs (anonfs)',
    ]));
    expect(log.filter((l) => l === '------------[ cut here ]------------')).toHaveLength(2);
    // The superblock is gone all the same: the module can go.
    expect(refcount(t, 'fstypes')).toBe(0);
    t.k.rmmod('fstypes');
  });

  it('a type left registered at unload is reported and removed (it would point into freed memory)', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(fixture('fstypes'), 'forget=1');
    const mark = t.mark();
    t.k.rmmod('fstypes');
    expect(mark()).toEqual(["fstypes: file system type 'anonfs' not unregistered at unload: removing it"]);
    expect(t.k.readFile('/proc/filesystems')).toBe(BOOT_FILESYSTEMS);
    expect(() => t.k.mount('none', '/mnt', 'anonfs')).toThrow(expect.objectContaining({ code: 'ENODEV' }));
  });
});

describe('user programs', () => {
  it('the syscall layer routes paths below a mount point to the kernel', async () => {
    const t = await bootTestKernel();
    await t.k.insmod(example('tinyfs'));
    await t.run('mkdir -p /mnt/tiny');
    t.k.mount(null, '/mnt/tiny', 'tinyfs');
    const sys = new KernelSystem({ kernel: t.k, vfs: t.sh.fs });
    const f = sys.open('/mnt/tiny/counter', 0);
    const buf = new Uint8Array(16);
    expect(dec.decode(buf.subarray(0, f.readInto({ view: () => buf }, 0, 16)))).toBe('0\n');
    f.close();
    expect(sys.readdir('/mnt/tiny').map((e) => e.name).sort()).toEqual(['counter', 'message', 'sub']);
    expect(sys.stat('/mnt/tiny/sub').type).toBe('dir');
  });
});

describe('the kernel\'s own mounts', () => {
  it('proc, sysfs, devtmpfs and debugfs are mounts: busy while used, mountable elsewhere, and gone once unmounted', async () => {
    const t = await bootTestKernel();
    expect(t.k.readFile('/proc/mounts')).toBe(BOOT_MOUNTS);
    // A view mounted elsewhere shows the same tree.
    t.k.mount('proc', '/mnt', 'proc');
    expect(t.k.readFile('/mnt/version')).toBe(t.k.readFile('/proc/version'));
    expect(t.k.readFile('/proc/mounts')).toContain('proc /mnt proc rw,relatime 0 0\n');
    t.k.umount('/mnt');
    // debugfs is mounted inside /sys; an open /proc file holds /proc.
    expect(() => t.k.umount('/sys')).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    await t.k.insmod(example('procfs-rw'));
    const f = t.k.open('/proc/procfs_rw');
    expect(() => t.k.umount('/proc')).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    f.close();
    t.k.umount('/sys/kernel/debug');
    expect(() => t.k.readdir('/sys/kernel/debug/x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    t.k.mount('debugfs', '/sys/kernel/debug', 'debugfs');
    t.k.umount('/proc');
    expect(() => t.k.readFile('/proc/version')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(t.k.readdir('/proc')).toEqual([]);
    t.k.mount('proc', '/proc', 'proc');
    expect(t.k.readFile('/proc/mounts').split('\n').slice(-3)).toEqual([
      'debugfs /sys/kernel/debug debugfs rw,relatime 0 0', 'proc /proc proc rw,relatime 0 0', '']);
  });
});
