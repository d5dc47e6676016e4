// modules.lkm.bin: the binary index depmod writes for modprobe (our design, not kmod's .bin tries).
// One file holds everything a lookup needs, so modprobe opens one file and decodes nothing up front:
//
//   header   "LKMIDX\0\0" (8 bytes), u32 version (2), u32 section count, then per section
//            { u32 id, u32 offset, u32 length }. All integers little-endian; offsets from file start.
//   STRINGS  (1) UTF-8 bytes; every string elsewhere is (u32 offset into STRINGS, u32 byte length)
//   MODULES  (2) u32 n, then n × { name, path, u32 firstDep, u32 depCount, u32 order } (7 u32),
//            sorted by name bytes → binary search. path is as in modules.dep (relative to the module
//            directory, or absolute). order = position in modules.dep (the alias priority).
//   DEPS     (3) u32 module indices: each module's modules.dep list, closest first
//   SYMBOLS  (4) u32 n, then n × { symbol, u32 module } sorted by symbol bytes (modules.symbols)
//   PREFIXES (5) u32 n, then n × { prefix, u32 firstAlias, u32 aliasCount } sorted by prefix bytes:
//            the literal text of alias patterns before their first glob character
//   ALIASES  (6) u32 n, then n × { pattern, u32 module } grouped by prefix, each group in priority order
//   BUILTIN  (7) u32 n, then n × { name } sorted (modules.builtin)
//   BUILTIN_PREFIXES (8) as PREFIXES, for BUILTIN_ALIASES
//   BUILTIN_ALIASES  (9) u32 n, then n × { pattern, module name } grouped by prefix, each group in
//            modules.builtin.modinfo order: the aliases of built-in modules (kmod's modules.builtin.alias.bin)
//
// Alias lookup of a name: for each k in 0..len(name), binary search PREFIXES for name[0:k]; fnmatch
// the patterns of each hit; order the matches by module priority. Cost: O(len · log P) comparisons of
// raw bytes, plus fnmatch on the few patterns that share a literal prefix with the name. Built-in
// aliases are looked up the same way in their own two sections.

import { fnmatch, globPrefix } from './name.js';

const MAGIC = [0x4c, 0x4b, 0x4d, 0x49, 0x44, 0x58, 0, 0]; // "LKMIDX\0\0"
const VERSION = 2;
const enum Sec {
  STRINGS = 1, MODULES = 2, DEPS = 3, SYMBOLS = 4, PREFIXES = 5, ALIASES = 6, BUILTIN = 7,
  BUILTIN_PREFIXES = 8, BUILTIN_ALIASES = 9,
}

export interface IndexInput {
  /** In modules.dep order; deps are indices into this array, closest first. */
  modules: { name: string; path: string; deps: number[] }[];
  /** symbol → module index. */
  symbols: [string, number][];
  /** alias pattern → module index, in modules.alias order. */
  aliases: [string, number][];
  builtin: string[];
  /** (alias pattern, built-in module name), in modules.builtin.modinfo order. */
  builtinAliases?: [string, string][];
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const cmpBytes = (a: Uint8Array, b: Uint8Array) => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

class StringTable {
  private parts: string[] = [];
  private size = 0;
  private seen = new Map<string, [number, number]>();
  add(s: string): [number, number] {
    let r = this.seen.get(s);
    if (!r) {
      const len = isAscii(s) ? s.length : enc.encode(s).length;
      r = [this.size, len];
      this.parts.push(s);
      this.size += len;
      this.seen.set(s, r);
    }
    return r;
  }
  /** One encode of everything (offsets were counted in UTF-8 bytes). */
  bytes(): Uint8Array {
    return enc.encode(this.parts.join(''));
  }
}

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

/**
 * Sorts items by the UTF-8 bytes of a string key. Below U+D800 that is code-unit order, which covers every
 * module name, symbol and alias in practice; otherwise the keys are encoded and compared as bytes.
 */
function sortUtf8<T>(items: T[], key: (t: T) => string): T[] {
  if (items.every((t) => !/[\ud800-\uffff]/.test(key(t)))) {
    return items.sort((x, y) => { const a = key(x); const b = key(y); return a < b ? -1 : a > b ? 1 : 0; });
  }
  const enc8 = new Map(items.map((t) => [t, enc.encode(key(t))]));
  return items.sort((x, y) => cmpBytes(enc8.get(x)!, enc8.get(y)!));
}

/** Serialises an index. */
export function buildIndex(input: IndexInput): Uint8Array {
  const st = new StringTable();
  const n = input.modules.length;
  const byName = sortUtf8([...input.modules.keys()], (i) => input.modules[i]!.name);
  const slot = new Array<number>(n);
  byName.forEach((orig, i) => { slot[orig] = i; });

  const mods = new Uint32Array(1 + n * 7);
  const deps: number[] = [];
  mods[0] = n;
  byName.forEach((orig, i) => {
    const m = input.modules[orig]!;
    const [no, nl] = st.add(m.name);
    const [po, pl] = st.add(m.path);
    const b = 1 + i * 7;
    mods[b] = no; mods[b + 1] = nl; mods[b + 2] = po; mods[b + 3] = pl; mods[b + 4] = deps.length; mods[b + 5] = m.deps.length; mods[b + 6] = orig;
    for (const d of m.deps) deps.push(slot[d]!);
  });

  const syms = sortUtf8([...input.symbols].map(([s, m]) => ({ s, m })), (x) => x.s);
  const symArr = new Uint32Array(1 + syms.length * 3);
  symArr[0] = syms.length;
  syms.forEach((x, i) => { const [o, l] = st.add(x.s); symArr[1 + i * 3] = o; symArr[2 + i * 3] = l; symArr[3 + i * 3] = slot[x.m]!; });

  const groups = prefixGroups(input.aliases.map(([pattern, mod]) => ({ pattern, mod })));
  const preArr = new Uint32Array(1 + groups.length * 4);
  const aliasArr = new Uint32Array(1 + input.aliases.length * 3);
  preArr[0] = groups.length;
  aliasArr[0] = input.aliases.length;
  let ai = 0;
  groups.forEach(({ prefix, items }, i) => {
    items.sort((x, y) => x.mod - y.mod); // stable: modules.alias order within a module
    const [o, l] = st.add(prefix);
    preArr[1 + i * 4] = o; preArr[2 + i * 4] = l; preArr[3 + i * 4] = ai; preArr[4 + i * 4] = items.length;
    for (const a of items) {
      const [po, pl] = st.add(a.pattern);
      aliasArr[1 + ai * 3] = po; aliasArr[2 + ai * 3] = pl; aliasArr[3 + ai * 3] = slot[a.mod]!;
      ai++;
    }
  });

  const bGroups = prefixGroups((input.builtinAliases ?? []).map(([pattern, name]) => ({ pattern, name })));
  const bPreArr = new Uint32Array(1 + bGroups.length * 4);
  const bAliasArr = new Uint32Array(1 + (input.builtinAliases?.length ?? 0) * 4);
  bPreArr[0] = bGroups.length;
  bAliasArr[0] = input.builtinAliases?.length ?? 0;
  let bi = 0;
  bGroups.forEach(({ prefix, items }, i) => {
    const [o, l] = st.add(prefix);
    bPreArr[1 + i * 4] = o; bPreArr[2 + i * 4] = l; bPreArr[3 + i * 4] = bi; bPreArr[4 + i * 4] = items.length;
    for (const a of items) {
      const [po, pl] = st.add(a.pattern);
      const [no, nl] = st.add(a.name);
      bAliasArr.set([po, pl, no, nl], 1 + bi * 4);
      bi++;
    }
  });

  const builtin = sortUtf8([...new Set(input.builtin)].map((s) => ({ s })), (x) => x.s);
  const binArr = new Uint32Array(1 + builtin.length * 2);
  binArr[0] = builtin.length;
  builtin.forEach((x, i) => { const [o, l] = st.add(x.s); binArr[1 + i * 2] = o; binArr[2 + i * 2] = l; });

  const sections: [number, Uint8Array][] = [
    [Sec.MODULES, u8(mods)], [Sec.DEPS, u8(Uint32Array.from(deps))], [Sec.SYMBOLS, u8(symArr)],
    [Sec.PREFIXES, u8(preArr)], [Sec.ALIASES, u8(aliasArr)], [Sec.BUILTIN, u8(binArr)],
    [Sec.BUILTIN_PREFIXES, u8(bPreArr)], [Sec.BUILTIN_ALIASES, u8(bAliasArr)],
    [Sec.STRINGS, st.bytes()],
  ];
  const headerLen = 16 + sections.length * 12;
  let total = headerLen;
  const offsets: number[] = [];
  for (const [, b] of sections) { total = align4(total); offsets.push(total); total += b.length; }
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set(MAGIC, 0);
  dv.setUint32(8, VERSION, true);
  dv.setUint32(12, sections.length, true);
  sections.forEach(([id, b], i) => {
    dv.setUint32(16 + i * 12, id, true);
    dv.setUint32(20 + i * 12, offsets[i]!, true);
    dv.setUint32(24 + i * 12, b.length, true);
    out.set(b, offsets[i]!);
  });
  return out;
}

/** Alias records grouped by the literal prefix of their pattern, groups sorted by prefix bytes. */
function prefixGroups<T extends { pattern: string }>(items: T[]): { prefix: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const a of items) {
    const p = globPrefix(a.pattern);
    let g = groups.get(p);
    if (!g) groups.set(p, (g = []));
    g.push(a);
  }
  return sortUtf8([...groups.entries()].map(([prefix, g]) => ({ prefix, items: g })), (x) => x.prefix);
}

const align4 = (n: number) => (n + 3) & ~3;
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
function u8(a: Uint32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const out = new Uint8Array(a.length * 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) dv.setUint32(i * 4, a[i]!, true);
  return out;
}

export interface IndexedModule { name: string; path: string; deps: { name: string; path: string }[]; order: number; }

export class IndexFormatError extends Error {}

/** Reads an index in place; nothing is decoded until asked for. */
export class ModuleIndex {
  private readonly dv: DataView;
  private readonly sec = new Map<number, { off: number; len: number }>();
  private readonly strBase: number;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 16 || MAGIC.some((b, i) => bytes[i] !== b)) throw new IndexFormatError('not a modules.lkm.bin index');
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.dv.getUint32(8, true) !== VERSION) throw new IndexFormatError('unsupported modules.lkm.bin version');
    const count = this.dv.getUint32(12, true);
    for (let i = 0; i < count; i++) {
      const off = this.dv.getUint32(20 + i * 12, true);
      const len = this.dv.getUint32(24 + i * 12, true);
      if (off + len > bytes.length) throw new IndexFormatError('truncated modules.lkm.bin');
      this.sec.set(this.dv.getUint32(16 + i * 12, true), { off, len });
    }
    for (const s of [Sec.STRINGS, Sec.MODULES, Sec.DEPS, Sec.SYMBOLS, Sec.PREFIXES, Sec.ALIASES, Sec.BUILTIN,
      Sec.BUILTIN_PREFIXES, Sec.BUILTIN_ALIASES]) {
      if (!this.sec.has(s)) throw new IndexFormatError('incomplete modules.lkm.bin');
    }
    this.strBase = this.sec.get(Sec.STRINGS)!.off;
  }

  private u32(sec: Sec, i: number): number {
    return this.dv.getUint32(this.sec.get(sec)!.off + i * 4, true);
  }

  private str(off: number, len: number): string {
    return dec.decode(this.bytes.subarray(this.strBase + off, this.strBase + off + len));
  }

  /** Compares the string at (off,len) with `key` bytes. */
  private cmp(off: number, len: number, key: Uint8Array): number {
    const base = this.strBase + off;
    const n = Math.min(len, key.length);
    for (let i = 0; i < n; i++) {
      const d = this.bytes[base + i]! - key[i]!;
      if (d) return d;
    }
    return len - key.length;
  }

  /** Binary search in a section of `width`-u32 records whose first two words are a string. */
  private find(sec: Sec, width: number, key: Uint8Array): number {
    let lo = 0;
    let hi = this.u32(sec, 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cmp(this.u32(sec, 1 + mid * width), this.u32(sec, 2 + mid * width), key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get moduleCount(): number { return this.u32(Sec.MODULES, 0); }

  private moduleAt(i: number): { name: string; path: string; order: number } {
    const r = (k: number) => this.u32(Sec.MODULES, 1 + i * 7 + k);
    return { name: this.str(r(0), r(1)), path: this.str(r(2), r(3)), order: r(6) };
  }

  private orderAt(i: number): number { return this.u32(Sec.MODULES, 1 + i * 7 + 6); }

  /** The modules.dep entry of a module name (an entry without a path only names an alias target). */
  module(name: string): IndexedModule | undefined {
    const i = this.find(Sec.MODULES, 7, enc.encode(name));
    if (i < 0) return undefined;
    const m = this.moduleAt(i);
    if (!m.path) return undefined;
    const first = this.u32(Sec.MODULES, 1 + i * 7 + 4);
    const count = this.u32(Sec.MODULES, 1 + i * 7 + 5);
    const deps: { name: string; path: string }[] = [];
    for (let d = 0; d < count; d++) {
      const j = this.u32(Sec.DEPS, first + d);
      const dm = this.moduleAt(j);
      deps.push({ name: dm.name, path: dm.path });
    }
    return { ...m, deps };
  }

  /** Every module, in modules.dep order. */
  modules(): { name: string; path: string }[] {
    const out: { name: string; path: string; order: number }[] = [];
    for (let i = 0; i < this.moduleCount; i++) out.push(this.moduleAt(i));
    return out.sort((a, b) => a.order - b.order).map(({ name, path }) => ({ name, path }));
  }

  /** Modules exporting a symbol (modules.symbols). */
  symbol(sym: string): string[] {
    const i = this.find(Sec.SYMBOLS, 3, enc.encode(sym));
    return i < 0 ? [] : [this.moduleAt(this.u32(Sec.SYMBOLS, 3 + i * 3)).name];
  }

  /** Records of `aliases` (`width` u32 each, pattern first) whose pattern matches `name`, by prefix group. */
  private matches(prefixes: Sec, aliases: Sec, width: number, name: string): number[] {
    const key = enc.encode(name);
    const out: number[] = [];
    for (let k = 0; k <= key.length; k++) {
      const p = this.find(prefixes, 4, key.subarray(0, k));
      if (p < 0) continue;
      const first = this.u32(prefixes, 3 + p * 4);
      const count = this.u32(prefixes, 4 + p * 4);
      for (let a = first; a < first + count; a++) {
        const base = 1 + a * width;
        if (fnmatch(this.str(this.u32(aliases, base), this.u32(aliases, base + 1)), name)) out.push(base);
      }
    }
    return out;
  }

  /** Modules whose modules.alias patterns match `name`, in priority (modules.dep) order. */
  alias(name: string): string[] {
    const hits = this.matches(Sec.PREFIXES, Sec.ALIASES, 3, name).map((base, seq) => {
      const mod = this.u32(Sec.ALIASES, base + 2);
      return { order: this.orderAt(mod), mod, seq };
    });
    hits.sort((x, y) => x.order - y.order || x.seq - y.seq);
    return hits.map((h) => this.moduleAt(h.mod).name);
  }

  isBuiltin(name: string): boolean {
    return this.find(Sec.BUILTIN, 2, enc.encode(name)) >= 0;
  }

  /** Built-in modules whose aliases (from modules.builtin.modinfo) match `name`. */
  builtinAlias(name: string): string[] {
    return this.matches(Sec.BUILTIN_PREFIXES, Sec.BUILTIN_ALIASES, 4, name)
      .map((base) => this.str(this.u32(Sec.BUILTIN_ALIASES, base + 2), this.u32(Sec.BUILTIN_ALIASES, base + 3)));
  }

  /** (pattern, module) pairs in pattern byte order, for `modprobe -c`. */
  dumpAliases(): [string, string][] {
    const out: [string, string][] = [];
    const n = this.u32(Sec.ALIASES, 0);
    for (let a = 0; a < n; a++) {
      const base = 1 + a * 3;
      out.push([this.str(this.u32(Sec.ALIASES, base), this.u32(Sec.ALIASES, base + 1)), this.moduleAt(this.u32(Sec.ALIASES, base + 2)).name]);
    }
    return out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  }

  dumpSymbols(): [string, string][] {
    const out: [string, string][] = [];
    const n = this.u32(Sec.SYMBOLS, 0);
    for (let i = 0; i < n; i++) {
      out.push([this.str(this.u32(Sec.SYMBOLS, 1 + i * 3), this.u32(Sec.SYMBOLS, 2 + i * 3)), this.moduleAt(this.u32(Sec.SYMBOLS, 3 + i * 3)).name]);
    }
    return out;
  }
}
