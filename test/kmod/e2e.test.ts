// modprobe, depmod, modinfo and request_module against the real kernel (build/vmlinux.ko) in a session
// like `lkm shell --root DIR --modules DIR`: temporary copies, so the build tree is never written.
import { describe, expect, it } from 'vitest';
import { ENAMETOOLONG, ENOENT, KernelError } from '../../src/kernel/errno.js';
import { requestModule, requestModuleNoWait, setUsermodeHelper } from '../../src/kernel/kmod.js';
import { shellQuote } from '../../src/session/session.node.js';
import { hostImports } from '../../src/kernel/host.js';
import { buildSeedLkm, tempSession } from '../helpers/session.js';
import type { KernelApi } from '../../src/api/api.js';
import { REL } from './helpers.js';

const MOD = `/lib/modules/${REL}`;

const session = tempSession;

describe('modprobe with the kernel', () => {
  it('the session indexed the tree at start: modprobe stack_c loads three modules in order', async () => {
    const t = await session();
    expect((await t.run(`cat ${MOD}/modules.dep`)).stdout).toContain('extra/stack-c.ko: extra/stack-b.ko extra/stack-a.ko\n');
    expect(await t.run('modprobe stack_c')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('lsmod')).stdout).toMatch(/^Module {18}Size {2}Used by\nstack_c +\d+ {2}0\nstack_b +\d+ {2}1 stack_c\nstack_a +\d+ {2}2 stack_b,stack_c\n$/);
    expect(t.dmesg().filter((l) => /loaded/.test(l))).toEqual([
      'stack_a: loaded', 'stack_b: loaded, 2 + 3 = 5 (via stack_a)', 'stack_c: loaded, stack_c_sum(10) = 31, secret 42, calls a=3 b=1',
    ]);
    expect(await t.run('modprobe --first-time stack_b')).toEqual({ status: 1, stdout: '', stderr: "modprobe: ERROR: could not insert 'stack_b': Module already in kernel\n" });
    expect(await t.run('modprobe -r -v stack_c')).toEqual({ status: 0, stdout: 'rmmod stack_c\nrmmod stack_b\n', stderr: '' });
    expect((await t.run('cat /proc/modules')).stdout).toMatch(/^stack_a \d+ 0 - Live 0x[0-9a-f]{8} \(OE\)\n$/);
    expect(await t.run('modprobe -r stack_a && lsmod')).toEqual({ status: 0, stdout: 'Module                  Size  Used by\n', stderr: '' });
  });

  it('options from modprobe.d and the kernel command line reach the module parameters', async () => {
    const t = await session({ conf: { '/etc/modprobe.d/hp.conf': 'options hello_params debug=7\n' }, cmdline: 'hello_params.verbose=1' });
    expect(await t.run('modprobe hello-params type="wpa" "name=a b"')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('cd /sys/module/hello_params/parameters && cat type debug verbose name')).stdout).toBe('wpa\n7\nY\na b\n');
  });

  it('errors from the kernel are kmod errors; a dependency that is missing from modules.dep fails', async () => {
    const t = await session();
    await t.run(`echo "extra/stack-b.ko:" > ${MOD}/modules.dep`);
    await t.run(`echo > ${MOD}/modules.lkm.bin`);
    expect(await t.run('modprobe stack_b')).toEqual({
      status: 1, stdout: '', stderr: "modprobe: ERROR: could not insert 'stack_b': Unknown symbol in module, or unknown parameter (see dmesg)\n",
    });
    expect(t.dmesg()).toContain('stack_b: Unknown symbol stack_a_add (err -2)');
    // Only what the text files name exists now (the index was replaced by a non-index file).
    expect(await t.run('modprobe init_fails')).toEqual({ status: 1, stdout: '', stderr: `modprobe: FATAL: Module init_fails not found in directory ${MOD}\n` });
  });

  it('an init that fails: could not insert with the errno text', async () => {
    const t = await session();
    const r = await t.run('modprobe init-fails');
    expect(r).toEqual({ status: 1, stdout: '', stderr: "modprobe: ERROR: could not insert 'init_fails': No such device\n" });
    expect((await t.run('lsmod')).stdout).toBe('Module                  Size  Used by\n');
  });

  it('modinfo and depmod in the session', async () => {
    const t = await session();
    expect((await t.run('modinfo -F filename stack_c')).stdout).toBe(`${MOD}/extra/stack-c.ko\n`);
    expect(await t.run('depmod -A')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('depmod -n | grep stack-c')).stdout).toBe('extra/stack-c.ko: extra/stack-b.ko extra/stack-a.ko\n');
  });
});

describe('request_module', () => {
  it('runs modprobe -q -- NAME through /proc/sys/kernel/modprobe and returns its exit status', async () => {
    const t = await session({ conf: { '/etc/modprobe.d/watchdog.conf': 'alias char-major-10-30 hello\n' } });
    expect((await t.run('cat /proc/sys/kernel/modprobe')).stdout).toBe('/sbin/modprobe\n');
    expect(await requestModule(t.kernel, 'stack_b')).toBe(0);
    expect(t.kernel.lsmod().map((m) => m.name)).toEqual(['stack_b', 'stack_a']);
    // alias char-major-10-30 softdog, as the seed documents: what opening /dev/watchdog asks for.
    expect(await requestModule(t.kernel, 'char-major-10-30')).toBe(0);
    expect(t.kernel.findModule('hello')).toBeDefined();
    expect(await requestModule(t.kernel, 'no-such-module')).toBe(1);
    expect(await requestModule(t.kernel, 'x'.repeat(56))).toBe(-ENAMETOOLONG);
    expect(await requestModule(t.kernel, 'x'.repeat(55))).toBe(1);
  });

  it('nowait returns 0 at once and the module arrives later', async () => {
    const t = await session();
    let status: number | undefined;
    const done = new Promise<void>((r) => { expect(requestModuleNoWait(t.kernel, 'stack_a', (s) => { status = s; r(); })).toBe(0); });
    expect(await requestModule(t.kernel, 'hello', false)).toBe(0);
    await done;
    expect(status).toBe(0);
    expect(t.kernel.findModule('stack_a')).toBeDefined();
  });

  it('the host.request_module import (for C) starts modprobe and returns 0, or the early errors', async () => {
    const t = await session();
    const imports = hostImports(t.kernel);
    const buf = t.kernel.scratchBuffer;
    t.kernel.mem.writeCString(buf, 'stack_a', 64);
    expect(imports.request_module!(buf, 1)).toBe(0);
    for (let i = 0; i < 50 && !t.kernel.findModule('stack_a'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.kernel.findModule('stack_a')).toBeDefined();
    t.kernel.mem.writeCString(buf, 'y'.repeat(60), 64);
    expect(imports.request_module!(buf, 0)).toBe(-ENAMETOOLONG);
  });

  it('an empty modprobe path disables autoload (-ENOENT); a missing program is -ENOENT', async () => {
    const t = await session();
    await t.run('echo > /proc/sys/kernel/modprobe');
    expect(await requestModule(t.kernel, 'hello')).toBe(-ENOENT);
    await t.run('echo /nonexistent/modprobe > /proc/sys/kernel/modprobe');
    expect(await requestModule(t.kernel, 'hello')).toBe(-ENOENT);
    await t.run('echo /usr/sbin/modprobe > /proc/sys/kernel/modprobe');
    expect(await requestModule(t.kernel, 'hello')).toBe(0);
    expect(t.kernel.lsmod().map((m) => m.name)).toEqual(['hello']);
  });
});

/** Records the helper's command lines (request_module's modprobe) while running them in the session's shell. */
function recordHelper(t: Awaited<ReturnType<typeof session>>): string[] {
  const runs: string[] = [];
  setUsermodeHelper(t.kernel, {
    exists: (path) => t.sh.commandAt(path) !== undefined,
    run: (argv, env) => {
      runs.push(argv.join(' '));
      const child = t.sh.child({ stdout: () => {}, stderr: () => {} }, env);
      return child.run(argv.map(shellQuote).join(' '));
    },
  });
  return runs;
}

describe('device-node autoload (base_probe: char-major-M-N, then char-major-M)', () => {
  it('echo > /dev/rwdev with rwdev not loaded runs modprobe for char-major-240-0, waits, and succeeds', async () => {
    const t = await session();
    const runs = recordHelper(t);
    t.kernel.mknod('/dev/rwdev', 240, 0);
    expect(t.kernel.lsmod()).toEqual([]);
    expect(await t.run('echo hi > /dev/rwdev')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runs).toEqual(['/sbin/modprobe -q -- char-major-240-0']);
    expect(t.kernel.lsmod().map((m) => m.name)).toEqual(['rwdev']);
    expect((await t.run('cat /dev/rwdev')).stdout).toBe('hi\n');
    expect(runs).toHaveLength(1);
    // From TypeScript: openAsync loads it again after rmmod; open() cannot wait (ENXIO, modprobe started).
    expect(await t.run('rmmod rwdev')).toEqual({ status: 0, stdout: '', stderr: '' });
    const f = await t.kernel.openAsync('/dev/rwdev', 2);
    expect(f.write('abc')).toBe(3);
    f.close();
    expect(runs).toEqual(['/sbin/modprobe -q -- char-major-240-0', '/sbin/modprobe -q -- char-major-240-0']);
    expect(await t.run('rmmod rwdev')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(() => t.kernel.open('/dev/rwdev')).toThrow(expect.objectContaining({ code: 'ENXIO' }));
    for (let i = 0; i < 100 && !t.kernel.findModule('rwdev'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.kernel.findModule('rwdev')).toBeDefined();
  });

  it('a number nobody serves asks for char-major-M-N and char-major-M once each, then ENXIO', async () => {
    const t = await session({ conf: { '/etc/modprobe.d/major.conf': 'alias char-major-241 rwdev\n' } });
    const runs = recordHelper(t);
    t.kernel.mknod('/dev/none', 242, 3);
    expect(await t.run('cat /dev/none')).toEqual({ status: 1, stdout: '', stderr: 'cat: /dev/none: No such device or address\n' });
    expect(runs).toEqual(['/sbin/modprobe -q -- char-major-242-3', '/sbin/modprobe -q -- char-major-242']);
    await expect(t.kernel.openAsync('/dev/none')).rejects.toThrow(KernelError);
    expect(runs).toHaveLength(4);
    // char-major-M: the second name loads a module (rwdev serves 240, so 241 stays unserved: ENXIO).
    runs.length = 0;
    t.kernel.mknod('/dev/m241', 241, 0);
    await expect(t.kernel.openAsync('/dev/m241')).rejects.toMatchObject({ code: 'ENXIO' });
    expect(runs).toEqual(['/sbin/modprobe -q -- char-major-241-0', '/sbin/modprobe -q -- char-major-241']);
    expect(t.kernel.lsmod().map((m) => m.name)).toEqual(['rwdev']);
    // The node served now: no modprobe.
    runs.length = 0;
    t.kernel.mknod('/dev/rw', 240, 0);
    (await t.kernel.openAsync('/dev/rw')).close();
    expect(runs).toEqual([]);
    // An empty /proc/sys/kernel/modprobe disables autoload: no helper runs.
    await t.run('rmmod rwdev');
    await t.run('echo > /proc/sys/kernel/modprobe');
    expect((await t.run('cat /dev/rw')).stderr).toBe('cat: /dev/rw: No such device or address\n');
    expect(runs).toEqual([]);
  });
});

describe('device-node autoload with the kernel in a worker', () => {
  it('echo > /dev/rwdev: the worker waits for the caller\'s modprobe, then opens', async () => {
    const t = await session({ isolate: 'worker' });
    try {
      const k = t.kernel as KernelApi;
      await k.mknod('/dev/rwdev', 240, 0);
      expect(await t.run('echo hi > /dev/rwdev')).toEqual({ status: 0, stdout: '', stderr: '' });
      expect((await k.lsmod()).map((m) => m.name)).toEqual(['rwdev']);
      expect(await t.run('cat /dev/rwdev')).toEqual({ status: 0, stdout: 'hi\n', stderr: '' });
      await k.mknod('/dev/none', 242, 0);
      expect(await t.run('cat /dev/none')).toEqual({ status: 1, stdout: '', stderr: 'cat: /dev/none: No such device or address\n' });
      expect((await t.run('ls /dev')).stdout).toBe('full  none  null  random  rwdev  urandom  zero\n');
    } finally {
      await (t.kernel as KernelApi).close();
    }
  });
});

describe('seed scenarios', () => {
  it('modprobe -vn lkm, modprobe lkm, modprobe -r lkm, modprobe lk, modprobe -q lk', async () => {
    const t = await session({ extraKo: { 'kernel/arch/x86/kernel/lkm.ko': await buildSeedLkm() } });
    expect(await t.run('modprobe -vn lkm')).toEqual({ status: 0, stdout: `insmod ${MOD}/kernel/arch/x86/kernel/lkm.ko \n`, stderr: '' });
    expect(t.kernel.lsmod()).toEqual([]);
    expect(await t.run('modprobe lkm')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(t.dmesg()).toContain('lkm: hello');
    expect(await t.run('modprobe -r lkm')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(t.dmesg()).toContain('lkm: bye');
    expect(await t.run('modprobe lk')).toEqual({ status: 1, stdout: '', stderr: `modprobe: FATAL: Module lk not found in directory ${MOD}\n` });
    expect(await t.run('modprobe -q lk')).toEqual({ status: 1, stdout: '', stderr: '' });
  });
});
