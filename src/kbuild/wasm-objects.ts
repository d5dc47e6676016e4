// Walks WebAssembly object files (clang -c output) and linked modules section by section, without compiling
// them: custom sections (__ksymtab, __ksymtab_gpl, .modinfo, dylink.0), imports, exports and the object
// symbol table of the `linking` section (tool-conventions Linking.md), which is what modpost needs.

export interface WasmImport { module: string; name: string; kind: number }
export interface WasmExport { name: string; kind: number }

/** A symbol of an object file's symbol table that matters across objects (locals are dropped). */
export interface ObjSymbol {
  name: string;
  /** 0 function, 1 data, 2 global, 4 tag, 5 table. */
  kind: number;
  weak: boolean;
  /** Import module of an undefined function (`env` for ordinary calls, `host` for vmlinux's host calls). */
  module?: string;
}

export interface ObjectInfo {
  /** Names from the `__ksymtab` custom section(s) (EXPORT_SYMBOL). */
  ksymtab: string[];
  /** Names from `__ksymtab_gpl` (EXPORT_SYMBOL_GPL). */
  ksymtabGpl: string[];
  /** Non-local symbols the object defines. */
  defined: ObjSymbol[];
  /** Symbols the object references but does not define. */
  undefined: ObjSymbol[];
  /**
   * Device tables (`MODULE_DEVICE_TABLE`): the defined data symbols called `__mod_*`, with the bytes of
   * the symbol (its data segment from its offset, `size` bytes, zeros past the segment) as hex.
   */
  devtables?: DeviceTableSymbol[];
}

export interface DeviceTableSymbol { name: string; hex: string }

const SYM_WEAK = 0x1;
const SYM_LOCAL = 0x2;
const SYM_UNDEFINED = 0x10;
const SYM_EXPLICIT_NAME = 0x40;

export class WasmFormatError extends Error {}

class Reader {
  pos: number;
  constructor(readonly b: Uint8Array, pos = 0, readonly end = b.length) { this.pos = pos; }
  u8(): number {
    if (this.pos >= this.end) throw new WasmFormatError('unexpected end of section');
    return this.b[this.pos++]!;
  }
  leb(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const x = this.u8();
      result += (x & 0x7f) * 2 ** shift;
      if (!(x & 0x80)) return result;
      shift += 7;
      if (shift > 35) throw new WasmFormatError('LEB128 too long');
    }
  }
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.end) throw new WasmFormatError('unexpected end of section');
    const s = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  str(): string { return new TextDecoder().decode(this.bytes(this.leb())); }
  limits(): void { const f = this.leb(); this.leb(); if (f & 1) this.leb(); }
}

export interface Section { id: number; name?: string; start: number; end: number; /** Offset of the section id byte. */ offset: number }

/** Lists the sections of a wasm binary: id, custom name, payload range. */
export function sections(bin: Uint8Array): Section[] {
  if (bin.length < 8 || bin[0] !== 0 || bin[1] !== 0x61 || bin[2] !== 0x73 || bin[3] !== 0x6d) {
    throw new WasmFormatError('not a WebAssembly binary');
  }
  const r = new Reader(bin, 8);
  const out: Section[] = [];
  while (r.pos < bin.length) {
    const offset = r.pos;
    const id = r.u8();
    const size = r.leb();
    const start = r.pos;
    const end = start + size;
    if (end > bin.length) throw new WasmFormatError('section runs past the end of the file');
    if (id === 0) {
      const name = r.str();
      out.push({ id, name, start: r.pos, end, offset });
    } else {
      out.push({ id, start, end, offset });
    }
    r.pos = end;
  }
  return out;
}

/** Payloads of every custom section called `name`, in file order. */
export function customSections(bin: Uint8Array, name: string): Uint8Array[] {
  return sections(bin).filter((s) => s.id === 0 && s.name === name).map((s) => bin.subarray(s.start, s.end));
}

/** NUL-separated strings of a custom section (`__ksymtab`, `.modinfo`), empty ones dropped. */
export function cstrings(payload: Uint8Array): string[] {
  return new TextDecoder().decode(payload).split('\0').filter(Boolean);
}

export function imports(bin: Uint8Array): WasmImport[] {
  const sec = sections(bin).find((s) => s.id === 2);
  if (!sec) return [];
  const r = new Reader(bin, sec.start, sec.end);
  const out: WasmImport[] = [];
  for (let n = r.leb(); n > 0; n--) {
    const module = r.str();
    const name = r.str();
    const kind = r.u8();
    if (kind === 0) r.leb();
    else if (kind === 1) { r.u8(); r.limits(); }
    else if (kind === 2) r.limits();
    else if (kind === 3) { r.u8(); r.u8(); }
    else if (kind === 4) { r.u8(); r.leb(); }
    else throw new WasmFormatError(`unknown import kind ${kind}`);
    out.push({ module, name, kind });
  }
  return out;
}

export function exports(bin: Uint8Array): WasmExport[] {
  const sec = sections(bin).find((s) => s.id === 7);
  if (!sec) return [];
  const r = new Reader(bin, sec.start, sec.end);
  const out: WasmExport[] = [];
  for (let n = r.leb(); n > 0; n--) {
    const name = r.str();
    const kind = r.u8();
    r.leb();
    out.push({ name, kind });
  }
  return out;
}

/**
 * One entry of the `linking` section's symbol table (WASM_SYMBOL_TABLE), as written: `index` for functions,
 * globals, tags and tables; `name` when the entry carries one (defined, or EXPLICIT_NAME); `segment`,
 * `offset`, `size` for defined data; `index` of the section for section symbols.
 */
interface LinkingSymbol { kind: number; flags: number; index?: number; name?: string; segment?: number; offset?: number; size?: number }

/** The symbol table of an object's `linking` section (version 2), local symbols included. */
function* linkingSymbols(bin: Uint8Array): Generator<LinkingSymbol> {
  const linking = sections(bin).find((s) => s.id === 0 && s.name === 'linking');
  if (!linking) return;
  const r = new Reader(bin, linking.start, linking.end);
  const version = r.leb();
  if (version !== 2) throw new WasmFormatError(`unsupported linking section version ${version}`);
  while (r.pos < linking.end) {
    const type = r.u8();
    const end = r.leb() + r.pos;
    if (type === 8) {
      for (let n = r.leb(); n > 0; n--) {
        const kind = r.u8();
        const flags = r.leb();
        const undef = (flags & SYM_UNDEFINED) !== 0;
        if (kind === 0 || kind === 2 || kind === 4 || kind === 5) {
          const index = r.leb();
          yield { kind, flags, index, name: !undef || flags & SYM_EXPLICIT_NAME ? r.str() : undefined };
        } else if (kind === 1) {
          const name = r.str();
          yield undef ? { kind, flags, name } : { kind, flags, name, segment: r.leb(), offset: r.leb(), size: r.leb() };
        } else if (kind === 3) {
          yield { kind, flags, index: r.leb() };
        } else {
          throw new WasmFormatError(`unknown symbol kind ${kind}`);
        }
      }
    }
    r.pos = end;
  }
}

/** Reads what modpost needs from one object file: exported names and the defined/undefined symbols. */
export function readObject(bin: Uint8Array): ObjectInfo {
  const secs = sections(bin);
  const info: ObjectInfo = { ksymtab: [], ksymtabGpl: [], defined: [], undefined: [] };
  for (const s of secs) {
    if (s.id !== 0) continue;
    if (s.name === '__ksymtab') info.ksymtab.push(...cstrings(bin.subarray(s.start, s.end)));
    else if (s.name === '__ksymtab_gpl') info.ksymtabGpl.push(...cstrings(bin.subarray(s.start, s.end)));
  }
  // Imported functions/globals/tables/tags by index, to name undefined symbols without EXPLICIT_NAME.
  const byKind: Record<number, WasmImport[]> = { 0: [], 1: [], 2: [], 3: [], 4: [] };
  for (const imp of imports(bin)) byKind[imp.kind]!.push(imp);
  const importKindOf: Record<number, number> = { 0: 0, 2: 3, 4: 4, 5: 1 };

  let segments: Uint8Array[] | undefined;
  for (const sym of linkingSymbols(bin)) {
    const undef = (sym.flags & SYM_UNDEFINED) !== 0;
    let name = sym.name ?? '';
    let module: string | undefined;
    if (sym.kind === 3) continue;
    if (sym.kind !== 1 && undef) {
      const imp = byKind[importKindOf[sym.kind]!]![sym.index!];
      if (sym.name === undefined) name = imp?.name ?? '';
      if (sym.kind === 0) module = imp?.module;
    }
    if (sym.segment !== undefined && name.startsWith('__mod_')) {
      // A device table (MODULE_DEVICE_TABLE): its bytes, for file2alias.
      segments ??= dataSegments(bin);
      const seg = segments[sym.segment] ?? new Uint8Array(0);
      const bytes = new Uint8Array(sym.size!);
      bytes.set(seg.subarray(Math.min(sym.offset!, seg.length), Math.min(sym.offset! + sym.size!, seg.length)));
      (info.devtables ??= []).push({ name, hex: toHex(bytes) });
    }
    if (sym.flags & SYM_LOCAL || !name) continue;
    const o: ObjSymbol = { name, kind: sym.kind, weak: (sym.flags & SYM_WEAK) !== 0 };
    if (module !== undefined) o.module = module;
    (undef ? info.undefined : info.defined).push(o);
  }
  return info;
}

function toHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Contents of the data segments (data section, id 11), by segment index. */
export function dataSegments(bin: Uint8Array): Uint8Array[] {
  const sec = sections(bin).find((s) => s.id === 11);
  if (!sec) return [];
  const r = new Reader(bin, sec.start, sec.end);
  const out: Uint8Array[] = [];
  // The offset expression: i32.const / i64.const / global.get with its immediate (LEB), then `end`.
  const skipExpr = (): void => {
    for (let op = r.u8(); op !== 0x0b; op = r.u8()) {
      if (op === 0x41 || op === 0x42 || op === 0x23) r.leb();
      else throw new WasmFormatError(`unexpected opcode 0x${op.toString(16)} in a data segment offset`);
    }
  };
  for (let n = r.leb(); n > 0; n--) {
    const flags = r.leb();
    if (flags === 0) skipExpr();
    else if (flags === 2) { r.leb(); skipExpr(); }
    else if (flags !== 1) throw new WasmFormatError(`unknown data segment flags ${flags}`);
    out.push(r.bytes(r.leb()));
  }
  return out;
}

/**
 * Names an object gives the functions that `module_init(fn)`/`module_exit(fn)` alias: `init_module` →
 * `hello_init` when both symbols are defined at the same function index (the alias), from the `linking`
 * symbol table (local symbols included). Names without a module-defined alias are absent.
 */
export function initExitAliases(bin: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const byIndex = new Map<number, string[]>();
  for (const sym of linkingSymbols(bin)) {
    if (sym.kind !== 0 || sym.flags & SYM_UNDEFINED || !sym.name) continue;
    const list = byIndex.get(sym.index!) ?? [];
    list.push(sym.name);
    byIndex.set(sym.index!, list);
  }
  const special = ['init_module', 'cleanup_module'];
  for (const names of byIndex.values()) {
    const original = names.find((n) => !special.includes(n));
    if (!original) continue;
    for (const s of special) if (names.includes(s)) out.set(s, original);
  }
  return out;
}

function lebBytes(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/**
 * Renames functions in the `name` section's function-name subsection (`renames`: old name → new name).
 * Every other byte of the binary stays as it was; returns the input itself when nothing was renamed.
 */
export function renameFunctions(bin: Uint8Array, renames: Map<string, string>): Uint8Array {
  if (renames.size === 0) return bin;
  const sec = sections(bin).find((s) => s.id === 0 && s.name === 'name');
  if (!sec) return bin;
  const enc = new TextEncoder();
  const r = new Reader(bin, sec.start, sec.end);
  const parts: (Uint8Array | number[])[] = [];
  let changed = false;
  while (r.pos < sec.end) {
    const subStart = r.pos;
    const id = r.u8();
    const size = r.leb();
    const payloadStart = r.pos;
    const end = payloadStart + size;
    if (id !== 1) { parts.push(bin.subarray(subStart, end)); r.pos = end; continue; }
    const body: (Uint8Array | number[])[] = [];
    const count = r.leb();
    body.push(bin.subarray(payloadStart, r.pos));
    for (let n = 0; n < count; n++) {
      const entryStart = r.pos;
      r.leb();
      const indexEnd = r.pos;
      const name = r.str();
      const to = renames.get(name);
      if (to === undefined) { body.push(bin.subarray(entryStart, r.pos)); continue; }
      const nb = enc.encode(to);
      body.push(bin.subarray(entryStart, indexEnd), lebBytes(nb.length), nb);
      changed = true;
    }
    if (r.pos !== end) throw new WasmFormatError('malformed function name subsection');
    const bodyLen = body.reduce((a, p) => a + p.length, 0);
    parts.push([id, ...lebBytes(bodyLen)], ...body);
  }
  if (!changed) return bin;
  // Rebuild the custom section: id 0, size, name "name", subsections.
  const nameBytes = [4, ...enc.encode('name')];
  const payloadLen = nameBytes.length + parts.reduce((a, p) => a + p.length, 0);
  const headerStart = sec.offset;
  const head = [0, ...lebBytes(payloadLen), ...nameBytes];
  const total = headerStart + head.length + (payloadLen - nameBytes.length) + (bin.length - sec.end);
  const out = new Uint8Array(total);
  out.set(bin.subarray(0, headerStart), 0);
  let at = headerStart;
  out.set(head, at); at += head.length;
  for (const p of parts) { out.set(p, at); at += p.length; }
  out.set(bin.subarray(sec.end), at);
  return out;
}
