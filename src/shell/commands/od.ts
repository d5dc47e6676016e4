// od (coreutils): -A d|o|x|n addresses, -t a|c|dN|oN|uN|xN (N: 1, 2, 4, 8; C S I L names), the
// traditional -b -c -d -o -s -x, -j skip, -N limit, -w width, -v; a run of lines equal to the one
// before is one "*" line. Little-endian, as on x86 and wasm. Fields are laid out as coreutils does:
// every format's line is as wide as the widest, the padding spread over its fields.

import { C_ESCAPES, quote, readOperands, tryHelp, type ReadIo, type ReadShell } from './common.js';

/** A -t format: its kind, bytes per field, digits per field; `z`: the printable bytes after the line (>…<). */
interface Format { kind: string; size: number; width: number; z?: boolean }

const NAMES = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si',
  'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];

/** Digits of the largest value of a size in a radix (coreutils' field widths). */
function digits(kind: string, size: number): number {
  const max = 2n ** BigInt(8 * size) - 1n;
  if (kind === 'd') return (2n ** BigInt(8 * size - 1)).toString().length + 1;
  return max.toString(kind === 'o' ? 8 : kind === 'x' ? 16 : 10).length;
}

const SIZES: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 };

/** One -t argument's formats ("x1", "d4", "c", "xz" …), or an error text. */
export function parseType(spec: string): Format[] | string {
  const out: Format[] = [];
  let s = spec;
  while (s) {
    const kind = s[0]!;
    const z = (n: number) => (s[n] === 'z' ? { z: true, rest: s.slice(n + 1) } : { z: false, rest: s.slice(n) });
    if (kind === 'a' || kind === 'c') {
      const t = z(1);
      out.push({ kind, size: 1, width: 3, ...(t.z ? { z: true } : {}) });
      s = t.rest;
      continue;
    }
    if (!'doux'.includes(kind)) return `invalid character '${kind}' in type string ${quote(spec)}`;
    const m = /^(\d+|[CSIL])?/.exec(s.slice(1))![0];
    const size = m === '' ? 4 : SIZES[m] ?? Number(m);
    if (![1, 2, 4, 8].includes(size)) return `invalid type string ${quote(spec)};\nthis system doesn't provide a ${m}-byte integral type`;
    const t = z(1 + m.length);
    out.push({ kind, size, width: digits(kind, size), ...(t.z ? { z: true } : {}) });
    s = t.rest;
  }
  return out;
}

function field(f: Format, bytes: Uint8Array, at: number): string {
  if (f.kind === 'c') {
    const b = bytes[at]!;
    return C_ESCAPES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'));
  }
  if (f.kind === 'a') {
    const b = bytes[at]! & 0x7f;
    return b === 0x7f ? 'del' : b <= 0x20 ? NAMES[b]! : String.fromCharCode(b);
  }
  let v = 0n;
  for (let i = f.size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i] ?? 0);
  if (f.kind === 'd') return BigInt.asIntN(8 * f.size, v).toString();
  if (f.kind === 'u') return v.toString();
  return v.toString(f.kind === 'o' ? 8 : 16).padStart(f.width, '0');
}

export interface OdOptions { radix: 'o' | 'd' | 'x' | 'n'; formats: Format[]; width: number; all: boolean; skip: number; }

/** The whole od output of `data` (already skipped and limited; `opts.skip` is the first address). */
export function odDump(data: Uint8Array, opts: OdOptions): string {
  const { formats, width } = opts;
  const padLen = opts.radix === 'n' ? 0 : opts.radix === 'x' ? 6 : 7;
  const addr = (a: number) => (opts.radix === 'n' ? '' : a.toString(opts.radix === 'o' ? 8 : opts.radix === 'x' ? 16 : 10).padStart(padLen, '0'));
  // Each format's block as wide as the widest one: the difference is spread over the fields.
  const blockWidth = Math.max(...formats.map((f) => (f.width + 1) * (width / f.size)));
  let out = '';
  let prev: Uint8Array | undefined;
  let starred = false;
  for (let off = 0; off < data.length; off += width) {
    const line = data.subarray(off, off + width);
    if (!opts.all && prev && line.length === width && line.every((b, i) => b === prev![i])) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    starred = false;
    prev = line;
    formats.forEach((f, fi) => {
      out += fi === 0 ? addr(opts.skip + off) : ' '.repeat(padLen);
      const fields = width / f.size;
      const pad = blockWidth - f.width * fields;
      const present = Math.ceil(line.length / f.size);
      let remaining = pad;
      for (let i = 0; i < present; i++) {
        const next = Math.floor((pad * (fields - i - 1)) / fields);
        out += field(f, line, i * f.size).padStart(remaining - next + f.width);
        remaining = next;
      }
      if (f.z) {
        // Blanks for the missing fields, then the bytes as text (a dot for what is not printable).
        const blank = fields - present;
        out += ' '.repeat(blank * f.width + Math.floor((pad * blank) / fields));
        out += `  >${[...line].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')}<`;
      }
      out += '\n';
    });
  }
  if (opts.radix !== 'n') out += `${addr(opts.skip + data.length)}\n`;
  return out;
}

/** od's numbers: decimal, 0x hex, 0 octal, with b (512), k/K (1024), m/M suffixes and kB/MB (1000s). */
export function byteCount(s: string): number | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(b|[kKmMgG]i?B?|[kKmMgG]?B)?$/.exec(s);
  if (!m) return undefined;
  const t = m[1]!;
  const n = /^0[xX]/.test(t) ? parseInt(t, 16) : /^0[0-7]+$/.test(t) ? parseInt(t, 8) : Number(t);
  const suf = m[2] ?? '';
  const pow = 'kmg'.indexOf(suf[0]?.toLowerCase() ?? '') + 1;
  const mult = suf === 'b' ? 512 : suf === '' ? 1 : (suf.endsWith('B') && !suf.includes('i') ? 1000 : 1024) ** pow;
  return n * mult;
}

const TRADITIONAL: Record<string, string> = { b: 'o1', c: 'c', d: 'u2', o: 'o2', s: 'd2', x: 'x2', i: 'dI', l: 'dL' };

export async function odCommand(argv: string[], io: ReadIo & { stdout(t: string): void }, sh: ReadShell): Promise<number> {
  const opts: OdOptions = { radix: 'o', formats: [], width: 16, all: false, skip: 0 };
  let limit: number | undefined;
  const files: string[] = [];
  const fail = (msg: string) => { io.stderr(`od: ${msg}\n${tryHelp('od')}`); return 1; };
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { files.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { files.push(a); continue; }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ('AtjNw'.includes(c)) {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) return fail(`option requires an argument -- '${c}'`);
        if (c === 'A') {
          if (!/^[doxn]$/.test(v)) { io.stderr(`od: invalid output address radix '${v}'; it must be one character from [doxn]\n`); return 1; }
          opts.radix = v as OdOptions['radix'];
        } else if (c === 't') {
          const f = parseType(v);
          if (typeof f === 'string') { io.stderr(`od: ${f}\n`); return 1; }
          opts.formats.push(...f);
        } else {
          const n = byteCount(v);
          if (n === undefined || (c === 'w' && (n === 0))) { io.stderr(`od: invalid ${c === 'j' ? 'skip' : c === 'N' ? 'limit' : 'width'} argument ${quote(v)}\n`); return 1; }
          if (c === 'j') opts.skip = n; else if (c === 'N') limit = n; else opts.width = n;
        }
        break;
      }
      if (c === 'v') opts.all = true;
      else if (TRADITIONAL[c]) opts.formats.push(...(parseType(TRADITIONAL[c]) as Format[]));
      else return fail(`invalid option -- '${c}'`);
    }
  }
  if (opts.formats.length === 0) opts.formats.push(...(parseType('o2') as Format[]));
  const big = Math.max(...opts.formats.map((f) => f.size));
  if (opts.width % big !== 0) opts.width = 16;
  const { data, ok } = await readOperands('od', files, io, sh, limit === undefined ? undefined : opts.skip + limit);
  if (opts.skip > data.length) { io.stderr('od: cannot skip past end of combined input\n'); return 1; }
  const end = limit === undefined ? data.length : Math.min(data.length, opts.skip + limit);
  io.stdout(odDump(data.subarray(opts.skip, end), opts));
  return ok ? 0 : 1;
}
