// The module build end to end with @yowasp/clang: real compiles in worker threads, fixture headers, temp dirs.
// One file so that the compiler workers (about 2 s to load clang) are shared by every test.

import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, buildFiles, buildKernel, buildTree, closeBuildPool, poolWorkersStarted, type BuildOptions } from '../../src/kbuild/build.node.js';
import { planDir } from '../../src/kbuild/plan.js';
import { buildUnit } from '../../src/kbuild/unit.js';
import { nodeHost } from '../../src/kbuild/host.node.js';
import { InlineRunner } from '../../src/kbuild/runner.js';
import { exports, imports } from '../../src/wasm/imports-exports.js';
import { readModuleMetadata } from '../../src/wasm/metadata.js';
import { readFunctionNames } from '../../src/wasm/names.js';
import { customSections, nulStrings as cstrings, sections } from '../../src/wasm/reader.js';
import { renameFunctions } from '../helpers/rename-functions.js';
import { HELLO_C, TEXTBOOK_MAKEFILE, workspace, writeTree } from './fixtures.js';

const T = 120_000;
let ws: ReturnType<typeof workspace>;
let logs: string[] = [];

beforeAll(() => { ws = workspace(); });
afterAll(async () => { await closeBuildPool(); ws.cleanup(); });

function opts(extra: BuildOptions = {}): BuildOptions {
  logs = [];
  return { includeDir: ws.include, vmlinux: false, jobs: 2, log: (t) => { logs.push(t); }, ...extra };
}
const ko = (path: string) => new Uint8Array(readFileSync(path));
const modinfo = (bin: Uint8Array) => customSections(bin, '.modinfo').flatMap(cstrings);
const uncached = (r: Awaited<ReturnType<typeof buildDir>>) =>
  r.modules.flatMap((m) => m.objects.filter((o) => !o.cached).map((o) => o.obj));

describe('lkm build (compiles with @yowasp/clang)', () => {
  it('builds the textbook module with its unmodified Makefile', async () => {
    const dir = join(ws.root, 'hello');
    writeTree(dir, { 'hello-1.c': HELLO_C, Makefile: TEXTBOOK_MAKEFILE });
    const r = await buildDir(dir, opts());
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.modules.map((m) => [m.name, m.modname, m.path])).toEqual([['hello-1', 'hello_1', join(dir, 'hello-1.ko')]]);
    const bin = ko(join(dir, 'hello-1.ko'));
    expect(sections(bin)[0]!.name).toBe('dylink.0');
    const info = modinfo(bin);
    expect(info[0]).toBe('license=GPL');
    expect(info.slice(1).map((s) => s.split('=')[0])).toEqual(['srcversion', 'depends', 'name', 'vermagic']);
    expect(info).toContain('name=hello_1');
    expect(info).toContain('depends=');
    expect(info).toContain('vermagic=6.12.0-lkm-wasm SMP mod_unload wasm32 ');
    expect(info.find((s) => s.startsWith('srcversion='))).toMatch(/^srcversion=[0-9A-F]{23}$/);
    expect(r.modules[0]!.srcversion).toMatch(/^[0-9A-F]{23}$/);
    const ex = exports(bin).map((e) => e.name);
    expect(ex).toEqual(expect.arrayContaining(['init_module', 'cleanup_module', '__this_module']));
    expect(imports(bin).map((i) => `${i.module}.${i.name}`)).toEqual(expect.arrayContaining(['env.memory', 'env.printk']));
    expect(logs.join('')).toContain(`  CC [M]  ${join(dir, 'hello-1.o')}`);
    expect(logs.join('')).toContain(`  LD [M]  ${join(dir, 'hello-1.ko')}`);
    expect(existsSync(join(dir, '.lkm-cache', 'hello-1', 'hello-1.mod.c'))).toBe(true);
    expect(r.stats).toMatchObject({ objects: 2, compiled: 2, cacheHits: 0, linked: 1 });
    expect(poolWorkersStarted()).toBeGreaterThan(0);
  }, T);

  it('does nothing the second time, and recompiles only what changed', async () => {
    const dir = join(ws.root, 'multi');
    writeTree(dir, {
      Makefile: 'obj-m += startstop.o\nstartstop-objs := start.o stop.o\n',
      'start.c': '#include <linux/module.h>\n#include "common.h"\nint start(void) { return COMMON; }\nmodule_init(start);\n',
      'stop.c': '#include <linux/module.h>\nvoid stop(void) { }\nmodule_exit(stop);\nMODULE_LICENSE("GPL");\n',
      'common.h': '#define COMMON 0\n',
    });
    // The progress hook (a terminal's bar) counts each object and each link, cached or not.
    const steps: string[] = [];
    let total = 0;
    const progress = { add: (n: number) => { total += n; }, step: (d: string) => { steps.push(d); } };
    const first = await buildDir(dir, opts({ progress }));
    expect(first.ok).toBe(true);
    expect(first.stats).toMatchObject({ objects: 3, compiled: 3, linked: 1 });
    expect(total).toBe(3);
    expect(steps.sort()).toEqual(['start.o', 'startstop.ko', 'stop.o']);
    const size = readFileSync(join(dir, 'startstop.ko')).length;
    expect(size).toBeGreaterThan(0);

    steps.length = 0;
    const again = await buildDir(dir, opts({ progress }));
    expect(again.ok).toBe(true);
    expect(steps).toHaveLength(3);
    expect(again.stats).toMatchObject({ objects: 3, compiled: 0, cacheHits: 3, linked: 0, linkSkipped: 1 });
    expect(logs.join('')).toBe('');

    // New mtime, same content: still nothing (content hashes, not timestamps).
    utimesSync(join(dir, 'stop.c'), new Date(), new Date(Date.now() + 5000));
    expect((await buildDir(dir, opts())).stats.compiled).toBe(0);

    // A changed source: that object, and NAME.mod.o because srcversion changed.
    writeFileSync(join(dir, 'stop.c'), '#include <linux/module.h>\nvoid stop(void) { (void)0; }\nmodule_exit(stop);\nMODULE_LICENSE("GPL");\n');
    const edited = await buildDir(dir, opts());
    expect(edited.ok).toBe(true);
    expect(uncached(edited)).toEqual(['stop.o']);
    expect(edited.stats).toMatchObject({ compiled: 2, linked: 1 });

    // A changed header recompiles the objects that include it (srcversion is over the .c files only).
    writeFileSync(join(dir, 'common.h'), '#define COMMON (1 - 1)\n');
    const header = await buildDir(dir, opts());
    expect(uncached(header)).toEqual(['start.o']);
    expect(header.stats.compiled).toBe(1);

    // Deleting the .ko relinks without compiling.
    writeFileSync(join(dir, 'startstop.ko'), 'garbage');
    const relinked = await buildDir(dir, opts());
    expect(relinked.stats).toMatchObject({ compiled: 0, linked: 1 });
    expect(sections(ko(join(dir, 'startstop.ko')))[0]!.name).toBe('dylink.0');
  }, T);

  it('links x-y objects into one module, exports __ksymtab symbols, computes depends and Module.symvers', async () => {
    const dir = join(ws.root, 'stack');
    writeTree(dir, {
      Kbuild: 'obj-m += stack-a.o stack-b.o\nstack-a-y := a-main.o\nstack-a-y += a-util.o\nccflags-y := -DSTACK=1\n',
      Makefile: 'ifneq ($(KERNELRELEASE),)\ninclude Kbuild\nelse\nall:\n\t$(MAKE) -C /lib/modules/$(shell uname -r)/build M=$(PWD)\nendif\n',
      'a-main.c': '#include <linux/module.h>\nint stack_a_value = STACK;\nEXPORT_SYMBOL(stack_a_value);\nMODULE_LICENSE("GPL");\n',
      'a-util.c': '#include <linux/module.h>\nint stack_a_get(void) { return 42; }\nEXPORT_SYMBOL_GPL(stack_a_get);\n',
      'stack-b.c': [
        '#include <linux/module.h>',
        'extern int stack_a_get(void);',
        'extern int stack_a_value;',
        'static int b_init(void) { return stack_a_get() - 42 + stack_a_value - 1; }',
        'module_init(b_init);',
        'MODULE_LICENSE("GPL");',
        '',
      ].join('\n'),
    });
    const r = await buildDir(dir, opts());
    expect(r.errors).toEqual([]);
    const a = r.modules.find((m) => m.name === 'stack-a')!;
    const b = r.modules.find((m) => m.name === 'stack-b')!;
    expect(a.objects.map((o) => o.obj)).toEqual(['a-main.o', 'a-util.o']);
    expect(a.exports).toEqual([{ name: 'stack_a_value', gpl: false }, { name: 'stack_a_get', gpl: true }]);
    expect(b.imports.map((i) => i.name)).toEqual(expect.arrayContaining(['stack_a_get', 'stack_a_value']));
    expect(b.depends).toEqual(['stack-a']);
    expect(a.depends).toEqual([]);
    const aKo = ko(join(dir, 'stack-a.ko'));
    expect(exports(aKo).map((e) => e.name)).toEqual(expect.arrayContaining(['stack_a_get', 'stack_a_value']));
    expect(customSections(aKo, '__ksymtab').flatMap(cstrings)).toEqual(['stack_a_value']);
    expect(customSections(aKo, '__ksymtab_gpl').flatMap(cstrings)).toEqual(['stack_a_get']);
    const bKo = ko(join(dir, 'stack-b.ko'));
    expect(modinfo(bKo)).toContain('depends=stack-a');
    expect(modinfo(bKo)).toContain('name=stack_b');
    expect(imports(bKo).map((i) => `${i.module}.${i.name}`)).toEqual(expect.arrayContaining(['env.stack_a_get', 'GOT.mem.stack_a_value']));
    expect(readFileSync(join(dir, 'Module.symvers'), 'utf8')).toBe(
      `0x00000000\tstack_a_value\t${join(dir, 'stack-a')}\tEXPORT_SYMBOL\t\n` +
      `0x00000000\tstack_a_get\t${join(dir, 'stack-a')}\tEXPORT_SYMBOL_GPL\t\n`,
    );

    // Another directory uses stack-a through KBUILD_EXTRA_SYMBOLS.
    const other = join(ws.root, 'user');
    writeTree(other, {
      Makefile: `obj-m := user.o\nKBUILD_EXTRA_SYMBOLS := ${join(dir, 'Module.symvers')}\n`,
      'user.c': '#include <linux/module.h>\nextern int stack_a_get(void);\nint user_init(void) { return stack_a_get(); }\nmodule_init(user_init);\n',
    });
    const u = await buildDir(other, opts());
    expect(u.ok).toBe(true);
    expect(u.modules[0]!.depends).toEqual(['stack-a']);
  }, T);

  it('fails on a C error: names the module, shows clang file:line:col, exits non-zero', async () => {
    const dir = join(ws.root, 'broken');
    writeTree(dir, {
      Makefile: 'obj-m := broken.o good.o\n',
      'broken.c': '#include <linux/module.h>\nint broken_init(void)\n{\n\treturn 0\n}\n',
      'good.c': '#include <linux/module.h>\nint good_init(void) { return 0; }\n',
    });
    const r = await buildDir(dir, opts());
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(['lkm build: error: module broken failed (broken.o)']);
    expect(r.diagnostics).toContain(`${join(dir, 'broken.c')}:4:10: error: expected ';' after return statement`);
    expect(logs.join('')).toContain('lkm build: error: module broken failed (broken.o)');
    expect(existsSync(join(dir, 'broken.ko'))).toBe(false);
    // Still failing (and still showing the error) on the next run: failures are not cached.
    const again = await buildDir(dir, opts());
    expect(again.ok).toBe(false);
    expect(again.diagnostics).toContain('error:');
  }, T);

  it('shows warnings and still builds', async () => {
    const dir = join(ws.root, 'warn');
    writeTree(dir, {
      Makefile: 'obj-m := warn.o\n',
      'warn.c': '#include <linux/module.h>\nint warn_init(void)\n{\n\tint unused;\n\tpr_info("%d\\n", "not an int");\n\treturn 0;\n}\nmodule_init(warn_init);\n',
    });
    const r = await buildDir(dir, opts());
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatch(new RegExp(`${join(dir, 'warn.c')}:4:6: warning: unused variable 'unused'`));
    expect(r.diagnostics).toContain('warning: format specifies type');
    expect(logs.join('')).toContain('warning:');
    expect(existsSync(join(dir, 'warn.ko'))).toBe(true);
  }, T);

  it('builds vmlinux in kernel mode and checks module symbols against it (modpost warnings)', async () => {
    const kdir = join(ws.root, 'kernel');
    writeTree(kdir, {
      Kbuild: 'obj-m := vmlinux.o\nvmlinux-y := printk.o main.o\n',
      'printk.c': '#include <linux/module.h>\nint printk(const char *fmt, ...) { return 0; }\nEXPORT_SYMBOL(printk);\nunsigned long jiffies;\nEXPORT_SYMBOL(jiffies);\n',
      'main.c': [
        '#include <linux/module.h>',
        '#ifdef MODULE',
        '#error vmlinux objects are not module objects',
        '#endif',
        '__attribute__((import_module("host"), import_name("clock_ns"))) unsigned long long host_clock_ns(void);',
        'int lkm_mm_init(unsigned long heap) { return (int)host_clock_ns() + (int)heap; }',
        'static const char modname[] = KBUILD_MODNAME;',
        'const char *lkm_modname(void) { return modname; }',
        '',
      ].join('\n'),
    });
    const out = join(ws.root, 'kbuild');
    const k = await buildKernel(opts({ kernelDir: kdir, outDir: out }));
    expect(k.errors).toEqual([]);
    expect(k.ok).toBe(true);
    expect(k.warnings).toEqual([]);
    const vm = ko(join(out, 'vmlinux.ko'));
    expect(sections(vm)[0]!.name).toBe('dylink.0');
    const ex = exports(vm).map((e) => e.name);
    expect(ex).toEqual(expect.arrayContaining(['printk', 'jiffies', 'lkm_mm_init', 'lkm_modname']));
    expect(ex).not.toContain('__this_module');
    expect(modinfo(vm)).toEqual([]);
    expect(imports(vm).map((i) => `${i.module}.${i.name}`)).toContain('host.clock_ns');
    expect(logs.join('')).toContain(`  LD      ${join(out, 'vmlinux.ko')}`);

    const dir = join(ws.root, 'user2');
    writeTree(dir, {
      Makefile: 'obj-m := user2.o\n',
      'user2.c': [
        '#include <linux/module.h>',
        'extern unsigned long jiffies;',
        'extern int missing_fn(void);',
        'extern int maybe_fn(void) __attribute__((weak));',
        'int u_init(void) { pr_info("%lu", jiffies); return missing_fn() + (maybe_fn ? maybe_fn() : 0); }',
        'module_init(u_init);',
        '',
      ].join('\n'),
    });
    const r = await buildDir(dir, opts({ vmlinux: join(out, 'vmlinux.ko') }));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([`WARNING: modpost: "missing_fn" [${join(dir, 'user2.ko')}] undefined!`]);
    expect(logs.join('')).toContain('WARNING: modpost: "missing_fn"');

    // Without a vmlinux.ko there is no undefined check, as Linux says.
    const none = await buildDir(dir, opts({ vmlinux: join(ws.root, 'nope', 'vmlinux.ko') }));
    expect(none.warnings).toEqual(['WARNING: modpost: Symbol info of vmlinux is missing. Unresolved symbol check will be entirely skipped.']);
  }, T);

  it('builds one module per C file (lkm build a.c b.c)', async () => {
    const dir = join(ws.root, 'files');
    writeTree(dir, {
      'one.c': '#include <linux/module.h>\nint one_init(void) { return 0; }\nmodule_init(one_init);\n',
      'two-x.c': '#include <linux/module.h>\nint two_init(void) { return 0; }\nmodule_init(two_init);\n',
    });
    const out = join(ws.root, 'files-out');
    const r = await buildFiles([join(dir, 'one.c'), join(dir, 'two-x.c')], opts({ outDir: out }));
    expect(r.errors).toEqual([]);
    expect(r.modules.map((m) => m.name)).toEqual(['one', 'two-x']);
    expect(modinfo(ko(join(out, 'two-x.ko')))).toContain('name=two_x');
    expect(existsSync(join(out, '.lkm-cache'))).toBe(true);
  }, T);

  it('descends into obj-m subdirectories and resolves relative -I in ccflags-y', async () => {
    const dir = join(ws.root, 'tree');
    writeTree(dir, {
      Kbuild: 'obj-m += top.o sub/\nccflags-y := -Iinclude -DFROM_TOP\nsubdir-ccflags-y := -DEVERYWHERE\n',
      'include/shared.h': '#define SHARED 7\n',
      'top.c': '#include <linux/module.h>\n#include <shared.h>\n#ifndef FROM_TOP\n#error no ccflags\n#endif\nint top_init(void) { return SHARED - 7; }\nmodule_init(top_init);\n',
      'sub/Makefile': 'obj-m := inner.o\ninner-y := a.o b.o\nCFLAGS_b.o := -DONLY_B=1\nccflags-remove-y := -Wall\n',
      'sub/a.c': '#include <linux/module.h>\n#ifdef ONLY_B\n#error not for a\n#endif\nint a_init(void) { return 0; }\nmodule_init(a_init);\n',
      'sub/b.c': '#include <linux/module.h>\n#if !defined(EVERYWHERE) || defined(FROM_TOP)\n#error subdir-ccflags-y only\n#endif\nint b_value = ONLY_B;\n',
    });
    const r = await buildDir(dir, opts());
    expect(r.errors).toEqual([]);
    expect(r.modules.map((m) => m.name)).toEqual(['top', 'inner']);
    expect(r.modules[1]!.objects.map((o) => o.src)).toEqual([join(dir, 'sub/a.c'), join(dir, 'sub/b.c')]);
    expect(existsSync(join(dir, 'inner.ko'))).toBe(true);
  }, T);

  it('runs the browser-safe core with the in-thread runner too', async () => {
    const dir = join(ws.root, 'inline');
    writeTree(dir, { 'Kbuild': 'obj-m := inl.o\n', 'inl.c': HELLO_C });
    const plan = await planDir(nodeHost, dir);
    expect(plan.errors).toEqual([]);
    const runner = new InlineRunner();
    const r = await buildUnit(
      { kind: 'modules', modules: plan.modules, outDir: dir, cacheDir: join(dir, '.cache') },
      { host: nodeHost, compilerId: 'inline', runner: async () => runner, includeDir: ws.include },
    );
    expect(r.errors).toEqual([]);
    expect(r.stats).toMatchObject({ compiled: 2, linked: 1 });
    expect(modinfo(ko(join(dir, 'inl.ko')))).toContain('name=inl');
  }, T);

  it('names the module_init/module_exit functions after the C functions in the name section', async () => {
    const dir = join(ws.root, 'names');
    writeTree(dir, {
      Makefile: 'obj-m += names.o\n',
      'names.c': [
        '#include <linux/module.h>',
        'static int __init hello_init(void) { pr_info("hi\\n"); return 0; }',
        'static void __exit hello_exit(void) { pr_info("bye\\n"); }',
        'module_init(hello_init);',
        'module_exit(hello_exit);',
        'MODULE_LICENSE("GPL");',
        '',
      ].join('\n'),
    });
    const r = await buildDir(dir, opts());
    expect(r.ok).toBe(true);
    const bin = ko(join(dir, 'names.ko'));
    const names = [...readFunctionNames(bin, readModuleMetadata(bin)).values()];
    expect(names).toEqual(expect.arrayContaining(['hello_init', 'hello_exit']));
    expect(names).not.toContain('init_module');
    expect(names).not.toContain('cleanup_module');
    // The exports keep their names; every section but `name` is byte-identical to the linker's output.
    expect(exports(bin).map((e) => e.name)).toEqual(expect.arrayContaining(['init_module', 'cleanup_module']));
    const back = renameFunctions(bin, new Map([['hello_init', 'init_module'], ['hello_exit', 'cleanup_module']]));
    const undo = renameFunctions(back, new Map([['init_module', 'hello_init'], ['cleanup_module', 'hello_exit']]));
    expect(Buffer.from(undo).equals(Buffer.from(bin))).toBe(true);
    const others = (b: Uint8Array) => sections(b).filter((s) => s.name !== 'name').map((s) => Buffer.from(b.subarray(s.start, s.end)).toString('hex'));
    expect(others(back)).toEqual(others(bin));
    expect([...readFunctionNames(back, readModuleMetadata(back)).values()]).toContain('init_module');
  }, T);

  it('builds modules and user programs of one Kbuild; npm run build puts programs in build/bin', async () => {
    const root = join(ws.root, 'tree');
    writeTree(join(root, 'modules-src/both'), {
      Kbuild: 'obj-m += both.o\nuserprogs-always-y += both-tool\n',
      'both.c': HELLO_C,
      'both-tool.c': '#include <stdio.h>\nint main(void) { puts("tool"); return 0; }\n',
    });
    const dir = join(root, 'modules-src/both');
    const r = await buildDir(dir, opts());
    expect(r.errors).toEqual([]);
    expect(r.modules.map((m) => m.name)).toEqual(['both']);
    expect(r.programs.map((p) => p.path)).toEqual([join(dir, 'both-tool')]);
    expect(logs.join('')).toContain(`  LD [U]  ${join(dir, 'both-tool')}`);
    const t = await buildTree({ ...opts(), root, buildDir: join(root, 'build') });
    expect(t.ok).toBe(true);
    expect(existsSync(join(root, 'build/bin/both-tool'))).toBe(true);
    expect(existsSync(join(t.extraDir, 'both.ko'))).toBe(true);
    expect(existsSync(join(t.extraDir, 'both-tool'))).toBe(false);
  }, T);

  it('uses at most `jobs` workers', () => {
    expect(poolWorkersStarted()).toBeLessThanOrEqual(2);
  });
});

describe('lkm build errors that need no compiler', () => {
  it('reports a missing Makefile, an empty obj-m, a missing source and a make $(error)', async () => {
    const dir = join(ws.root, 'errs');
    writeTree(dir, { 'x.c': '' });
    expect((await buildDir(dir, opts())).errors).toEqual([`lkm build: error: no Kbuild or Makefile in ${dir}`]);
    writeTree(dir, { Makefile: 'all:\n\techo\n' });
    expect((await buildDir(dir, opts())).errors).toEqual([`lkm build: error: ${join(dir, 'Makefile')}: no modules to build (obj-m is empty)`]);
    writeTree(dir, { Makefile: 'obj-m := m.o\nm-objs := x.o y.o\n' });
    expect((await buildDir(dir, opts())).errors).toEqual([`lkm build: error: module m: no source ${join(dir, 'y.c')} for y.o`]);
    writeTree(dir, { Makefile: '$(error unsupported)\n' });
    const r = await buildDir(dir, opts());
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([`${join(dir, 'Makefile')}:1: *** unsupported.  Stop.`]);
  });

  it('plans the LDD3 scull Makefile (DEBUG conditional, unset LDDINC, rules and include .depend)', async () => {
    const dir = join(ws.root, 'scull');
    writeTree(dir, {
      'main.c': '', 'pipe.c': '', 'access.c': '',
      Makefile: [
        '# Comment/uncomment the following line to disable/enable debugging',
        'DEBUG = y',
        'ifeq ($(DEBUG),y)',
        '  DEBFLAGS = -O -g -DSCULL_DEBUG # "-O" is needed to expand inlines',
        'else',
        '  DEBFLAGS = -O2',
        'endif',
        'EXTRA_CFLAGS += $(DEBFLAGS)',
        'EXTRA_CFLAGS += -I$(LDDINC)',
        'ifneq ($(KERNELRELEASE),)',
        '# call from kernel build system',
        'scull-objs := main.o pipe.o access.o',
        'obj-m\t:= scull.o',
        'else',
        'KERNELDIR ?= /lib/modules/$(shell uname -r)/build',
        'PWD       := $(shell pwd)',
        'modules:',
        '\t$(MAKE) -C $(KERNELDIR) M=$(PWD) LDDINC=$(PWD)/../include modules',
        'endif',
        'clean:',
        '\trm -rf *.o *~ core .depend .*.cmd *.ko *.mod.c .tmp_versions',
        'depend .depend dep:',
        '\t$(CC) $(EXTRA_CFLAGS) -M *.c > .depend',
        'ifeq (.depend,$(wildcard .depend))',
        'include .depend',
        'endif',
        '',
      ].join('\n'),
    });
    const plan = await planDir(nodeHost, dir);
    expect(plan.errors).toEqual([]);
    expect(plan.modules.map((m) => [m.name, m.objects.map((o) => o.obj)])).toEqual([['scull', ['main.o', 'pipe.o', 'access.o']]]);
    expect(plan.modules[0]!.objects[0]!.add).toEqual(['-O', '-g', '-DSCULL_DEBUG']);
    const withInc = await planDir(nodeHost, dir, { vars: { LDDINC: '../include' } });
    expect(withInc.modules[0]!.objects[0]!.add).toEqual(['-O', '-g', '-DSCULL_DEBUG', `-I${join(ws.root, 'include')}`]);
  });

  it('LKM_CC=emcc without emcc in PATH gives a clear message', async () => {
    const dir = join(ws.root, 'emcc');
    writeTree(dir, { Makefile: 'obj-m := e.o\n', 'e.c': 'int x;\n' });
    const saved = process.env.PATH;
    process.env.PATH = join(ws.root, 'no-such-bin');
    try {
      const r = await buildDir(dir, opts({ cc: 'emcc' }));
      expect(r.ok).toBe(false);
      expect(r.errors).toEqual(['lkm build: LKM_CC=emcc but emcc was not found in PATH']);
      expect(logs.join('')).toContain('lkm build: LKM_CC=emcc but emcc was not found in PATH');
    } finally {
      process.env.PATH = saved;
    }
  });
});
