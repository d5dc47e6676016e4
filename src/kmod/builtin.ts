// modules.builtin.modinfo (written by kbuild): the modinfo of the modules built into the kernel, as
// NUL-terminated "NAME.key=value" strings. libkmod reads it for kmod_module_get_info() of a built-in
// module, and depmod for the aliases of built-in modules.

import type { Vfs } from '../vfs/index.js';
import { joinPath } from '../vfs/index.js';
import type { Logger } from './log.js';
import { underscores } from './name.js';

export const BUILTIN_MODINFO = 'modules.builtin.modinfo';

export interface BuiltinEntry { module: string; key: string; value: string; }

/** The entries in file order. Strings without a "NAME." prefix are skipped. */
export function parseBuiltinModinfo(bytes: Uint8Array): BuiltinEntry[] {
  const out: BuiltinEntry[] = [];
  for (const s of new TextDecoder().decode(bytes).split('\0')) {
    const dot = s.indexOf('.');
    if (dot <= 0) continue;
    const eq = s.indexOf('=', dot);
    out.push(eq < 0
      ? { module: s.slice(0, dot), key: s.slice(dot + 1), value: '' }
      : { module: s.slice(0, dot), key: s.slice(dot + 1, eq), value: s.slice(eq + 1) });
  }
  return out;
}

/** The entries of modules.builtin.modinfo in `dirname`; undefined when the file cannot be read. */
export async function readBuiltinModinfo(vfs: Vfs, dirname: string): Promise<BuiltinEntry[] | undefined> {
  try {
    return parseBuiltinModinfo(await vfs.readFile(joinPath(dirname, BUILTIN_MODINFO)));
  } catch {
    return undefined;
  }
}

/**
 * The built-in modules in file order, each with its entries: the first run of consecutive strings with its
 * NAME. prefix, as libkmod's iterator over the file groups them (a later run of the same name is ignored).
 */
export function builtinModules(entries: BuiltinEntry[]): Map<string, { key: string; value: string }[]> {
  const out = new Map<string, { key: string; value: string }[]>();
  let run: { key: string; value: string }[] | undefined;
  let prev: string | undefined;
  for (const e of entries) {
    if (e.module !== prev) {
      prev = e.module;
      run = out.has(e.module) ? undefined : [];
      if (run) out.set(e.module, run);
    }
    run?.push({ key: e.key, value: e.value });
  }
  return out;
}

/** (normalised alias pattern, module) of every `alias` entry, in file order (depmod's builtin alias index). */
export function builtinAliases(entries: BuiltinEntry[], log?: Logger): [string, string][] {
  const out: [string, string][] = [];
  for (const [module, info] of builtinModules(entries)) {
    for (const e of info) {
      if (e.key !== 'alias') continue;
      const norm = underscores(e.value);
      if (norm === undefined) log?.warn(`Unmatched bracket in ${e.value}`);
      else out.push([norm, module]);
    }
  }
  return out;
}
