// mount, umount and mkdir in the lkm shell: util-linux's and coreutils' texts and exit statuses, a
// mounted tinyfs used with ls, cat and echo, and the module held while mounted. Only shell commands (and
// the shell's completion), so the suite runs against a worker kernel too (test/worker/suites-in-worker).
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import { mountCompletions, parseMountOptions } from '../../src/shell/mount.js';
import { MS } from '../../src/kernel/mounts.js';

const HINT = '       dmesg(1) may have more information after failed mount system call.\n';
const BOOT = 'proc on /proc type proc (rw,relatime)\nsysfs on /sys type sysfs (rw,relatime)\n' +
  'devtmpfs on /dev type devtmpfs (rw,relatime,mode=755)\ndebugfs on /sys/kernel/debug type debugfs (rw,relatime)\n';

describe('mkdir', () => {
  it('makes directories with coreutils\' messages', async () => {
    const t = await bootTestKernel();
    expect(await t.run('mkdir')).toEqual({ status: 1, stdout: '', stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n" });
    expect(await t.run('mkdir /mnt/a/b')).toEqual({ status: 1, stdout: '', stderr: "mkdir: cannot create directory '/mnt/a/b': No such file or directory\n" });
    expect(await t.run('mkdir -p /mnt/a/b && ls /mnt/a')).toEqual({ status: 0, stdout: 'b\n', stderr: '' });
    expect(await t.run('mkdir /mnt/a')).toEqual({ status: 1, stdout: '', stderr: "mkdir: cannot create directory '/mnt/a': File exists\n" });
    expect(await t.run('mkdir -p /mnt/a')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('cd /mnt; mkdir -v c')).toEqual({ status: 0, stdout: "mkdir: created directory 'c'\n", stderr: '' });
    expect(await t.run('mkdir /etc/passwd/x')).toEqual({ status: 1, stdout: '', stderr: "mkdir: cannot create directory '/etc/passwd/x': Not a directory\n" });
    expect((await t.run('mkdir /proc/x')).stderr).toBe("mkdir: cannot create directory '/proc/x': Operation not permitted\n");
  });
});

describe('mount and umount', () => {
  it('mount lists the mount table; mount -t filters it', async () => {
    const t = await bootTestKernel();
    expect(await t.run('mount')).toEqual({ status: 0, stdout: BOOT, stderr: '' });
    expect(await t.run('mount -t proc,sysfs')).toEqual({ status: 0, stdout: BOOT.split('\n').slice(0, 2).join('\n') + '\n', stderr: '' });
    expect((await t.run('mount -t noproc,nosysfs')).stdout).toBe(BOOT.split('\n').slice(2).join('\n'));
    expect(await t.run('mount -t foo')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('cat /proc/filesystems')).stdout).toBe('nodev\tsysfs\nnodev\tproc\nnodev\tdevtmpfs\nnodev\tdebugfs\n');
    expect((await t.run('help')).stdout).toMatch(/ mkdir .* mount .* umount /);
  });

  it('mounts tinyfs, serves its files to ls, cat and echo, holds the module, and unmounts', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('tinyfs')} && mkdir -p /mnt/tiny`)).status).toBe(0);
    expect(await t.run('mount -v -t tinyfs none /mnt/tiny')).toEqual({ status: 0, stdout: 'mount: none mounted on /mnt/tiny.\n', stderr: '' });
    expect((await t.run('mount')).stdout).toBe(`${BOOT}none on /mnt/tiny type tinyfs (rw,relatime)\n`);
    expect((await t.run('mount -t tinyfs')).stdout).toBe('none on /mnt/tiny type tinyfs (rw,relatime)\n');
    expect((await t.run('grep tinyfs /proc/mounts')).stdout).toBe('none /mnt/tiny tinyfs rw,relatime 0 0\n');
    expect((await t.run('ls /mnt/tiny; ls /mnt/tiny/sub')).stdout).toBe('counter  message  sub\nhits\n');
    expect((await t.run('ls -l /mnt/tiny')).stdout).toMatch(
      /^total \d+\n-rw-r--r-- 1 root root 0 \w{3} [ \d]\d \d\d:\d\d counter\n-rw-r--r-- 1 root root 0 .* message\ndrwxr-xr-x 2 root root 0 .* sub\n$/);
    expect((await t.run('cat /mnt/tiny/counter /mnt/tiny/counter')).stdout).toBe('0\n1\n');
    expect(await t.run('echo a tiny message > /mnt/tiny/message; cat /mnt/tiny/message')).toEqual({ status: 0, stdout: 'a tiny message\n', stderr: '' });
    expect((await t.run('cd /mnt/tiny/sub && cat hits hits')).stdout).toBe('0\n1\n');
    expect(await t.run('lsmod')).toEqual({ status: 0, stdout: expect.stringMatching(/^Module {18}Size {2}Used by\ntinyfs +\d+ {2}1\n$/), stderr: '' });
    expect(await t.run('rmmod tinyfs')).toEqual({ status: 1, stdout: '', stderr: 'rmmod: ERROR: Module tinyfs is in use\n' });
    // The shell's working directory is inside: busy.
    expect(await t.run('umount /mnt/tiny')).toEqual({ status: 32, stdout: '', stderr: 'umount: /mnt/tiny: target is busy.\n' });
    expect(await t.run('cd /; umount -v /mnt/tiny')).toEqual({ status: 0, stdout: '', stderr: 'umount: /mnt/tiny (none) unmounted\n' });
    expect(await t.run('ls /mnt/tiny')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('rmmod tinyfs && lsmod')).toEqual({ status: 0, stdout: 'Module                  Size  Used by\n', stderr: '' });
  });

  it('mount -o ro; umount by source name; several umount failures add up', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('tinyfs')}; mkdir -p /mnt/ro`);
    expect((await t.run('mount -t tinyfs -o ro,nosuid tiny-ro /mnt/ro && mount -t tinyfs')).stdout).toBe('tiny-ro on /mnt/ro type tinyfs (ro,nosuid,relatime)\n');
    expect(await t.run('echo x > /mnt/ro/message')).toEqual({ status: 1, stdout: '', stderr: 'lkm: echo: write error: Read-only file system\n' });
    expect(await t.run('umount tiny-ro')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('umount /mnt/ro /nope')).toEqual({
      status: 64, stdout: '', stderr: 'umount: /mnt/ro: not mounted.\numount: /nope: no mount point specified.\n',
    });
  });

  it('reports failures as util-linux does (exit status 32; usage errors 1)', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('tinyfs')}; mkdir -p /mnt/x`);
    expect(await t.run('mount -t nosuchfs none /mnt/x')).toEqual({ status: 32, stdout: '', stderr: `mount: /mnt/x: unknown filesystem type 'nosuchfs'.\n${HINT}` });
    expect(await t.run('cd /mnt; mount -t tinyfs none ./x/../nope')).toEqual({ status: 32, stdout: '', stderr: `mount: ./x/../nope: mount point does not exist.\n${HINT}` });
    expect(await t.run('mount -t tinyfs none /etc/passwd')).toEqual({ status: 32, stdout: '', stderr: `mount: /etc/passwd: mount point is not a directory.\n${HINT}` });
    expect(await t.run('mount -t tinyfs -o size=1 none /mnt/x')).toEqual({
      status: 32, stdout: '',
      stderr: `mount: /mnt/x: wrong fs type, bad option, bad superblock on none, missing codepage or helper program, or other error.\n${HINT}`,
    });
    expect((await t.run('dmesg')).stdout).toMatch(/\] tinyfs: Unknown parameter 'size'\n$/);
    expect(await t.run('mount none /mnt/x')).toEqual({ status: 32, stdout: '', stderr: `mount: /mnt/x: special device none does not exist.\n${HINT}` });
    expect(await t.run('mount /mnt/x')).toEqual({ status: 1, stdout: '', stderr: "mount: /mnt/x: can't find in /etc/fstab.\n" });
    expect(await t.run('mount -t tinyfs a b c')).toEqual({ status: 1, stdout: '', stderr: "mount: bad usage\nTry 'mount --help' for more information.\n" });
    expect(await t.run('mount -x')).toEqual({ status: 1, stdout: '', stderr: "mount: invalid option -- 'x'\nTry 'mount --help' for more information.\n" });
    expect(await t.run('mount -t')).toEqual({ status: 1, stdout: '', stderr: "mount: option requires an argument -- 't'\nTry 'mount --help' for more information.\n" });
    expect(await t.run('umount')).toEqual({ status: 1, stdout: '', stderr: "umount: bad usage\nTry 'umount --help' for more information.\n" });
    expect(await t.run('umount /mnt/x')).toEqual({ status: 32, stdout: '', stderr: 'umount: /mnt/x: not mounted.\n' });
    expect((await t.run('mount')).stdout).toBe(BOOT);
    expect((await t.run('lsmod')).stdout).toMatch(/\ntinyfs +\d+ {2}0\n$/);
  });

  it('completes file system types after -t and mount points after umount', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('tinyfs')}; mkdir -p /mnt/tiny; mount -t tinyfs none /mnt/tiny`);
    expect(await mountCompletions(t.sh, ['mount', '-t', 'd'])).toEqual(['debugfs', 'devtmpfs']);
    expect(await mountCompletions(t.sh, ['mount', '-t', ''])).toEqual(['debugfs', 'devtmpfs', 'proc', 'sysfs', 'tinyfs']);
    expect(await mountCompletions(t.sh, ['umount', '/m'])).toEqual(['/mnt/tiny']);
    expect(await mountCompletions(t.sh, ['mount', '/m'])).toBeUndefined();
  });
});

describe('mount options', () => {
  it('splits -o into mount(2) flags and the data the file system parses', () => {
    expect(parseMountOptions(['ro,noexec', 'mode=0700,x-systemd.foo,noauto,uid=0'])).toEqual({ flags: MS.RDONLY | MS.NOEXEC, data: 'mode=0700,uid=0' });
    expect(parseMountOptions(['ro', 'rw', 'defaults'])).toEqual({ flags: 0, data: '' });
  });
});
