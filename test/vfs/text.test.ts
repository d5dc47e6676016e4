// The byte/text convention of the shell's streams (src/vfs/text.ts): UTF-8 stays text, other bytes are
// lone surrogates U+DC80…U+DCFF and come back as the same bytes.
import { describe, expect, it } from 'vitest';
import { bytesToText, textToBytes } from '../../src/vfs/text.js';

describe('bytes through text streams', () => {
  it('round-trips every byte sequence', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...textToBytes(bytesToText(all))]).toEqual([...all]);
    const mixed = Uint8Array.from([0x68, 0xc3, 0xa9, 0xff, 0xe2, 0x82, 0xac, 0xe2, 0x82, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0xc0, 0xaf]);
    expect([...textToBytes(bytesToText(mixed))]).toEqual([...mixed]);
    for (let n = 0; n < 200; n++) {
      const r = Uint8Array.from({ length: 1 + (n % 37) }, (_, i) => (n * 131 + i * 197) & 0xff);
      expect([...textToBytes(bytesToText(r))]).toEqual([...r]);
    }
  });

  it('valid UTF-8 is its text; other bytes are U+DC00 + byte', () => {
    expect(bytesToText(new TextEncoder().encode('héllo €😀'))).toBe('héllo €😀');
    expect(bytesToText(Uint8Array.from([0x61, 0xff, 0x62]))).toBe('a\uDCFFb');
    // An unfinished sequence: each of its bytes escaped.
    expect(bytesToText(Uint8Array.from([0xe2, 0x82]))).toBe('\uDCE2\uDC82');
    expect([...textToBytes('a\uDCFFb')]).toEqual([0x61, 0xff, 0x62]);
    expect([...textToBytes('€')]).toEqual([0xe2, 0x82, 0xac]);
  });
});
