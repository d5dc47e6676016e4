// Every header of the kernel API this tree provides compiles on its own (included first), in a module
// and in vmlinux, without a single diagnostic under the ABI flags.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileOnly, ROOT } from '../helpers/vmlinux-harness.ts';

const linux = readdirSync(join(ROOT, 'wasm/include/linux')).filter((f) => f.endsWith('.h')).map((f) => `linux/${f}`);
const asm = readdirSync(join(ROOT, 'wasm/include/asm')).filter((f) => f.endsWith('.h')).map((f) => `asm/${f}`);
const headers = [...linux, ...asm].filter((h) => !['linux/kconfig.h'].includes(h)).sort();

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
