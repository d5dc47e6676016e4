// The seed scenarios: load, stack and unload modules, checked line by line against what Linux prints.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, TEST_ISOLATE } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

const OOT = (m: string) => `${m}: loading out-of-tree module taints kernel.`;
const UNSIGNED = (m: string) => `${m}: module verification failed: signature and/or required key missing - tainting kernel`;
const ADDR = '0x[0-9a-f]{8}';

describe('hello', () => {
  it('loads and unloads with Linux messages, /proc/modules and lsmod lines', async () => {
    const t = await bootTestKernel();
    const r = await t.run(`insmod ${example('hello')}`);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(t.log()).toEqual([OOT('hello'), UNSIGNED('hello'), 'hello: Hello, world']);

    const size = Number((await t.run('cat /sys/module/hello/coresize')).stdout);
    expect(size % 4096).toBe(0);
    expect(size).toBeGreaterThan(0);
    const proc = (await t.run('cat /proc/modules')).stdout;
    expect(proc).toMatch(new RegExp(`^hello ${size} 0 - Live ${ADDR} \\(OE\\)\\n$`));
    expect((await t.run('lsmod')).stdout).toBe(
      'Module                  Size  Used by\n' +
      `hello${' '.repeat(14)} ${String(size).padStart(8)}  0\n`);
    expect((await t.run('cat /sys/module/hello/initstate /sys/module/hello/refcnt /sys/module/hello/taint /sys/module/hello/version')).stdout)
      .toBe('live\n0\nOE\n1.0\n');
    expect((await t.run('cat /sys/module/hello/srcversion')).stdout).toMatch(/^[0-9A-F]{23}\n$/);
    expect((await t.run('cat /proc/sys/kernel/tainted')).stdout).toBe(`${(1 << 12) | (1 << 13)}\n`);

    const m = t.mark();
    expect(await t.run('rmmod hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(m()).toEqual(['hello: Goodbye, world']);
    expect((await t.run('cat /proc/modules')).stdout).toBe('');
    expect((await t.run('ls /sys/module')).stdout).toBe('kunit  module\n'); // only the built-ins with parameters
    expect((await t.k.symbols()).filter((s) => s.owner !== 'vmlinux')).toEqual([]);
  });

  it('legacy init_module/cleanup_module names work', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('hello-legacy')} && rmmod hello-legacy`)).status).toBe(0);
    expect(t.log().slice(2)).toEqual(['Hello world 1.', 'Goodbye world 1.']);
  });

  it('a multi-file module has init in one object and exit in the other', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('hello-multi')} && rmmod hello_multi`)).status).toBe(0);
    expect(t.log().slice(2)).toEqual(['Hello, world - this is the kernel speaking', 'Short is the life of a kernel module']);
  });

  it('duplicate insmod says File exists; load → unload → load reuses the memory', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('hello')}`);
    const base1 = /0x([0-9a-f]{8})/.exec((await t.run('cat /proc/modules')).stdout)![1];
    const dup = await t.run(`insmod ${example('hello')}`);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toBe(`insmod: ERROR: could not insert module ${example('hello')}: File exists\n`);
    await t.run('rmmod hello');
    expect((await t.run(`insmod ${example('hello')}`)).status).toBe(0);
    const base2 = /0x([0-9a-f]{8})/.exec((await t.run('cat /proc/modules')).stdout)![1];
    expect(base2).toBe(base1);
    expect(t.log().filter((l) => l === 'hello: Hello, world')).toHaveLength(2);
    // Taint messages are printed once per boot.
    expect(t.log().filter((l) => l === OOT('hello'))).toHaveLength(1);
  });
});

describe('init return values', () => {
  it('init returning 1 loads with the exact warning', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('init-positive')}`)).status).toBe(0);
    const log = t.log();
    expect(log.slice(2, 5)).toEqual([
      'init_positive: returning 1',
      "do_init_module: 'init_positive'->init suspiciously returned 1, it should follow 0/-E convention",
      'do_init_module: loading module anyway...',
    ]);
    expect((await t.run('cat /sys/module/init_positive/initstate')).stdout).toBe('live\n');
  });

  it('init returning -ENODEV: "No such device", nothing left behind, taints kept', async () => {
    const t = await bootTestKernel();
    const symbols = (await t.k.symbols()).length;
    const r = await t.run(`insmod ${example('init-fails')}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`insmod: ERROR: could not insert module ${example('init-fails')}: No such device\n`);
    expect(t.log()).toEqual([OOT('init_fails'), UNSIGNED('init_fails'), 'init_fails: no device found']);
    expect((await t.run('cat /proc/modules')).stdout).toBe('');
    expect((await t.run('ls /sys/module')).stdout).toBe('kunit  module\n'); // only the built-ins with parameters
    expect((await t.k.symbols()).length).toBe(symbols);
    expect((await t.run('cat /proc/sys/kernel/tainted')).stdout).toBe(`${(1 << 12) | (1 << 13)}\n`);
    // The same module can be tried again: its name and memory were released.
    expect((await t.run(`insmod ${example('init-fails')}`)).stderr).toContain('No such device');
  });
});

describe('module stacking', () => {
  it('load order is enforced, Used by lists users, removal in order', async () => {
    const t = await bootTestKernel();
    const early = await t.run(`insmod ${example('stack-c')}`);
    expect(early.status).toBe(1);
    expect(early.stderr).toBe(`insmod: ERROR: could not insert module ${example('stack-c')}: Unknown symbol in module\n`);
    expect(t.log().filter((l) => l.includes('Unknown symbol')).sort()).toEqual([
      'stack_c: Unknown symbol stack_a_add (err -2)',
      'stack_c: Unknown symbol stack_a_calls (err -2)',
      'stack_c: Unknown symbol stack_a_secret (err -2)',
      'stack_c: Unknown symbol stack_b_calls (err -2)',
      'stack_c: Unknown symbol stack_b_twice (err -2)',
    ]);

    for (const m of ['stack-a', 'stack-b', 'stack-c']) expect((await t.run(`insmod ${example(m)}`)).status).toBe(0);
    expect(t.log()).toContain('stack_b: loaded, 2 + 3 = 5 (via stack_a)');
    expect(t.log()).toContain('stack_c: loaded, stack_c_sum(10) = 31, secret 42, calls a=3 b=1');

    const proc = (await t.run('cat /proc/modules')).stdout.split('\n');
    expect(proc[0]).toMatch(new RegExp(`^stack_c \\d+ 0 - Live ${ADDR} \\(OE\\)$`));
    expect(proc[1]).toMatch(new RegExp(`^stack_b \\d+ 1 stack_c, Live ${ADDR} \\(OE\\)$`));
    expect(proc[2]).toMatch(new RegExp(`^stack_a \\d+ 2 stack_c,stack_b, Live ${ADDR} \\(OE\\)$`));
    const ls = (await t.run('lsmod')).stdout.split('\n');
    expect(ls[1]).toMatch(/^stack_c +\d+  0$/);
    expect(ls[2]).toMatch(/^stack_b +\d+  1 stack_c$/);
    expect(ls[3]).toMatch(/^stack_a +\d+  2 stack_b,stack_c$/);
    expect((await t.run('ls /sys/module/stack_a/holders')).stdout).toBe('stack_b  stack_c\n');

    const busy = await t.run('rmmod stack_a');
    expect(busy).toEqual({ status: 1, stdout: '', stderr: 'rmmod: ERROR: Module stack_a is in use by: stack_b stack_c\n' });
    // Even forced: the kernel refuses while holders exist.
    const forced = await t.run('rmmod -f stack_a');
    expect(forced.stderr).toBe(
      "rmmod: ERROR: could not remove 'stack_a': Resource temporarily unavailable\n" +
      'rmmod: ERROR: could not remove module stack_a: Resource temporarily unavailable\n');

    expect((await t.run('rmmod stack_c && rmmod stack_b && rmmod stack_a')).status).toBe(0);
    expect((await t.run('cat /proc/modules')).stdout).toBe('');
    expect(t.log().slice(-3)).toEqual(['stack_c: unloaded', 'stack_b: unloaded', 'stack_a: unloaded after 3 calls']);
  });

  // Reaches into kernel memory: in-thread only.
  it.skipIf(TEST_ISOLATE === 'worker')('module-to-module calls see shared variables', async () => {
    const t = await bootTestKernel();
    for (const m of ['stack-a', 'stack-b']) await t.run(`insmod ${example(m)}`);
    const k = t.k;
    const add = k.symtab.get('stack_a_add')!.fn as (a: number, b: number) => number;
    expect(add(20, 22)).toBe(42);
    const calls = k.symtab.get('stack_a_calls')!.addr;
    expect(k.mem.i32(calls)).toBe(2);
  });
});

describe('symbols', () => {
  it('five missing symbols: five lines, nothing loaded, O taint kept', async () => {
    const t = await bootTestKernel();
    const r = await t.run(`insmod ${fixture('missing-syms')}`);
    expect(r.stderr).toBe(`insmod: ERROR: could not insert module ${fixture('missing-syms')}: Unknown symbol in module\n`);
    const unknown = t.log().filter((l) => l.includes('Unknown symbol'));
    expect(unknown.sort()).toEqual([
      'missing_syms: Unknown symbol no_such_fn_1 (err -2)',
      'missing_syms: Unknown symbol no_such_fn_2 (err -2)',
      'missing_syms: Unknown symbol no_such_fn_3 (err -2)',
      'missing_syms: Unknown symbol no_such_fn_5 (err -2)',
      'missing_syms: Unknown symbol no_such_var_4 (err -2)',
    ]);
    expect((await t.run('cat /proc/modules')).stdout).toBe('');
    expect(Number((await t.run('cat /proc/sys/kernel/tainted')).stdout) & (1 << 12)).toBeTruthy();
  });

  it('a GPL-only export is invisible to a proprietary module', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('stack-a')}`);
    const r = await t.run(`insmod ${fixture('gpl-user')}`);
    expect(r.status).toBe(1);
    expect(t.log()).toContain("gpl_user: module license 'Proprietary' taints kernel.");
    expect(t.log()).toContain('gpl_user: Unknown symbol stack_a_secret (err -2)');
    expect(t.log().filter((l) => l.includes('Unknown symbol'))).toHaveLength(1);
    // stack_a_add resolved before the failure: its link and reference were dropped again.
    expect((await t.run('cat /sys/module/stack_a/refcnt')).stdout).toBe('0\n');
  });

  it('a duplicate export fails the load and names the owner', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('stack-a')}`);
    const r = await t.run(`insmod ${fixture('dup-export')}`);
    expect(r.stderr).toContain('Invalid module format');
    expect(t.log()).toContain('dup_export: exports duplicate symbol stack_a_add (owned by stack_a)');
    expect((await t.run('lsmod')).stdout.split('\n')).toHaveLength(3);
  });

  it('symbol_get takes a reference without a holder link', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('stack-a')} && insmod ${fixture('symget')}`);
    expect(t.log()).toContain('symget: secret is 42');
    expect((await t.run('cat /sys/module/stack_a/refcnt')).stdout).toBe('1\n');
    expect((await t.run('ls /sys/module/stack_a/holders')).stdout).toBe('');
    expect((await t.run('rmmod stack_a')).stderr).toBe('rmmod: ERROR: Module stack_a is in use\n');
    await t.run('rmmod symget');
    expect((await t.run('cat /sys/module/stack_a/refcnt')).stdout).toBe('0\n');
  });
});

describe('taints', () => {
  it('license and out-of-tree messages once each; (POE) flags', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('proprietary')} && insmod ${example('nolicense')} && insmod ${example('hello')}`);
    expect(t.log()).toEqual([
      OOT('proprietary'),
      "proprietary: module license 'Proprietary' taints kernel.",
      'Disabling lock debugging due to kernel taint',
      UNSIGNED('proprietary'),
      'proprietary: loaded',
      'nolicense: loaded',
      'hello: Hello, world',
    ]);
    const proc = (await t.run('cat /proc/modules')).stdout;
    expect(proc).toMatch(/^hello .* \(OE\)\nnolicense .* \(POE\)\nproprietary .* \(POE\)\n$/);
    expect((await t.run('cat /proc/sys/kernel/tainted')).stdout).toBe(`${1 | (1 << 12) | (1 << 13)}\n`);
  });

  it('a permanent module needs -f, which taints R', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('permanent')}`);
    expect((await t.run('cat /proc/modules')).stdout).toMatch(/^permanent \d+ 0 \[permanent\], Live /);
    const r = await t.run('rmmod permanent');
    expect(r.stderr).toBe(
      "rmmod: ERROR: could not remove 'permanent': Device or resource busy\n" +
      'rmmod: ERROR: could not remove module permanent: Device or resource busy\n');
    expect((await t.run('rmmod -f permanent')).status).toBe(0);
    expect(Number((await t.run('cat /proc/sys/kernel/tainted')).stdout) & (1 << 3)).toBeTruthy();
    expect(t.log()).toContain('Disabling lock debugging due to kernel taint');
  });

  it('force removal of a module in use taints R; without -f it is refused', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('self-ref')}`);
    expect(t.log()).toContain('self_ref: refcount now 2');
    expect((await t.run('cat /sys/module/self_ref/refcnt')).stdout).toBe('1\n');
    expect((await t.run('rmmod self_ref')).stderr).toBe('rmmod: ERROR: Module self_ref is in use\n');
    expect((await t.run('cat /proc/sys/kernel/tainted')).stdout).toBe(`${(1 << 12) | (1 << 13)}\n`);
    expect((await t.run('rmmod -f self_ref')).status).toBe(0);
    expect(t.log()).toContain('self_ref: exit');
    expect((await t.run('cat /proc/sys/kernel/tainted')).stdout).toBe(`${(1 << 3) | (1 << 12) | (1 << 13)}\n`);
  });
});

describe('memory', () => {
  it('allocations a module leaves behind are reported at unload', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('leaky')}`);
    const m = t.mark();
    expect((await t.run('rmmod leaky')).status).toBe(0);
    // Each object with the function that allocated it (linux/alloc_tag.h), in the log and as data.
    expect(m()).toEqual([
      'leaky: 2 allocations (4100 bytes) not freed at unload: leaked',
      'leaky:   100 bytes allocated in leaky_init',
      'leaky:   4000 bytes allocated in leaky_init',
    ]);
    if (TEST_ISOLATE !== 'worker') {
      expect(t.k.moduleLeaks('leaky')?.map((l) => [l.size, l.func, l.file.endsWith('leaky.c'), l.line])).toEqual([
        [100, 'leaky_init', true, 10], [4000, 'leaky_init', true, 12],
      ]);
    }
    // The same report, structured (the kernel call leaks(), what lkm-wasm/vitest checks at teardown).
    expect((await t.k.leaks()).map((l) => ({ ...l, objects: l.objects.map((o) => `${o.size} ${o.func}`) })))
      .toEqual([{ module: 'leaky', allocations: 2, bytes: 4100, objects: ['100 leaky_init', '4000 leaky_init'] }]);
    // A clean module reports nothing; charp parameters are freed by the kernel itself.
    const m2 = t.mark();
    await t.run(`insmod ${example('hello-params')} type=wep && rmmod hello_params`);
    expect(m2().filter((l) => l.includes('not freed'))).toEqual([]);
    expect((await t.k.leaks()).length).toBe(1);
  });
});

describe('faults', () => {
  it('an init that traps leaves an Oops, taints D, and the kernel keeps working', async () => {
    const t = await bootTestKernel();
    const r = await t.run(`insmod ${fixture('init-trap')}`);
    expect(r.status).toBe(139);
    const log = t.log();
    expect(log).toContain('init_trap: dividing by 0');
    expect(log).toContain('Oops: divide error: 0000 [#1] SMP');
    expect(log.some((l) => /^ init_trap_compute \[init_trap\]$/.test(l))).toBe(true);
    expect(log.some((l) => /^Modules linked in: init_trap\(OE\+\)$/.test(l))).toBe(true);
    expect(Number((await t.run('cat /proc/sys/kernel/tainted')).stdout) & (1 << 7)).toBeTruthy();
    // Like Linux, the module stays "Loading" and cannot be removed.
    expect((await t.run('cat /proc/modules')).stdout).toMatch(/^init_trap \d+ 1 - Loading 0x[0-9a-f]{8} \(OE\+\)\n$/);
    expect((await t.run('rmmod init_trap')).stderr).toBe('rmmod: ERROR: Module init_trap is in use\n');
    expect((await t.run('rmmod -f init_trap')).stderr).toContain("could not remove 'init_trap': Device or resource busy");
    expect((await t.run(`insmod ${example('hello')}`)).status).toBe(0);
    expect(t.log()).toContain('hello: Hello, world');
  });
});
