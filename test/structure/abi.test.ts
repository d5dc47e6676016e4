// The host's table of C structure layouts (src/kernel/abi.ts) and vmlinux's compile-time checks of it
// (wasm/kernel/module-abi.c) list the same fields with the same numbers, so neither can drift alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OFFSETS, SIZES } from '../../src/kernel/abi.js';

const source = readFileSync(new URL('../../wasm/kernel/module-abi.c', import.meta.url), 'utf8');

function asserted(pattern: RegExp): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const m of source.matchAll(pattern)) (out[m[1]!] ??= {})[m[2]!] = Number(m[3]);
  return out;
}

describe('struct layouts the host reads', () => {
  it('every offset in abi.ts is asserted in module-abi.c, and nothing else', () => {
    expect(asserted(/^HOST_ABI\((\w+), (\w+), (\d+)\);/gm)).toEqual(OFFSETS);
  });

  it('every size in abi.ts is asserted in module-abi.c, and nothing else', () => {
    const sizes = asserted(/^HOST_ABI_SIZE\((\w+)(), (\d+)\);/gm);
    expect(Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, v['']]))).toEqual(SIZES);
  });

  it('module-abi.c is part of vmlinux', () => {
    expect(readFileSync(new URL('../../wasm/Kbuild', import.meta.url), 'utf8')).toMatch(/\bkernel\/module-abi\.o\b/);
  });
});
