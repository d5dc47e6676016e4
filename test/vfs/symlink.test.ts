// Symbolic links in the emulated file system: resolution component by component inside the emulated
// root (a chroot), ELOOP after 40 links, lstat/readlink/unlink of the link itself, mounts and kernel
// views through links; the same on a memory tree and on a host directory (writable, and read-only with
// its memory overlay).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KernelError } from '../../src/kernel/errno.js';
import { HostBacking } from '../../src/vfs/host.node.js';
import { MemoryBacking, Vfs, type Backing, type KernelView } from '../../src/vfs/index.js';

const FILES = {
  '/etc/passwd': 'root:x:0:0\n',
  '/lib/modules/r/extra/a.ko': 'module a',
  '/root/lkm.ko': 'lkm',
};

/** A root with FILES and some links, as a memory tree or a host directory (writable or not). */
function makeRoot(kind: 'memory' | 'host' | 'host-ro'): { root: Backing; dir?: string; outer?: string } {
  const links: [string, string][] = [
    ['/lib/modules/r/lkm.ko', '/root/lkm.ko'],
    ['/root/rel', '../etc/passwd'],
    ['/root/abs', '/etc/passwd'],
    ['/root/escape', '../../../../../../secret'],
    ['/root/loop1', 'loop2'],
    ['/root/loop2', 'loop1'],
    ['/root/self', 'self'],
    ['/root/dangling', 'nowhere'],
    ['/root/etcdir', '/etc'],
    ['/root/up', 'etcdir/..'],
  ];
  if (kind === 'memory') {
    const m = new MemoryBacking(FILES);
    for (const [p, t] of links) m.symlinkSync(t, p);
    return { root: m };
  }
  const outer = mkdtempSync(join(tmpdir(), 'lkm-symlink-'));
  const dir = join(outer, 'root');
  writeFileSync(join(outer, 'secret'), 'host secret');
  for (const [p, c] of Object.entries(FILES)) { mkdirSync(join(dir, p, '..'), { recursive: true }); writeFileSync(join(dir, p), c); }
  for (const [p, t] of links) symlinkSync(t, join(dir, p));
  return { root: new HostBacking(dir, kind === 'host'), dir, outer };
}

describe.each(['memory', 'host', 'host-ro'] as const)('symbolic links on a %s root', (kind) => {
  it('relative and absolute targets resolve inside the emulated root', async () => {
    const { root } = makeRoot(kind);
    const vfs = new Vfs(root);
    expect(await vfs.readText('/lib/modules/r/lkm.ko')).toBe('lkm');
    expect(await vfs.readText('/root/rel')).toBe('root:x:0:0\n');
    // The emulated /etc/passwd, never the host's.
    expect(await vfs.readText('/root/abs')).toBe('root:x:0:0\n');
    expect(await vfs.readText('/root/etcdir/passwd')).toBe('root:x:0:0\n');
    // '..' after a link climbs from where the link led (/etc/.. is /), not from /root.
    expect(await vfs.readdir('/root/up')).toEqual(expect.arrayContaining(['etc', 'lib', 'root']));
    expect(await vfs.readText('/root/etcdir/../root/lkm.ko')).toBe('lkm');
    expect(await vfs.realpath('/root/up/root/rel')).toBe('/etc/passwd');
    expect(await vfs.stat('/lib/modules/r/lkm.ko')).toMatchObject({ type: 'file', size: 3 });
    expect(await vfs.lstat('/lib/modules/r/lkm.ko')).toMatchObject({ type: 'symlink', size: '/root/lkm.ko'.length });
    expect(await vfs.readlink('/root/rel')).toBe('../etc/passwd');
    await expect(vfs.readlink('/etc/passwd')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(vfs.readlink('/etc/nothing')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('../.. in a target cannot leave the root', async () => {
    const { root, outer } = makeRoot(kind);
    const vfs = new Vfs(root);
    expect(await vfs.realpath('/root/escape')).toBe('/secret');
    await expect(vfs.readFile('/root/escape')).rejects.toMatchObject({ code: 'ENOENT', path: '/root/escape' });
    if (outer) expect(existsSync(join(outer, 'secret'))).toBe(true);
  });

  it('loops give ELOOP after 40 links; a dangling link is no file but is listed', async () => {
    const { root } = makeRoot(kind);
    const vfs = new Vfs(root);
    await expect(vfs.readFile('/root/loop1')).rejects.toMatchObject({ code: 'ELOOP', path: '/root/loop1' });
    await expect(vfs.stat('/root/self')).rejects.toMatchObject({ code: 'ELOOP' });
    expect(await vfs.exists('/root/self')).toBe(false);
    expect(await vfs.lstat('/root/self')).toMatchObject({ type: 'symlink' });
    expect(await vfs.stat('/root/dangling')).toBeUndefined();
    expect(await vfs.lstat('/root/dangling')).toMatchObject({ type: 'symlink', size: 7 });
    expect(await vfs.readdir('/root')).toEqual(['abs', 'dangling', 'escape', 'etcdir', 'lkm.ko', 'loop1', 'loop2', 'rel', 'self', 'up']);
    const types = Object.fromEntries((await vfs.readdirTypes('/root')).map((e) => [e.name, [e.type, e.link ?? false]]));
    expect(types).toMatchObject({ 'lkm.ko': ['file', false], abs: ['file', true], etcdir: ['dir', true], dangling: [undefined, true], self: [undefined, true] });
    // Exactly 40 links are followed; the 41st is ELOOP.
    const vfs2 = new Vfs(new MemoryBacking({ '/f': 'end' }));
    for (let i = 0; i < 40; i++) await vfs2.symlink(i === 0 ? '/f' : `/l${i - 1}`, `/l${i}`);
    expect(await vfs2.readText('/l39')).toBe('end');
    await vfs2.symlink('/l39', '/l40');
    await expect(vfs2.readText('/l40')).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it('symlink, writes through a link, unlink removes the link only', async () => {
    const { root, dir } = makeRoot(kind);
    const vfs = new Vfs(root);
    await vfs.symlink('../root/lkm.ko', '/etc/lkm');
    await expect(vfs.symlink('x', '/etc/lkm')).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(vfs.symlink('x', '/nodir/y')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await vfs.readlink('/etc/lkm')).toBe('../root/lkm.ko');
    expect(await vfs.readText('/etc/lkm')).toBe('lkm');
    await vfs.writeFile('/etc/lkm', 'new');
    expect(await vfs.readText('/root/lkm.ko')).toBe('new');
    await vfs.unlink('/etc/lkm');
    expect(await vfs.lstat('/etc/lkm')).toBeUndefined();
    expect(await vfs.readText('/root/lkm.ko')).toBe('new');
    await vfs.unlink('/root/dangling');
    expect(await vfs.readdir('/root')).not.toContain('dangling');
    // A write through a dangling link creates its target.
    await vfs.symlink('/etc/made', '/root/maker');
    await vfs.writeFile('/root/maker', 'made');
    expect(await vfs.readText('/etc/made')).toBe('made');
    if (kind === 'host') {
      // A real host link with the same target text.
      expect(readlinkSync(join(dir!, 'root', 'maker'), 'utf8')).toBe('/etc/made');
      expect(existsSync(join(dir!, 'root', 'dangling'))).toBe(false);
    } else if (kind === 'host-ro') {
      // The host directory is unchanged: the link lives in the overlay.
      expect(existsSync(join(dir!, 'root', 'maker'))).toBe(false);
      expect(lstatSync(join(dir!, 'root', 'dangling')).isSymbolicLink()).toBe(true);
    }
  });

  it('rename moves the link, writeAtomic replaces it', async () => {
    const { root } = makeRoot(kind);
    const vfs = new Vfs(root);
    await vfs.rename('/root/abs', '/root/abs2');
    expect(await vfs.readlink('/root/abs2')).toBe('/etc/passwd');
    await vfs.writeAtomic('/root/abs2', 'replaced');
    expect(await vfs.lstat('/root/abs2')).toMatchObject({ type: 'file' });
    expect(await vfs.readText('/etc/passwd')).toBe('root:x:0:0\n');
  });
});

describe('links and mounts', () => {
  it('a link into a mount, a link to a mount point, a mount ancestor is never a link', async () => {
    const root = new MemoryBacking({ '/home/x': 'x' });
    root.symlinkSync('usr/lib', '/lib');
    root.symlinkSync('/lib/modules/r/extra', '/home/mods');
    const vfs = new Vfs(root);
    vfs.mount('/lib/modules/r', new MemoryBacking({ '/extra/a.ko': 'a' }));
    // /lib leads to a mount point: a directory here, whatever the backing has (a usr-merged host).
    expect(await vfs.readText('/lib/modules/r/extra/a.ko')).toBe('a');
    expect(await vfs.readText('/home/mods/a.ko')).toBe('a');
    expect(await vfs.realpath('/home/mods/a.ko')).toBe('/lib/modules/r/extra/a.ko');
    // A link inside the mount to the root's file.
    await vfs.symlink('/home/x', '/lib/modules/r/x.ko');
    expect(await vfs.readText('/lib/modules/r/x.ko')).toBe('x');
    expect(vfs.readFileSync('/lib/modules/r/x.ko')).toEqual(new TextEncoder().encode('x'));
    expect(vfs.statSync('/home/mods')).toMatchObject({ type: 'dir' });
    await expect(vfs.link('/home/x', '/lib/modules/r/hard')).rejects.toMatchObject({ code: 'EXDEV' });
    await expect(vfs.rmdir('/lib/modules/r')).rejects.toMatchObject({ code: 'EBUSY' });
  });

  it('kernel views through a link', async () => {
    const files: Record<string, string> = { '/proc/cmdline': 'quiet\n', '/sys/module/x/refcnt': '0\n' };
    const kernel: KernelView = {
      readFile: (p) => { if (files[p] === undefined) throw new KernelError(2); return files[p]!; },
      writeFile: (p, d) => { files[p] = d; },
      readdir: (p) => { if (p === '/sys/module') return ['x']; if (files[p] !== undefined) throw new KernelError(20); throw new KernelError(2); },
    };
    const root = new MemoryBacking();
    root.symlinkSync('/proc/cmdline', '/cmdline');
    root.symlinkSync('../sys/module', '/root/mods');
    const vfs = new Vfs(root, { kernel });
    expect(await vfs.readText('/cmdline')).toBe('quiet\n');
    expect(await vfs.readdir('/root/mods')).toEqual(['x']);
    await vfs.writeFile('/root/mods/x/refcnt', '1\n');
    expect(files['/sys/module/x/refcnt']).toBe('1\n');
    await expect(vfs.symlink('x', '/proc/link')).rejects.toMatchObject({ code: 'EPERM' });
  });

  it('hard links in memory share the file; rmdir', async () => {
    const vfs = new Vfs(new MemoryBacking({ '/a': 'one', '/d/f': 'f' }));
    await vfs.link('/a', '/b');
    expect(await vfs.stat('/b')).toMatchObject({ type: 'file', nlink: 2 });
    await vfs.writeFile('/b', 'two');
    expect(await vfs.readText('/a')).toBe('two');
    await vfs.unlink('/a');
    expect((await vfs.stat('/b'))?.nlink).toBeUndefined();
    await expect(vfs.link('/d', '/e')).rejects.toMatchObject({ code: 'EPERM' });
    await expect(vfs.rmdir('/d')).rejects.toMatchObject({ code: 'ENOTEMPTY' });
    await vfs.unlink('/d/f');
    await vfs.rmdir('/d');
    expect(await vfs.exists('/d')).toBe(false);
  });

  it('walk follows links to directories once', async () => {
    const root = new MemoryBacking({ '/t/a/f.ko': 'f', '/other/g.ko': 'g' });
    root.symlinkSync('..', '/t/a/up');
    root.symlinkSync('/other', '/t/b');
    const vfs = new Vfs(root);
    expect(await vfs.walk('/t')).toEqual(['a/f.ko', 'b/g.ko']);
  });
});
