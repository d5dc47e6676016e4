// User programs: C compiled against wasi-libc by `lkm build` (kbuild userprogs), run by src/user against
// fake device files, the VFS and a live kernel (/proc, /sys, a real character device).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { bootNodeKernel } from '../../src/session/boot.node.js';
import {
  KernelSystem, runProgram, UserError, type KernelFile, type RunOptions, type UserMemory,
} from '../../src/user/index.js';
import { MemoryBacking, Vfs } from '../../src/vfs/index.js';
import { example, ROOT } from '../helpers/paths.js';
import { bootTestKernel } from '../helpers/kernel.js';

const T = 120_000;
let out: string;
const bin: Record<string, Uint8Array> = {};
const dec = new TextDecoder();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lkm-user-'));
  const r = await buildDir(join(ROOT, 'test/fixtures/user'), { outDir: out, jobs: 2, log: () => {} });
  if (!r.ok) throw new Error(`${r.errors.join('\n')}\n${r.diagnostics}`);
  for (const p of r.programs) bin[p.name] = new Uint8Array(readFileSync(p.path));
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(out, { recursive: true, force: true });
});

interface Ran { status: number; stdout: string; stderr: string; message?: string }

async function run(name: string, opts: Partial<RunOptions> & { system?: RunOptions['system'] } = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const r = await runProgram(bin[name]!, {
    argv: [name],
    system: new KernelSystem({}),
    stdout: (d) => { stdout += dec.decode(d); },
    stderr: (d) => { stderr += dec.decode(d); },
    ...opts,
  });
  return { status: r.status, stdout, stderr, message: r.message };
}

/** A fake device: an int register for two ioctls and a 64-byte buffer (what was written is read back). */
class FakeDevice implements KernelFile {
  reg = 0;
  data = new Uint8Array(0);
  pos = 0;
  closed = 0;
  readInto(mem: UserMemory, ptr: number, count: number): number {
    if (this.pos >= this.data.length && this.data.length > 0) throw new UserError('EAGAIN');
    const n = Math.min(count, this.data.length - this.pos);
    mem.view().set(this.data.subarray(this.pos, this.pos + n), ptr);
    this.pos += n;
    return n;
  }
  writeFrom(mem: UserMemory, ptr: number, count: number): number {
    this.data = mem.view().slice(ptr, ptr + count);
    this.pos = 0;
    return count;
  }
  ioctl(cmd: number, arg: number, mem: UserMemory): number {
    const dv = new DataView(mem.view().buffer);
    if (cmd === 0x40046601) { this.reg = dv.getInt32(arg, true) + 1; return 0; } // _IOW('f', 1, int)
    if (cmd === 0x80046602) { dv.setInt32(arg, this.reg, true); return 7; } // _IOR('f', 2, int)
    throw new UserError('ENOTTY');
  }
  lseek(): number { throw new UserError('ESPIPE'); }
  close(): void { this.closed++; }
}

describe('lkm build: user programs', () => {
  it('builds userprogs, userprogs-always-y and PROG-objs into OUTDIR/PROG (WASI commands)', () => {
    expect(Object.keys(bin).sort()).toEqual(['args', 'fakedev', 'fcat', 'lsdir', 'rwdev-user', 'sleepy-reader', 'trap']);
    const m = new WebAssembly.Module(bin.fakedev! as Uint8Array<ArrayBuffer>);
    expect(WebAssembly.Module.exports(m).map((e) => e.name)).toEqual(expect.arrayContaining(['_start', 'memory']));
    const imports = WebAssembly.Module.imports(m).map((i) => `${i.module}.${i.name}`);
    expect(imports).toContain('lkm.ioctl');
    expect(imports.some((i) => i.startsWith('wasi_snapshot_preview1.'))).toBe(true);
  });

  it('builds one program per file with --user, cached the second time', async () => {
    const logs: string[] = [];
    const dir = join(out, 'single');
    const opts = { outDir: dir, user: true, log: (t: string) => { logs.push(t); } };
    const r = await buildFiles([join(ROOT, 'test/fixtures/user/trap.c')], opts);
    expect(r.ok).toBe(true);
    expect(r.programs.map((p) => p.path)).toEqual([join(dir, 'trap')]);
    expect(logs.join('')).toContain(`  CC [U]  ${join(ROOT, 'test/fixtures/user/trap.o')}`);
    expect(logs.join('')).toContain(`  LD [U]  ${join(dir, 'trap')}`);
    logs.length = 0;
    const again = await buildFiles([join(ROOT, 'test/fixtures/user/trap.c')], opts);
    expect(again.stats).toMatchObject({ compiled: 0, linked: 0 });
    expect(logs.join('')).toBe('');
  }, T);
});

describe('running user programs', () => {
  it('passes argv and environment, streams stdout, reads stdin, returns the exit status', async () => {
    let stdout = '';
    let seenBeforeStdin = '';
    const r = await runProgram(bin.args!, {
      argv: ['args', 'one', '7'],
      env: { GREETING: 'hi there' },
      cwd: '/',
      system: new KernelSystem({}),
      stdout: (d) => { stdout += dec.decode(d); },
      stdin: () => { seenBeforeStdin = stdout; return seenBeforeStdin ? 'a line\n' : null; },
    });
    expect(r.status).toBe(7);
    expect(seenBeforeStdin).toBe('argv[0]=args\nargv[1]=one\nargv[2]=7\nGREETING=hi there\ncwd=/\nready\n');
    expect(stdout).toBe(`${seenBeforeStdin}stdin=a line\n`);
    const plain = await run('args', { stdin: '' });
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('to stderr\n');
    expect(plain.stdout).toContain('GREETING=(unset)');
  });

  it('reports a trap like a segfault: status 139, "Segmentation fault", output so far kept', async () => {
    const r = await run('trap');
    expect(r).toMatchObject({ status: 139, stdout: 'before\n', message: 'Segmentation fault' });
  });

  it('routes ioctl() to the file through the lkm.ioctl import; errors get WASI errnos', async () => {
    const dev = new FakeDevice();
    const r = await run('fakedev', {
      system: new KernelSystem({ devices: (p) => (p === '/dev/fake' ? dev : undefined) }),
    });
    expect(r.stdout).toBe([
      'set=0', 'get=7 out=42', 'bad=-1 Not a tty', 'tty=-1 Not a tty', 'write=4', "read=4 'ping'",
      'read=-1 Resource temporarily unavailable', 'missing=-1 No such file or directory', '',
    ].join('\n'));
    expect(r.status).toBe(0);
    expect(dev.closed).toBe(1);
  });

  it('an Oops in a system call kills the program with SIGSEGV; any other host error with SIGKILL', async () => {
    const failing = (name: string) => new (class extends FakeDevice {
      override ioctl(): number { const e = new Error('BUG'); e.name = name; throw e; }
    })();
    const oops = await run('fakedev', { system: new KernelSystem({ devices: () => failing('KernelOops') }) });
    expect(oops).toMatchObject({ status: 139, stdout: '', message: 'Segmentation fault' });
    const bug = await run('fakedev', { system: new KernelSystem({ devices: () => failing('TypeError') }) });
    expect(bug).toMatchObject({ status: 137, message: 'Killed' });
  });

  it('reads and writes VFS files relative to the cwd; writes land in the VFS after the run', async () => {
    const vfs = new Vfs(new MemoryBacking({ '/home/u/in.txt': 'x'.repeat(250) }));
    const system = new KernelSystem({ vfs });
    await system.prefetch(['/', '/home', '/home/u']);
    const r1 = await run('fcat', { argv: ['fcat', 'in.txt'], cwd: '/home/u', system });
    expect(r1.stdout).toBe('x'.repeat(250));
    const r2 = await run('fcat', { argv: ['fcat', 'new.txt', 'written by C'], cwd: '/home/u', system });
    expect(r2.stdout).toBe('written by C');
    expect(await vfs.readText('/home/u/new.txt')).toBe('written by C');
    const r3 = await run('fcat', { argv: ['fcat', '/nope/x'], system: new KernelSystem({ vfs }) });
    expect(r3).toMatchObject({ status: 1, stderr: 'fcat: /nope/x: No such file or directory\n' });
  });
});

describe('user programs on the live kernel', () => {
  it('reads /proc/modules and writes a module parameter in /sys (the setter runs)', async () => {
    const modDir = mkdtempSync(join(tmpdir(), 'lkm-pset-'));
    const src = join(modDir, 'pset.c');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(src, [
      '#include <linux/module.h>',
      '#include <linux/moduleparam.h>',
      'static int level = 1;',
      'static int pset_set(const char *val, const struct kernel_param *kp)',
      '{',
      '\tint ret = param_set_int(val, kp);',
      '\tpr_info("pset: level is now %d (ret %d)\\n", level, ret);',
      '\treturn ret;',
      '}',
      'static const struct kernel_param_ops pset_ops = { .set = pset_set, .get = param_get_int };',
      'module_param_cb(level, &pset_ops, &level, 0644);',
      'static int __init pset_init(void) { return 0; }',
      'static void __exit pset_exit(void) { }',
      'module_init(pset_init);',
      'module_exit(pset_exit);',
      'MODULE_LICENSE("GPL");',
      '',
    ].join('\n'));
    const b = await buildFiles([src], { log: () => {} });
    expect(b.errors).toEqual([]);
    const { kernel: k, fs } = await bootNodeKernel();
    await k.insmod(new Uint8Array(readFileSync(join(modDir, 'pset.ko'))));
    const system = new KernelSystem({ kernel: k, vfs: fs });
    const mods = await run('fcat', { argv: ['fcat', '/proc/modules'], system });
    expect(mods.stdout).toMatch(/^pset \d+ 0 - Live 0x[0-9a-f]+/m);
    const w = await run('fcat', { argv: ['fcat', '/sys/module/pset/parameters/level', '5'], system });
    expect(w.stdout).toBe('5\n');
    expect(k.dmesg().some((l) => l.includes('pset: level is now 5 (ret 0)'))).toBe(true);
    const bad = await run('fcat', { argv: ['fcat', '/sys/module/pset/parameters/level', 'x'], system });
    expect(bad).toMatchObject({ status: 1, stderr: 'fcat: /sys/module/pset/parameters/level: Invalid argument\n' });
    rmSync(modDir, { recursive: true, force: true });
  }, T);

  it('runs rwdev\'s user program against the driver: read/write/lseek and three ioctls', async () => {
    const { kernel: k, fs } = await bootNodeKernel();
    await k.insmod(new Uint8Array(readFileSync(example('rwdev'))));
    k.mknod('/dev/rwdev', 240, 0);
    const r = await run('rwdev-user', { system: new KernelSystem({ kernel: k, vfs: fs }) });
    expect(r.stdout).toBe([
      // fd 3 is the preopened "/" (wasi-libc finds its preopens from fd 3 up), so open() starts at 4.
      'open: 4', 'reset: 0', 'write: 11', 'get_len: 0', 'len=11', 'lseek: 6', 'read: 5', 'data=rwdev', 'fill: 0',
      'after fill: 256 bytes, first=z last=z', 'bad ioctl: Not a tty', 'bad pointer: Bad address', 'close: 0', '',
    ].join('\n'));
    expect(r.status).toBe(0);
    expect(k.dmesg().some((l) => l.includes('rwdev: reset'))).toBe(true);
    // opendir/readdir/stat: devtmpfs and the kernel's directories.
    const ls = await run('lsdir', { argv: ['lsdir', '/dev', '/proc', '/sys/module/rwdev', '/nonexistent'], system: new KernelSystem({ kernel: k, vfs: fs }) });
    const entries = ls.stdout.split('\n');
    expect(entries).toContain('rwdev c');
    expect(entries).toContain('modules -');
    expect(entries).toContain('sys d');
    expect(ls.stderr).toBe('lsdir: /nonexistent: No such file or directory\n');
  }, T);
});

describe('user programs in the lkm shell', () => {
  it('runs ./prog and prog from the cwd, in pipelines and with redirections; exit status in $?', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`cd ${out}`)).status).toBe(0);
    const piped = await t.run('./args one two 3 | grep argv');
    expect(piped).toEqual({ status: 0, stdout: 'argv[0]=./args\nargv[1]=one\nargv[2]=two\nargv[3]=3\n', stderr: 'to stderr\n' });
    expect((await t.run('echo typed | args 4 2>/dev/null | tail -1; echo $?')).stdout).toBe('stdin=typed\n0\n');
    expect((await t.run('args 4 > /tmp/args.out 2>&1; echo $?')).stdout).toBe('4\n');
    expect((await t.run('cat /tmp/args.out')).stdout).toContain('to stderr\n');
    expect((await t.run(`${out}/fcat /proc/version`)).stdout).toMatch(/^Linux version 6\.12\.0-lkm-wasm/);
    expect(await t.run('./trap')).toEqual({ status: 139, stdout: 'before\n', stderr: 'Segmentation fault\n' });
    expect(await t.run('./nope')).toEqual({ status: 127, stdout: '', stderr: 'lkm: ./nope: No such file or directory\n' });
    expect((await t.run('nope')).stderr).toBe('lkm: nope: command not found\n');
    expect((await t.run(`${ROOT}/test/fixtures/user/args.c`)).stderr).toMatch(/Exec format error/);
  }, T);
});
