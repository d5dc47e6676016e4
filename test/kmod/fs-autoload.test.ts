// Autoload of a file system module: mount(2) of a type nobody registered asks modprobe for "fs-TYPE"
// (get_fs_type()), which the depmod'd tree resolves through tinyfs's MODULE_ALIAS_FS. Sessions like
// `lkm shell --root DIR --modules DIR` over temporary copies, with the kernel in-thread and in a worker.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUsermodeHelper } from '../../src/kernel/kmod.js';
import { openSession, shellQuote, type Session } from '../../src/session/session.node.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { KernelApi } from '../../src/api/api.js';
import { WorkerKernel } from '../../src/worker/client.js';
import { EXTRA } from '../helpers/paths.js';
import { REL } from './helpers.js';

const MOUNTS = 'proc /proc proc rw,relatime 0 0\nsysfs /sys sysfs rw,relatime 0 0\n' +
  'devtmpfs /dev devtmpfs rw,relatime,mode=755 0 0\ndebugfs /sys/kernel/debug debugfs rw,relatime 0 0\n';

async function session(isolate?: 'worker') {
  const root = mkdtempSync(join(tmpdir(), 'lkm-root-'));
  const modules = mkdtempSync(join(tmpdir(), 'lkm-modules-'));
  cpSync(EXTRA, join(modules, 'extra'), { recursive: true });
  cpSync(join(EXTRA, '..', 'modules.order'), join(modules, 'modules.order'));
  let stdout = '';
  let stderr = '';
  const s = await openSession({ root, modules, isolate, cmdline: '', io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } } });
  // Every usermode helper the kernel runs, as a command line.
  const runs: string[] = [];
  const helper = {
    exists: (path: string) => s.sh.commandAt(path) !== undefined,
    run: (argv: string[], env: Record<string, string>) => {
      runs.push(argv.join(' '));
      return s.sh.child({ stdout: () => {}, stderr: () => {} }, env).run(argv.map(shellQuote).join(' '));
    },
  };
  setUsermodeHelper(s.kernel, helper);
  if (s.kernel instanceof WorkerKernel) s.kernel.usermodeHelper = helper;
  return {
    ...s, runs,
    async run(line: string) {
      stdout = '';
      stderr = '';
      const status = await s.sh.run(line);
      return { status, stdout, stderr };
    },
  } as Session & { runs: string[]; run(line: string): Promise<{ status: number; stdout: string; stderr: string }> };
}

describe('file system autoload (get_fs_type: request_module("fs-NAME"))', () => {
  it('depmod indexes tinyfs under its alias fs-tinyfs; mount -t tinyfs loads it through modprobe', async () => {
    const t = await session();
    const k = t.kernel as Kernel;
    expect((await t.run(`grep tinyfs /lib/modules/${REL}/modules.alias`)).stdout).toBe('alias fs-tinyfs tinyfs\n');
    expect(k.lsmod()).toEqual([]);
    expect(await t.run('mkdir -p /mnt/tiny && mount -t tinyfs none /mnt/tiny')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(t.runs).toEqual(['/sbin/modprobe -q -- fs-tinyfs']);
    expect((await t.run('lsmod')).stdout).toMatch(/^Module {18}Size {2}Used by\ntinyfs +\d+ {2}1\n$/);
    expect((await t.run('dmesg')).stdout).toMatch(/\] tinyfs: loading out-of-tree module taints kernel\.\n/);
    expect(await t.run('cat /mnt/tiny/counter')).toEqual({ status: 0, stdout: '0\n', stderr: '' });
    expect((await t.run('cat /proc/filesystems')).stdout).toMatch(/\nnodev\ttinyfs\n$/);
    // Registered now: a second mount runs no modprobe.
    expect(await t.run('mkdir /mnt/two && mount -t tinyfs two /mnt/two && umount /mnt/two')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(t.runs).toHaveLength(1);
    expect(await t.run('modprobe -r tinyfs')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module tinyfs is in use.\n' });
    expect(await t.run('umount /mnt/tiny && modprobe -r tinyfs && lsmod')).toEqual({ status: 0, stdout: 'Module                  Size  Used by\n', stderr: '' });

    // From TypeScript: mountAsync waits for the modprobe; mount() cannot (ENODEV, modprobe started).
    await k.mountAsync(null, '/mnt/tiny', 'tinyfs');
    expect(k.readFile('/mnt/tiny/message')).toBe('');
    expect(t.runs).toEqual(['/sbin/modprobe -q -- fs-tinyfs', '/sbin/modprobe -q -- fs-tinyfs']);
    k.umount('/mnt/tiny');
    k.rmmod('tinyfs');
    expect(() => k.mount(null, '/mnt/tiny', 'tinyfs')).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    expect(k.readFile('/proc/mounts')).toBe(MOUNTS);
    expect(t.runs).toHaveLength(3);
    // No "request_module fs-tinyfs succeeded, but still no fs?": the modprobe only started.
    expect(k.dmesg().some((l) => l.includes('but still no fs'))).toBe(false);
    for (let i = 0; i < 100 && !k.findModule('tinyfs'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(k.findModule('tinyfs')).toBeDefined();
  });

  it('a type no module provides: modprobe runs once, mount fails with ENODEV and leaves nothing behind', async () => {
    const t = await session();
    const k = t.kernel as Kernel;
    await t.run('mkdir /mnt');
    expect(await t.run('mount -t nosuchfs none /mnt')).toEqual({
      status: 32, stdout: '',
      stderr: "mount: /mnt: unknown filesystem type 'nosuchfs'.\n       dmesg(1) may have more information after failed mount system call.\n",
    });
    expect(t.runs).toEqual(['/sbin/modprobe -q -- fs-nosuchfs']);
    await expect(k.mountAsync('none', '/mnt', 'nosuchfs')).rejects.toMatchObject({ code: 'ENODEV' });
    expect(t.runs).toHaveLength(2);
    expect(k.readFile('/proc/mounts')).toBe(MOUNTS);
    expect(k.lsmod()).toEqual([]);
    // An empty /proc/sys/kernel/modprobe turns autoload off: no helper runs.
    await t.run('echo > /proc/sys/kernel/modprobe');
    expect((await t.run('mount -t tinyfs none /mnt')).stderr).toMatch(/^mount: \/mnt: unknown filesystem type 'tinyfs'\.\n/);
    expect(t.runs).toHaveLength(2);
  });
});

describe('file systems with the kernel in a worker', () => {
  it('mount waits for the caller\'s modprobe; the mounted tree is seen through the caller\'s file system', async () => {
    const t = await session('worker');
    const k = t.kernel as KernelApi;
    try {
      expect(await t.run('mkdir -p /mnt/tiny && mount -t tinyfs none /mnt/tiny')).toEqual({ status: 0, stdout: '', stderr: '' });
      expect(t.runs).toEqual(['/sbin/modprobe -q -- fs-tinyfs']);
      expect((await k.lsmod()).map((m) => [m.name, m.refcount])).toEqual([['tinyfs', 1]]);
      expect(await t.run('ls /mnt/tiny; cat /mnt/tiny/counter /mnt/tiny/counter')).toEqual({ status: 0, stdout: 'counter  message  sub\n0\n1\n', stderr: '' });
      expect(await t.run('echo hi > /mnt/tiny/message; cat /mnt/tiny/message')).toEqual({ status: 0, stdout: 'hi\n', stderr: '' });
      expect((await t.run('mount -t tinyfs')).stdout).toBe('none on /mnt/tiny type tinyfs (rw,relatime)\n');
      expect(await k.stat('/mnt/tiny/sub')).toMatchObject({ type: 'dir', mode: 0o755 });
      expect(await t.run('mount -t tinyfs none /etc/nothing')).toMatchObject({ status: 32, stderr: expect.stringMatching(/^mount: \/etc\/nothing: mount point does not exist\.\n/) });
      expect(await t.run('umount /mnt/tiny; ls /mnt/tiny; rmmod tinyfs')).toEqual({ status: 0, stdout: '', stderr: '' });
      await expect(k.mount(null, '/mnt/tiny', 'tinyfs', 0, 'nope')).rejects.toMatchObject({ code: 'EINVAL' });
      expect(await k.readFile('/proc/mounts')).toBe(MOUNTS);
    } finally {
      await k.close();
    }
  });
});
