// The shell's streams are text (JavaScript strings); files and devices are bytes. Bytes that are not
// UTF-8 cross between them as lone surrogates U+DC80…U+DCFF, one per byte (Python's "surrogateescape"),
// so that `dd if=/dev/urandom | od` and `… > file` keep every byte, while UTF-8 text stays text.

const strict = new TextDecoder('utf-8', { fatal: true });
const enc = new TextEncoder();

/** Length of the valid UTF-8 sequence at b[i] (0: not one). */
function sequenceAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => i + j < b.length && b[i + j]! >= lo && b[i + j]! <= hi;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const [lo, hi] = c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Bytes as stream text: UTF-8 decoded, every other byte as U+DC00 + byte. */
export function bytesToText(b: Uint8Array): string {
  try {
    return strict.decode(b);
  } catch {
    let out = '';
    let start = 0;
    for (let i = 0; i < b.length;) {
      const n = sequenceAt(b, i);
      if (n) { i += n; continue; }
      out += strict.decode(b.subarray(start, i)) + String.fromCharCode(0xdc00 + b[i]!);
      start = ++i;
    }
    return out + strict.decode(b.subarray(start));
  }
}

const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** Stream text as bytes: UTF-8, an escaped byte (U+DC80…U+DCFF alone) as itself. */
export function textToBytes(s: string): Uint8Array {
  if (!ESCAPED.test(s)) return enc.encode(s);
  const parts: number[] = [];
  let run = '';
  const flush = () => { if (run) { parts.push(...enc.encode(run)); run = ''; } };
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xdc80 && c <= 0xdcff) { flush(); parts.push(c - 0xdc00); } else run += ch;
  }
  flush();
  return Uint8Array.from(parts);
}
