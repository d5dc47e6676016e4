// The files Linux's build makes from vmlinux for built-in modules (scripts/Makefile.vmlinux_o), here from
// vmlinux.ko:
//   modules.builtin.modinfo  vmlinux's `.modinfo` section as it is (`objcopy -j .modinfo -O binary`): the
//                            NUL-terminated "NAME.key=value" strings of built-in code, KBUILD_MODNAME. prefixed
//   modules.builtin          one `kernel/PATH.ko` line per "NAME.file=PATH" string (MODULE_FILE, written by
//                            MODULE_LICENSE in built-in code); a value may list several paths, separated by
//                            spaces; repeated neighbours are written once (Linux's `uniq`)

import { customSections } from '../wasm/reader.js';

export const BUILTIN_MODINFO = 'modules.builtin.modinfo';
export const MODULES_BUILTIN = 'modules.builtin';

/** The bytes of vmlinux's `.modinfo` custom section(s), concatenated. */
export function builtinModinfo(vmlinux: Uint8Array): Uint8Array {
  const parts = customSections(vmlinux, '.modinfo');
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** modules.builtin from modules.builtin.modinfo. */
export function modulesBuiltin(modinfo: Uint8Array): string {
  const paths: string[] = [];
  for (const s of new TextDecoder().decode(modinfo).split('\0')) {
    const m = /^[A-Za-z0-9:_]*\.file=/.exec(s);
    if (!m) continue;
    for (const p of s.slice(m[0].length).split(' ')) if (paths[paths.length - 1] !== p) paths.push(p);
  }
  return paths.map((p) => `kernel/${p}.ko\n`).join('');
}
