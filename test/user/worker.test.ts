// User programs with the kernel in a worker (the shell's default): each program runs in a worker_threads
// Worker of its own, its system calls served on the caller's thread (kernel paths forwarded to the kernel
// worker, ordinary files from the caller's VFS). Through the shell and through the API; a program blocked
// in a driver's read while the kernel hangs is killed when the watchdog declares the kernel hung.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { compileProgram, runProgramInWorker } from '../../src/user/index.js';
import { spawnNodeProgramWorker } from '../../src/user/spawn.node.js';
import { bootNodeWorkerKernel } from '../../src/worker/boot.node.js';
import { WorkerKernel } from '../../src/worker/client.js';
import { Shell } from '../../src/session/shell.js';
import { openSession } from '../../src/session/session.node.js';
import { example, ROOT } from '../helpers/paths.js';

const T = 120_000;
let out: string;
let hangKo: string;
const bin: Record<string, Uint8Array> = {};
const dec = new TextDecoder();

const HANG = `// A misc device whose read never returns.
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
static volatile unsigned long spins;
static noinline void hang_forever(void) { for (;;) spins++; }
static ssize_t hang_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	hang_forever();
	return 0;
}
static const struct file_operations hang_fops = { .owner = THIS_MODULE, .read = hang_read };
static struct miscdevice hang = { .minor = MISC_DYNAMIC_MINOR, .name = "hang", .fops = &hang_fops, .mode = 0666 };
module_misc_device(hang);
MODULE_LICENSE("GPL");
`;

const OOPS = `// A misc device whose read traps (an Oops in the program's system call).
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
static ssize_t oopsdev_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	__builtin_trap();
	return 0;
}
static const struct file_operations oopsdev_fops = { .owner = THIS_MODULE, .read = oopsdev_read };
static struct miscdevice oopsdev = { .minor = MISC_DYNAMIC_MINOR, .name = "oopsdev", .fops = &oopsdev_fops, .mode = 0666 };
module_misc_device(oopsdev);
MODULE_LICENSE("GPL");
`;
let oopsKo: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lkm-user-worker-'));
  const r = await buildDir(join(ROOT, 'test/fixtures/user'), { outDir: out, jobs: 2, log: () => {} });
  if (!r.ok) throw new Error(`${r.errors.join('\n')}\n${r.diagnostics}`);
  for (const p of r.programs) bin[p.name] = new Uint8Array(readFileSync(p.path));
  writeFileSync(join(out, 'hang.c'), HANG);
  writeFileSync(join(out, 'oopsdev.c'), OOPS);
  const h = await buildFiles([join(out, 'hang.c'), join(out, 'oopsdev.c')], { outDir: out, log: () => {} });
  if (!h.ok) throw new Error(h.errors.join('\n'));
  hangKo = join(out, 'hang.ko');
  oopsKo = join(out, 'oopsdev.ko');
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(out, { recursive: true, force: true });
});

async function session(watchdogMs?: number) {
  const { kernel, fs } = await bootNodeWorkerKernel({ cmdline: '', watchdogMs });
  expect(kernel).toBeInstanceOf(WorkerKernel);
  let stdout = '';
  let stderr = '';
  const sh = new Shell(kernel, fs, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return {
    kernel: kernel as WorkerKernel, fs, sh,
    async run(line: string) {
      stdout = '';
      stderr = '';
      const status = await sh.run(line);
      return { status, stdout, stderr };
    },
  };
}

describe('user programs with the kernel in a worker', () => {
  it('runs rwdev\'s program and /proc reads through the shell (./prog, pipes, $?, traps)', async () => {
    const t = await session();
    try {
      expect((await t.run(`insmod ${example('rwdev')} && mknod /dev/rwdev c 240 0`)).status).toBe(0);
      expect((await t.run(`cd ${out}`)).status).toBe(0);
      const rw = await t.run('./rwdev-user');
      expect(rw).toEqual({
        status: 0, stderr: '', stdout: [
          'open: 4', 'reset: 0', 'write: 11', 'get_len: 0', 'len=11', 'lseek: 6', 'read: 5', 'data=rwdev', 'fill: 0',
          'after fill: 256 bytes, first=z last=z', 'bad ioctl: Not a tty', 'bad pointer: Bad address', 'close: 0', '',
        ].join('\n'),
      });
      expect((await t.run('dmesg | grep "rwdev: reset"')).stdout).toContain('rwdev: reset');
      expect((await t.run('./rwdev-user | grep len=')).stdout).toBe('len=11\n');
      expect((await t.run('./fcat /proc/modules | grep "^rwdev "')).stdout).toMatch(/^rwdev /);
      expect((await t.run('fcat /proc/version')).stdout).toMatch(/^Linux version 6\.12\.0-lkm-wasm/);
      // argv, stdin from a pipe, stderr, exit status.
      expect(await t.run('./args one two | grep argv')).toEqual({
        status: 0, stdout: 'argv[0]=./args\nargv[1]=one\nargv[2]=two\n', stderr: 'to stderr\n',
      });
      expect((await t.run('echo typed | args 4 2>/dev/null | tail -1; echo $?')).stdout).toBe('stdin=typed\n0\n');
      expect((await t.run('./args 4 > /tmp/args.out 2>&1; echo $?')).stdout).toBe('4\n');
      expect((await t.run('cat /tmp/args.out')).stdout).toContain('to stderr\n');
      // Ordinary files: the caller's VFS (read, written back after the run, directories listed on demand).
      expect((await t.run('fcat from-worker.txt hello')).stdout).toBe('hello');
      expect((await t.run('cat from-worker.txt')).stdout).toBe('hello');
      const ls = await t.run(`./lsdir /dev ${out}`);
      expect(ls.stdout.split('\n')).toEqual(expect.arrayContaining(['rwdev c', 'from-worker.txt -']));
      expect(await t.run('./trap')).toEqual({ status: 139, stdout: 'before\n', stderr: 'Segmentation fault\n' });
      // An Oops in the program's system call (in the kernel worker) kills it with SIGSEGV; Comm is the program.
      expect((await t.run(`insmod ${oopsKo}`)).status).toBe(0);
      expect(await t.run('./fcat /dev/oopsdev')).toEqual({ status: 139, stdout: '', stderr: 'Segmentation fault\n' });
      expect((await t.run('dmesg | grep Comm:')).stdout).toContain('Comm: fcat');
      expect((await t.run('./fcat /proc/version')).stdout).toMatch(/^Linux version/);
    } finally {
      await t.kernel.close();
    }
  }, T);

  it('an open of a device node whose driver is missing autoloads it (lkm shell session, modprobe)', async () => {
    let stdout = '';
    const { kernel, sh } = await openSession({ isolate: 'worker', cmdline: '', io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stdout += t; } } });
    try {
      expect(await sh.run(`mknod /dev/rwdev c 240 0; ${out}/rwdev-user | grep len=; lsmod | grep -c rwdev`)).toBe(0);
      expect(stdout).toBe('len=11\n1\n');
    } finally {
      await kernel.close();
    }
  }, T);

  it('runs a program through the API (runProgramInWorker): device, /proc, /sys, stdin callback', async () => {
    const { kernel, fs } = await bootNodeWorkerKernel({ cmdline: '' });
    try {
      await kernel.insmod(example('rwdev'));
      await kernel.mknod('/dev/rwdev', 240, 0);
      const k = kernel as WorkerKernel;
      const run = async (name: string, argv: string[], stdin?: (max: number) => string | null) => {
        let stdout = '';
        let stderr = '';
        const r = await runProgramInWorker(await compileProgram(bin[name]!), {
          kernel: k, spawn: spawnNodeProgramWorker, vfs: fs, argv: [name, ...argv], cwd: '/', stdin,
          stdout: (d) => { stdout += dec.decode(d); }, stderr: (d) => { stderr += dec.decode(d); },
        });
        return { ...r, stdout, stderr };
      };
      const rw = await run('rwdev-user', []);
      expect(rw.status).toBe(0);
      expect(rw.stdout).toContain('len=11\n');
      expect(rw.stdout).toContain('after fill: 256 bytes, first=z last=z\n');
      const mods = await run('fcat', ['/proc/modules']);
      expect(mods.stdout).toMatch(/^rwdev \d+ 0 - Live 0x[0-9a-f]+/m);
      const bad = await run('fcat', ['/sys/module/rwdev/parameters/nope']);
      expect(bad).toMatchObject({ status: 1, stderr: 'fcat: /sys/module/rwdev/parameters/nope: No such file or directory\n' });
      // A listing longer than the channel's JSON area (64 KiB) comes back whole.
      const names = Array.from({ length: 2000 }, (_, i) => `a-rather-long-file-name-to-fill-the-channel-${i}`);
      for (const n of names) await fs.writeFile(`/tmp/many/${n}`, 'x');
      const many = await run('lsdir', ['/tmp/many']);
      expect(many.status).toBe(0);
      expect(many.stdout.split('\n').filter((l) => l.startsWith('a-rather'))).toHaveLength(2000);
      let given = false;
      const typed = await run('args', [], () => { if (given) return null; given = true; return 'from a callback\n'; });
      expect(typed.stdout).toContain('stdin=from a callback');
    } finally {
      await kernel.close();
    }
  }, T);

  it('a program blocked in a driver\'s read is killed when the watchdog declares the kernel hung', async () => {
    const t = await session(1000);
    try {
      expect((await t.run(`insmod ${hangKo}`)).status).toBe(0);
      // The caller's thread stays free meanwhile.
      let ticks = 0;
      const timer = setInterval(() => { ticks++; }, 50);
      const started = Date.now();
      const r = await t.run(`${out}/fcat /dev/hang; echo status $?`);
      clearInterval(timer);
      expect(r.stdout).toBe('status 137\n');
      expect(r.stderr).toBe('Killed\n');
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(ticks).toBeGreaterThan(5);
      // The record names the program (its system calls run as process "fcat").
      expect(t.kernel.lockup?.comm).toBe('fcat');
      expect((await t.run('dmesg | grep "soft lockup"')).stdout).toContain('soft lockup');
      // Hung: a new program's system calls fail at once (killed), then reboot makes programs work again.
      expect((await t.run(`${out}/fcat /proc/version; echo status $?`)).stdout).toBe('status 137\n');
      expect((await t.run('reboot')).status).toBe(0);
      expect((await t.run(`${out}/fcat /proc/version`)).stdout).toMatch(/^Linux version/);
    } finally {
      await t.kernel.close();
    }
  }, T);
});
