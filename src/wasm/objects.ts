// WebAssembly object files (clang -c output), read without compiling them: the symbol table of the
// `linking` section (tool-conventions Linking.md) and the data segments, which is what modpost needs.

import { imports, type ImportKind, type WasmImport } from './imports-exports.js';
import { Cursor, SECTION, WasmFormatError, customSections, nulStrings, sections, type Section } from './reader.js';

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

/** `linking` subsection holding the symbol table. */
const WASM_SYMBOL_TABLE = 8;

/** Symbol kinds (0 function, 2 global, 4 tag, 5 table) → the import kind naming their undefined entries. */
const IMPORT_KIND_OF: Record<number, ImportKind> = { 0: 'function', 2: 'global', 4: 'tag', 5: 'table' };

/**
 * One entry of the `linking` section's symbol table (WASM_SYMBOL_TABLE), as written: `index` for functions,
 * globals, tags and tables; `name` when the entry carries one (defined, or EXPLICIT_NAME); `segment`,
 * `offset`, `size` for defined data; `index` of the section for section symbols.
 */
interface LinkingSymbol { kind: number; flags: number; index?: number; name?: string; segment?: number; offset?: number; size?: number }

/** The symbol table of an object's `linking` section (version 2), local symbols included. */
function* linkingSymbols(bin: Uint8Array, secs: Section[]): Generator<LinkingSymbol> {
  const linking = secs.find((s) => s.id === SECTION.custom && s.name === 'linking');
  if (!linking) return;
  const c = new Cursor(bin, linking.start, linking.end);
  const version = c.u32();
  if (version !== 2) throw new WasmFormatError(`unsupported linking section version ${version}`);
  while (!c.done) {
    const type = c.u8();
    const end = c.u32() + c.pos;
    if (type === WASM_SYMBOL_TABLE) {
      for (let n = c.u32(); n > 0; n--) {
        const kind = c.u8();
        const flags = c.u32();
        const undef = (flags & SYM_UNDEFINED) !== 0;
        if (kind === 0 || kind === 2 || kind === 4 || kind === 5) {
          const index = c.u32();
          yield { kind, flags, index, name: !undef || flags & SYM_EXPLICIT_NAME ? c.name() : undefined };
        } else if (kind === 1) {
          const name = c.name();
          yield undef ? { kind, flags, name } : { kind, flags, name, segment: c.u32(), offset: c.u32(), size: c.u32() };
        } else if (kind === 3) {
          yield { kind, flags, index: c.u32() };
        } else {
          throw new WasmFormatError(`unknown symbol kind ${kind}`);
        }
      }
    }
    c.pos = end;
  }
}

/** Reads what modpost needs from one object file: exported names and the defined/undefined symbols. */
export function readObject(bin: Uint8Array): ObjectInfo {
  const secs = sections(bin);
  const info: ObjectInfo = {
    ksymtab: customSections(bin, '__ksymtab', secs).flatMap(nulStrings),
    ksymtabGpl: customSections(bin, '__ksymtab_gpl', secs).flatMap(nulStrings),
    defined: [],
    undefined: [],
  };
  // Imported functions/globals/tables/tags by index, to name undefined symbols without EXPLICIT_NAME.
  const byKind = new Map<ImportKind, WasmImport[]>();
  for (const imp of imports(bin, secs)) {
    const list = byKind.get(imp.kind) ?? [];
    list.push(imp);
    byKind.set(imp.kind, list);
  }

  let segments: Uint8Array[] | undefined;
  for (const sym of linkingSymbols(bin, secs)) {
    const undef = (sym.flags & SYM_UNDEFINED) !== 0;
    let name = sym.name ?? '';
    let module: string | undefined;
    if (sym.kind === 3) continue;
    if (sym.kind !== 1 && undef) {
      const imp = byKind.get(IMPORT_KIND_OF[sym.kind]!)?.[sym.index!];
      if (sym.name === undefined) name = imp?.name ?? '';
      if (sym.kind === 0) module = imp?.module;
    }
    if (sym.segment !== undefined && name.startsWith('__mod_')) {
      // A device table (MODULE_DEVICE_TABLE): its bytes, for file2alias.
      segments ??= dataSegments(bin, secs);
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

/** Contents of the data segments (data section), by segment index. */
export function dataSegments(bin: Uint8Array, secs = sections(bin)): Uint8Array[] {
  const sec = secs.find((s) => s.id === SECTION.data);
  if (!sec) return [];
  const c = new Cursor(bin, sec.start, sec.end);
  const out: Uint8Array[] = [];
  // The offset expression: i32.const / i64.const / global.get with its immediate (LEB), then `end`.
  const skipExpr = (): void => {
    for (let op = c.u8(); op !== 0x0b; op = c.u8()) {
      if (op === 0x41 || op === 0x42 || op === 0x23) c.skipLeb();
      else throw new WasmFormatError(`unexpected opcode 0x${op.toString(16)} in a data segment offset`);
    }
  };
  for (let n = c.u32(); n > 0; n--) {
    const flags = c.u32();
    if (flags === 0) skipExpr();
    else if (flags === 2) { c.u32(); skipExpr(); }
    else if (flags !== 1) throw new WasmFormatError(`unknown data segment flags ${flags}`);
    out.push(c.bytesOf(c.u32()));
  }
  return out;
}
