// The libkmod equivalent: one context per tool run (kmod_ctx) holding the configuration, the module
// index of /lib/modules/<release>, and the module objects. Module state comes from /sys/module as
// libkmod reads it, so the same code works over a booted kernel or a prepared tree.

import { ENOENT } from '../kernel/errno.js';
import { readModuleMetadata } from '../wasm/metadata.js';
import type { Vfs } from '../vfs/index.js';
import { joinPath } from '../vfs/index.js';
import { BUILTIN_MODINFO, builtinAliases, builtinModules, readBuiltinModinfo } from './builtin.js';
import { loadModprobeConfig, type ModprobeConfig } from './config.js';
import { INDEX_FILE } from './depmod.js';
import { buildIndex, ModuleIndex } from './index-file.js';
import type { Logger } from './log.js';
import { fnmatch, pathToModname, underscores } from './name.js';

export type InitState = 'builtin' | 'live' | 'coming' | 'going';

export interface ContextOptions {
  /** The module directory (/lib/modules/<release>, or under -d/-b). */
  dirname: string;
  log: Logger;
  /** Configuration paths (modprobe -C); default: the modprobe.d directories. */
  configPaths?: string[];
  /** Read the kernel command line for module options (default true). */
  kcmdline?: boolean;
}

export class KmodContext {
  private readonly pool = new Map<string, KModule>();

  private constructor(readonly vfs: Vfs, readonly dirname: string, readonly config: ModprobeConfig,
    readonly index: ModuleIndex, readonly log: Logger) {}

  /** kmod_new + kmod_load_resources: configuration, kernel command line and the index. */
  static async open(vfs: Vfs, opts: ContextOptions): Promise<KmodContext> {
    let cmdline: string | undefined;
    if (opts.kcmdline !== false) {
      try { cmdline = await vfs.readText('/proc/cmdline'); } catch { /* no /proc/cmdline */ }
    }
    // kmod_new() parses the configuration before the tool hooks libkmod's logging: the default logger speaks.
    const config = await loadModprobeConfig(vfs, opts.log.libkmodDefault(), { paths: opts.configPaths, moduleDir: opts.dirname, cmdline });
    const index = await openIndex(vfs, opts.dirname);
    return new KmodContext(vfs, opts.dirname, config, index, opts.log);
  }

  /** The module object of a name (optionally as reached through `alias`), one per (name, alias). */
  module(name: string, alias?: string): KModule {
    const key = alias === undefined ? name : `${name}\\${alias}`;
    let m = this.pool.get(key);
    if (!m) this.pool.set(key, (m = new KModule(this, name, alias)));
    return m;
  }

  /** kmod_module_new_from_path: the name comes from the file name; the path is absolute. */
  moduleFromPath(path: string): KModule {
    const m = this.module(pathToModname(path));
    m.setPath(path);
    return m;
  }

  /** Absolute path of a modules.dep entry. */
  absPath(p: string): string {
    return p.startsWith('/') ? p : joinPath(this.dirname, p);
  }

  /**
   * kmod_module_new_from_lookup: config aliases, modules.dep, symbol: aliases, install/remove commands,
   * modules.alias, modules.builtin, aliases of built-in modules; the first source that yields anything
   * wins. undefined: invalid name.
   */
  lookup(given: string): KModule[] | undefined {
    const name = underscores(given);
    if (name === undefined) return undefined;
    const out: KModule[] = [];
    for (const a of this.config.aliases) if (fnmatch(a.pattern, name)) out.push(this.module(a.modname, name));
    if (out.length) return out;
    if (!name.includes(':') && this.index.module(name)) return [this.module(name)];
    if (name.startsWith('symbol:')) {
      for (const m of this.index.symbol(name.slice('symbol:'.length))) out.push(this.module(m, name));
      if (out.length) return out;
    }
    if (this.config.installs.some((c) => c.modname === name) || this.config.removes.some((c) => c.modname === name)) {
      return [this.module(name)];
    }
    for (const m of this.index.alias(name)) out.push(this.module(m, name));
    if (out.length) return out;
    if (this.index.isBuiltin(name)) return [this.module(name)];
    return this.builtinAliasLookup(name);
  }

  /** kmod_lookup_alias_from_kernel_builtin_file: built-in modules with an alias matching `name`. */
  builtinAliasLookup(name: string): KModule[] {
    return this.index.builtinAlias(name).map((m) => {
      const mod = this.module(m, name);
      mod.builtin = true;
      return mod;
    });
  }

  /** Clears per-probe marks (kmod_set_modules_visited / _required). */
  resetMarks(): void {
    for (const m of this.pool.values()) { m.visited = false; m.required = false; m.ignoreCmd = false; }
  }
}

export class KModule {
  private pathValue: string | null | undefined;
  visited = false;
  required = false;
  ignoreCmd = false;
  /** Found among the aliases of built-in modules (kmod_module_set_builtin). */
  builtin = false;

  constructor(readonly ctx: KmodContext, readonly name: string, readonly alias?: string) {}

  setPath(p: string): void { this.pathValue = p; }

  /** Absolute path of the module file, from modules.dep; undefined for builtins and unknown names. */
  get path(): string | undefined {
    if (this.pathValue === undefined) {
      const e = this.ctx.index.module(this.name);
      this.pathValue = e ? this.ctx.absPath(e.path) : null;
    }
    return this.pathValue ?? undefined;
  }

  /** modules.dep dependencies, deepest first (libkmod prepends while parsing the line). */
  dependencies(): KModule[] {
    const e = this.ctx.index.module(this.name);
    if (!e) return [];
    return e.deps.map((d) => {
      const m = this.ctx.module(d.name);
      if (m.pathValue === undefined) m.setPath(this.ctx.absPath(d.path));
      return m;
    }).reverse();
  }

  /** Built in: listed in modules.builtin, or reached through a built-in module's alias. */
  get isBuiltin(): boolean {
    return this.builtin || this.ctx.index.isBuiltin(this.name);
  }

  /** Options from the configuration for this name, or for the alias it was reached by. */
  get options(): string {
    return this.ctx.config.options
      .filter((o) => o.modname === this.name || (this.alias !== undefined && o.modname === this.alias))
      .map((o) => o.options).filter((o) => o.length > 0).join(' ');
  }

  /** The first install command whose (glob) name matches. */
  get installCommand(): string | undefined {
    return this.ctx.config.installs.find((c) => fnmatch(c.modname, this.name))?.command;
  }

  get removeCommand(): string | undefined {
    return this.ctx.config.removes.find((c) => fnmatch(c.modname, this.name))?.command;
  }

  /** The first softdep line that matches, its names resolved by full lookups. */
  softdeps(): { pre: KModule[]; post: KModule[] } {
    const sd = this.ctx.config.softdeps.find((s) => fnmatch(s.name, this.name));
    if (!sd) return { pre: [], post: [] };
    const resolve = (names: string[]) => names.flatMap((n) => this.ctx.lookup(n) ?? []);
    return { pre: resolve(sd.pre), post: resolve(sd.post) };
  }

  /** The first weakdep line that matches (informational: modprobe does not load these). */
  weakdeps(): KModule[] {
    const wd = this.ctx.config.weakdeps.find((w) => fnmatch(w.name, this.name));
    return wd ? wd.deps.flatMap((n) => this.ctx.lookup(n) ?? []) : [];
  }

  get isBlacklisted(): boolean {
    return this.ctx.config.isBlacklisted(this.name);
  }

  /** kmod_module_get_initstate: builtin, or /sys/module/NAME/initstate; undefined when not loaded. */
  async initstate(): Promise<InitState | undefined> {
    if (this.isBuiltin) return 'builtin';
    const vfs = this.ctx.vfs;
    try {
      const s = (await vfs.readText(`/sys/module/${this.name}/initstate`)).trim();
      if (s === 'live' || s === 'coming' || s === 'going') return s;
      return undefined;
    } catch {
      return (await vfs.isDir(`/sys/module/${this.name}`)) ? 'builtin' : undefined;
    }
  }

  /** In the kernel: live, coming or builtin. */
  async inKernel(): Promise<boolean> {
    const s = await this.initstate();
    return s === 'live' || s === 'coming' || s === 'builtin';
  }

  async refcnt(): Promise<number | undefined> {
    try {
      return Number((await this.ctx.vfs.readText(`/sys/module/${this.name}/refcnt`)).trim());
    } catch {
      return undefined;
    }
  }

  async holders(): Promise<KModule[]> {
    try {
      return (await this.ctx.vfs.readdir(`/sys/module/${this.name}/holders`)).map((h) => this.ctx.module(h));
    } catch {
      return [];
    }
  }

  /**
   * kmod_module_get_info: the .modinfo entries of the module file, or for a built-in module its entries in
   * modules.builtin.modinfo (errno ENOENT when that file is missing, as on kernels before 5.2).
   */
  async info(): Promise<{ key: string; value: string }[]> {
    const p = this.path;
    if (!p && this.isBuiltin) {
      const entries = await readBuiltinModinfo(this.ctx.vfs, this.ctx.dirname);
      if (!entries) throw Object.assign(new Error(`no ${BUILTIN_MODINFO}`), { errno: ENOENT });
      return builtinModules(entries).get(this.name) ?? [];
    }
    if (!p) throw Object.assign(new Error('no file'), { code: 'ENOENT', errno: ENOENT });
    return readModuleMetadata(await this.ctx.vfs.readFile(p)).modinfo;
  }
}

/**
 * Opens modules.lkm.bin, or builds the same index in memory from the text files (modules.dep, .alias,
 * .symbols, modules.builtin and modules.builtin.modinfo).
 */
export async function openIndex(vfs: Vfs, dirname: string): Promise<ModuleIndex> {
  try {
    return new ModuleIndex(await vfs.readFile(joinPath(dirname, INDEX_FILE)));
  } catch {
    // missing or not an index of this version: fall back to the text files
  }
  const read = async (f: string) => vfs.readText(joinPath(dirname, f)).catch(() => '');
  const depText = await read('modules.dep');
  const modules: { name: string; path: string; deps: number[] }[] = [];
  const at = new Map<string, number>();
  const lines = depText.split('\n').filter((l) => l.includes(':'));
  for (const l of lines) {
    const path = l.slice(0, l.indexOf(':'));
    at.set(pathToModname(path), modules.length);
    modules.push({ name: pathToModname(path), path, deps: [] });
  }
  lines.forEach((l, i) => {
    for (const d of l.slice(l.indexOf(':') + 1).split(/\s+/).filter(Boolean)) {
      let j = at.get(pathToModname(d));
      if (j === undefined) { j = modules.length; at.set(pathToModname(d), j); modules.push({ name: pathToModname(d), path: d, deps: [] }); }
      modules[i]!.deps.push(j);
    }
  });
  const ensure = (name: string) => {
    let j = at.get(name);
    if (j === undefined) { j = modules.length; at.set(name, j); modules.push({ name, path: '', deps: [] }); }
    return j;
  };
  const aliases: [string, number][] = [];
  for (const l of (await read('modules.alias')).split('\n')) {
    const w = l.split(/\s+/);
    const norm = w[0] === 'alias' && w.length >= 3 ? underscores(w[1]!) : undefined;
    if (norm !== undefined) aliases.push([norm, ensure(w[2]!)]);
  }
  const symbols: [string, number][] = [];
  for (const l of (await read('modules.symbols')).split('\n')) {
    const w = l.split(/\s+/);
    if (w[0] === 'alias' && w.length >= 3 && w[1]!.startsWith('symbol:')) symbols.push([w[1]!.slice(7), ensure(w[2]!)]);
  }
  const builtin = (await read('modules.builtin')).split('\n').filter(Boolean).map(pathToModname);
  const builtinAlias = builtinAliases(await readBuiltinModinfo(vfs, dirname) ?? []);
  // Alias and symbol targets missing from modules.dep get an entry without a path: module() hides them.
  return new ModuleIndex(buildIndex({ modules, symbols, aliases, builtin, builtinAliases: builtinAlias }));
}
