// procfs: proc_create with proc_ops, directories, duplicate and bad names, removal with open files,
// and what a module leaves behind at unload.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

const dec = new TextDecoder();
const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2;

describe('procfs-rw (proc_create, proc_read/proc_write, proc_set_size)', () => {
  it('reads and replaces its message, from the shell and through k.open', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('procfs-rw')}`)).status).toBe(0);
    expect(t.log()).toContain('procfs_rw: /proc/procfs_rw created');
    expect((await t.run('ls /proc')).stdout).toBe('bus  cmdline  cpuinfo  devices  filesystems  iomem  ioports  kallsyms  keys  modules  mounts  net  partitions  procfs_rw  self  sys  version\n');
    expect((await t.run('cat /proc/procfs_rw')).stdout).toBe('Hello from /proc/procfs_rw\n');
    expect((await t.run('echo hi there > /proc/procfs_rw')).status).toBe(0);
    expect(t.k.readFile('/proc/procfs_rw')).toBe('hi there\n');
    expect(t.log()).toContain('procfs_rw: 9 bytes written, message is 9 bytes');

    const f = t.k.open('/proc/procfs_rw', O_RDWR);
    expect(f.write('abc')).toBe(3);
    expect(f.write('def')).toBe(3);
    expect(f.lseek(0)).toBe(0);
    expect(dec.decode(f.read(2))).toBe('ab');
    expect(dec.decode(f.read(100))).toBe('cdef');
    expect(f.read(100).length).toBe(0);
    // proc_set_size(64): SEEK_END of default_llseek.
    expect(f.lseek(0, 2)).toBe(64);
    // The message holds 64 bytes: a write there fails as on a full device.
    expect(() => f.write('x')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(() => f.lseek(-1)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    // A bad user pointer: EFAULT.
    expect(f.lseek(0)).toBe(0);
    expect(() => f.writeFrom({ view: () => new Uint8Array(4) }, 64, 4)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    expect(() => f.readInto({ view: () => new Uint8Array(4) }, 64, 4)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    f.close();
    // copy_from_user() zero-fills what it could not copy, so the failed write cleared 4 bytes (Linux too).
    expect(t.k.readFile('/proc/procfs_rw')).toBe('\0\0\0\0ef');
    // A write longer than the message: the first 64 bytes go in, the rest fails.
    expect((await t.run(`echo ${'x'.repeat(70)} > /proc/procfs_rw`)).stderr).toBe('lkm: echo: write error: No space left on device\n');
    expect(t.k.readFile('/proc/procfs_rw')).toBe('x'.repeat(64));
    // Read-only open: write is EBADF; write-only: read is EBADF.
    const ro = t.k.open('/proc/procfs_rw', O_RDONLY);
    expect(() => ro.write('x')).toThrow(expect.objectContaining({ code: 'EBADF' }));
    ro.close();
    const wo = t.k.open('/proc/procfs_rw', O_WRONLY);
    expect(() => wo.read(1)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    wo.close();

    expect((await t.run('rmmod procfs_rw')).status).toBe(0);
    expect((await t.run('ls /proc')).stdout).toBe('bus  cmdline  cpuinfo  devices  filesystems  iomem  ioports  kallsyms  keys  modules  mounts  net  partitions  self  sys  version\n');
    expect(() => t.k.open('/proc/procfs_rw')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    // Loading again finds nothing left.
    const mark = t.mark();
    expect((await t.run(`insmod ${example('procfs-rw')}`)).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual(['procfs_rw: /proc/procfs_rw created']);
    expect(t.k.readFile('/proc/procfs_rw')).toBe('Hello from /proc/procfs_rw\n');
  });

  it('an entry without proc_write fails writes with EIO, directories with EISDIR', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('seqfile')}`);
    expect((await t.run('echo 1 > /proc/seqfile/counter')).stderr).toBe('lkm: echo: write error: Input/output error\n');
    expect(() => t.k.open('/proc/seqfile')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect((await t.run('cat /proc/seqfile')).stderr).toBe('cat: /proc/seqfile: Is a directory\n');
    expect((await t.run('ls /proc/seqfile')).stdout).toBe('counter  wide\n');
  });
});

describe('removal of an entry with open files (proc_entry_rundown)', () => {
  it('releases the open files at removal; later calls fail with EIO; rmmod is not blocked', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('seqfile')}`);
    const f = t.k.open('/proc/seqfile/counter');
    expect(dec.decode(f.read(5))).toBe('gener');
    // An open /proc file does not hold the module.
    expect((await t.run('rmmod seqfile')).status).toBe(0);
    expect(() => f.read(5)).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(() => f.lseek(0)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => f.ioctl(0)).toThrow(expect.objectContaining({ code: 'ENOTTY' }));
    f.close();
    expect(t.log().filter((l) => l.includes('WARNING') || l.includes('not removed'))).toEqual([]);
  });
});

describe('misuse of procfs (pseudofs fixture)', () => {
  it('refuses a duplicate name with Linux\'s WARN', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('pseudofs')} mode=dup`)).status).toBe(0);
    const log = t.log();
    const at = log.indexOf("proc_dir_entry '/proc/pfs_one' already registered");
    expect(at).toBeGreaterThan(0);
    expect(log[at - 1]).toBe('------------[ cut here ]------------');
    expect(log[at + 1]).toMatch(/^WARNING: CPU: 0 PID: \d+ at .*procfs\.c:\d+ proc_register$/);
    expect(log).toContain('second proc entry: refused');
    expect((await t.run('cat /proc/pfs_one')).stdout).toBe('one\n');
    expect(t.k.readdir('/proc').filter((n) => n === 'pfs_one')).toHaveLength(1);
  });

  it('warns about a non-empty directory, numeric names and missing entries', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')} mode=nonempty`);
    expect(t.log()).toContain("remove_proc_entry: removing non-empty directory '/proc/pfs_dir', leaking at least 'child'");
    expect(t.k.readdir('/proc')).not.toContain('pfs_dir');
    const u = await bootTestKernel();
    await u.run(`insmod ${fixture('pseudofs')} mode=badname`);
    expect(u.log()).toEqual(expect.arrayContaining(["create '/proc/123' by hand", 'numeric name: refused', "name 'pfs_missing'"]));
  });

  it('reports and removes the entries a module left behind; what only names remains, as on Linux', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')} leave=1`);
    const mark = t.mark();
    expect((await t.run('rmmod pseudofs')).status).toBe(0);
    const left = mark().filter(Boolean);
    // Every file whose operations or data are in the module, deepest paths first.
    expect(left.every((l) => /^pseudofs: \S+ not removed at unload: removing it$/.test(l))).toBe(true);
    expect(left).toEqual(expect.arrayContaining([
      'pseudofs: /sys/kernel/debug/pfs/value not removed at unload: removing it',
      'pseudofs: /sys/kernel/debug/pfs/blob not removed at unload: removing it',
      'pseudofs: /sys/kernel/pfs/noshow not removed at unload: removing it',
      'pseudofs: /sys/kernel/pfs/big not removed at unload: removing it',
      'pseudofs: /sys/kernel/pfs/eeprom not removed at unload: removing it',
      'pseudofs: /proc/pfs_one not removed at unload: removing it',
      'pseudofs: /proc/pfs_list not removed at unload: removing it',
    ]));
    expect(left).toHaveLength(18);
    expect(t.k.readdir('/proc')).not.toContain('pfs_one');
    // The kobject and the debugfs directory use no module code: they stay, empty, as Linux leaves them.
    expect((await t.run('ls /sys/kernel')).stdout).toBe('debug  oops_count  pfs  warn_count\n');
    expect(t.k.readdir('/sys/kernel/pfs')).toEqual([]);
    expect(t.k.readdir('/sys/kernel/debug')).toEqual(['failslab', 'fail_page_alloc', 'devices_deferred', 'pfs']);
    // A debugfs symlink names no module code either: it stays, as the proc symlink does.
    expect(t.k.readdir('/sys/kernel/debug/pfs')).toEqual(['link']);
    expect(t.k.readdir('/proc')).toContain('pfs_link');
    expect((await t.run('cat /proc/pfs_link')).stderr).toBe('cat: /proc/pfs_link: No such file or directory\n');
    // So loading again fails where Linux fails: the kobject name is taken.
    const again = t.mark();
    expect((await t.run(`insmod ${fixture('pseudofs')}`)).stderr).toContain('Cannot allocate memory');
    expect(again()).toEqual(expect.arrayContaining([
      "sysfs: cannot create duplicate filename '/kernel/pfs'",
      "kobject: kobject_add_internal failed for pfs with -EEXIST, don't try to register things with the same name in the same directory.",
      'kobject: kobject_create_and_add: kobject_add error: -17',
    ]));
  });
});

describe('proc_symlink and proc_create_seq with seq_list_* (pseudofs fixture)', () => {
  it('follows the link and lists the records after the head token', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')}`);
    expect((await t.run('cat /proc/pfs_link')).stdout).toBe('one\n');
    expect((await t.run('cat /proc/pfs_list')).stdout).toBe('name\nalpha\nbeta\ngamma\n');
    const f = t.k.open('/proc/pfs_list');
    let all = '';
    for (let b = f.read(3); b.length; b = f.read(3)) all += dec.decode(b);
    expect(all).toBe('name\nalpha\nbeta\ngamma\n');
    f.close();
    expect(t.k.readdir('/proc')).toEqual(expect.arrayContaining(['pfs_link', 'pfs_list', 'pfs_one']));
    expect((await t.run('rmmod pseudofs')).status).toBe(0);
    expect(t.k.readdir('/proc').filter((n) => n.startsWith('pfs'))).toEqual([]);
  });
});

describe('a show() that traps (pseudofs mode=oops)', () => {
  it('oopses the reader only: the file is released, the entry and the module keep working', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')} mode=oops`);
    const r = await t.run('cat /proc/pfs_oops');
    // The kernel kills the process whose system call oopsed.
    expect(r).toEqual({ status: 139, stdout: '', stderr: 'Segmentation fault\n' });
    expect(t.log()).toEqual(expect.arrayContaining([expect.stringMatching(/^Oops: /)]));
    expect(t.log()).toEqual(expect.arrayContaining([expect.stringMatching(/^CPU: 0 UID: 0 PID: \d+ Comm: cat /)]));
    expect(t.log()).toEqual(expect.arrayContaining(['RIP: oops_show [pseudofs]', ' seq_read', ' proc_reg_read']));
    expect((await t.run('cat /proc/pfs_one')).stdout).toBe('one\n');
    expect(() => t.k.open('/proc/pfs_oops').read(10)).toThrow(expect.objectContaining({ name: 'KernelOops' }));
    expect((await t.run('rmmod pseudofs')).status).toBe(0);
    expect(t.k.readdir('/proc').filter((n) => n.startsWith('pfs'))).toEqual([]);
  });
});

describe('proc_ioctl, proc_poll, proc_open/proc_release and pde_data (pseudofs /proc/pfs_ctl)', () => {
  it('dispatches to the proc_ops, with the VFS errnos around them', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')}`);
    const IOR = ((2 << 30) | (4 << 16) | (0x70 << 8) | 1) >>> 0;
    const IOW = ((1 << 30) | (4 << 16) | (0x70 << 8) | 2) >>> 0;
    const f = t.k.open('/proc/pfs_ctl', 2);
    const v = new Uint8Array(4);
    expect(f.ioctl(IOR, v)).toBe(0);
    expect(new DataView(v.buffer).getInt32(0, true)).toBe(11);
    expect(f.ioctl(IOW, new Uint8Array([42, 0, 0, 0]))).toBe(0);
    expect(f.ioctl(IOR, v)).toBe(0);
    expect(v[0]).toBe(42);
    expect(() => f.ioctl(IOR + 5, v)).toThrow(expect.objectContaining({ code: 'ENOTTY' }));
    expect(() => f.ioctl(IOR, 0x10, { view: () => new Uint8Array(4) })).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    // No proc_read/proc_write: EIO; no proc_lseek (and nonseekable_open): ESPIPE.
    expect(() => f.read(4)).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(() => f.write('x')).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(() => f.lseek(0)).toThrow(expect.objectContaining({ code: 'ESPIPE' }));
    expect(f.poll()).toBe(0);
    const g = t.k.open('/proc/pfs_ctl');
    expect(f.poll()).toBe(0x41);
    g.close();
    expect(f.poll()).toBe(0);
    // rmmod with the file open: proc_release runs at removal, then the file only gives EIO/ENOTTY.
    expect((await t.run('rmmod pseudofs')).status).toBe(0);
    expect(() => f.ioctl(IOR, v)).toThrow(expect.objectContaining({ code: 'ENOTTY' }));
    expect(f.poll()).toBe(0x1 | 0x4 | 0x40 | 0x100);
    f.close();
  });
});
