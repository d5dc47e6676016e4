// Node-only: LKM_CC=emcc, building with an installed emscripten SDK instead of @yowasp/clang.
// emcc itself is only used to find emscripten's LLVM (`em-config LLVM_ROOT`, else the emsdk layout
// upstream/emscripten/emcc → upstream/bin). Its clang and wasm-ld then run with exactly the flags of
// toolchain.ts (--target=wasm32-unknown-unknown, ...): the emcc driver would switch the target to
// wasm32-unknown-emscripten, with other predefined macros and default visibility, which is another ABI.

import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { OUT_DIR, type ToolJob, type ToolRunner } from './runner.js';
import type { ToolResult } from './toolchain.js';
import { BuildError } from './build-types.js';

/** First executable called `name` in PATH. */
export function which(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const d of path.split(delimiter)) {
    if (!d) continue;
    const p = join(d, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch { /* next */ }
  }
  return undefined;
}

function run(cmd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { encoding: 'utf8' }, (e, out, err) => {
      const code = e ? (typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : 1) : 0;
      res({ code, out, err });
    });
  });
}

export interface EmccToolchain { emcc: string; clang: string; wasmLd: string; id: string }

/** Finds emcc and its LLVM, or throws the message lkm build prints. */
export async function findEmcc(): Promise<EmccToolchain> {
  const emcc = which('emcc');
  if (!emcc) throw new BuildError('lkm build: LKM_CC=emcc but emcc was not found in PATH');
  const version = await run(emcc, ['--version']);
  const id = `emcc ${(version.out.split('\n')[0] ?? '').trim()}`;
  const roots: string[] = [];
  const emConfig = which('em-config') ?? join(dirname(emcc), 'em-config');
  if (existsSync(emConfig)) {
    const r = await run(emConfig, ['LLVM_ROOT']);
    if (r.code === 0 && r.out.trim()) roots.push(r.out.trim());
  }
  try { roots.push(join(dirname(realpathSync(emcc)), '..', 'bin')); } catch { /* ignore */ }
  for (const root of roots) {
    const clang = join(root, 'clang');
    const wasmLd = join(root, 'wasm-ld');
    if (existsSync(clang) && existsSync(wasmLd)) return { emcc, clang, wasmLd, id };
  }
  throw new BuildError(`lkm build: LKM_CC=emcc: cannot find clang and wasm-ld of emscripten's LLVM (em-config LLVM_ROOT; tried ${roots.join(', ') || 'nothing'})`);
}

/** Runs jobs as processes on the real file system; OUT_DIR is mapped to a temporary directory per job. */
export class NativeRunner implements ToolRunner {
  readonly realFs = true;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly tc: EmccToolchain, readonly concurrency: number) {}

  async run(job: ToolJob): Promise<ToolResult> {
    if (this.active >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    const tmp = await mkdtemp(join(tmpdir(), 'lkm-build-'));
    try {
      const map = (s: string) => s.split(OUT_DIR).join(tmp);
      const args = job.args.map(map);
      for (const o of job.outputs) await mkdir(dirname(map(o)), { recursive: true });
      const exe = job.tool === 'clang' ? this.tc.clang : this.tc.wasmLd;
      const { code, err } = await new Promise<{ code: number; err: string }>((res) => {
        const p = spawn(exe, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        p.stdout.on('data', (d: Buffer) => { err += d.toString(); });
        p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
        p.on('error', (e) => res({ code: 127, err: `${exe}: ${e.message}\n` }));
        p.on('close', (c) => res({ code: c ?? 1, err }));
      });
      const files: Record<string, Uint8Array> = {};
      for (const o of job.outputs) {
        try { files[o] = new Uint8Array(await readFile(map(o))); } catch { /* not written */ }
      }
      // Paths in dependency files point into the temporary directory; only the target line does, which is ignored.
      return { status: code, stderr: err, files };
    } finally {
      await rm(tmp, { recursive: true, force: true });
      this.active--;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {}
}
