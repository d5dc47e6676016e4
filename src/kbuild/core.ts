// The module build, independent of Node: kbuild planning, incremental compilation, modpost and linking.
// File access goes through BuildHost and tool runs through ToolRunner, so a browser can drive the same code
// with its own file store and a Web Worker pool. Node glue lives in node-*.ts and index.ts.
//
// Cache (per build unit, in `cacheDir`):
//   MOD/OBJ.o + MOD/OBJ.o.json   object and its record: key = SHA-256 of (cache format, compiler identity,
//                                full clang argv minus -fcolor-diagnostics), the dependency list from
//                                `clang -MD -MF` with the SHA-256 of each file as compiled, the object's hash and
//                                its modpost facts (ksymtab, defined/undefined symbols)
//   MOD/MOD.mod.c (+ .o, .json)  the generated modpost source, compiled and cached the same way
//   MOD.ko.json                  link record: key = SHA-256 of (compiler, wasm-ld argv, input object hashes)
//                                and the hash of the .ko written; the module is relinked only when one changed
// A hit needs no compiler at all: a build where nothing changed reads records and hashes sources only.

import { filterOut, MakeError, objectFlags, parseKbuild, shellWords, type Kbuild } from './kbuild.js';
import {
  definedWithPrefix, duplicateEntryPoints, formatSymvers, modC, modpost, moduleExports, moduleImports, parseSymvers, sha256hex,
  srcversion, type ExportedSymbol, type ImportedSymbol, type SymversEntry,
} from './modpost.js';
import { basename, dirname, extname, isInside, join, normalize, relative, resolve } from './paths.js';
import { OUT_DIR, type ToolJob, type ToolRunner } from './runner.js';
import {
  COLOR_CFLAGS, COMMON_CFLAGS, compileArgs, kbuildCflags, linkArgs, USER_CFLAGS, userIncludeFlags, userLinkArgs, type ToolResult,
} from './toolchain.js';
import { deviceTableAliases } from './file2alias.js';
import { readObject, type ObjectInfo } from '../wasm/objects.js';
import { customSections, nulStrings, sections } from '../wasm/reader.js';

/** Bumped when the cache layout or record format changes: old records then simply miss. */
const CACHE_FORMAT = 2;

export interface DirEntry { name: string; dir: boolean }

/** File access of the build. Paths are absolute and '/'-separated. */
export interface BuildHost {
  /** File content, or undefined when it does not exist (or is a directory). */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Writes (replacing atomically), creating parent directories. */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Entries of a directory, or undefined when it does not exist. */
  listDir(path: string): Promise<DirEntry[] | undefined>;
  /** Removes a file if it exists. */
  remove(path: string): Promise<void>;
}

export type LogStream = 'out' | 'err';
export type BuildLog = (text: string, stream: LogStream) => void;

export interface BuildEnv {
  host: BuildHost;
  /** Directory of the user-program runtime (`wasm/user`, lkm-user.c); needed for 'user' units. */
  userDir?: string;
  /** Compiler identity (name and version), part of every cache key. Known without loading the compiler. */
  compilerId: string;
  /** Returns the tool runner; called only when something must be compiled or linked. */
  runner: () => Promise<ToolRunner>;
  /** The kernel headers (`wasm/include`). */
  includeDir: string;
  /** Pass -fcolor-diagnostics (stderr is a terminal). */
  color?: boolean;
  /** Print each command line (make V=1). */
  verbose?: boolean;
  /** Progress lines (stream 'out') and diagnostics (stream 'err', exactly as the tools print them). */
  log?: BuildLog;
  /** Counts the work for a progress bar: each unit adds its steps (objects, links), then steps them off. */
  progress?: BuildProgress;
}

export interface BuildProgress { add(steps: number): void; step(detail: string): void; }

export interface ObjectSpec {
  /** Object path relative to the module directory (`sub/p.o`). */
  obj: string;
  /** Absolute path of its C source. */
  src: string;
  /** Extra flags (ccflags-y, EXTRA_CFLAGS, CFLAGS_obj.o) and the ones filtered out. */
  add: string[];
  remove: string[];
}

export interface ModuleSpec {
  /** File name without `.ko` (dashes kept). */
  name: string;
  /** Directory of its Kbuild/Makefile (or of its source for single-file builds). */
  dir: string;
  objects: ObjectSpec[];
  /** User programs: extra link flags (userldflags, PROG-userldflags, PROG-userldlibs). */
  ldflags?: string[];
}

export interface UnitSpec {
  /**
   * 'modules': -DMODULE, NAME.mod.c, modpost. 'kernel': vmlinux (no MODULE, exports lkm_* too).
   * 'user': user programs (wasm32-wasip1 commands against wasi-libc, OUTDIR/PROG, no extension).
   */
  kind: 'modules' | 'kernel' | 'user';
  modules: ModuleSpec[];
  outDir: string;
  cacheDir: string;
  /** Module.symvers to write; undefined = none. */
  symvers?: string;
  /** Extra entries to put first in Module.symvers (vmlinux's exports in a tree build). */
  symversPrefix?: SymversEntry[] | Promise<SymversEntry[]>;
  /** Module.symvers files of other builds (KBUILD_EXTRA_SYMBOLS). */
  extraSymbols?: string[];
  /** vmlinux.ko whose __ksymtab* resolve symbols; undefined = not available. */
  vmlinux?: string;
  /** Exports of vmlinux when already known (overrides `vmlinux`). */
  vmlinuxExports?: Set<string> | Promise<Set<string> | undefined>;
}

export interface ObjectResult {
  obj: string;
  src: string;
  /** true when it came from the cache. */
  cached: boolean;
  ok: boolean;
}

export interface ModuleResult {
  /** File name without `.ko`. */
  name: string;
  /** KBUILD_MODNAME (`-` → `_`). */
  modname: string;
  /** The .ko written. */
  path: string;
  ok: boolean;
  /** false when the existing .ko was up to date. */
  linked: boolean;
  objects: ObjectResult[];
  exports: ExportedSymbol[];
  imports: ImportedSymbol[];
  depends: string[];
  srcversion?: string;
  /** MODULE_ALIAS strings file2alias made from the module's MODULE_DEVICE_TABLE()s (modules only). */
  aliases?: string[];
  /** Size of the .ko in bytes. */
  size?: number;
}

export interface BuildStats {
  /** Objects in the build, including the generated NAME.mod.o. */
  objects: number;
  compiled: number;
  cacheHits: number;
  linked: number;
  linkSkipped: number;
  /** Wall time of the whole build, of compiling the objects, and of NAME.mod.c + linking. */
  ms: number;
  compileMs: number;
  linkMs: number;
}

export interface BuildResult {
  ok: boolean;
  modules: ModuleResult[];
  /** User programs built (`path` is OUTDIR/PROG); empty when there were none. */
  programs: ModuleResult[];
  /** modpost and kbuild warnings (also logged). */
  warnings: string[];
  /** The `lkm build: error: ...` lines (also logged). */
  errors: string[];
  /** Everything compiler and linker printed. */
  diagnostics: string;
  /** Module.symvers written, if any. */
  symvers?: string;
  stats: BuildStats;
}

export class BuildError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Planning: Kbuild/Makefile → module specs

export interface PlanOptions {
  /** make command-line variables (`lkm build DIR FOO=bar`). */
  vars?: Record<string, string>;
  /** Environment variables visible to the makefile (kbuild reads e.g. KBUILD_EXTRA_SYMBOLS from there). */
  environment?: Record<string, string>;
}

export interface Plan {
  modules: ModuleSpec[];
  /** User programs (kbuild `userprogs`, or `lkm build --user FILE.c`). */
  programs: ModuleSpec[];
  extraSymbols: string[];
  warnings: string[];
  errors: string[];
  /** The Kbuild/Makefile files read. */
  files: string[];
}

const KBUILD_FILES = ['Kbuild', 'Makefile', 'makefile', 'GNUmakefile'];

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (const ch of pattern) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** All file paths under `dir` (sorted), skipping hidden entries, node_modules and build outputs. */
async function walk(host: BuildHost, dir: string, limit: { files: number; depth: number; accept?: (name: string) => boolean }): Promise<string[]> {
  const out: string[] = [];
  const visit = async (d: string, depth: number): Promise<void> => {
    const entries = await host.listDir(d);
    if (!entries) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (out.length >= limit.files) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = `${d === '/' ? '' : d}/${e.name}`;
      if (e.dir) { if (depth < limit.depth) await visit(p, depth + 1); }
      else if (!/\.(o|ko|wasm|cmd|a)$/.test(e.name) && (!limit.accept || limit.accept(e.name))) out.push(p);
    }
  };
  await visit(normalize(dir), 0);
  return out;
}

async function readText(host: BuildHost, path: string): Promise<string | undefined> {
  const b = await host.readFile(path);
  return b && new TextDecoder().decode(b);
}

/** Reads the Kbuild (or Makefile) of `dir` like kbuild, following `obj-m += sub/` into subdirectories. */
export async function planDir(host: BuildHost, dir: string, opts: PlanOptions = {}): Promise<Plan> {
  const plan: Plan = { modules: [], programs: [], extraSymbols: [], warnings: [], errors: [], files: [] };
  await planInto(plan, host, normalize(dir), opts, true, []);
  return plan;
}

async function planInto(plan: Plan, host: BuildHost, dir: string, opts: PlanOptions, top: boolean, inherited: string[]): Promise<void> {
  let file: string | undefined;
  let text: string | undefined;
  for (const f of KBUILD_FILES) {
    text = await readText(host, join(dir, f));
    if (text !== undefined) { file = join(dir, f); break; }
  }
  if (file === undefined || text === undefined) {
    plan.errors.push(`lkm build: error: no Kbuild or Makefile in ${dir}`);
    return;
  }
  plan.files.push(file);
  let listing: string[] | undefined;
  if (text.includes('wildcard')) listing = await walk(host, dir, { files: 5000, depth: 4 });
  // `include` files are read between evaluations: evaluate, read what was asked for, evaluate again.
  const included = new Map<string, string | null>();
  let kb: Kbuild;
  for (let round = 0; ; round++) {
    try {
      kb = parseKbuild(text, {
        file, dir, commandLine: opts.vars, environment: opts.environment,
        glob: (p) => {
          const re = globToRegExp(resolve(dir, p));
          return (listing ?? []).filter((f) => re.test(f));
        },
        include: (p) => included.get(p) ?? undefined,
      });
    } catch (e) {
      if (e instanceof MakeError) { plan.errors.push(e.message); return; }
      throw e;
    }
    const wanted = kb.includes.filter((p) => !included.has(p));
    if (wanted.length === 0 || round >= 8) break;
    for (const p of wanted) included.set(p, (await readText(host, p)) ?? null);
  }
  for (const p of kb.includes) {
    if (included.get(p) === null) plan.warnings.push(`${file}: included file ${p} does not exist (ignored)`);
  }
  plan.warnings.push(...kb.warnings);
  for (const x of kb.extraSymbols) if (!plan.extraSymbols.includes(x)) plan.extraSymbols.push(x);
  if (kb.builtin.length && kb.modules.length === 0) {
    plan.warnings.push(`${file}: obj-y objects (${kb.builtin.join(' ')}) are built-in code; lkm build only builds modules (obj-m)`);
  }
  for (const m of kb.modules) {
    const objects: ObjectSpec[] = [];
    for (const obj of m.objects) {
      const stem = join(dir, obj.replace(/\.o$/, ''));
      const src = `${stem}.c`;
      if ((await host.readFile(src)) === undefined) {
        const asm = (await host.readFile(`${stem}.S`)) !== undefined;
        plan.errors.push(asm
          ? `lkm build: error: module ${m.name}: ${obj} comes from assembly (${stem}.S), which lkm build does not support`
          : `lkm build: error: module ${m.name}: no source ${src} for ${obj}`);
        continue;
      }
      const flags = objectFlags(kb, obj);
      objects.push({ obj, src, add: [...inherited, ...absolutizeIncludes(flags.add, dir)], remove: flags.remove });
    }
    plan.modules.push({ name: m.name, dir, objects });
  }
  for (const prog of kb.programs) {
    const objects: ObjectSpec[] = [];
    for (const obj of prog.objects) {
      const src = join(dir, `${obj.replace(/\.o$/, '')}.c`);
      if ((await host.readFile(src)) === undefined) {
        plan.errors.push(`lkm build: error: program ${prog.name}: no source ${src} for ${obj}`);
        continue;
      }
      objects.push({ obj, src, add: absolutizeIncludes(prog.cflags, dir), remove: [] });
    }
    plan.programs.push({ name: prog.name, dir, objects, ldflags: prog.ldflags });
  }
  // subdir-ccflags-y applies to this directory and every one below it.
  const down = [...inherited, ...absolutizeIncludes(shellWords(kb.vars.get('subdir-ccflags-y') ?? ''), dir)];
  for (const sub of kb.subdirs) await planInto(plan, host, join(dir, sub), opts, false, down);
  if (top && plan.modules.length === 0 && plan.programs.length === 0 && plan.errors.length === 0) {
    plan.errors.push(`lkm build: error: ${file}: no modules to build (obj-m is empty)`);
  }
}

/** Relative -I/-include/-iquote paths in ccflags are taken relative to the module directory. */
function absolutizeIncludes(flags: string[], dir: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    const m = /^(-I|-iquote|-isystem|-idirafter)(.+)$/.exec(f);
    // Absolute ones are normalised too: the compiler's virtual file system does not walk `..`.
    if (m) { out.push(m[1]! + resolve(dir, m[2]!)); continue; }
    if (/^(-I|-iquote|-isystem|-idirafter|-include)$/.test(f)) {
      // `-I$(UNSET)` leaves a bare -I: drop it rather than let it swallow the next flag.
      const v = flags[i + 1];
      if (v === undefined || v.startsWith('-')) continue;
      i++;
      out.push(f, f === '-include' && !v.startsWith('/') ? v : resolve(dir, v));
      continue;
    }
    out.push(f);
  }
  return out;
}

/** `lkm build a.c b.c`: one module per source file, named after it, in the file's directory. */
export async function planFiles(host: BuildHost, files: string[], opts: { user?: boolean } = {}): Promise<Plan> {
  const plan: Plan = { modules: [], programs: [], extraSymbols: [], warnings: [], errors: [], files: [] };
  const names = new Set<string>();
  for (const f of files) {
    const src = normalize(f);
    if (extname(src) !== '.c') { plan.errors.push(`lkm build: error: ${f}: not a C source (.c)`); continue; }
    if ((await host.readFile(src)) === undefined) { plan.errors.push(`lkm build: error: ${f}: No such file`); continue; }
    const name = basename(src, '.c');
    if (names.has(name)) { plan.errors.push(`lkm build: error: two sources make ${opts.user ? 'program' : 'module'} ${name}`); continue; }
    names.add(name);
    (opts.user ? plan.programs : plan.modules).push({ name, dir: dirname(src), objects: [{ obj: `${name}.o`, src, add: [], remove: [] }] });
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------
// Building a unit

/** Per-build memo of file contents and hashes, and of directory trees to mount. */
class Files {
  private readonly data = new Map<string, Promise<Uint8Array | undefined>>();
  private readonly hashes = new Map<string, Promise<string | undefined>>();
  private readonly trees = new Map<string, Promise<string[]>>();
  constructor(readonly host: BuildHost) {}
  read(path: string): Promise<Uint8Array | undefined> {
    let p = this.data.get(path);
    if (!p) { p = this.host.readFile(path); this.data.set(path, p); }
    return p;
  }
  hash(path: string): Promise<string | undefined> {
    let p = this.hashes.get(path);
    if (!p) { p = this.read(path).then((b) => (b ? sha256hex(b) : undefined)); this.hashes.set(path, p); }
    return p;
  }
  /** Files under `dir` to mount; `sourcesOnly` keeps names that C code includes (.h, .c, .inc, .def, ...). */
  tree(dir: string, sourcesOnly: boolean): Promise<string[]> {
    const key = `${sourcesOnly ? 's' : 'a'}:${dir}`;
    let p = this.trees.get(key);
    if (!p) {
      const accept = sourcesOnly ? (n: string) => /\.(h|c|inc|def|tbl|x|hh|hpp|S)$/.test(n) : undefined;
      p = walk(this.host, dir, { files: 4000, depth: 6, accept });
      this.trees.set(key, p);
    }
    return p;
  }
  /** Forget a path (after writing it). */
  forget(path: string): void { this.data.delete(path); this.hashes.delete(path); }
}

interface ObjRecord {
  format: number;
  key: string;
  deps: [string, string][];
  hash: string;
  info: ObjectInfo;
}

interface LinkRecord { format: number; key: string; hash: string }

interface Compiled { ok: boolean; cached: boolean; path: string; hash: string; info: ObjectInfo }

/** Parses a make dependency file (`target: a b \` …) into its prerequisites. */
export function parseDepfile(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const out: string[] = [];
  for (const line of joined.split('\n')) {
    const colon = line.search(/:(\s|$)/);
    if (colon < 0) continue;
    const rest = line.slice(colon + 1);
    let cur = '';
    for (let i = 0; i < rest.length; i++) {
      const ch = rest[i]!;
      if (ch === '\\' && i + 1 < rest.length && (rest[i + 1] === ' ' || rest[i + 1] === '#')) { cur += rest[++i]; continue; }
      if (ch === '$' && rest[i + 1] === '$') { cur += '$'; i++; continue; }
      if (ch === ' ' || ch === '\t') { if (cur) out.push(cur); cur = ''; continue; }
      cur += ch;
    }
    if (cur) out.push(cur);
  }
  return [...new Set(out)];
}

const cacheName = (p: string) => p.split('/').map((s) => (s === '..' ? '__' : s)).join('/');

async function readJson<T>(host: BuildHost, path: string): Promise<T | undefined> {
  const t = await readText(host, path);
  if (t === undefined) return undefined;
  try { return JSON.parse(t) as T; } catch { return undefined; }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | string): boolean {
  const bb = typeof b === 'string' ? new TextEncoder().encode(b) : b;
  if (!a || a.length !== bb.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== bb[i]) return false;
  return true;
}

/** Exports (__ksymtab, __ksymtab_gpl) of a linked vmlinux.ko or module. */
export function ksymtabOf(ko: Uint8Array): ExportedSymbol[] {
  return [
    ...customSections(ko, '__ksymtab').flatMap(nulStrings).map((name) => ({ name, gpl: false })),
    ...customSections(ko, '__ksymtab_gpl').flatMap(nulStrings).map((name) => ({ name, gpl: true })),
  ];
}

class UnitBuild {
  readonly files: Files;
  readonly result: BuildResult;
  private readonly started = Date.now();
  private runnerP?: Promise<ToolRunner>;
  private readonly diag: string[] = [];

  constructor(readonly unit: UnitSpec, readonly env: BuildEnv) {
    this.files = new Files(env.host);
    this.result = {
      ok: true, modules: [], programs: [], warnings: [], errors: [], diagnostics: '',
      stats: { objects: 0, compiled: 0, cacheHits: 0, linked: 0, linkSkipped: 0, ms: 0, compileMs: 0, linkMs: 0 },
    };
  }

  get module(): boolean { return this.unit.kind === 'modules'; }
  get user(): boolean { return this.unit.kind === 'user'; }
  /** Headers mounted whole: the kernel headers, or only their uapi part for user programs. */
  get headersDir(): string { return this.user ? `${this.env.includeDir}/uapi` : this.env.includeDir; }
  /** kbuild's tags: `CC [M]` for modules, `CC [U]` for user programs, `CC` for vmlinux. */
  tag(tool: 'CC' | 'LD'): string { return this.module ? `${tool} [M]` : this.user ? `${tool} [U]` : `${tool}    `; }

  out(line: string): void { this.env.log?.(`${line}\n`, 'out'); }
  err(text: string): void {
    if (!text) return;
    this.diag.push(text);
    this.env.log?.(text.endsWith('\n') ? text : `${text}\n`, 'err');
  }
  warn(line: string): void { this.result.warnings.push(line); }
  fail(line: string): void {
    this.result.errors.push(line);
    this.result.ok = false;
    this.env.log?.(`${line}\n`, 'err');
  }

  runner(): Promise<ToolRunner> {
    this.runnerP ??= this.env.runner();
    return this.runnerP;
  }

  /** Runs a job; a runner failure (a crashed worker) becomes a failed run with a message. */
  async runTool(runner: ToolRunner, job: ToolJob): Promise<ToolResult> {
    try {
      return await runner.run(job);
    } catch (e) {
      return { status: 1, stderr: `lkm build: error: ${job.tool}: ${e instanceof Error ? e.message : String(e)}\n`, files: {} };
    }
  }

  /** Files to mount for a compile: the kernel headers, the module directory and every -I directory. */
  async mount(src: string, dir: string, flags: string[]): Promise<Record<string, Uint8Array>> {
    const dirs = [this.headersDir, dir];
    for (let i = 0; i < flags.length; i++) {
      const f = flags[i]!;
      const m = /^(?:-I|-iquote|-isystem|-idirafter)(.*)$/.exec(f);
      if (!m) continue;
      const d = m[1] || flags[i + 1];
      if (d?.startsWith('/') && !dirs.some((x) => isInside(x, d))) dirs.push(normalize(d));
    }
    const paths = new Set<string>([src]);
    // The kernel headers whole; module and -I directories only for files C code includes (a module built from a
    // busy directory, `lkm build ~/x.c`, must not mount everything next to it).
    for (const d of dirs) for (const p of await this.files.tree(d, d !== this.headersDir)) paths.add(p);
    for (let i = 0; i < flags.length; i++) if (flags[i] === '-include' && flags[i + 1]?.startsWith('/')) paths.add(flags[i + 1]!);
    const files: Record<string, Uint8Array> = {};
    await Promise.all([...paths].map(async (p) => {
      const b = await this.files.read(p);
      if (b) files[p] = b;
    }));
    return files;
  }

  cflags(mod: ModuleSpec, o: ObjectSpec): string[] {
    if (this.user) return filterOut([...USER_CFLAGS, ...userIncludeFlags(this.env.includeDir), ...o.add], o.remove);
    const modname = this.module ? mod.name.replace(/-/g, '_') : basename(o.obj, '.o').replace(/-/g, '_');
    const modfile = this.module ? undefined : o.obj.replace(/\.o$/, '');
    const base = kbuildCflags({ includeDir: this.env.includeDir, modname, basename: basename(o.obj, '.o').replace(/-/g, '_'), module: this.module, modfile });
    return filterOut([...COMMON_CFLAGS, ...base, ...o.add], o.remove);
  }

  /** Compiles one object unless its cache record is still valid. */
  async compile(mod: ModuleSpec, o: ObjectSpec, label: string): Promise<Compiled> {
    const rel = `${mod.name}/${cacheName(o.obj)}`;
    const objPath = join(this.unit.cacheDir, rel);
    const recPath = `${objPath}.json`;
    const out = `${OUT_DIR}/${rel}`;
    const dep = `${out.replace(/\.o$/, '')}.d`;
    const cflags = this.cflags(mod, o);
    const args = compileArgs(cflags, o.src, out, dep);
    const key = await sha256hex(JSON.stringify({ format: CACHE_FORMAT, cc: this.env.compilerId, args }));
    this.result.stats.objects++;

    const rec = await readJson<ObjRecord>(this.env.host, recPath);
    if (rec?.format === CACHE_FORMAT && rec.key === key) {
      const same = await Promise.all(rec.deps.map(async ([p, h]) => (await this.files.hash(p)) === h));
      if (same.every(Boolean)) {
        const obj = await this.env.host.readFile(objPath);
        if (obj && (await sha256hex(obj)) === rec.hash) {
          this.result.stats.cacheHits++;
          return { ok: true, cached: true, path: objPath, hash: rec.hash, info: rec.info };
        }
      }
    }

    const files = await this.mount(o.src, mod.dir, cflags);
    const runner = await this.runner();
    const runArgs = this.env.color ? [...args, ...COLOR_CFLAGS] : args;
    this.out(`  ${this.tag('CC')}  ${label}`);
    if (this.env.verbose) this.out(`clang ${runArgs.join(' ')}`);
    const res = await this.runTool(runner, { tool: 'clang', args: runArgs, files, outputs: [out, dep], compile: { src: o.src, out, dep } });
    this.err(res.stderr);
    const bin = res.files[out];
    const empty: Compiled = { ok: false, cached: false, path: objPath, hash: '', info: { ksymtab: [], ksymtabGpl: [], defined: [], undefined: [] } };
    if (res.status !== 0) return empty;
    if (!bin) { this.err(`lkm build: error: clang wrote no ${label}`); return empty; }
    this.result.stats.compiled++;
    const deps: [string, string][] = [];
    const depText = res.files[dep] ? new TextDecoder().decode(res.files[dep]) : '';
    for (const p of parseDepfile(depText)) {
      const content = files[p] ?? (await this.files.read(p));
      if (content) deps.push([p, await sha256hex(content)]);
    }
    if (!deps.some(([p]) => p === o.src)) { this.err(`lkm build: error: no dependency list for ${label}`); return empty; }
    const info = readObject(bin);
    const hash = await sha256hex(bin);
    await this.env.host.writeFile(objPath, bin);
    const record: ObjRecord = { format: CACHE_FORMAT, key, deps, hash, info };
    await this.env.host.writeFile(recPath, JSON.stringify(record));
    return { ok: true, cached: false, path: objPath, hash, info };
  }

  /** Links `objs` into OUTDIR/NAME.ko unless the recorded link is still valid. */
  async link(mod: ModuleSpec, objs: Compiled[], exports: string[], runtime?: Compiled): Promise<{ ok: boolean; linked: boolean; size?: number }> {
    try {
      return await this.linkOnce(mod, objs, exports, runtime);
    } finally {
      this.env.progress?.step(this.user ? mod.name : `${mod.name}.ko`);
    }
  }

  private async linkOnce(mod: ModuleSpec, objs: Compiled[], exports: string[], runtime?: Compiled): Promise<{ ok: boolean; linked: boolean; size?: number }> {
    const file = this.user ? mod.name : `${mod.name}.ko`;
    const koPath = join(this.unit.outDir, file);
    const recPath = join(this.unit.cacheDir, `${file}.json`);
    const out = `${OUT_DIR}/${file}`;
    const args = this.user
      ? userLinkArgs(mod.ldflags ?? [], objs.map((c) => c.path), runtime!.path, out)
      : linkArgs(exports, objs.map((c) => c.path), out);
    if (runtime) objs = [...objs, runtime];
    const key = await sha256hex(JSON.stringify({ format: CACHE_FORMAT, cc: this.env.compilerId, args, inputs: objs.map((c) => c.hash) }));
    const rec = await readJson<LinkRecord>(this.env.host, recPath);
    if (rec?.format === CACHE_FORMAT && rec.key === key) {
      const ko = await this.env.host.readFile(koPath);
      if (ko && (await sha256hex(ko)) === rec.hash) {
        this.result.stats.linkSkipped++;
        return { ok: true, linked: false, size: ko.length };
      }
    }
    const files: Record<string, Uint8Array> = {};
    for (const c of objs) {
      const b = await this.env.host.readFile(c.path);
      if (!b) throw new BuildError(`lkm build: error: ${c.path} vanished from the build cache`);
      files[c.path] = b;
    }
    const runner = await this.runner();
    this.out(`  ${this.tag('LD')}  ${koPath}`);
    const tool = this.user ? 'clang' : 'wasm-ld';
    if (this.env.verbose) this.out(`${tool} ${args.join(' ')}`);
    const dup = this.module ? duplicateEntryPoints(objs) : '';
    if (dup) { this.err(dup); return { ok: false, linked: false }; }
    const res = await this.runTool(runner, { tool, args, files, outputs: [out] });
    this.err(res.stderr);
    const ko = res.files[out];
    if (res.status !== 0) return { ok: false, linked: false };
    if (!ko) { this.err(`lkm build: error: wasm-ld wrote no ${koPath}`); return { ok: false, linked: false }; }
    const first = sections(ko)[0];
    if (!this.user && first?.name !== 'dylink.0') {
      this.err(`lkm build: error: ${koPath}: the linker did not write a dylink.0 section first`);
      return { ok: false, linked: false };
    }
    this.result.stats.linked++;
    await this.env.host.writeFile(koPath, ko);
    await this.env.host.writeFile(recPath, JSON.stringify({ format: CACHE_FORMAT, key, hash: await sha256hex(ko) } satisfies LinkRecord));
    return { ok: true, linked: true, size: ko.length };
  }

  async vmlinuxExports(): Promise<Set<string> | undefined> {
    if (this.unit.vmlinuxExports) return this.unit.vmlinuxExports;
    if (!this.unit.vmlinux) return undefined;
    const ko = await this.env.host.readFile(this.unit.vmlinux);
    if (!ko) return undefined;
    return new Set(ksymtabOf(ko).map((e) => e.name));
  }

  async extraSymbols(): Promise<SymversEntry[]> {
    const out: SymversEntry[] = [];
    for (const f of this.unit.extraSymbols ?? []) {
      const t = await readText(this.env.host, f);
      if (t === undefined) { this.warn(`WARNING: modpost: KBUILD_EXTRA_SYMBOLS: ${f}: No such file or directory`); continue; }
      out.push(...parseSymvers(t));
    }
    return out;
  }

  async run(): Promise<BuildResult> {
    const { unit } = this;
    const r = this.result;
    // 1. Every object, in parallel (the runner queues).
    const tCompile = Date.now();
    this.env.progress?.add(unit.modules.reduce((n, m) => n + m.objects.length + 1, 0));
    const compiled = await Promise.all(unit.modules.map((m) =>
      Promise.all(m.objects.map(async (o) => {
        const c = await this.compile(m, o, join(m.dir, o.obj));
        this.env.progress?.step(o.obj);
        return c;
      }))));
    r.stats.compileMs = Date.now() - tCompile;
    const failed = unit.modules.filter((_, i) => compiled[i]!.some((c) => !c.ok));
    for (const m of unit.modules) {
      const i = unit.modules.indexOf(m);
      r.modules.push({
        name: m.name, modname: m.name.replace(/-/g, '_'), path: join(unit.outDir, this.user ? m.name : `${m.name}.ko`), ok: !failed.includes(m),
        linked: false, exports: [], imports: [], depends: [],
        objects: m.objects.map((o, j) => ({ obj: o.obj, src: o.src, cached: compiled[i]![j]!.cached, ok: compiled[i]![j]!.ok })),
      });
    }
    if (failed.length) {
      for (const m of failed) {
        const i = unit.modules.indexOf(m);
        const bad = m.objects.filter((_, j) => !compiled[i]![j]!.ok).map((o) => o.obj);
        this.fail(`lkm build: error: ${this.user ? 'program' : 'module'} ${m.name} failed (${bad.join(', ')})`);
      }
      return this.finish();
    }

    if (this.user) return this.linkPrograms(compiled);

    // 2. modpost: exports, imports, depends, warnings, Module.symvers.
    const infos = compiled.map((cs) => cs.map((c) => c.info));
    const devErrors = new Map<string, string[]>();
    const post = modpost({
      modules: unit.modules.map((m, i) => ({
        name: m.name, path: join(unit.outDir, `${m.name}.ko`), exports: moduleExports(infos[i]!), imports: moduleImports(infos[i]!),
      })),
      vmlinux: this.module ? await this.vmlinuxExports() : undefined,
      extra: this.module ? await this.extraSymbols() : [],
      kernel: !this.module,
    });
    r.warnings.push(...post.warnings);
    unit.modules.forEach((m, i) => {
      const mr = r.modules[i]!;
      mr.exports = moduleExports(infos[i]!);
      mr.imports = moduleImports(infos[i]!);
      mr.depends = post.depends.get(m.name) ?? [];
      if (this.module) {
        const tables = infos[i]!.flatMap((o) => o.devtables ?? []).map((t) => ({ symbol: t.name, data: fromHex(t.hex) }));
        const dev = deviceTableAliases(m.name, tables);
        mr.aliases = dev.aliases;
        r.warnings.push(...dev.warnings);
        devErrors.set(m.name, dev.errors);
      }
    });
    let symversChanged = false;
    if (unit.symvers) {
      const entries: SymversEntry[] = [...((await unit.symversPrefix) ?? [])];
      unit.modules.forEach((m, i) => {
        for (const e of r.modules[i]!.exports) entries.push({ symbol: e.name, module: join(unit.outDir, m.name), gpl: e.gpl });
      });
      const text = formatSymvers(entries);
      if (!sameBytes(await this.env.host.readFile(unit.symvers), text)) {
        await this.env.host.writeFile(unit.symvers, text);
        symversChanged = true;
      }
      r.symvers = unit.symvers;
    }
    const anyCompiled = r.stats.compiled > 0;
    if (this.module && (anyCompiled || symversChanged) && unit.symvers) this.out(`  MODPOST ${unit.symvers}`);
    // Like make: modpost's warnings show when it had something to do (they are always in the result).
    if (anyCompiled || symversChanged) for (const w of r.warnings) this.env.log?.(`${w}\n`, 'err');

    // 3. Per module: NAME.mod.c (modules), then link.
    const tLink = Date.now();
    await Promise.all(unit.modules.map(async (m, i) => {
      const mr = r.modules[i]!;
      const objs = [...compiled[i]!];
      let exports = mr.exports.map((e) => e.name);
      if (this.module) {
        const errs = devErrors.get(m.name) ?? [];
        if (errs.length) {
          mr.ok = false;
          for (const e of errs) this.fail(e);
          this.fail(`lkm build: error: module ${m.name} failed (modpost)`);
          return;
        }
        const sources = await Promise.all(m.objects.map(async (o) => ({ name: relative(m.dir, o.src), content: (await this.files.read(o.src))! })));
        mr.srcversion = await srcversion(sources);
        const modPath = join(unit.cacheDir, m.name, `${m.name}.mod.c`);
        const text = modC({ srcversion: mr.srcversion, aliases: mr.aliases ?? [], depends: mr.depends });
        if (!sameBytes(await this.files.read(modPath), text)) {
          await this.env.host.writeFile(modPath, text);
          this.files.forget(modPath);
        }
        const modObj: ObjectSpec = { obj: `${m.name}.mod.o`, src: modPath, add: [], remove: [] };
        const c = await this.compile(m, modObj, join(unit.outDir, `${m.name}.mod.o`));
        if (!c.ok) { mr.ok = false; this.fail(`lkm build: error: module ${m.name} failed (${m.name}.mod.o)`); return; }
        objs.push(c);
      } else {
        for (const s of definedWithPrefix(infos[i]!, 'lkm_')) if (!exports.includes(s)) exports.push(s);
      }
      exports = [...new Set(exports)];
      const l = await this.link(m, objs, exports);
      mr.linked = l.linked;
      if (l.size !== undefined) mr.size = l.size;
      if (!l.ok) { mr.ok = false; this.fail(`lkm build: error: module ${m.name} failed (${m.name}.ko)`); }
    }));
    r.stats.linkMs = Date.now() - tLink;
    return this.finish();
  }

  /** User programs: the lkm runtime object (compiled once, cached), then one link per program. */
  async linkPrograms(compiled: Compiled[][]): Promise<BuildResult> {
    const { unit } = this;
    const r = this.result;
    const userDir = this.env.userDir;
    if (!userDir) { this.fail('lkm build: error: no user runtime directory (wasm/user) configured'); return this.finish(); }
    const rtSpec: ModuleSpec = { name: '.lkm-user', dir: userDir, objects: [] };
    const rtObj: ObjectSpec = { obj: 'lkm-user.o', src: join(userDir, 'lkm-user.c'), add: [], remove: [] };
    const rt = await this.compile(rtSpec, rtObj, join(userDir, 'lkm-user.o'));
    if (!rt.ok) { this.fail('lkm build: error: the user runtime (wasm/user/lkm-user.c) failed to compile'); return this.finish(); }
    const tLink = Date.now();
    await Promise.all(unit.modules.map(async (m, i) => {
      const mr = r.modules[i]!;
      mr.modname = m.name;
      const l = await this.link(m, compiled[i]!, [], rt);
      mr.linked = l.linked;
      if (l.size !== undefined) mr.size = l.size;
      if (!l.ok) { mr.ok = false; this.fail(`lkm build: error: program ${m.name} failed (link)`); }
    }));
    r.stats.linkMs = Date.now() - tLink;
    return this.finish();
  }

  finish(): BuildResult {
    if (this.user) { this.result.programs = this.result.modules; this.result.modules = []; }
    this.result.ok = this.result.errors.length === 0 && [...this.result.modules, ...this.result.programs].every((m) => m.ok);
    this.result.diagnostics = this.diag.join('');
    this.result.stats.ms = Date.now() - this.started;
    return this.result;
  }
}

function fromHex(h: string): Uint8Array {
  const out = new Uint8Array(h.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Builds every module of a unit: compile (cached), modpost, NAME.mod.c, link (cached). */
export async function buildUnit(unit: UnitSpec, env: BuildEnv): Promise<BuildResult> {
  const names = new Set<string>();
  for (const m of unit.modules) {
    if (names.has(m.name)) throw new BuildError(`lkm build: error: two modules are called ${m.name}`);
    names.add(m.name);
  }
  return new UnitBuild(unit, env).run();
}
