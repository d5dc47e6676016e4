// The modpost step, as Linux's scripts/mod/modpost does it for external modules, on wasm objects:
// which symbols each module imports and exports, `depends=`, the undefined-symbol warnings, Module.symvers,
// srcversion, and the generated NAME.mod.c (docs/module-format.md §4).

import type { ObjectInfo } from '../wasm/objects.js';

/** Imports every side module has (docs/module-format.md §1); never symbols of another module. */
export const ABI_SYMBOLS = new Set([
  'memory', '__linear_memory', '__indirect_function_table', '__stack_pointer', '__memory_base', '__table_base',
]);

/** Symbols wasm-ld defines itself (section bounds, runtime helpers) and the module's own __this_module. */
export function isLinkerSymbol(name: string): boolean {
  return ABI_SYMBOLS.has(name) || name.startsWith('__start_') || name.startsWith('__stop_') ||
    name.startsWith('__wasm_') || name.startsWith('__tls_') || name === '__dso_handle' || name === '__heap_base' ||
    name === '__heap_end' || name === '__data_end' || name === '__global_base' || name === '__this_module';
}

export interface ExportedSymbol { name: string; gpl: boolean }
export interface ImportedSymbol { name: string; weak: boolean }

/**
 * The entry points a module defines twice (two `module_init()`s, or one next to a hand-written init_module),
 * in wasm-ld's words for a duplicate symbol: module_init() makes a weak alias (wasm/include/linux/module.h),
 * which the linker would let win silently, where Linux's strong alias stops the link. Empty when none is.
 */
export function duplicateEntryPoints(objs: { path: string; info: ObjectInfo }[]): string {
  const first = new Map<string, string>();
  let out = '';
  for (const o of objs) {
    for (const s of o.info.defined) {
      if (s.kind !== 0 || (s.name !== 'init_module' && s.name !== 'cleanup_module')) continue;
      const where = first.get(s.name);
      if (where === undefined) first.set(s.name, o.path);
      else out += `wasm-ld: error: duplicate symbol: ${s.name}\n>>> defined in ${where}\n>>> defined in ${o.path}\n`;
    }
  }
  return out;
}

/** EXPORT_SYMBOL / EXPORT_SYMBOL_GPL names of a module's objects, in link order, without duplicates. */
export function moduleExports(objs: ObjectInfo[]): ExportedSymbol[] {
  const out: ExportedSymbol[] = [];
  const seen = new Set<string>();
  for (const o of objs) {
    for (const name of o.ksymtab) if (!seen.has(name)) { seen.add(name); out.push({ name, gpl: false }); }
    for (const name of o.ksymtabGpl) if (!seen.has(name)) { seen.add(name); out.push({ name, gpl: true }); }
  }
  return out;
}

/**
 * What a module needs from outside: undefined symbols of its objects that no object of the module defines,
 * in order of appearance. Calls into an import module other than `env` (vmlinux's `host.*`) are not symbols.
 */
export function moduleImports(objs: ObjectInfo[]): ImportedSymbol[] {
  const defined = new Set<string>();
  for (const o of objs) for (const s of o.defined) defined.add(s.name);
  const out = new Map<string, ImportedSymbol>();
  for (const o of objs) {
    for (const s of o.undefined) {
      if (defined.has(s.name) || isLinkerSymbol(s.name)) continue;
      if (s.module !== undefined && s.module !== 'env') continue;
      const prev = out.get(s.name);
      if (prev) prev.weak &&= s.weak;
      else out.set(s.name, { name: s.name, weak: s.weak });
    }
  }
  return [...out.values()];
}

/** Names of the defined (non-local) symbols matching `prefix`, e.g. vmlinux's `lkm_*` entry points. */
export function definedWithPrefix(objs: ObjectInfo[], prefix: string): string[] {
  const out = new Set<string>();
  for (const o of objs) for (const s of o.defined) if (s.name.startsWith(prefix)) out.add(s.name);
  return [...out];
}

export interface SymversEntry {
  symbol: string;
  /** Module path without `.ko` (absolute for external modules), or `vmlinux`. */
  module: string;
  gpl: boolean;
  namespace?: string;
}

/** Module.symvers text, one `0x00000000\tSYM\tMODULE\tEXPORT_SYMBOL[_GPL]\tNS` line per symbol, as Linux 6.12. */
export function formatSymvers(entries: SymversEntry[]): string {
  return entries
    .map((e) => `0x00000000\t${e.symbol}\t${e.module}\t${e.gpl ? 'EXPORT_SYMBOL_GPL' : 'EXPORT_SYMBOL'}\t${e.namespace ?? ''}\n`)
    .join('');
}

export function parseSymvers(text: string): SymversEntry[] {
  const out: SymversEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 4 || !f[1]) continue;
    const e: SymversEntry = { symbol: f[1], module: f[2]!, gpl: f[3] === 'EXPORT_SYMBOL_GPL' };
    if (f[4]) e.namespace = f[4];
    out.push(e);
  }
  return out;
}

/** Last path component without `.ko`: the name `depends=` and modules.dep use (dashes kept). */
export function moduleFileName(modulePath: string): string {
  return modulePath.slice(modulePath.lastIndexOf('/') + 1).replace(/\.ko$/, '');
}

export interface PostModule {
  /** File name without `.ko`. */
  name: string;
  /** The .ko path, for messages. */
  path: string;
  exports: ExportedSymbol[];
  imports: ImportedSymbol[];
}

export interface PostInput {
  modules: PostModule[];
  /** Exports of vmlinux, or undefined when no vmlinux.ko was found (then no undefined check, as Linux). */
  vmlinux?: Set<string>;
  /** Module.symvers entries of KBUILD_EXTRA_SYMBOLS. */
  extra?: SymversEntry[];
  /** Also check vmlinux itself (kernel build): every env import of it is undefined. */
  kernel?: boolean;
}

export interface PostResult {
  depends: Map<string, string[]>;
  warnings: string[];
}

export function modpost(input: PostInput): PostResult {
  const warnings: string[] = [];
  const owner = new Map<string, PostModule>();
  for (const m of input.modules) {
    for (const e of m.exports) {
      const prev = owner.get(e.name);
      if (prev && prev !== m) {
        warnings.push(`WARNING: modpost: ${m.name}: '${e.name}' exported twice. Previous export was in ${prev.path}`);
        continue;
      }
      if (input.vmlinux?.has(e.name) && !input.kernel) {
        warnings.push(`WARNING: modpost: ${m.name}: '${e.name}' exported twice. Previous export was in vmlinux`);
      }
      owner.set(e.name, m);
    }
  }
  const extra = new Map<string, string>();
  for (const e of input.extra ?? []) if (!extra.has(e.symbol)) extra.set(e.symbol, moduleFileName(e.module));
  if (!input.vmlinux && !input.kernel && input.modules.length > 0) {
    warnings.push('WARNING: modpost: Symbol info of vmlinux is missing. Unresolved symbol check will be entirely skipped.');
  }
  const depends = new Map<string, string[]>();
  for (const m of input.modules) {
    const deps: string[] = [];
    for (const imp of m.imports) {
      let dep: string | undefined;
      if (input.vmlinux?.has(imp.name)) dep = undefined;
      else if (owner.has(imp.name) && owner.get(imp.name) !== m) dep = owner.get(imp.name)!.name;
      else if (extra.has(imp.name)) dep = extra.get(imp.name);
      else if ((input.vmlinux || input.kernel) && !imp.weak) {
        warnings.push(`WARNING: modpost: "${imp.name}" [${m.path}] undefined!`);
      }
      if (dep !== undefined && dep !== m.name && !deps.includes(dep)) deps.push(dep);
    }
    depends.set(m.name, deps);
  }
  return { depends, warnings };
}

export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

export async function sha256hex(data: Uint8Array | string): Promise<string> {
  const d = await sha256(data);
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * srcversion: 23 upper-case hex digits of SHA-256 over the module's C sources, concatenated in order of
 * their path relative to the module directory (the shape of Linux's MD4-based value, not its digits).
 */
export async function srcversion(sources: { name: string; content: Uint8Array }[]): Promise<string> {
  const sorted = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const total = sorted.reduce((n, s) => n + s.content.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const s of sorted) { all.set(s.content, at); at += s.content.length; }
  return (await sha256hex(all)).slice(0, 23).toUpperCase();
}

function cString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * The generated NAME.mod.c (docs/module-format.md §4). `aliases` (file2alias, from MODULE_DEVICE_TABLE)
 * come between srcversion and depends, the order `modinfo` shows for a kbuild-built module.
 */
export function modC(opts: { srcversion: string; depends: string[]; aliases?: string[] }): string {
  return [
    '// Generated by lkm build (modpost). Do not edit.',
    '#include <linux/module.h>',
    '#include <linux/vermagic.h>',
    '',
    `MODULE_INFO(srcversion, ${cString(opts.srcversion)});`,
    ...(opts.aliases ?? []).map((a) => `MODULE_ALIAS(${cString(a)});`),
    `MODULE_INFO(depends, ${cString(opts.depends.join(','))});`,
    'MODULE_INFO(name, KBUILD_MODNAME);',
    'MODULE_INFO(vermagic, VERMAGIC_STRING);',
    '',
    'extern const struct kernel_param __start___param[] __weak, __stop___param[] __weak;',
    'extern struct _ddebug __start___dyndbg[] __weak, __stop___dyndbg[] __weak;',
    'extern struct kunit_suite *__start_kunit_test_suites[] __weak, *__stop_kunit_test_suites[] __weak;',
    'extern int init_module(void) __weak;',
    'extern void cleanup_module(void) __weak;',
    '',
    'struct module __this_module = {',
    '\t.name = KBUILD_MODNAME,',
    '\t.init = init_module,',
    '\t.exit = cleanup_module,',
    '\t.kp = __start___param,',
    '\t.kp_end = __stop___param,',
    '\t.dyndbg = __start___dyndbg,',
    '\t.dyndbg_end = __stop___dyndbg,',
    '\t.kunit_suites = __start_kunit_test_suites,',
    '\t.kunit_suites_end = __stop_kunit_test_suites,',
    '};',
    '',
  ].join('\n');
}
