// modules.builtin.modinfo and modules.builtin: derived from vmlinux's .modinfo as Linux's build does, for a
// small kernel compiled here (KBUILD_MODFILE, MODULE_FILE, the NAME. prefix) and for the real vmlinux that
// `npm run build` (the tests' global setup) made and installed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinModinfo, modulesBuiltin } from '../../src/kbuild/builtin.js';
import { buildDir, buildKernel, closeBuildPool } from '../../src/kbuild/build.node.js';
import { customSections, nulStrings as cstrings } from '../../src/wasm/reader.js';
import { syntheticModule } from '../../src/kmod/synthetic.js';
import { readModuleMetadata } from '../../src/wasm/metadata.js';
import { BUILD } from '../helpers/paths.js';
import { writeTree } from './fixtures.js';

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const RELEASE_DIR = join(BUILD, 'lib/modules/6.12.0-lkm-wasm');

afterAll(async () => { await closeBuildPool(); });

describe('modules.builtin from modules.builtin.modinfo', () => {
  it('one kernel/PATH.ko line per NAME.file=PATH; several paths in a value; repeated neighbours once', () => {
    const modinfo = enc([
      'crc32.file=lib/crc32', 'crc32.license=GPL', 'crc32.file=lib/crc32',
      'a.file=drivers/a drivers/a-core', 'b.description=file=not/this', 'bad-name.file=not/this', 'c:x.file=fs/c', 'crc32.file=lib/crc32',
    ].map((s) => `${s}\0`).join(''));
    expect(modulesBuiltin(modinfo)).toBe('kernel/lib/crc32.ko\nkernel/drivers/a.ko\nkernel/drivers/a-core.ko\nkernel/fs/c.ko\nkernel/lib/crc32.ko\n');
    expect(modulesBuiltin(new Uint8Array(0))).toBe('');
  });

  it('modules.builtin.modinfo is the .modinfo section byte for byte', () => {
    const ko = syntheticModule({ modinfo: [['crc32.file', 'lib/crc32'], ['crc32.license', 'GPL']] });
    expect(text(builtinModinfo(ko))).toBe('crc32.file=lib/crc32\0crc32.license=GPL\0');
    expect(builtinModinfo(syntheticModule({ modinfo: [], omitModinfo: true })).length).toBe(0);
  });
});

describe('the kernel build writes them', () => {
  it('built-in code gets the NAME. prefix and NAME.file=PATH; module code of the same source does not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lkm-builtin-'));
    try {
      const part = [
        '#include <linux/module.h>',
        'int part_fn(void) { return 1; }',
        'EXPORT_SYMBOL(part_fn);',
        'MODULE_LICENSE("GPL");',
        'MODULE_ALIAS("part-alias");',
        'MODULE_DESCRIPTION("A part");',
        '',
      ].join('\n');
      writeTree(join(root, 'kernel'), {
        Kbuild: 'obj-m := vmlinux.o\nvmlinux-y := main.o\nvmlinux-y += sub/my-part.o\n',
        'main.c': '#include <linux/module.h>\nint lkm_main(void) { return 0; }\n',
        'sub/my-part.c': part,
      });
      const lines: string[] = [];
      const out = join(root, 'out');
      const opts = { kernelDir: join(root, 'kernel'), outDir: out, vmlinux: false as const, jobs: 1, log: (t: string) => { lines.push(t); } };
      const k = await buildKernel(opts);
      expect(k.errors).toEqual([]);
      const info = customSections(new Uint8Array(readFileSync(join(out, 'vmlinux.ko'))), '.modinfo').flatMap(cstrings);
      expect(info).toEqual(['my_part.file=sub/my-part', 'my_part.license=GPL', 'my_part.alias=part-alias', 'my_part.description=A part']);
      expect(text(readFileSync(join(out, 'modules.builtin.modinfo')))).toBe(info.map((s) => `${s}\0`).join(''));
      expect(text(readFileSync(join(out, 'modules.builtin')))).toBe('kernel/sub/my-part.ko\n');
      expect(lines.join('')).toContain(`  OBJCOPY ${join(out, 'modules.builtin.modinfo')}\n  GEN     ${join(out, 'modules.builtin')}\n`);
      lines.length = 0;
      await buildKernel(opts);
      expect(lines).toEqual([]); // nothing changed, nothing printed

      writeTree(join(root, 'mod'), { Kbuild: 'obj-m := my-part.o\n', 'my-part.c': part });
      const m = await buildDir(join(root, 'mod'), { vmlinux: false, jobs: 1 });
      expect(m.errors).toEqual([]);
      const modInfo = readModuleMetadata(new Uint8Array(readFileSync(join(root, 'mod/my-part.ko')))).modinfo.map((e) => e.key);
      expect(modInfo.slice(0, 3)).toEqual(['license', 'alias', 'description']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('npm run build: kunit and crc32 are built into vmlinux, and the tree has both files (and signing.c\'s parameter type)', () => {
    const vmlinux = new Uint8Array(readFileSync(join(BUILD, 'vmlinux.ko')));
    // lib/kunit's parameters come first (link order), with their types, as Linux lists a built-in's.
    const kunit = 'kunit.parmtype=enable:bool\0kunit.parm=enable:Enable KUnit tests\0' +
      'kunit.parmtype=filter_glob:charp\0kunit.parm=filter_glob:Filter which KUnit test suites/tests run at boot-time, e.g. list* or list*.*del_test\0' +
      'kunit.parmtype=stats_enabled:int\0kunit.parm=stats_enabled:Print test stats: never (0), only for multiple subtests (1), or always (2)\0' +
      'kunit.description=Base unit test (KUnit) API\0kunit.file=lib/kunit/kunit\0kunit.license=GPL v2\0';
    // kernel/module/signing.c's module.sig_enforce: its KBUILD_MODNAME is "signing", as in Linux.
    const modinfo = kunit + 'signing.parmtype=sig_enforce:bool_enable_only\0' + 'crc32.file=lib/crc32\0crc32.license=GPL\0' +
      'crc32.description=CRC-32 (IEEE 802.3, both bit orders) and CRC-32C (Castagnoli) checksums\0crc32.author=lkm-wasm developers\0';
    expect(text(builtinModinfo(vmlinux))).toBe(modinfo);
    for (const dir of [BUILD, RELEASE_DIR]) {
      expect(text(readFileSync(join(dir, 'modules.builtin.modinfo')))).toBe(modinfo);
      expect(text(readFileSync(join(dir, 'modules.builtin')))).toBe('kernel/lib/kunit/kunit.ko\nkernel/lib/crc32.ko\n');
    }
    // What the loader reads of vmlinux is unaffected: no unprefixed key (name=, license=, vermagic=) at all.
    const meta = readModuleMetadata(vmlinux);
    expect(meta.modinfo.every((e) => /^[a-z0-9_]+\./.test(e.key))).toBe(true);
    expect(meta.exports).toEqual(expect.arrayContaining(['crc32_le', 'crc32_be', '__crc32c_le']));
  });
});
