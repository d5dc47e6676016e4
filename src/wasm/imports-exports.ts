// The import and export sections: what a module needs from outside and what it offers, by name and kind.

import { Cursor, SECTION, WasmFormatError, sections, type Section } from './reader.js';

export type ImportKind = 'function' | 'table' | 'memory' | 'global' | 'tag';

export interface WasmImport { module: string; name: string; kind: ImportKind; }
export interface WasmExport { name: string; kind: ImportKind; index: number; }

/** External kinds by their binary code (0 function … 4 tag). */
const KIND: ImportKind[] = ['function', 'table', 'memory', 'global', 'tag'];

function skipLimits(c: Cursor): void {
  const flags = c.u8();
  c.u32();
  if (flags & 1) c.u32();
}

/** The entries of an import section. */
export function readImports(bytes: Uint8Array, s: Section): WasmImport[] {
  const c = new Cursor(bytes, s.start, s.end);
  const out: WasmImport[] = [];
  for (let n = c.u32(); n > 0; n--) {
    const module = c.name();
    const name = c.name();
    const k = c.u8();
    switch (k) {
      case 0: c.u32(); break; // type index
      case 1: c.u8(); skipLimits(c); break; // reftype, limits
      case 2: skipLimits(c); break;
      case 3: c.u8(); c.u8(); break; // valtype, mutability
      case 4: c.u8(); c.u32(); break; // tag
      default: throw new WasmFormatError(`unknown import kind ${k}`);
    }
    out.push({ module, name, kind: KIND[k]! });
  }
  return out;
}

/** The entries of an export section. */
export function readExports(bytes: Uint8Array, s: Section): WasmExport[] {
  const c = new Cursor(bytes, s.start, s.end);
  const out: WasmExport[] = [];
  for (let n = c.u32(); n > 0; n--) {
    const name = c.name();
    const k = c.u8();
    out.push({ name, kind: KIND[k] ?? 'function', index: c.u32() });
  }
  return out;
}

/** The imports of a binary (empty without an import section). */
export function imports(bytes: Uint8Array, secs = sections(bytes)): WasmImport[] {
  const s = secs.find((x) => x.id === SECTION.import);
  return s ? readImports(bytes, s) : [];
}

/** The exports of a binary (empty without an export section). */
export function exports(bytes: Uint8Array, secs = sections(bytes)): WasmExport[] {
  const s = secs.find((x) => x.id === SECTION.export);
  return s ? readExports(bytes, s) : [];
}
