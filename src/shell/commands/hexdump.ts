// hexdump (util-linux): the default two-byte hex words, -C canonical hex+ASCII, -b -c -d -o -x, -n
// length, -s offset, -v. Each option's format is util-linux's own (its hexsyntax.c formats): units of
// one or two bytes, the last one of a group without its trailing blank, the units past the end of the
// data written as blanks of their width; "*" for a run of blocks equal to the one before.

import { C_ESCAPES, readOperands, tryHelp, type ReadIo, type ReadShell } from './common.js';
import { byteCount } from './od.js';

/** A piece of a block's line: text, or `reps` units of `size` bytes converted by `conv` then followed by `after`. */
type Piece = string | { reps: number; size: number; width: number; before: string; after: string; conv: (v: number) => string };

/**
 * A format: the address ("%07.7_ax " is width 7, one blank after), then its format strings, each a
 * list of pieces that starts again at the block's first byte (-C is two: the hex bytes, the text).
 */
export interface Format { addrWidth: number; addrAfter: string; strings: Piece[][]; }

const hex = (w: number) => (v: number) => v.toString(16).padStart(w, '0');
const oct = (w: number) => (v: number) => v.toString(8).padStart(w, '0');
const printable = (v: number) => v >= 0x20 && v < 0x7f;

const unit = (reps: number, size: number, width: number, before: string, after: string, conv: (v: number) => string): Piece =>
  ({ reps, size, width, before, after, conv });
const words = (before: string, width: number, conv: (v: number) => string): Format =>
  ({ addrWidth: 7, addrAfter: ' ', strings: [[unit(8, 2, width, before, ' ', conv)]] });
const bytes = (conv: (v: number) => string): Format => ({ addrWidth: 7, addrAfter: ' ', strings: [[unit(16, 1, 3, '', ' ', conv)]] });

/** The formats of the options (util-linux hexsyntax.c); "" is the default one. */
export const FORMATS: Record<string, Format> = {
  '': words('', 4, hex(4)),
  x: words('   ', 4, hex(4)),
  o: words(' ', 6, oct(6)),
  d: words('  ', 5, (v) => String(v).padStart(5, '0')),
  b: bytes(oct(3)),
  c: bytes((v) => (C_ESCAPES[v] ?? (printable(v) ? String.fromCharCode(v) : oct(3)(v))).padStart(3)),
  C: {
    addrWidth: 8, addrAfter: '  ',
    strings: [[unit(8, 1, 2, '', ' ', hex(2)), '  ', unit(8, 1, 2, '', ' ', hex(2))],
      ['  |', unit(16, 1, 0, '', '', (v) => (printable(v) ? String.fromCharCode(v) : '.')), '|']],
  },
};

/** One block's line of a format, `addr` its address; units at or past `end` are blanks of their width. */
function blockLine(f: Format, block: Uint8Array, addr: number, end: number): string {
  let out = hex(f.addrWidth)(addr) + f.addrAfter;
  for (const pieces of f.strings) {
    let at = 0;
    for (const p of pieces) {
      if (typeof p === 'string') { out += p; continue; }
      for (let r = 0; r < p.reps; r++, at += p.size) {
        // The last unit of a group goes without its trailing blank.
        const after = r === p.reps - 1 ? p.after.trimEnd() : p.after;
        if (addr + at >= end) { out += p.before + ' '.repeat(p.width) + after; continue; }
        let v = 0;
        for (let b = p.size - 1; b >= 0; b--) v = v * 256 + (block[at + b] ?? 0);
        out += p.before + p.conv(v) + after;
      }
    }
  }
  return `${out}\n`;
}

/** hexdump's output of `data` whose first byte is at address `start`. */
export function hexdumpData(data: Uint8Array, formats: Format[], start: number, all: boolean): string {
  const size = 16;
  let out = '';
  let prev: Uint8Array | undefined;
  let starred = false;
  const end = start + data.length;
  for (let off = 0; off < data.length; off += size) {
    const block = data.subarray(off, off + size);
    if (!all && prev && block.length === size && block.every((b, i) => b === prev![i])) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    starred = false;
    prev = block;
    for (const f of formats) out += blockLine(f, block, start + off, end);
  }
  // The end address ("%07.7_Ax"); nothing at all for empty input, as util-linux.
  if (end > 0) out += `${hex(formats[formats.length - 1]!.addrWidth)(end)}\n`;
  return out;
}

export async function hexdumpCommand(argv: string[], io: ReadIo & { stdout(t: string): void }, sh: ReadShell): Promise<number> {
  const formats: Format[] = [];
  let length: number | undefined;
  let skip = 0;
  let all = false;
  const files: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { files.push(...args.slice(i + 1)); break; }
    if (a === '--canonical') { formats.push(FORMATS.C!); continue; }
    if (!a.startsWith('-') || a === '-') { files.push(a); continue; }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'n' || c === 's') {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) { io.stderr(`hexdump: option requires an argument -- '${c}'\n${tryHelp('hexdump')}`); return 1; }
        const n = byteCount(v);
        if (n === undefined) { io.stderr(`hexdump: failed to parse ${c === 'n' ? 'length' : 'offset'}: '${v}'\n`); return 1; }
        if (c === 'n') length = n; else skip = n;
        break;
      }
      if (c === 'v') all = true;
      else if (FORMATS[c]) formats.push(FORMATS[c]!);
      else { io.stderr(`hexdump: invalid option -- '${c}'\n${tryHelp('hexdump')}`); return 1; }
    }
  }
  if (formats.length === 0) formats.push(FORMATS['']!);
  const { data, ok } = await readOperands('hexdump', files, io, sh, length === undefined ? undefined : skip + length);
  if (!ok && data.length === 0 && files.length > 0) { io.stderr('hexdump: all input file arguments failed\n'); return 1; }
  const from = Math.min(skip, data.length);
  const to = length === undefined ? data.length : Math.min(data.length, from + length);
  io.stdout(hexdumpData(data.subarray(from, to), formats, from, all));
  return ok ? 0 : 1;
}
