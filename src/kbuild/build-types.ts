// The build's inputs and outputs: the environment (host, runner, log), what to build (units of modules) and
// what came out (per object and module, with statistics). Every step of the build shares these.

import type { ExportedSymbol, ImportedSymbol, SymversEntry } from './modpost.js';
import type { ToolRunner } from './runner.js';
import type { BuildHost } from './host.js';

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
