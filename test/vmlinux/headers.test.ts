// Every header of the kernel API this tree provides compiles on its own (included first), in a module
// and in vmlinux, without a single diagnostic under the ABI flags.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileOnly, ROOT } from '../helpers/vmlinux-harness.ts';

const linux = readdirSync(join(ROOT, 'wasm/include/linux')).filter((f) => f.endsWith('.h')).map((f) => `linux/${f}`);
const sched = readdirSync(join(ROOT, 'wasm/include/linux/sched')).filter((f) => f.endsWith('.h')).map((f) => `linux/sched/${f}`);
const asm = readdirSync(join(ROOT, 'wasm/include/asm')).filter((f) => f.endsWith('.h')).map((f) => `asm/${f}`);
const headers = [...linux, ...sched, ...asm].filter((h) => !['linux/kconfig.h'].includes(h)).sort();

describe('headers are self-contained', () => {
  it('each one, included first in a module', async () => {
    const bad: string[] = [];
    for (const h of headers) {
      const d = await compileOnly(`#include <${h}>\nint lkm_header_test_dummy;\n`);
      if (d) bad.push(`${h}:\n${d}`);
    }
    expect(bad).toEqual([]);
  }, 600_000);

  it('all together, in vmlinux and in a module', async () => {
    const all = headers.map((h) => `#include <${h}>`).join('\n') + '\nint lkm_header_test_dummy;\n';
    expect(await compileOnly(all, true)).toBe('');
    expect(await compileOnly(all, false)).toBe('');
  }, 600_000);
});

describe('compile-time checks fail the build as on Linux', () => {
  const body = (code: string) => `#include <linux/kernel.h>\n#include <linux/minmax.h>\nint f(int a, unsigned int b, int *p);\nint f(int a, unsigned int b, int *p)\n{\n${code}\n}\n`;
  it('BUILD_BUG_ON of a true condition', async () => {
    expect(await compileOnly(body('BUILD_BUG_ON(sizeof(long) != 4); return 0;'))).toBe('');
    expect(await compileOnly(body('BUILD_BUG_ON(sizeof(long) == 4); return 0;'))).toMatch(/BUILD_BUG_ON failed: sizeof\(long\) == 4/);
  }, 120_000);
  it('min() of a signed and an unsigned variable', async () => {
    expect(await compileOnly(body('return min(a, 5u) + min(b, 3) + min_t(int, a, b);'))).toBe('');
    expect(await compileOnly(body('return min(a, b);'))).toMatch(/min\(a, b\) signedness error/);
  }, 120_000);
  it('ARRAY_SIZE of a pointer', async () => {
    expect(await compileOnly(body('return ARRAY_SIZE(p);'))).toMatch(/error/);
  }, 120_000);
});
