// module_init()/module_exit() with the real kernel headers: the linker itself names the entry points after the
// C functions (no rewriting after the link), and two module_init()s in one module still fail the build.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, closeBuildPool, type BuildOptions } from '../../src/kbuild/build.node.js';
import { exports } from '../../src/wasm/imports-exports.js';
import { readModuleMetadata } from '../../src/wasm/metadata.js';
import { readFunctionNames } from '../../src/wasm/names.js';
import { workspace, writeTree } from './fixtures.js';
import { ROOT } from '../helpers/paths.js';

const T = 120_000;
const INCLUDE = join(ROOT, 'wasm/include');
let ws: ReturnType<typeof workspace>;
let logs: string[] = [];

beforeAll(() => { ws = workspace(); });
afterAll(async () => { await closeBuildPool(); ws.cleanup(); });

function opts(): BuildOptions {
  logs = [];
  return { includeDir: INCLUDE, vmlinux: false, jobs: 2, log: (t) => { logs.push(t); } };
}

const names = (path: string) => {
  const bin = new Uint8Array(readFileSync(path));
  return { fns: [...readFunctionNames(bin, readModuleMetadata(bin)).values()], exps: exports(bin).map((e) => e.name) };
};

describe('module_init/module_exit', () => {
  it('static, global and otherwise-referenced functions keep their C names; the exports are init_module/cleanup_module', async () => {
    const dir = join(ws.root, 'kinds');
    writeTree(dir, {
      Kbuild: 'obj-m += st.o gl.o ref.o\n',
      'st.c': '#include <linux/module.h>\nstatic int __init st_init(void) { pr_info("st\\n"); return 0; }\n'
        + 'static void __exit st_exit(void) { }\nmodule_init(st_init);\nmodule_exit(st_exit);\nMODULE_LICENSE("GPL");\n',
      'gl.c': '#include <linux/module.h>\nint gl_init(void) { pr_info("gl\\n"); return 0; }\n'
        + 'void gl_exit(void) { }\nmodule_init(gl_init);\nmodule_exit(gl_exit);\nMODULE_LICENSE("GPL");\n',
      'ref.c': '#include <linux/module.h>\nstatic int ref_init(void) { pr_info("ref\\n"); return 0; }\n'
        + 'int (*ref_again)(void) = ref_init;\nEXPORT_SYMBOL(ref_again);\nmodule_init(ref_init);\nMODULE_LICENSE("GPL");\n',
    });
    const r = await buildDir(dir, opts());
    expect(r.errors).toEqual([]);
    for (const [m, init, exit] of [['st', 'st_init', 'st_exit'], ['gl', 'gl_init', 'gl_exit'], ['ref', 'ref_init', undefined]] as const) {
      const { fns, exps } = names(join(dir, `${m}.ko`));
      expect(fns).toContain(init);
      if (exit) expect(fns).toContain(exit);
      expect(fns).not.toContain('init_module');
      expect(fns).not.toContain('cleanup_module');
      expect(exps).toContain('init_module');
      expect(exps.includes('cleanup_module')).toBe(exit !== undefined);
    }
  }, T);

  it('two module_init()s in one module fail as the duplicate symbol they are', async () => {
    const dir = join(ws.root, 'dup');
    writeTree(dir, {
      Kbuild: 'obj-m := dup.o\ndup-objs := a.o b.o\n',
      'a.c': '#include <linux/module.h>\nstatic int a_init(void) { return 0; }\nmodule_init(a_init);\nMODULE_LICENSE("GPL");\n',
      'b.c': '#include <linux/module.h>\nstatic int b_init(void) { return 0; }\nmodule_init(b_init);\n',
    });
    const r = await buildDir(dir, opts());
    expect(r.errors).toEqual(['lkm build: error: module dup failed (dup.ko)']);
    const cache = join(dir, '.lkm-cache/dup');
    expect(logs.join('')).toContain(
      `wasm-ld: error: duplicate symbol: init_module\n>>> defined in ${join(cache, 'a.o')}\n>>> defined in ${join(cache, 'b.o')}\n`);
  }, T);
});
