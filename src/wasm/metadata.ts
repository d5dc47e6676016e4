// Reads what modinfo, depmod and the loader need from a .ko without compiling it
// (docs/module-format.md §2): dylink.0, .modinfo, __ksymtab[_gpl], imports, exports.

import { readExports, readImports, type WasmExport, type WasmImport } from './imports-exports.js';
import { stripModuleSignature } from './module-signature.js';
import { Cursor, SECTION, WasmFormatError, nulStrings, sections, type Section } from './reader.js';

export interface DylinkInfo {
  memorySize: number;
  memoryAlign: number; // log2 bytes
  tableSize: number;
  tableAlign: number; // log2 elements
  needed: string[];
  /** Imports marked weak (field names: emscripten matches them on the field only). */
  weakImports: Set<string>;
  tlsExports: Set<string>;
}

export interface ModInfoEntry { key: string; value: string; }

export interface ModuleMetadata {
  dylink: DylinkInfo;
  /** .modinfo strings in section order. */
  modinfo: ModInfoEntry[];
  /** EXPORT_SYMBOL names, then EXPORT_SYMBOL_GPL names. */
  exports: string[];
  gplExports: string[];
  /** Undefined symbols the module needs, in import order, without ABI names or its own exports. */
  undefinedSymbols: string[];
  /** Subset of undefinedSymbols that are weak (may stay unresolved). */
  weakSymbols: Set<string>;
  imports: WasmImport[];
  wasmExports: WasmExport[];
  hasInit: boolean;
  hasExit: boolean;
  /** Bytes of the code section (the module's "text"). */
  codeSize: number;
  /** Functions the module imports and defines: as many as its table slots can hold (dylink.0's table size). */
  functionCount: number;
  /** Custom sections by name (payload ranges), for readers of other sections. */
  customSections: Map<string, Section>;
}

/** Imports every side module has that are not symbols (docs/module-format.md §1). */
export const ABI_IMPORTS = new Set([
  'memory', '__indirect_function_table', '__stack_pointer', '__memory_base', '__table_base',
]);

function readDylink(bytes: Uint8Array, s: Section): DylinkInfo {
  const info: DylinkInfo = {
    memorySize: 0, memoryAlign: 0, tableSize: 0, tableAlign: 0,
    needed: [], weakImports: new Set(), tlsExports: new Set(),
  };
  const c = new Cursor(bytes, s.start, s.end);
  while (!c.done) {
    const type = c.u8();
    const len = c.u32();
    const sub = new Cursor(bytes, c.pos, c.pos + len);
    c.pos += len;
    switch (type) {
      case 1:
        info.memorySize = sub.u32();
        info.memoryAlign = sub.u32();
        info.tableSize = sub.u32();
        info.tableAlign = sub.u32();
        break;
      case 2:
        for (let n = sub.u32(); n > 0; n--) info.needed.push(sub.name());
        break;
      case 3:
        for (let n = sub.u32(); n > 0; n--) {
          const name = sub.name();
          if (sub.u32() & 0x100) info.tlsExports.add(name);
        }
        break;
      case 4:
        for (let n = sub.u32(); n > 0; n--) {
          sub.name();
          const field = sub.name();
          if (sub.u32() & 0x1) info.weakImports.add(field);
        }
        break;
      default:
        break; // unknown sub-sections are skipped by length, as the spec asks
    }
  }
  return info;
}

/** Splits "key=value" as modinfo does (a string without '=' has an empty value). */
export function splitModinfo(s: string): ModInfoEntry {
  const eq = s.indexOf('=');
  return eq < 0 ? { key: s, value: '' } : { key: s.slice(0, eq), value: s.slice(eq + 1) };
}

/** Reads a module's metadata from its bytes. Throws WasmFormatError for anything that is not a side module. */
export function readModuleMetadata(file: Uint8Array): ModuleMetadata {
  // A signed .ko carries its signature after the last section (module-signature.ts).
  const bytes = stripModuleSignature(file);
  const secs = sections(bytes);
  const first = secs[0];
  if (!first || first.id !== SECTION.custom || first.name !== 'dylink.0') {
    throw new WasmFormatError('not a side module: the first section is not dylink.0');
  }
  const custom = new Map<string, Section>();
  let imports: WasmImport[] = [];
  let wasmExports: WasmExport[] = [];
  let codeSize = 0;
  let definedFunctions = 0;
  for (const s of secs) {
    if (s.id === SECTION.custom) custom.set(s.name!, s);
    else if (s.id === SECTION.import) imports = readImports(bytes, s);
    else if (s.id === SECTION.export) wasmExports = readExports(bytes, s);
    else if (s.id === SECTION.code) codeSize = s.end - s.start;
    else if (s.id === SECTION.function) definedFunctions = new Cursor(bytes, s.start, s.end).u32();
  }
  const dylink = readDylink(bytes, first);
  const strings = (name: string) => {
    const s = custom.get(name);
    return s ? nulStrings(bytes.subarray(s.start, s.end)) : [];
  };
  const exportNames = new Set(wasmExports.map((e) => e.name));
  const undefinedSymbols: string[] = [];
  const seen = new Set<string>();
  for (const imp of imports) {
    const isSymbol = imp.module === 'GOT.mem' || imp.module === 'GOT.func'
      || (imp.module === 'env' && !ABI_IMPORTS.has(imp.name));
    if (!isSymbol || exportNames.has(imp.name) || seen.has(imp.name)) continue;
    seen.add(imp.name);
    undefinedSymbols.push(imp.name);
  }
  const weakSymbols = new Set(undefinedSymbols.filter((s) => dylink.weakImports.has(s)));
  return {
    dylink,
    modinfo: strings('.modinfo').map(splitModinfo),
    exports: strings('__ksymtab'),
    gplExports: strings('__ksymtab_gpl'),
    undefinedSymbols,
    weakSymbols,
    imports,
    wasmExports,
    hasInit: exportNames.has('init_module'),
    hasExit: exportNames.has('cleanup_module'),
    codeSize,
    functionCount: definedFunctions + imports.filter((i) => i.kind === 'function').length,
    customSections: custom,
  };
}

/** The first value of a modinfo key, or undefined. */
export function modinfoValue(meta: ModuleMetadata, key: string): string | undefined {
  return meta.modinfo.find((e) => e.key === key)?.value;
}
