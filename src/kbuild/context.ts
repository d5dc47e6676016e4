// The state one build unit shares between its steps (compile, modpost, NAME.mod.c, link): the unit and its
// environment, the file memo, the result being filled in, the log, and the one tool runner.
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

import type { ObjectInfo } from '../wasm/objects.js';
import type { BuildEnv, BuildResult, UnitSpec } from './build-types.js';
import { Files } from './files.js';
import type { ToolJob, ToolRunner } from './runner.js';
import type { ToolResult } from './toolchain.js';

/** Bumped when the cache layout or record format changes: old records then simply miss. */
export const CACHE_FORMAT = 2;

/** One compiled object (from the cache or the compiler) with its modpost facts. */
export interface Compiled { ok: boolean; cached: boolean; path: string; hash: string; info: ObjectInfo }

export class UnitContext {
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

  /** The result, completed: programs moved to `programs` for a user unit, ok, diagnostics, wall time. */
  finish(): BuildResult {
    if (this.user) { this.result.programs = this.result.modules; this.result.modules = []; }
    this.result.ok = this.result.errors.length === 0 && [...this.result.modules, ...this.result.programs].every((m) => m.ok);
    this.result.diagnostics = this.diag.join('');
    this.result.stats.ms = Date.now() - this.started;
    return this.result;
  }
}
