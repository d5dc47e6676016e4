// The module build API for Node (CLI, npm scripts, tests). Browser code uses plan.ts and unit.ts with its own
// BuildHost and ToolRunner instead; this file wires them to the file system, the worker pool and LKM_CC.

import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import {
  BuildError, type BuildEnv, type BuildLog, type BuildProgress, type BuildResult, type UnitSpec,
} from './build-types.js';
import { planDir, planFiles, type Plan } from './plan.js';
import { buildUnit } from './unit.js';
import { BUILTIN_MODINFO, builtinModinfo, MODULES_BUILTIN, modulesBuiltin } from './builtin.js';
import type { SymversEntry } from './modpost.js';
import { findEmcc, NativeRunner, type EmccToolchain } from './emcc.node.js';
import { nodeHost, repoRoot, yowaspInfo } from './host.node.js';
import { genKey, keyBuildDir, signModules, wantsSignAll } from './sign.node.js';
import { NodeWorkerPool } from './pool.node.js';
import { dirname, join } from './paths.js';
import { KERNEL_RELEASE } from './toolchain.js';

export type { BuildLog, BuildProgress, BuildResult, BuildStats, ModuleResult, ObjectResult } from './build-types.js';
export { KERNEL_RELEASE, VERMAGIC } from './toolchain.js';

export interface BuildOptions {
  /** Where NAME.ko (and Module.symvers) go. Default: the module directory. */
  outDir?: string;
  /** Build cache. Default: OUTDIR/.lkm-cache. */
  cacheDir?: string;
  /** Parallel compiler jobs (workers). Default: the number of cores. */
  jobs?: number;
  /** Ask clang for colored diagnostics. */
  color?: boolean;
  /** Print every command line (make V=1). */
  verbose?: boolean;
  /** Receives progress lines ('out') and diagnostics ('err'). Nothing is printed without it. */
  log?: BuildLog;
  /** Counts compile and link steps (a terminal's progress bar: consoleBuildOutput in ./console.ts). */
  progress?: BuildProgress;
  /** make command-line variables (`FOO=bar`). */
  vars?: Record<string, string>;
  /** More Module.symvers files to resolve symbols from (added to KBUILD_EXTRA_SYMBOLS). */
  extraSymbols?: string[];
  /** vmlinux.ko to check undefined symbols against; false: none. Default: build/vmlinux.ko if it exists. */
  vmlinux?: string | false;
  /** Kernel headers. Default: wasm/include of this checkout. */
  includeDir?: string;
  /** The compiler: undefined/'' = @yowasp/clang, 'emcc' = emscripten's LLVM. Default: $LKM_CC. */
  cc?: string;
  /** Sign the built modules with build/certs/signing_key.pem (also CONFIG_MODULE_SIG_ALL=y). */
  sign?: boolean;
}

export interface KernelOptions extends BuildOptions {
  /** Directory with vmlinux's Kbuild. Default: wasm. */
  kernelDir?: string;
}

export interface TreeOptions extends BuildOptions {
  /** Checkout root (wasm/, modules-src/). Default: this checkout. */
  root?: string;
  /** Output root. Default: ROOT/build. */
  buildDir?: string;
}

export interface TreeResult {
  ok: boolean;
  /** vmlinux (undefined when wasm/ has no Kbuild/Makefile yet). */
  kernel?: BuildResult;
  /** Every module of modules-src/. */
  modules: BuildResult;
  /** build/lib/modules/RELEASE/extra and …/modules.order. */
  extraDir: string;
  modulesOrder: string;
  ms: number;
}

let pool: NodeWorkerPool | undefined;
let emcc: Promise<EmccToolchain> | undefined;

/** Stops the compiler workers kept between builds (they never keep the process alive anyway). */
export async function closeBuildPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}

/**
 * For a process that only builds and exits (`npm run build`, `lkm build`): run clang's wasm with V8's baseline
 * compiler only (`--liftoff-only`). A fresh process otherwise spends most of a build tiering up the 75 MB compiler
 * (measured: example tree cold 10–17 s → 5.5 s); a long-lived process that builds again and again gains from
 * tier-up and should not call this. Process-wide, so call it first; LKM_BUILD_TIERUP=1 disables it.
 */
export function preferBaselineCompiler(): void {
  if (pool || process.env.LKM_BUILD_TIERUP) return;
  setFlagsFromString('--liftoff-only');
}

/** Workers started by the shared pool so far (each loads clang once); for tests and the bench. */
export function poolWorkersStarted(): number {
  return pool?.started ?? 0;
}

const abs = (p: string) => (isAbsolute(p) ? resolvePath(p) : resolvePath(process.cwd(), p));

async function environment(opts: BuildOptions): Promise<BuildEnv> {
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  const cc = opts.cc ?? process.env.LKM_CC ?? '';
  const base = {
    host: nodeHost,
    userDir: join(repoRoot(), 'wasm/user'),
    includeDir: abs(opts.includeDir ?? join(repoRoot(), 'wasm/include')),
    color: opts.color,
    verbose: opts.verbose,
    log: opts.log,
    progress: opts.progress,
  };
  if (cc === 'emcc') {
    emcc ??= findEmcc();
    emcc.catch(() => { emcc = undefined; });
    const tc = await emcc;
    const runner = new NativeRunner(tc, jobs);
    return { ...base, compilerId: tc.id, runner: async () => runner };
  }
  if (cc !== '' && cc !== 'yowasp' && cc !== 'clang') {
    throw new BuildError(`lkm build: LKM_CC=${cc} is not supported (use emcc, or leave it unset for @yowasp/clang)`);
  }
  const { version, bundleUrl } = yowaspInfo();
  return {
    ...base,
    compilerId: `@yowasp/clang ${version}`,
    runner: async () => {
      if (!pool) pool = new NodeWorkerPool(jobs, bundleUrl);
      pool.size = jobs;
      return pool;
    },
  };
}

function emptyResult(): BuildResult {
  return {
    ok: false, modules: [], programs: [], warnings: [], errors: [], diagnostics: '',
    stats: { objects: 0, compiled: 0, cacheHits: 0, linked: 0, linkSkipped: 0, ms: 0, compileMs: 0, linkMs: 0 },
  };
}

/** A result for a build that could not start (bad Makefile, missing sources, no emcc). */
function failed(errors: string[], warnings: string[], log?: BuildLog): BuildResult {
  for (const e of errors) log?.(`${e}\n`, 'err');
  return { ...emptyResult(), errors, warnings };
}

function logWarnings(plan: Plan, log?: BuildLog): void {
  for (const w of plan.warnings) log?.(`${w}\n`, 'err');
}

function defaultVmlinux(opts: BuildOptions): string | undefined {
  if (opts.vmlinux === false) return undefined;
  if (typeof opts.vmlinux === 'string') return abs(opts.vmlinux);
  return join(repoRoot(), 'build/vmlinux.ko');
}

/** `programsOut`: where user programs go (default: the unit's outDir). */
async function runPlanned(plan: Plan, unit: Omit<UnitSpec, 'modules'>, opts: BuildOptions, programsOut?: string): Promise<BuildResult> {
  logWarnings(plan, opts.log);
  if (plan.errors.length) return failed(plan.errors, plan.warnings, opts.log);
  if (plan.programs.length) {
    // Modules and user programs: two units (programs need no modpost), run at the same time in one pool.
    const mods = plan.modules.length ? runUnit({ ...plan, programs: [] }, unit, opts) : undefined;
    const progs = runUnit({ ...plan, modules: plan.programs, programs: [], warnings: mods ? [] : plan.warnings }, {
      kind: 'user', outDir: programsOut ?? unit.outDir, cacheDir: join(unit.cacheDir, 'user'),
    }, opts);
    const [m, p] = await Promise.all([mods, progs]);
    if (!m) return p;
    return {
      ok: m.ok && p.ok, modules: m.modules, programs: p.programs, warnings: [...m.warnings, ...p.warnings],
      errors: [...m.errors, ...p.errors], diagnostics: m.diagnostics + p.diagnostics, symvers: m.symvers,
      stats: {
        objects: m.stats.objects + p.stats.objects, compiled: m.stats.compiled + p.stats.compiled,
        cacheHits: m.stats.cacheHits + p.stats.cacheHits, linked: m.stats.linked + p.stats.linked,
        linkSkipped: m.stats.linkSkipped + p.stats.linkSkipped, ms: Math.max(m.stats.ms, p.stats.ms),
        compileMs: Math.max(m.stats.compileMs, p.stats.compileMs), linkMs: Math.max(m.stats.linkMs, p.stats.linkMs),
      },
    };
  }
  return runUnit(plan, unit, opts);
}

async function runUnit(plan: Plan, unit: Omit<UnitSpec, 'modules'>, opts: BuildOptions): Promise<BuildResult> {
  let env: BuildEnv;
  try {
    env = await environment(opts);
  } catch (e) {
    if (e instanceof BuildError) return failed([e.message], plan.warnings, opts.log);
    throw e;
  }
  try {
    const r = await buildUnit({ ...unit, modules: plan.modules }, env);
    r.warnings.unshift(...plan.warnings);
    return r;
  } catch (e) {
    if (e instanceof BuildError) return failed([e.message], plan.warnings, opts.log);
    throw e;
  }
}

function makeVarsEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  if (process.env.KBUILD_EXTRA_SYMBOLS) env.KBUILD_EXTRA_SYMBOLS = process.env.KBUILD_EXTRA_SYMBOLS;
  if (process.env.CONFIG_MODULE_SIG_ALL) env.CONFIG_MODULE_SIG_ALL = process.env.CONFIG_MODULE_SIG_ALL;
  return env;
}

/** modules_sign: signs what a successful build made, when asked to; a signing failure fails the build. */
function signBuilt(r: BuildResult, sign: boolean, opts: BuildOptions): BuildResult {
  if (!r.ok || !sign) return r;
  try {
    signModules(r.modules.map((m) => m.path), keyBuildDir(), opts.log);
  } catch (e) {
    const msg = `lkm build: error: signing the modules failed: ${(e as Error).message}`;
    opts.log?.(`${msg}\n`, 'err');
    return { ...r, ok: false, errors: [...r.errors, msg] };
  }
  return r;
}

/** `lkm build DIR`: the modules of DIR's Kbuild/Makefile, into OUTDIR (default DIR). */
export async function buildDir(dir: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const d = abs(dir);
  const outDir = abs(opts.outDir ?? d);
  const plan = await planDir(nodeHost, d, { vars: opts.vars, environment: makeVarsEnvironment() });
  const r = await runPlanned(plan, {
    kind: 'modules', outDir, cacheDir: abs(opts.cacheDir ?? join(outDir, '.lkm-cache')),
    symvers: join(outDir, 'Module.symvers'),
    extraSymbols: [...plan.extraSymbols, ...(opts.extraSymbols ?? []).map(abs)],
    vmlinux: defaultVmlinux(opts),
  }, opts);
  return signBuilt(r, !!opts.sign || !!plan.signAll, opts);
}

/**
 * `lkm build a.c b.c`: one module per file, named after it. OUTDIR defaults to the files' directory.
 * With `user: true` (`lkm build --user prog.c`): one user program per file, OUTDIR/prog.
 */
export async function buildFiles(files: string[], opts: BuildOptions & { user?: boolean } = {}): Promise<BuildResult> {
  const srcs = files.map(abs);
  const dirs = [...new Set(srcs.map((f) => dirname(f)))];
  if (!opts.outDir && dirs.length > 1) {
    return failed(['lkm build: error: the sources are in different directories; give an output directory with -o'], [], opts.log);
  }
  const outDir = abs(opts.outDir ?? dirs[0] ?? process.cwd());
  const plan = await planFiles(nodeHost, srcs, { user: opts.user });
  const r = await runPlanned(plan, {
    kind: 'modules', outDir, cacheDir: abs(opts.cacheDir ?? join(outDir, '.lkm-cache')),
    symvers: join(outDir, 'Module.symvers'),
    extraSymbols: [...(process.env.KBUILD_EXTRA_SYMBOLS ?? '').split(/\s+/).filter(Boolean), ...(opts.extraSymbols ?? [])].map(abs),
    vmlinux: defaultVmlinux(opts),
  }, opts);
  return signBuilt(r, !opts.user && (!!opts.sign || wantsSignAll(opts.vars) || process.env.CONFIG_MODULE_SIG_ALL === 'y'), opts);
}

/**
 * vmlinux from wasm/Kbuild (kernel mode: no -DMODULE, no NAME.mod.c, exports __ksymtab* and lkm_*) → build/,
 * with modules.builtin.modinfo and modules.builtin next to it (builtin.ts).
 */
export async function buildKernel(opts: KernelOptions = {}): Promise<BuildResult> {
  const kernelDir = abs(opts.kernelDir ?? join(repoRoot(), 'wasm'));
  const outDir = abs(opts.outDir ?? join(repoRoot(), 'build'));
  const plan = await planDir(nodeHost, kernelDir, { vars: opts.vars });
  const r = await runPlanned(plan, { kind: 'kernel', outDir, cacheDir: abs(opts.cacheDir ?? join(outDir, '.cache/vmlinux')) }, opts);
  const ko = r.ok && r.modules.length === 1 ? await nodeHost.readFile(r.modules[0]!.path) : undefined;
  if (ko) {
    const modinfo = builtinModinfo(ko);
    if (await writeIfChanged(join(outDir, BUILTIN_MODINFO), modinfo)) opts.log?.(`  OBJCOPY ${join(outDir, BUILTIN_MODINFO)}\n`, 'out');
    if (await writeIfChanged(join(outDir, MODULES_BUILTIN), modulesBuiltin(modinfo))) opts.log?.(`  GEN     ${join(outDir, MODULES_BUILTIN)}\n`, 'out');
  }
  return r;
}

async function hasKbuild(dir: string): Promise<boolean> {
  const entries = await nodeHost.listDir(dir);
  return !!entries?.some((e) => !e.dir && ['Kbuild', 'Makefile', 'makefile', 'GNUmakefile'].includes(e.name));
}

/** Writes a file unless it already holds exactly `data`; true when it wrote. */
async function writeIfChanged(path: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const old = await nodeHost.readFile(path);
  if (old && old.length === bytes.length && old.every((b, i) => b === bytes[i])) return false;
  await nodeHost.writeFile(path, bytes);
  return true;
}

/**
 * `npm run build`: vmlinux (wasm/Kbuild → build/vmlinux.ko) and every module directory of modules-src/ (each
 * subdirectory with a Kbuild/Makefile) as one build, into build/lib/modules/RELEASE/extra/NAME.ko, with
 * build/Module.symvers and build/lib/modules/RELEASE/modules.order. Both parts share the worker pool and run
 * at the same time; the modules' modpost waits for vmlinux's exports.
 */
export async function buildTree(opts: TreeOptions = {}): Promise<TreeResult> {
  const t0 = Date.now();
  const root = abs(opts.root ?? repoRoot());
  const buildDirPath = abs(opts.buildDir ?? join(root, 'build'));
  const releaseDir = join(buildDirPath, 'lib/modules', KERNEL_RELEASE);
  const extraDir = join(releaseDir, 'extra');
  const modulesOrder = join(releaseDir, 'modules.order');
  const kernelDir = join(root, 'wasm');
  const vmlinuxKo = join(buildDirPath, 'vmlinux.ko');

  // certs/signing_key.pem: made with the kernel, once (the kernel trusts its certificate at boot).
  genKey(buildDirPath, opts.log);
  let kernelP: Promise<BuildResult> | undefined;
  if (await hasKbuild(kernelDir)) {
    kernelP = buildKernel({ ...opts, kernelDir, outDir: buildDirPath, cacheDir: join(buildDirPath, '.cache/vmlinux') });
  } else {
    opts.log?.(`lkm build: warning: ${kernelDir} has no Kbuild; vmlinux is not built\n`, 'err');
  }
  const kernelExports = kernelP?.then((r) => (r.ok ? r.modules.flatMap((m) => m.exports) : undefined));

  const srcRoot = join(root, 'modules-src');
  const dirs: string[] = [];
  for (const e of ((await nodeHost.listDir(srcRoot)) ?? []).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.dir && !e.name.startsWith('.') && (await hasKbuild(join(srcRoot, e.name)))) dirs.push(join(srcRoot, e.name));
  }
  const plan: Plan = { modules: [], programs: [], extraSymbols: [], warnings: [], errors: [], files: [] };
  for (const d of dirs) {
    const p = await planDir(nodeHost, d, { vars: opts.vars });
    plan.modules.push(...p.modules);
    plan.programs.push(...p.programs);
    plan.extraSymbols.push(...p.extraSymbols.filter((x) => !plan.extraSymbols.includes(x)));
    plan.warnings.push(...p.warnings);
    plan.errors.push(...p.errors);
  }
  const seen = new Map<string, string>();
  for (const m of plan.modules) {
    const prev = seen.get(m.name);
    if (prev) plan.errors.push(`lkm build: error: module ${m.name} is built by both ${prev} and ${m.dir}`);
    seen.set(m.name, m.dir);
  }

  let modules: BuildResult;
  if (plan.modules.length === 0 && plan.programs.length === 0 && plan.errors.length === 0) {
    modules = { ...emptyResult(), ok: true };
  } else {
    const useVmlinux = kernelP ? undefined : defaultVmlinux(opts);
    modules = await runPlanned(plan, {
      kind: 'modules', outDir: extraDir, cacheDir: join(buildDirPath, '.cache/modules'),
      symvers: join(buildDirPath, 'Module.symvers'),
      symversPrefix: kernelExports?.then((ex): SymversEntry[] => (ex ?? []).map((e) => ({ symbol: e.name, module: 'vmlinux', gpl: e.gpl }))),
      vmlinuxExports: kernelExports?.then((ex) => (ex ? new Set(ex.map((e) => e.name)) : undefined)),
      vmlinux: useVmlinux ?? (kernelP ? vmlinuxKo : undefined),
      extraSymbols: [...plan.extraSymbols, ...(opts.extraSymbols ?? []).map(abs)],
    }, opts, join(buildDirPath, 'bin'));
  }
  const kernel = await kernelP;

  if (kernel?.ok) {
    // modules_install: the built-in module lists go into the module tree, where depmod and modprobe read them.
    for (const f of [BUILTIN_MODINFO, MODULES_BUILTIN]) {
      const data = await nodeHost.readFile(join(buildDirPath, f));
      if (data) await writeIfChanged(join(releaseDir, f), data);
    }
  }
  if (modules.ok) {
    await writeIfChanged(modulesOrder, modules.modules.map((m) => `extra/${m.name}.ko\n`).join(''));
    // extra/ belongs to this build: drop modules that no longer exist in modules-src/.
    const keep = new Set(modules.modules.map((m) => `${m.name}.ko`));
    for (const e of (await nodeHost.listDir(extraDir)) ?? []) {
      if (!e.dir && e.name.endsWith('.ko') && !keep.has(e.name)) await nodeHost.remove(join(extraDir, e.name));
    }
  }
  modules = signBuilt(modules, !!opts.sign || process.env.CONFIG_MODULE_SIG_ALL === 'y', opts);
  return { ok: modules.ok && (kernel?.ok ?? true), kernel, modules, extraDir, modulesOrder, ms: Date.now() - t0 };
}
