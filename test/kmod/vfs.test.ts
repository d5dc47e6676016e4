// The emulated file system: normalisation that never escapes the root, mounts, kernel views, atomic writes.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KernelError } from '../../src/kernel/errno.js';
import { HostBacking } from '../../src/vfs/host.node.js';
import { MemoryBacking, normalizePath, Vfs, type KernelView } from '../../src/vfs/index.js';

describe('paths', () => {
  it('never climb above the root', () => {
    expect(normalizePath('../../etc/passwd')).toBe('/etc/passwd');
    expect(normalizePath('../../etc/passwd', '/lib/modules')).toBe('/etc/passwd');
    expect(normalizePath('/../../../x/./y//z/..')).toBe('/x/y');
    expect(normalizePath('a/b', '/c')).toBe('/c/a/b');
    expect(normalizePath('')).toBe('/');
  });

  it('a host directory as root keeps ../ inside it', async () => {
    const outer = mkdtempSync(join(tmpdir(), 'lkm-vfs-'));
    const root = join(outer, 'root');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(outer, 'secret'), 'host secret');
    writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0\n');
    const vfs = new Vfs(new HostBacking(root, true));
    expect(await vfs.readText('../../etc/passwd')).toBe('root:x:0:0\n');
    expect(await vfs.readText('/lib/../../etc/passwd')).toBe('root:x:0:0\n');
    await expect(vfs.readFile('../secret')).rejects.toMatchObject({ code: 'ENOENT', path: '/secret' });
    await vfs.writeFile('../../../escaped', 'x');
    expect(existsSync(join(outer, 'escaped'))).toBe(false);
    expect(readFileSync(join(root, 'escaped'), 'utf8')).toBe('x');
  });
});

describe('mounts', () => {
  it('a mount hides what is below it and shows up in its parent', async () => {
    const vfs = new Vfs(new MemoryBacking({ '/etc/hostname': 'lkm\n', '/lib/modules/6.12.0-lkm-wasm/old.ko': 'x' }));
    vfs.mount('/lib/modules/6.12.0-lkm-wasm', new MemoryBacking({ '/extra/a.ko': 'a' }));
    expect(await vfs.readdir('/lib/modules/6.12.0-lkm-wasm')).toEqual(['extra']);
    expect(await vfs.readText('/lib/modules/6.12.0-lkm-wasm/extra/a.ko')).toBe('a');
    expect(await vfs.readdir('/')).toEqual(['dev', 'etc', 'lib']);
    const vfs2 = new Vfs(new MemoryBacking());
    vfs2.mount('/lib/modules/r', new MemoryBacking());
    expect(await vfs2.readdir('/lib')).toEqual(['modules']);
    expect((await vfs2.stat('/lib/modules'))?.type).toBe('dir');
  });

  it('/proc and /sys are the kernel view', async () => {
    const files: Record<string, string> = { '/proc/cmdline': 'quiet a.b=1\n', '/sys/module/x/refcnt': '0\n' };
    const kernel: KernelView = {
      readFile: (p) => { if (files[p] === undefined) throw new KernelError(2); return files[p]!; },
      writeFile: (p, d) => { files[p] = d; },
      readdir: (p) => { if (p === '/sys/module') return ['x']; if (files[p] !== undefined) throw new KernelError(20); throw new KernelError(2); },
    };
    const vfs = new Vfs(new MemoryBacking({ '/proc/cmdline': 'not this' }), { kernel });
    expect(await vfs.readText('/proc/cmdline')).toBe('quiet a.b=1\n');
    expect(await vfs.readdir('/sys/module')).toEqual(['x']);
    expect((await vfs.stat('/sys/module/x/refcnt'))?.type).toBe('file');
    await expect(vfs.readFile('/proc/nope')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await vfs.readdir('/')).toEqual(['dev', 'proc', 'sys']);
  });

  it('a read-only host root keeps writes in memory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lkm-vfs-'));
    writeFileSync(join(root, 'file'), 'host');
    const vfs = new Vfs(new HostBacking(root, false));
    await vfs.writeFile('/file', 'memory');
    await vfs.mkdir('/etc/modprobe.d');
    await vfs.writeFile('/etc/modprobe.d/x.conf', 'alias a b\n');
    expect(await vfs.readText('/file')).toBe('memory');
    expect(readFileSync(join(root, 'file'), 'utf8')).toBe('host');
    expect(await vfs.readdir('/etc/modprobe.d')).toEqual(['x.conf']);
    expect(readdirSync(root)).toEqual(['file']);
    await vfs.unlink('/file');
    expect(await vfs.exists('/file')).toBe(false);
    expect(readFileSync(join(root, 'file'), 'utf8')).toBe('host');
  });
});

describe('atomic writes', () => {
  it('write a temporary file and rename it over the target', async () => {
    const mem = new MemoryBacking({ '/lib/modules.dep': 'old\n' });
    const vfs = new Vfs(mem);
    const seen: string[] = [];
    const origRename = mem.rename.bind(mem);
    mem.rename = async (from, to) => {
      seen.push(`${from} -> ${to}`);
      expect(await vfs.readText('/lib/modules.dep')).toBe('old\n');
      return origRename(from, to);
    };
    await vfs.writeAtomic('/lib/modules.dep', 'new\n');
    expect(await vfs.readText('/lib/modules.dep')).toBe('new\n');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^\/lib\/\.modules\.dep\.[0-9a-z]+\.tmp -> \/lib\/modules\.dep$/);
    expect(await vfs.readdir('/lib')).toEqual(['modules.dep']);
  });

  it('works on a host directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lkm-vfs-'));
    const vfs = new Vfs(new HostBacking(root, true));
    await vfs.writeAtomic('/modules.dep', 'a:\n');
    expect(readFileSync(join(root, 'modules.dep'), 'utf8')).toBe('a:\n');
    expect(readdirSync(root)).toEqual(['modules.dep']);
  });
});
