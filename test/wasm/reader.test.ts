// The reader's fast paths (one decode per string section, short ASCII names without TextDecoder) give
// exactly what decoding each string on its own gives.
import { describe, expect, it } from 'vitest';
import { Cursor, nulStrings } from '../../src/wasm/reader.js';

const dec = new TextDecoder();

/** The straightforward version: decode each NUL-terminated piece. */
function slowNulStrings(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0) {
      if (i > from) out.push(dec.decode(bytes.subarray(from, i)));
      from = i + 1;
    }
  }
  return out;
}

describe('wasm reader strings', () => {
  it('nulStrings equals decoding each string, also with broken UTF-8 and empty strings', () => {
    const enc = new TextEncoder();
    const cases = [
      enc.encode('license=GPL\0alias=pci:v*\0\0author=Zoë Ä\0description=ünïcödé'),
      new Uint8Array([0xc3, 0, 0x41, 0xe2, 0x82, 0, 0xff, 0x42, 0, 0, 0xf0, 0x9f, 0x98, 0x80, 0]),
      new Uint8Array(0), new Uint8Array([0, 0, 0]),
    ];
    let seed = 7;
    for (let n = 0; n < 50; n++) {
      const b = new Uint8Array(64);
      for (let i = 0; i < b.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; b[i] = seed % 5 === 0 ? 0 : (seed >>> 8) & 0xff; }
      cases.push(b);
    }
    for (const c of cases) expect(nulStrings(c)).toEqual(slowNulStrings(c));
  });

  it('Cursor.name: short ASCII, non-ASCII, long names and bounds', () => {
    const enc = new TextEncoder();
    const names = ['env', 'GOT.mem', 'snd_soc_dapm_put_volsw', 'ä_sym', 'x'.repeat(64), 'y'.repeat(65), `${'z'.repeat(70)}é`, ''];
    const bytes: number[] = [];
    for (const n of names) { const b = enc.encode(n); bytes.push(b.length, ...b); }
    const c = new Cursor(new Uint8Array(bytes));
    expect(names.map(() => c.name())).toEqual(names);
    expect(() => new Cursor(new Uint8Array([5, 0x41])).name()).toThrow('unexpected end of section');
    const broken = new Cursor(new Uint8Array([2, 0x41, 0xc3]));
    expect(broken.name()).toBe(dec.decode(new Uint8Array([0x41, 0xc3])));
  });
});
