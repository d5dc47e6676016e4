// The `name` section: the module's own name and its function names, for kallsyms, %pS and call traces.
// Parsed only when asked for (a module's names are not needed to load it).

import { Cursor, WasmFormatError, type Section } from './reader.js';

/** Custom sections by name, as ModuleMetadata holds them. */
interface WithCustomSections { customSections: Map<string, Section> }

/** Subsection ids of the name section. */
const MODULE_NAME = 0;
const FUNCTION_NAMES = 1;

/** Calls `visit` with a cursor over each subsection of the name section; stops when it returns true. */
function eachSubsection(bytes: Uint8Array, meta: WithCustomSections, visit: (id: number, sub: Cursor) => boolean | void): void {
  const s = meta.customSections.get('name');
  if (!s) return;
  const c = new Cursor(bytes, s.start, s.end);
  while (!c.done) {
    const id = c.u8();
    const len = c.u32();
    const end = c.pos + len;
    if (visit(id, new Cursor(bytes, c.pos, end))) return;
    c.pos = end;
  }
}

/** Function names by function index (imports first, as wasm numbers them). */
export function readFunctionNames(bytes: Uint8Array, meta: WithCustomSections): Map<number, string> {
  const names = new Map<number, string>();
  eachSubsection(bytes, meta, (id, sub) => {
    if (id !== FUNCTION_NAMES) return;
    for (let n = sub.u32(); n > 0; n--) {
      const idx = sub.u32();
      names.set(idx, sub.name());
    }
  });
  return names;
}

/**
 * The module name recorded in the name section (wasm-ld writes the output file name). A broken name
 * section gives none: V8 ignores such a section too, so the module still loads.
 */
export function readModuleName(bytes: Uint8Array, meta: WithCustomSections): string | undefined {
  let name: string | undefined;
  try {
    eachSubsection(bytes, meta, (id, sub) => {
      if (id !== MODULE_NAME) return false;
      name = sub.name();
      return true;
    });
  } catch (e) {
    if (!(e instanceof WasmFormatError)) throw e;
  }
  return name;
}
