// The page's compiler: a Web Worker that runs the browser-safe build (src/kbuild/plan.ts, unit.ts) with the in-thread
// runner (@yowasp/clang in this worker), over an in-memory file tree: the example directory as edited, the
// kernel headers at /lib/modules/<release>/build/include, vmlinux and Module.symvers, and the user-program
// runtime (wasm/user/lkm-user.c). A directory's Kbuild may name modules (obj-m: a 'modules' unit, modpost) and
// user programs (userprogs: a 'user' unit, wasm32-wasip1 commands against the wasi-libc of @yowasp/clang's own
// sysroot, linked with lkm-user.c), built as `lkm build DIR` builds them. The compiler (about 100 MB) is
// fetched on the first compile only, with progress; the browser caches it.

import * as Comlink from 'comlink';
import type { BuildEnv, BuildResult, ModuleResult } from '../kbuild/build-types.js';
import type { BuildHost, DirEntry } from '../kbuild/host.js';
import { planDir } from '../kbuild/plan.js';
import { buildUnit } from '../kbuild/unit.js';
import { InlineRunner } from '../kbuild/runner.js';
import { RELEASE, fromBase64, type HeadersData } from './site-types.js';

export const KBUILD_DIR = `/lib/modules/${RELEASE}/build`;
/**
 * Where an example directory is compiled: `/src/<dir>` (not under /usr: the compiler's own resources are
 * mounted over /usr inside its file system). Diagnostics name these paths.
 */
export const COMPILE_ROOT = '/src';
/** wasm/user in the compiler's tree (BuildEnv.userDir). */
export const USER_RUNTIME_DIR = `${KBUILD_DIR}/user`;

export interface CompileRequest {
  /** Example directory name (`stack`), its files by name (Makefile, *.c, *.h) as edited. */
  dir: string;
  files: Record<string, string>;
}

export interface CompileResult {
  ok: boolean;
  /** Built modules: file name without .ko → bytes. */
  modules: { name: string; ko: Uint8Array; objects: string[]; depends: string[] }[];
  /** Built user programs (kbuild userprogs): name → the wasm32-wasip1 command; `objects`: their C sources. */
  programs: { name: string; bin: Uint8Array; objects: string[] }[];
  /** Everything the compiler, modpost and the linker printed (paths are the emulated ones). */
  diagnostics: string;
  errors: string[];
  ms: number;
}

export interface CompilerApi {
  /** Header tree and vmlinux; call once. */
  init(headers: HeadersData, vmlinuxB64: string): Promise<void>;
  /** Fetches and compiles the compiler; progress(done, total) in bytes. */
  load(progress?: (done: number, total: number) => void): Promise<void>;
  compile(req: CompileRequest): Promise<CompileResult>;
}

const files = new Map<string, Uint8Array>();
const enc = new TextEncoder();

const host: BuildHost = {
  async readFile(path) { return files.get(path); },
  async writeFile(path, data) { files.set(path, typeof data === 'string' ? enc.encode(data) : data); },
  async listDir(path) {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const seen = new Map<string, boolean>();
    for (const p of files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      seen.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0 || (seen.get(rest) ?? false));
    }
    if (seen.size === 0) return undefined;
    return [...seen].map(([name, dir]): DirEntry => ({ name, dir }));
  },
  async remove(path) { files.delete(path); },
};

let loaded: Promise<void> | undefined;
const runner = new InlineRunner();

const api: CompilerApi = {
  async init(headers, vmlinuxB64) {
    for (const [rel, text] of Object.entries(headers.include)) files.set(`${KBUILD_DIR}/include/${rel}`, enc.encode(text));
    files.set(`${KBUILD_DIR}/Module.symvers`, enc.encode(headers.symvers));
    files.set(`${KBUILD_DIR}/vmlinux.ko`, fromBase64(vmlinuxB64));
    for (const [rel, text] of Object.entries(headers.user)) files.set(`${USER_RUNTIME_DIR}/${rel}`, enc.encode(text));
  },
  load(progress) {
    loaded ??= (async () => {
      const y = await import('@yowasp/clang');
      await y.runLLVM(undefined, {}, { fetchProgress: ({ doneLength, totalLength }) => progress?.(doneLength, totalLength) });
    })();
    loaded.catch(() => { loaded = undefined; });
    return loaded;
  },
  async compile(req) {
    const t0 = performance.now();
    await api.load();
    const dir = `${COMPILE_ROOT}/${req.dir}`;
    for (const p of [...files.keys()]) if (p.startsWith(`${dir}/`)) files.delete(p);
    for (const [name, text] of Object.entries(req.files)) files.set(`${dir}/${name}`, enc.encode(text));
    let diagnostics = '';
    const log = (t: string) => { diagnostics += t; };
    const plan = await planDir(host, dir, {});
    const fail = (errors: string[]): CompileResult => ({ ok: false, modules: [], programs: [], diagnostics: errors.join('\n'), errors, ms: performance.now() - t0 });
    if (plan.errors.length) return fail(plan.errors);
    const outDir = `/tmp/lkm-build/${req.dir}`;
    const cacheDir = `/tmp/lkm-cache/${req.dir}`;
    const env: BuildEnv = {
      host, compilerId: '@yowasp/clang (browser)', runner: async () => runner,
      includeDir: `${KBUILD_DIR}/include`, userDir: USER_RUNTIME_DIR, log,
    };
    // Modules and programs: two units, as `lkm build DIR` runs them (programs need no modpost).
    const results: BuildResult[] = [];
    if (plan.modules.length) {
      results.push(await buildUnit({
        kind: 'modules', modules: plan.modules, outDir, cacheDir,
        symvers: `${outDir}/Module.symvers`,
        extraSymbols: [`${KBUILD_DIR}/Module.symvers`, ...plan.extraSymbols],
        vmlinux: `${KBUILD_DIR}/vmlinux.ko`,
      }, env));
    }
    if (plan.programs.length) {
      results.push(await buildUnit({ kind: 'user', modules: plan.programs, outDir, cacheDir: `${cacheDir}/user` }, env));
    }
    const built = (ms: ModuleResult[]) => ms.filter((m) => m.ok && files.has(m.path));
    const modules = built(results.flatMap((r) => r.modules)).map((m) => ({
      name: m.name, ko: files.get(m.path)!, objects: m.objects.map((o) => o.src), depends: m.depends,
    }));
    const programs = built(results.flatMap((r) => r.programs)).map((p) => ({
      name: p.name, bin: files.get(p.path)!, objects: p.objects.map((o) => o.src),
    }));
    return {
      ok: results.every((r) => r.ok), modules, programs, diagnostics,
      errors: results.flatMap((r) => r.errors), ms: performance.now() - t0,
    };
  },
};

Comlink.expose(api);
