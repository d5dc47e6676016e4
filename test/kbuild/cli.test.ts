// `lkm build` as a command: arguments, exit status and what it prints (with the real wasm/include headers).

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/build.js';
import { tempDir, writeTree } from './fixtures.js';

let root: string;
let out = '';
let err = '';

beforeAll(() => { root = tempDir('lkm-build-cli-'); });
afterAll(() => { rmSync(root, { recursive: true, force: true }); });
afterEach(() => { vi.restoreAllMocks(); });

function capture(): void {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
}

const HELLO = '#include <linux/module.h>\n#include <linux/kernel.h>\n\nstatic int __init hi_init(void)\n{\n\tpr_info("hi\\n");\n\treturn 0;\n}\nmodule_init(hi_init);\nMODULE_LICENSE("GPL");\n';

describe('lkm build (CLI)', () => {
  it('prints usage for --help and rejects unknown options with status 2', async () => {
    capture();
    expect(await main(['--help'])).toBe(0);
    expect(out).toContain('usage: lkm build [DIR | FILE.c... | --user PROG.c...]');
    capture();
    expect(await main(['--frobnicate'])).toBe(2);
    expect(err).toBe("lkm build: unknown option '--frobnicate'\nTry 'lkm build --help'.\n");
    capture();
    expect(await main(['-j', 'zero'])).toBe(2);
    expect(err).toContain('invalid job count');
  });

  it('builds a directory given as DIR or M=DIR, with -o', async () => {
    const dir = join(root, 'hi');
    writeTree(dir, { 'hi.c': HELLO, Makefile: 'obj-m += hi.o\n\nall:\n\tmake -C /lib/modules/$(shell uname -r)/build M=$(PWD) modules\n' });
    capture();
    const outDir = join(root, 'hi-out');
    expect(await main([`M=${dir}`, '-o', outDir])).toBe(0);
    expect(out).toContain(`  CC [M]  ${join(dir, 'hi.o')}`);
    expect(out).toContain(`  LD [M]  ${join(outDir, 'hi.ko')}`);
    expect(existsSync(join(outDir, 'hi.ko'))).toBe(true);
    capture();
    expect(await main([dir, `--output=${outDir}`])).toBe(0);
    expect(out).toBe('');
  }, 120_000);

  it('exits 1 on a compile error, with clang\'s message and the module named', async () => {
    const dir = join(root, 'bad');
    writeTree(dir, { 'oops.c': '#include <linux/module.h>\nint oops(void) { return undeclared_thing; }\n' });
    capture();
    expect(await main([join(dir, 'oops.c')])).toBe(1);
    expect(err).toContain(`${join(dir, 'oops.c')}:2:25: error: use of undeclared identifier 'undeclared_thing'`);
    expect(err).toContain('lkm build: error: module oops failed (oops.o)');
  }, 120_000);

  it('refuses a directory mixed with files, and a missing path', async () => {
    writeTree(root, { 'x.c': 'int x;\n' });
    capture();
    expect(await main([root, join(root, 'x.c')])).toBe(2);
    expect(err).toContain('lkm build: give either one directory or C files');
    capture();
    expect(await main([join(root, 'nothing-here')])).toBe(1);
    expect(err).toBe(`lkm build: error: ${join(root, 'nothing-here')}: No such file or directory\n`);
  });

  it('says so when LKM_CC=emcc and there is no emcc', async () => {
    const dir = join(root, 'em');
    writeTree(dir, { 'em.c': HELLO });
    const saved = { cc: process.env.LKM_CC, path: process.env.PATH };
    process.env.LKM_CC = 'emcc';
    process.env.PATH = join(root, 'empty-bin');
    try {
      capture();
      expect(await main([join(dir, 'em.c')])).toBe(1);
      expect(err).toBe('lkm build: LKM_CC=emcc but emcc was not found in PATH\n');
    } finally {
      if (saved.cc === undefined) delete process.env.LKM_CC; else process.env.LKM_CC = saved.cc;
      process.env.PATH = saved.path;
    }
  });
});
