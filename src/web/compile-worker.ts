// The page's compiler: a Web Worker that runs the browser-safe module build (src/kbuild/core.ts) with the
// in-thread runner (@yowasp/clang in this worker), over an in-memory file tree: the example directory as
// edited, the kernel headers at /lib/modules/<release>/build/include, vmlinux and Module.symvers. The
// compiler (about 100 MB) is fetched on the first compile only, with progress; the browser caches it.

import * as Comlink from 'comlink';
import { buildUnit, planDir, type BuildHost, type DirEntry } from '../kbuild/core.js';
import { InlineRunner } from '../kbuild/runner.js';
import { RELEASE, fromBase64, type HeadersData } from './site-types.js';

export const KBUILD_DIR = `/lib/modules/${RELEASE}/build`;
/**
 * Where an example directory is compiled: `/src/<dir>` (not under /usr: the compiler's own resources are
 * mounted over /usr inside its file system). Diagnostics name these paths.
 */
export const COMPILE_ROOT = '/src';

export interface CompileRequest {
  /** Example directory name (`stack`), its files by name (Makefile, *.c, *.h) as edited. */
  dir: string;
  files: Record<string, string>;
}

export interface CompileResult {
  ok: boolean;
  /** Built modules: file name without .ko → bytes. */
  modules: { name: string; ko: Uint8Array; objects: string[]; depends: string[] }[];
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
    const log = (t: string, s: 'out' | 'err') => { diagnostics += s === 'err' ? t : t; };
    const plan = await planDir(host, dir, {});
    if (plan.errors.length) return { ok: false, modules: [], diagnostics: plan.errors.join('\n'), errors: plan.errors, ms: performance.now() - t0 };
    const outDir = `/tmp/lkm-build/${req.dir}`;
    const r = await buildUnit({
      kind: 'modules', modules: plan.modules, outDir, cacheDir: `/tmp/lkm-cache/${req.dir}`,
      symvers: `${outDir}/Module.symvers`,
      extraSymbols: [`${KBUILD_DIR}/Module.symvers`, ...plan.extraSymbols],
      vmlinux: `${KBUILD_DIR}/vmlinux.ko`,
    }, {
      host, compilerId: '@yowasp/clang (browser)', runner: async () => runner,
      includeDir: `${KBUILD_DIR}/include`, log,
    });
    const modules = r.modules.filter((m) => m.ok && files.has(m.path)).map((m) => ({
      name: m.name, ko: files.get(m.path)!, objects: m.objects.map((o) => o.src), depends: m.depends,
    }));
    return { ok: r.ok, modules, diagnostics, errors: r.errors, ms: performance.now() - t0 };
  },
};

Comlink.expose(api);
