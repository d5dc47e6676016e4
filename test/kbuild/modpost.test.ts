import { describe, expect, it } from 'vitest';
import { parseDepfile } from '../../src/kbuild/compile.js';
import {
  formatSymvers, modC, modpost, moduleExports, moduleImports, parseSymvers, srcversion,
} from '../../src/kbuild/modpost.js';
import type { ObjectInfo } from '../../src/wasm/objects.js';

const obj = (o: Partial<ObjectInfo>): ObjectInfo => ({ ksymtab: [], ksymtabGpl: [], defined: [], undefined: [], ...o });
const fn = (name: string, weak = false, module = 'env') => ({ name, kind: 0, weak, module });
const data = (name: string, weak = false) => ({ name, kind: 1, weak });

describe('modpost', () => {
  it('collects exports and imports across the objects of a module', () => {
    const objs = [
      obj({ ksymtab: ['a_fn'], defined: [fn('a_fn'), fn('helper')], undefined: [fn('printk'), fn('helper'), data('__stack_pointer')] }),
      obj({ ksymtabGpl: ['a_gpl'], defined: [fn('a_gpl')], undefined: [fn('printk'), data('jiffies'), fn('clock_ns', false, 'host'), data('__start___param', true), data('__this_module')] }),
    ];
    expect(moduleExports(objs)).toEqual([{ name: 'a_fn', gpl: false }, { name: 'a_gpl', gpl: true }]);
    expect(moduleImports(objs)).toEqual([{ name: 'printk', weak: false }, { name: 'jiffies', weak: false }]);
  });

  it('computes depends from the build and KBUILD_EXTRA_SYMBOLS, and warns like Linux', () => {
    const r = modpost({
      modules: [
        { name: 'stack-a', path: '/m/stack-a.ko', exports: [{ name: 'a', gpl: false }], imports: [{ name: 'printk', weak: false }] },
        { name: 'stack-b', path: '/m/stack-b.ko', exports: [{ name: 'b', gpl: true }], imports: [{ name: 'a', weak: false }] },
        {
          name: 'stack-c', path: '/m/stack-c.ko', exports: [],
          imports: [{ name: 'b', weak: false }, { name: 'x', weak: false }, { name: 'a', weak: false }, { name: 'nope', weak: false }, { name: 'maybe', weak: true }],
        },
      ],
      vmlinux: new Set(['printk']),
      extra: [{ symbol: 'x', module: '/other/ext-mod', gpl: false }],
    });
    expect(r.depends.get('stack-a')).toEqual([]);
    expect(r.depends.get('stack-b')).toEqual(['stack-a']);
    expect(r.depends.get('stack-c')).toEqual(['stack-b', 'ext-mod', 'stack-a']);
    expect(r.warnings).toEqual(['WARNING: modpost: "nope" [/m/stack-c.ko] undefined!']);
  });

  it('skips the undefined check without vmlinux and reports double exports', () => {
    const r = modpost({
      modules: [
        { name: 'a', path: '/m/a.ko', exports: [{ name: 's', gpl: false }], imports: [{ name: 'whatever', weak: false }] },
        { name: 'b', path: '/m/b.ko', exports: [{ name: 's', gpl: false }], imports: [] },
      ],
    });
    expect(r.warnings).toEqual([
      "WARNING: modpost: b: 's' exported twice. Previous export was in /m/a.ko",
      'WARNING: modpost: Symbol info of vmlinux is missing. Unresolved symbol check will be entirely skipped.',
    ]);
  });

  it('writes and reads Module.symvers in the Linux 6.12 format', () => {
    const text = formatSymvers([
      { symbol: 'printk', module: 'vmlinux', gpl: false },
      { symbol: 'stack_a_secret', module: '/x/extra/stack-a', gpl: true },
    ]);
    expect(text).toBe('0x00000000\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n0x00000000\tstack_a_secret\t/x/extra/stack-a\tEXPORT_SYMBOL_GPL\t\n');
    expect(parseSymvers(`${text}0x12345678\tns_sym\tdrivers/foo\tEXPORT_SYMBOL\tMY_NS\n`)).toEqual([
      { symbol: 'printk', module: 'vmlinux', gpl: false },
      { symbol: 'stack_a_secret', module: '/x/extra/stack-a', gpl: true },
      { symbol: 'ns_sym', module: 'drivers/foo', gpl: false, namespace: 'MY_NS' },
    ]);
  });

  it('generates NAME.mod.c as the contract says (srcversion, depends, name, vermagic; __this_module)', () => {
    const c = modC({ srcversion: 'ABCDEF0123456789ABCDEF0', depends: ['stack-a', 'stack-b'] });
    const infos = [...c.matchAll(/MODULE_INFO\((\w+), ([^)]*)\)/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(infos).toEqual(['srcversion="ABCDEF0123456789ABCDEF0"', 'depends="stack-a,stack-b"', 'name=KBUILD_MODNAME', 'vermagic=VERMAGIC_STRING']);
    expect(c).toContain('#include <linux/module.h>');
    for (const f of ['.init = init_module', '.exit = cleanup_module', '.kp = __start___param', '.kp_end = __stop___param', '.dyndbg = __start___dyndbg', '.dyndbg_end = __stop___dyndbg']) {
      expect(c).toContain(f);
    }
    expect(c).toMatch(/extern int init_module\(void\) __weak;/);
  });

  it('srcversion: 23 upper-case hex digits, independent of the order sources are given in', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const a = await srcversion([{ name: 'a.c', content: enc('int a;') }, { name: 'b.c', content: enc('int b;') }]);
    const b = await srcversion([{ name: 'b.c', content: enc('int b;') }, { name: 'a.c', content: enc('int a;') }]);
    expect(a).toMatch(/^[0-9A-F]{23}$/);
    expect(a).toBe(b);
    expect(await srcversion([{ name: 'a.c', content: enc('int a; ') }, { name: 'b.c', content: enc('int b;') }])).not.toBe(a);
  });

  it('parses make dependency files with continuations and escaped spaces', () => {
    const d = '/lkm-out/m/x.o: /src/x.c /inc/linux/kconfig.h \\\n  /inc/linux/module.h /src/my\\ dir/h.h \\\n  /inc/linux/kconfig.h\n';
    expect(parseDepfile(d)).toEqual(['/src/x.c', '/inc/linux/kconfig.h', '/inc/linux/module.h', '/src/my dir/h.h']);
  });
});
