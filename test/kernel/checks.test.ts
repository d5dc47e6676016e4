// The checks before a module runs, the sysctls, and the tools' error paths, as Linux and kmod show them.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'lkm-checks-'));

/** hello.ko with its vermagic changed (same length, so the file stays valid). */
function wrongVermagic(): string {
  const bytes = readFileSync(example('hello'));
  const text = bytes.toString('latin1').replace('mod_unload wasm32 ', 'mod_unload wasm64 ');
  const path = join(tmp, 'hello-wrong.ko');
  writeFileSync(path, Buffer.from(text, 'latin1'));
  return path;
}

describe('load checks', () => {
  it('vermagic mismatch: Invalid module format; insmod -f loads it and taints F', async () => {
    const t = await bootTestKernel();
    const ko = wrongVermagic();
    const r = await t.run(`insmod ${ko}`);
    expect(r.stderr).toBe(`insmod: ERROR: could not insert module ${ko}: Invalid module format\n`);
    expect(t.log()).toEqual([
      "hello: version magic '6.12.0-lkm-wasm SMP mod_unload wasm64 ' should be '6.12.0-lkm-wasm SMP mod_unload wasm32 '"]);
    const m = t.mark();
    expect((await t.run(`insmod -f ${ko}`)).status).toBe(0);
    expect(m()).toEqual([
      'hello: bad vermagic: kernel tainted.',
      'Disabling lock debugging due to kernel taint',
      'hello: loading out-of-tree module taints kernel.',
      'hello: module verification failed: signature and/or required key missing - tainting kernel',
      'hello: Hello, world',
    ]);
    expect((await t.run('cat /proc/modules')).stdout).toMatch(/ \(FOE\)\n$/);
  });

  it('module_blacklist= on the kernel command line refuses the module', async () => {
    const t = await bootTestKernel({ cmdline: 'module_blacklist=hello,other' });
    expect((await t.run('cat /proc/cmdline')).stdout).toBe('module_blacklist=hello,other\n');
    const r = await t.run(`insmod ${example('hello')}`);
    expect(r.stderr).toContain(': Operation not permitted\n');
    expect(t.log().slice(-1)).toEqual(['Module hello is blacklisted']);
  });

  it('kernel.modules_disabled: can only be set, then loading and unloading fail with EPERM', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('hello')}`);
    expect((await t.run('cat /proc/sys/kernel/modules_disabled')).stdout).toBe('0\n');
    await t.run('echo 1 > /proc/sys/kernel/modules_disabled');
    expect((await t.run('echo 0 > /proc/sys/kernel/modules_disabled')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect((await t.run(`insmod ${example('hello-legacy')}`)).stderr).toContain('Operation not permitted');
    expect((await t.run('rmmod hello')).stderr).toContain("could not remove 'hello': Operation not permitted");
  });

  it('a file that is not a module is an invalid format', async () => {
    const t = await bootTestKernel();
    const p = join(tmp, 'notamodule.ko');
    writeFileSync(p, 'just text');
    expect((await t.run(`insmod ${p}`)).stderr).toBe(`insmod: ERROR: could not insert module ${p}: Invalid module format\n`);
  });
});

describe('tool error paths (kmod texts)', () => {
  it('insmod, rmmod and lsmod usage errors', async () => {
    const t = await bootTestKernel();
    expect(await t.run('insmod')).toEqual({ status: 1, stdout: '', stderr: 'insmod: ERROR: missing filename.\n' });
    expect((await t.run('insmod -')).stderr).toBe('insmod: ERROR: this tool does not support loading from stdin!\n');
    expect((await t.run('insmod /nope.ko')).stderr).toBe('insmod: ERROR: could not load module /nope.ko: No such file or directory\n');
    expect(await t.run('rmmod')).toEqual({ status: 1, stdout: '', stderr: 'rmmod: ERROR: missing module name.\n' });
    expect((await t.run('rmmod hello')).stderr).toBe('rmmod: ERROR: Module hello is not currently loaded\n');
    expect(await t.run('lsmod x')).toEqual({ status: 1, stdout: '', stderr: 'lsmod: ERROR: too many arguments provided.\n' });
    // A name is normalised: dashes and a .ko suffix.
    await t.run(`insmod ${example('hello-legacy')}`);
    expect((await t.run('rmmod hello-legacy.ko')).status).toBe(0);
  });
});

describe('views', () => {
  it('/proc/kallsyms lists vmlinux exports and module functions with [module]', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('stack-a')}`);
    const lines = (await t.run('cat /proc/kallsyms')).stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^[0-9a-f]{8} T _printk$/));
    expect(lines).toContainEqual(expect.stringMatching(/^[0-9a-f]{8} T stack_a_add\t\[stack_a\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^[0-9a-f]{8} D stack_a_calls\t\[stack_a\]$/));
  });

  it('/proc/sys/kernel/printk and the console loglevel', async () => {
    const t = await bootTestKernel();
    expect((await t.run('cat /proc/sys/kernel/printk')).stdout).toBe('7\t4\t1\t7\n');
    await t.run('dmesg -n 3');
    expect((await t.run('cat /proc/sys/kernel/printk')).stdout).toBe('3\t4\t1\t7\n');
    expect((await t.run('cat /proc/sys/kernel/osrelease')).stdout).toBe('6.12.0-lkm-wasm\n');
  });
});

describe('dmesg', () => {
  it('timestamps, levels, raw and decoded forms, clearing', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('init-fails')}`);
    const plain = (await t.run('dmesg')).stdout.split('\n');
    expect(plain).toContainEqual(expect.stringMatching(/^\[ {4}\d\.\d{6}\] init_fails: no device found$/));
    expect((await t.run('dmesg -t -l err')).stdout).toBe('init_fails: no device found\n');
    expect((await t.run('dmesg -r -l err')).stdout).toMatch(/^<3>\[ +\d+\.\d{6}\] init_fails: no device found\n$/);
    expect((await t.run('dmesg -x -t -l err,warn')).stdout).toBe(
      'kern  :warn  : init_fails: loading out-of-tree module taints kernel.\n' +
      'kern  :err   : init_fails: no device found\n');
    expect((await t.run('dmesg -l bogus')).stderr).toBe("dmesg: unknown level 'bogus'\n");
    expect((await t.run('dmesg -c | wc -l')).stdout).not.toBe('0\n');
    expect((await t.run('dmesg')).stdout).toBe('');
  });
});

describe('last unloaded', () => {
  it('an Oops lists the modules and the last one unloaded, with its taints and no state mark', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('hello')}; rmmod hello; insmod ${fixture('init-trap')}`);
    expect(t.log()).toContain('Modules linked in: init_trap(OE+) [last unloaded: hello(OE)]');
  });
});
