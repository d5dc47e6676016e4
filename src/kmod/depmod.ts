// depmod: scans a module tree (metadata only, nothing is compiled), works out who provides each
// symbol a module needs, and writes kmod's text files (modules.dep, .alias, .softdep, .weakdep,
// .symbols, .devname) byte for byte in kmod's formats and order, plus modules.lkm.bin (index-file.ts), which
// also holds modules.builtin and the aliases of built-in modules from modules.builtin.modinfo.

import { readModuleMetadata } from '../wasm/metadata.js';
import { hasWasmMagic } from '../wasm/reader.js';
import { strerror, EINVAL, ENOENT } from '../kernel/errno.js';
import type { DirEntry, Vfs } from '../vfs/index.js';
import { FsError, isWithin, joinPath, relativeTo } from '../vfs/index.js';
import { BUILTIN_MODINFO, builtinAliases, readBuiltinModinfo } from './builtin.js';
import { configDirs, listConfigFiles, logicalLines } from './config.js';
import { kmodHashOrder } from './hash.js';
import { buildIndex, ModuleIndex } from './index-file.js';
import type { Logger } from './log.js';
import { hasKmodExtension, pathToModname, underscores } from './name.js';

export const INDEX_FILE = 'modules.lkm.bin';
const READ_CONCURRENCY = 16;

/** What depmod needs of a module file (the subset of ModuleMetadata it reads). */
export interface ModuleFacts {
  modinfo: { key: string; value: string }[];
  exports: string[];
  gplExports: string[];
  undefinedSymbols: string[];
  weakSymbols: Set<string>;
}

interface Mod {
  name: string;
  /** Full path in the emulated file system. */
  path: string;
  /** As written to modules.dep: relative to the module directory, or absolute outside it. */
  relpath: string;
  facts: ModuleFacts;
  deps: Mod[];
  users: number;
  idx: number;
  sortIdx: number;
  depSortIdx: number;
  depLoop: boolean;
}

export interface DepmodConfig {
  /** Search list: subdirectory names, with '' for "built-in" and '\0external' for "external". */
  searches: string[];
  /** "subdir/modname" paths (without extension) that win over any other copy. */
  overrides: string[];
  externals: string[];
  excludes: string[];
}

const BUILTIN = '';
const EXTERNAL = '\0external';

/** Parses depmod.d files (search, override, external, exclude) for kernel `release`. */
export async function loadDepmodConfig(vfs: Vfs, log: Logger, release: string, paths?: string[]): Promise<DepmodConfig> {
  const cfg: DepmodConfig = { searches: [], overrides: [], externals: [], excludes: ['build', 'source'] };
  const kernelMatches = (pattern: string) => {
    if (pattern === '*') return true;
    try { return new RegExp(`^(?:${pattern})$`).test(release); } catch { return pattern === release; }
  };
  for (const file of await listConfigFiles(vfs, paths ?? configDirs('depmod.d'))) {
    let text: string;
    try { text = await vfs.readText(file); } catch { continue; }
    for (const { line, lineno } of logicalLines(text)) {
      const w = line.split(/[ \t]+/).filter(Boolean);
      const cmd = w[0];
      if (cmd === undefined || cmd.startsWith('#')) continue;
      if (cmd === 'search') {
        for (const s of w.slice(1)) cfg.searches.push(s === 'built-in' ? BUILTIN : s === 'external' ? EXTERNAL : s);
      } else if (cmd === 'override' && w.length >= 4) {
        if (!kernelMatches(w[2]!)) { log.info(`${file}:${lineno}: override kernel did not match ${w[2]}`); continue; }
        cfg.overrides.push(`${w[3]}/${w[1]}`);
      } else if (cmd === 'external' && w.length >= 3) {
        if (!kernelMatches(w[1]!)) { log.info(`${file}:${lineno}: external directory did not match ${w[1]}`); continue; }
        cfg.externals.push(w[2]!);
      } else if (cmd === 'exclude' && w.length >= 2) {
        cfg.excludes.push(...w.slice(1));
      } else if (cmd === 'include' || cmd === 'make_map_files') {
        log.info(`${file}:${lineno}: command ${cmd} not implemented yet`);
      } else {
        log.err(`${file}:${lineno}: ignoring bad line starting with '${cmd}'`);
      }
    }
  }
  if (cfg.searches.length === 0) cfg.searches.push('updates', BUILTIN);
  else if (!cfg.searches.includes(BUILTIN)) cfg.searches.push(BUILTIN);
  return cfg;
}

export interface DepmodOptions {
  /** The module directory, e.g. /lib/modules/6.12.0-lkm-wasm (with -b: BASEDIR/lib/modules/…). */
  dirname: string;
  release: string;
  log: Logger;
  /** -o: where to write (default: dirname). */
  outdir?: string;
  /** -C: configuration paths instead of the depmod.d directories. */
  configPaths?: string[];
  /** Module files given on the command line (instead of scanning). */
  files?: string[];
  /** -A: do nothing when no module is newer than modules.dep. */
  quick?: boolean;
  /** -n: write the text files to `stdout` instead. */
  dryRun?: boolean;
  stdout?: (text: string) => void;
  /** -e: report unknown symbols (needs the kernel's symbols: -F or -E). */
  errsyms?: boolean;
  /** -F: System.map (or an lkm-wasm vmlinux.ko) giving the kernel's exports. */
  systemMap?: string;
  /** -E: Module.symvers giving the kernel's exports. */
  symvers?: string;
  verbose?: boolean;
  /** Progress of the scan (files read, total). */
  progress?: (done: number, total: number) => void;
  /** Receives the time of each phase (scan, read, dependencies, render, index, write), in ms. */
  timings?: (phase: string, ms: number) => void;
  /** Threads that parse module metadata; used for trees of at least `pool.threshold` modules. */
  pool?: MetadataPool;
}

/** A file for a metadata pool: its bytes, or a host path the pool reads itself (no copy through this thread). */
export interface PoolItem { bytes?: Uint8Array; host?: string; }

/** Module metadata parsed off this thread: depmod's facts of each item in order, or the strerror of a failed read. */
export interface MetadataPool {
  /** Threads the pool runs (the machine's cores). */
  readonly size: number;
  /** Fewest modules for which depmod uses the pool (below it the in-thread scan is faster). */
  readonly threshold: number;
  /** Facts of `items`, in order; `done` after each batch (items finished so far). */
  facts(items: PoolItem[], done?: (n: number) => void): Promise<(ModuleFacts | { error: string })[]>;
}

const EMPTY_FACTS = (): ModuleFacts => ({ modinfo: [], exports: [], gplExports: [], undefinedSymbols: [], weakSymbols: new Set() });

export interface DepmodResult {
  status: number;
  /** Number of modules written to modules.dep. */
  modules: number;
  /** Files written (name → content), also with dryRun. */
  files: Map<string, string | Uint8Array>;
}

/** Kernel symbols from System.map (`__ksymtab_NAME` entries), Module.symvers (vmlinux lines) or vmlinux.ko. */
async function kernelSymbols(vfs: Vfs, opts: DepmodOptions): Promise<Set<string> | undefined> {
  const file = opts.systemMap ?? opts.symvers;
  if (!file) return undefined;
  const bytes = await vfs.readFile(file);
  const syms = new Set<string>();
  if (hasWasmMagic(bytes)) {
    const meta = readModuleMetadata(bytes);
    for (const s of [...meta.exports, ...meta.gplExports]) syms.add(s);
    return syms;
  }
  const text = new TextDecoder().decode(bytes);
  for (const line of text.split('\n')) {
    if (opts.systemMap) {
      const w = line.split(/\s+/);
      const name = w[2];
      if (name?.startsWith('__ksymtab_')) syms.add(name.slice('__ksymtab_'.length));
    } else {
      const w = line.split('\t');
      if (w.length >= 3 && (w[2] === 'vmlinux' || w[2]!.endsWith('/vmlinux'))) syms.add(w[1]!);
    }
  }
  return syms;
}

const yieldToEventLoop = () => new Promise<void>((r) => {
  if (typeof setImmediate === 'function') setImmediate(r);
  else setTimeout(r, 0);
});

/**
 * Module files below a directory (sorted walk), skipping excluded names. Links are followed as kmod's
 * fstatat() follows them (a module reached through one is listed under the link's path); a link that
 * leads nowhere is an error and no module, as fstatat's failure is in kmod. A directory already on the
 * way down (a link back up) is not entered again (kmod would recurse until it ran out of descriptors).
 */
async function scanDir(vfs: Vfs, dir: string, excludes: string[], log?: Logger): Promise<string[]> {
  const out: string[] = [];
  const visit = async (d: string, depth: number, up: string[]): Promise<void> => {
    let entries: DirEntry[];
    try { entries = await vfs.readdirTypes(d); } catch { return; }
    for (const { name, type, link } of entries) {
      if (excludes.includes(name)) continue;
      const p = joinPath(d, name);
      if (link && type === undefined) {
        // kmod's depmod: "fstatat(<the directory's descriptor>, name): <errno text>"; the first directory is fd 3.
        const why = await vfs.stat(p).then(() => strerror(ENOENT), (e: unknown) => (e instanceof FsError ? e.reason : strerror(ENOENT)));
        log?.err(`fstatat(${3 + depth}, ${name}): ${why}`);
        continue;
      }
      if (type === 'dir') {
        const real = link ? await vfs.realpath(p).catch(() => p) : p;
        if (!up.includes(real)) await visit(p, depth + 1, [...up, real]);
        continue;
      }
      if (hasKmodExtension(name) && type === 'file') out.push(p);
    }
  };
  await visit(dir, 0, [await vfs.realpath(dir).catch(() => dir)]);
  return out;
}

/** True when the new copy of a module should replace the old one (depmod.d search/override order). */
function higherPriority(cfg: DepmodConfig, dirname: string, newPath: string, oldPath: string): boolean {
  const rel = (p: string) => (isWithin(p, dirname) ? relativeTo(p, dirname).replace(/\.ko(\.\w+)?$/, '') : undefined);
  const relNew = rel(newPath);
  const relOld = rel(oldPath);
  for (const ov of cfg.overrides) {
    if (relNew === ov) return true;
    if (relOld === ov) return false;
  }
  const prio = (p: string, r: string | undefined) => {
    let builtin = -1;
    for (const [i, s] of cfg.searches.entries()) {
      if (s === BUILTIN) builtin = i;
      else if (s === EXTERNAL) { if (r === undefined && cfg.externals.some((e) => isWithin(p, joinPath(e)))) return i; }
      else if (r !== undefined && r.startsWith(`${s}/`)) return i;
    }
    if (r === undefined) return cfg.searches.length; // external without an "external" search entry: last
    return builtin;
  };
  return prio(newPath, relNew) <= prio(oldPath, relOld);
}

/** Runs depmod; returns its exit status and what it wrote. */
export async function depmod(vfs: Vfs, opts: DepmodOptions): Promise<DepmodResult> {
  const { log, dirname } = opts;
  const result: DepmodResult = { status: 0, modules: 0, files: new Map() };
  let t0 = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    opts.timings?.(name, t - t0);
    t0 = t;
  };
  const cfg = await loadDepmodConfig(vfs, log, opts.release, opts.configPaths);

  if (!(await vfs.isDir(dirname)) && !opts.files) {
    log.err(`could not open directory ${dirname}: ${strerror(ENOENT)}`);
    log.fatal(`could not search modules: ${strerror(ENOENT)}`);
    result.status = 1;
    return result;
  }

  let paths: string[];
  if (opts.files) paths = opts.files;
  else {
    paths = await scanDir(vfs, dirname, cfg.excludes, log);
    for (const ext of cfg.externals) paths.push(...await scanDir(vfs, joinPath(ext), [], log));
  }

  phase('scan');
  if (opts.quick && !opts.dryRun && await upToDate(vfs, dirname, paths)) return result;

  // One module per name; a duplicate replaces the earlier copy when its location has priority.
  const byName = new Map<string, string>();
  for (const p of paths) {
    const name = pathToModname(p);
    const old = byName.get(name);
    if (old === undefined || higherPriority(cfg, dirname, p, old)) byName.set(name, p);
  }

  const kernelSyms = await kernelSymbols(vfs, opts).catch((e) => {
    log.err(`could not open ${opts.systemMap ?? opts.symvers}: ${e instanceof FsError ? e.reason : (e as Error).message}`);
    return undefined;
  });

  // Read the files a few at a time: the host's I/O runs in parallel, the parsing in order.
  const entries = [...byName.entries()];
  const mods: Mod[] = new Array(entries.length);
  const mod = (i: number, facts: ModuleFacts): Mod => {
    const [name, path] = entries[i]!;
    return {
      name, path, relpath: isWithin(path, dirname) ? relativeTo(path, dirname) : path, facts,
      deps: [], users: 0, idx: 0, sortIdx: 0, depSortIdx: 0, depLoop: false,
    };
  };
  let done = 0;
  let next = 0;
  const pool = opts.pool && entries.length >= opts.pool.threshold ? opts.pool : undefined;
  if (pool) {
    // Large trees: the pool's threads read host files themselves and parse; other files go as bytes.
    const items: PoolItem[] = [];
    const unread = new Set<number>();
    for (const [, path] of entries) {
      const host = vfs.hostFile(path);
      if (host !== undefined) { items.push({ host }); continue; }
      try {
        items.push({ bytes: vfs.readFileSync(path) ?? await vfs.readFile(path) });
      } catch (e) {
        unread.add(items.length);
        items.push({ bytes: new Uint8Array(0) });
        log.err(`failed to load symbols from ${path}: ${e instanceof FsError ? e.reason : strerror(EINVAL)}`);
      }
    }
    const facts = await pool.facts(items, (n) => opts.progress?.(n, entries.length));
    facts.forEach((f, i) => {
      if ('error' in f) {
        if (!unread.has(i)) log.err(`failed to load symbols from ${entries[i]![1]}: ${f.error}`);
        mods[i] = mod(i, EMPTY_FACTS());
      } else mods[i] = mod(i, f);
    });
  }
  const worker = async () => {
    if (pool) return;
    while (next < entries.length) {
      const i = next++;
      const path = entries[i]![1];
      let facts: ModuleFacts;
      try {
        // Keep only what depmod uses: the rest of the metadata (import records …) is garbage at once.
        const meta = readModuleMetadata(vfs.readFileSync(path) ?? await vfs.readFile(path));
        facts = { modinfo: meta.modinfo, exports: meta.exports, gplExports: meta.gplExports, undefinedSymbols: meta.undefinedSymbols, weakSymbols: meta.weakSymbols };
      } catch (e) {
        log.err(`failed to load symbols from ${path}: ${e instanceof FsError ? e.reason : strerror(EINVAL)}`);
        facts = EMPTY_FACTS();
      }
      mods[i] = mod(i, facts);
      if (opts.progress) {
        opts.progress(++done, entries.length);
        if ((done & 255) === 0) await yieldToEventLoop(); // let the progress bar draw
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, worker));

  phase('read');
  const sorted = await sortModules(vfs, dirname, mods, log);
  const computed = computeDependencies(sorted, kernelSyms, {
    warnUnknown: !!opts.errsyms && kernelSyms !== undefined,
    log,
    verbose: opts.verbose ? opts.stdout : undefined,
  });
  phase('dependencies');
  if (computed.cycles) {
    result.status = 1;
    return result;
  }

  const builtin = await readBuiltin(vfs, dirname);
  // A missing modules.builtin.modinfo means no built-in aliases, silently (as kmod).
  const builtinAlias = builtinAliases(await readBuiltinModinfo(vfs, dirname) ?? [], log);
  const texts = renderFiles(sorted, computed.symbolOwners, log);
  phase('render');
  result.modules = sorted.filter((m) => !m.depLoop).length;
  const order = ['modules.dep', 'modules.alias', 'modules.softdep', 'modules.weakdep', 'modules.symbols', 'modules.devname'];
  for (const f of order) result.files.set(f, texts.get(f)!);
  if (opts.dryRun) {
    for (const f of order) opts.stdout?.(texts.get(f)!);
    return result;
  }
  const index = buildIndex({ ...indexInput(sorted, computed.symbolOwners, builtin, log), builtinAliases: builtinAlias });
  result.files.set(INDEX_FILE, index);
  phase('index');
  const out = opts.outdir ?? dirname;
  try {
    if (opts.outdir) await vfs.mkdir(out);
    for (const f of order) await vfs.writeAtomic(joinPath(out, f), texts.get(f)!);
    await vfs.writeAtomic(joinPath(out, INDEX_FILE), index);
  } catch (e) {
    log.err(`could not write ${out}: ${e instanceof FsError ? e.reason : (e as Error).message}`);
    result.status = 1;
  }
  phase('write');
  return result;
}

async function upToDate(vfs: Vfs, dirname: string, paths: string[]): Promise<boolean> {
  const dep = await vfs.stat(joinPath(dirname, 'modules.dep'));
  const idx = await vfs.stat(joinPath(dirname, INDEX_FILE));
  if (!dep || !idx) return false;
  try { new ModuleIndex(await vfs.readFile(joinPath(dirname, INDEX_FILE))); } catch { return false; } // another version
  // The index also holds what kbuild's built-in module lists say (kmod's -A looks at modules only).
  for (const p of [...paths, joinPath(dirname, 'modules.builtin'), joinPath(dirname, BUILTIN_MODINFO)]) {
    const st = await vfs.stat(p);
    if (st && st.mtimeMs > dep.mtimeMs) return false;
  }
  return true;
}

/** modules.order first (in its order), the rest after it in kmod's hash order. */
async function sortModules(vfs: Vfs, dirname: string, mods: Mod[], log: Logger): Promise<Mod[]> {
  const hashed = kmodHashOrder(mods, (m) => m.name, 512);
  hashed.forEach((m, i) => { m.sortIdx = i; });
  let text: string | undefined;
  try { text = await vfs.readText(joinPath(dirname, 'modules.order')); } catch { /* no modules.order */ }
  if (text !== undefined) {
    const lines = text.split('\n');
    const complete = text === '' || text.endsWith('\n');
    if (!complete) {
      log.err(`${dirname}/modules.order:${lines.length} corrupted line misses '\\n'`);
    } else {
      lines.pop();
      const total = lines.length + 1;
      const byRel = new Map(mods.map((m) => [m.relpath, m]));
      lines.forEach((line, i) => {
        const m = byRel.get(line);
        if (m) m.sortIdx = i + 1 - total;
      });
    }
  }
  const out = [...hashed].sort((a, b) => a.sortIdx - b.sortIdx);
  out.forEach((m, i) => { m.idx = i; });
  return out;
}

interface Computed { cycles: boolean; symbolOwners: Map<string, Mod>; }

/** Links every module to the providers of its symbols, sorts topologically and reports cycles. */
function computeDependencies(mods: Mod[], kernelSyms: Set<string> | undefined,
  o: { warnUnknown: boolean; log: Logger; verbose?: (t: string) => void }): Computed {
  const owners = new Map<string, Mod>();
  for (const m of mods) for (const s of [...m.facts.exports, ...m.facts.gplExports]) owners.set(s, m);
  for (const m of mods) {
    for (const s of m.facts.undefinedSymbols) {
      const owner = owners.get(s);
      if (!owner) {
        if (o.warnUnknown && !m.facts.weakSymbols.has(s) && !kernelSyms!.has(s)) o.log.warn(`${m.path} needs unknown symbol ${s}`);
        continue;
      }
      if (owner === m) continue;
      o.verbose?.(`${m.path} needs "${s}": ${owner.path}\n`);
      if (!m.deps.includes(owner)) {
        m.deps.push(owner);
        owner.users++;
      }
    }
  }

  // Kahn's algorithm with a stack, modules without users first (kmod's order).
  const users = mods.map((m) => m.users);
  const roots: number[] = [];
  users.forEach((u, i) => { if (u === 0) roots.push(i); });
  let nSorted = 0;
  while (roots.length > 0) {
    const m = mods[roots.pop()!]!;
    m.depSortIdx = nSorted++;
    for (const d of m.deps) {
      if (--users[d.idx]! === 0) roots.push(d.idx);
    }
  }
  if (nSorted < mods.length) {
    reportCycles(mods, users, o.log);
    return { cycles: true, symbolOwners: owners };
  }
  for (const m of mods) m.deps.sort((a, b) => a.depSortIdx - b.depSortIdx);
  return { cycles: false, symbolOwners: owners };
}

/**
 * Prints one "Cycle detected: a -> b -> a" line per dependency cycle among the modules the sort could
 * not place, then the number of modules in cycles. A cycle is reported from its first module in
 * modules.dep order, following dependencies in order.
 */
function reportCycles(mods: Mod[], users: number[], log: Logger): void {
  const left = new Set(mods.filter((m) => users[m.idx]! > 0));
  // Strongly connected components among the remaining modules (Tarjan).
  const index = new Map<Mod, number>();
  const low = new Map<Mod, number>();
  const stack: Mod[] = [];
  const onStack = new Set<Mod>();
  const comp = new Map<Mod, number>();
  let counter = 0;
  let ncomp = 0;
  const strong = (v: Mod) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of v.deps) {
      if (!left.has(w)) continue;
      if (!index.has(w)) { strong(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      let w: Mod;
      do { w = stack.pop()!; onStack.delete(w); comp.set(w, ncomp); } while (w !== v);
      ncomp++;
    }
  };
  for (const m of mods) if (left.has(m) && !index.has(m)) strong(m);
  const size = new Map<number, number>();
  for (const c of comp.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const inLoop = new Set<Mod>();
  for (const m of mods) {
    if (!left.has(m) || inLoop.has(m) || size.get(comp.get(m)!)! < 2) continue;
    // Shortest path back to m inside its component, dependencies in order.
    const c = comp.get(m)!;
    const parent = new Map<Mod, Mod>();
    const queue: Mod[] = [m];
    let found = false;
    while (queue.length && !found) {
      const v = queue.shift()!;
      for (const w of v.deps) {
        if (comp.get(w) !== c) continue;
        if (w === m) { parent.set(m, v); found = true; break; }
        if (!parent.has(w)) { parent.set(w, v); queue.push(w); }
      }
    }
    const path: Mod[] = [];
    for (let v = parent.get(m)!; v !== m; v = parent.get(v)!) path.unshift(v);
    const cycle = [m, ...path, m];
    for (const v of cycle) { inLoop.add(v); v.depLoop = true; }
    log.err(`Cycle detected: ${cycle.map((v) => v.name).join(' -> ')}`);
  }
  log.err(`Found ${inLoop.size} modules in dependency cycles!`);
}

const closures = new WeakMap<Mod, Mod[]>();

/** Every dependency of a module (transitively), closest first. */
function allDependencies(m: Mod): Mod[] {
  const cached = closures.get(m);
  if (cached) return cached;
  const seen = new Set<Mod>();
  const visit = (x: Mod) => {
    for (const d of x.deps) {
      if (seen.has(d)) continue;
      seen.add(d);
      visit(d);
    }
  };
  visit(m);
  const out = [...seen].sort((a, b) => a.depSortIdx - b.depSortIdx);
  closures.set(m, out);
  return out;
}

const info = (m: Mod, key: string) => m.facts.modinfo.filter((e) => e.key === key).map((e) => e.value);

function renderFiles(mods: Mod[], owners: Map<string, Mod>, log: Logger): Map<string, string> {
  const files = new Map<string, string>();
  let dep = '';
  for (const m of mods) {
    if (m.depLoop) continue;
    dep += `${m.relpath}:`;
    for (const d of allDependencies(m)) dep += ` ${d.relpath}`;
    dep += '\n';
  }
  files.set('modules.dep', dep);

  let alias = '# Aliases extracted from modules themselves.\n';
  for (const m of mods) for (const a of info(m, 'alias')) alias += `alias ${a} ${m.name}\n`;
  files.set('modules.alias', alias);

  let soft = '# Soft dependencies extracted from modules themselves.\n';
  for (const m of mods) for (const s of info(m, 'softdep')) soft += `softdep ${m.name} ${s}\n`;
  files.set('modules.softdep', soft);

  let weak = '# Weak dependencies extracted from modules themselves.\n';
  for (const m of mods) for (const s of info(m, 'weakdep')) weak += `weakdep ${m.name} ${s}\n`;
  files.set('modules.weakdep', weak);

  let syms = '# Aliases for symbols, used by symbol_request().\n';
  for (const [s, m] of kmodHashOrder([...owners.entries()], ([k]) => k, 2048)) syms += `alias symbol:${s} ${m.name}\n`;
  files.set('modules.symbols', syms);

  let devname = '';
  for (const m of mods) {
    let name: string | undefined;
    let type = '';
    let major = 0;
    let minor = 0;
    for (const a of info(m, 'alias')) {
      let r: RegExpExecArray | null;
      if (a.startsWith('devname:')) name = a.slice('devname:'.length);
      else if ((r = /^char-major-(\d+)-(\d+)/.exec(a))) { type = 'c'; major = Number(r[1]); minor = Number(r[2]); }
      else if ((r = /^block-major-(\d+)-(\d+)/.exec(a))) { type = 'b'; major = Number(r[1]); minor = Number(r[2]); }
      if (type && name !== undefined) break;
    }
    if (name === undefined) continue;
    if (!type) {
      log.err(`Module '${m.name}' has devname (${name}) but lacks major and minor information. Ignoring.`);
      continue;
    }
    if (!devname) devname = '# Device nodes to trigger on-demand module loading.\n';
    devname += `${m.name} ${name} ${type}${major}:${minor}\n`;
  }
  files.set('modules.devname', devname);
  return files;
}

function indexInput(mods: Mod[], owners: Map<string, Mod>, builtin: string[], log: Logger) {
  const kept = mods.filter((m) => !m.depLoop);
  const at = new Map(kept.map((m, i) => [m, i]));
  return {
    modules: kept.map((m) => ({ name: m.name, path: m.relpath, deps: allDependencies(m).map((d) => at.get(d)!).filter((i) => i !== undefined) })),
    symbols: [...owners.entries()].filter(([, m]) => at.has(m)).map(([s, m]) => [s, at.get(m)!] as [string, number]),
    // The index holds normalised patterns ('-' → '_' outside [...]), as lookups normalise the name.
    aliases: normalisedAliases(kept, log),
    builtin,
  };
}

function normalisedAliases(mods: Mod[], log: Logger): [string, number][] {
  const out: [string, number][] = [];
  mods.forEach((m, i) => {
    for (const e of m.facts.modinfo) {
      if (e.key !== 'alias') continue;
      const norm = underscores(e.value);
      if (norm === undefined) log.warn(`Unmatched bracket in ${e.value}`);
      else out.push([norm, i]);
    }
  });
  return out;
}

/** modules.builtin (written by kbuild): built-in module paths, one per line. */
async function readBuiltin(vfs: Vfs, dirname: string): Promise<string[]> {
  try {
    const text = await vfs.readText(joinPath(dirname, 'modules.builtin'));
    return text.split('\n').filter(Boolean).map((l) => pathToModname(l));
  } catch {
    return [];
  }
}

