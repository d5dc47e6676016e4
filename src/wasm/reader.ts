// The one WebAssembly binary reader of the repository (kbuild, kernel, kmod): section headers, LEB128,
// names. Enough to read a module's metadata (docs/module-format.md §2) and an object's symbols without
// compiling anything. Plain TS: runs in Node and browsers.

export const SECTION = {
  custom: 0, type: 1, import: 2, function: 3, table: 4, memory: 5, global: 6, export: 7,
  start: 8, element: 9, code: 10, data: 11, dataCount: 12,
} as const;

export class WasmFormatError extends Error {
  override name = 'WasmFormatError';
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A cursor over bytes; every read advances it and checks bounds. */
export class Cursor {
  constructor(readonly bytes: Uint8Array, public pos = 0, readonly end = bytes.length) {}

  get done(): boolean { return this.pos >= this.end; }

  u8(): number {
    if (this.pos >= this.end) throw new WasmFormatError('unexpected end of section');
    return this.bytes[this.pos++]!;
  }

  /** Unsigned LEB128, up to 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
      if (shift > 28) {
        const last = this.u8();
        return (result | (last << shift)) >>> 0;
      }
    }
  }

  /** Signed LEB128, up to 32 bits (i32.const immediates). */
  s32(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.u8();
      result |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    if (shift < 32 && b & 0x40) result |= -1 << shift;
    return result | 0;
  }

  /** Skips a signed LEB of any width (i64.const). */
  skipLeb(): void {
    while (this.u8() & 0x80) { /* continue */ }
  }

  bytesOf(n: number): Uint8Array {
    if (this.pos + n > this.end) throw new WasmFormatError('unexpected end of section');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  name(): string {
    const n = this.u32();
    const start = this.pos;
    if (start + n > this.end) throw new WasmFormatError('unexpected end of section');
    this.pos += n;
    return decodeShort(this.bytes, start, start + n);
  }
}

export interface Section {
  id: number;
  /** Custom sections only. */
  name?: string;
  /** Payload start (after the name, for custom sections) and end. */
  start: number;
  end: number;
  /** Offset of the section's id byte. */
  offset: number;
}

/** Whether `bytes` start with the WebAssembly magic `\0asm` (a file to read as wasm rather than as text). */
export function hasWasmMagic(bytes: Uint8Array): boolean {
  return bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}

/** Lists the sections of a wasm binary without decoding their contents. */
export function sections(bytes: Uint8Array): Section[] {
  if (bytes.length < 8 || !hasWasmMagic(bytes)) {
    throw new WasmFormatError('not a WebAssembly module (bad magic)');
  }
  if (bytes[4] !== 1 || bytes[5] !== 0 || bytes[6] !== 0 || bytes[7] !== 0) {
    throw new WasmFormatError('unsupported WebAssembly version');
  }
  const out: Section[] = [];
  const c = new Cursor(bytes, 8);
  while (!c.done) {
    const offset = c.pos;
    const id = c.u8();
    const size = c.u32();
    const end = c.pos + size;
    if (end > bytes.length) throw new WasmFormatError('section extends past the end of the file');
    if (id === SECTION.custom) {
      const sc = new Cursor(bytes, c.pos, end);
      const name = sc.name();
      out.push({ id, name, start: sc.pos, end, offset });
    } else {
      out.push({ id, start: c.pos, end, offset });
    }
    c.pos = end;
  }
  return out;
}

/** Payloads of every custom section called `name`, in file order (objects may carry several). */
export function customSections(bytes: Uint8Array, name: string, secs = sections(bytes)): Uint8Array[] {
  return secs.filter((s) => s.id === SECTION.custom && s.name === name).map((s) => bytes.subarray(s.start, s.end));
}

/**
 * UTF-8 text of bytes[start, end): short ASCII names (nearly every symbol and import name) without a
 * TextDecoder call, whose fixed cost dominates for a few bytes; anything else through the decoder.
 */
function decodeShort(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return utf8.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return utf8.decode(bytes.subarray(start, end));
}

/**
 * Splits a section of NUL-terminated strings ("a\0b\0") into its strings (empty ones dropped). One
 * decode of the whole section, then a split: a NUL never belongs to a UTF-8 sequence, so this equals
 * decoding each string on its own (a broken sequence before a NUL still becomes one U+FFFD).
 */
export function nulStrings(bytes: Uint8Array): string[] {
  const out = utf8.decode(bytes).split('\0');
  let j = 0;
  for (const s of out) if (s !== '') out[j++] = s;
  out.length = j;
  return out;
}
