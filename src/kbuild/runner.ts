// How the build core runs the compiler and the linker: a ToolRunner takes one job (a clang or wasm-ld command
// line, the input files to mount, the outputs to read back) and returns its result. Implementations:
// InlineRunner here (same thread; browser or tests), NodeWorkerPool (pool.node.ts, worker_threads),
// NativeRunner (emcc.node.ts, emscripten's LLVM). A browser Web Worker pool implements the same interface.

import { mountFile, runTool, type ToolResult } from './toolchain.js';
import type { Tree } from '@yowasp/clang';

/**
 * Virtual directory for everything a job writes. Job inputs are mounted at their real absolute paths (so that
 * diagnostics show real paths); outputs go under this directory and come back in ToolResult.files.
 */
export const OUT_DIR = '/lkm-out';

export interface ToolJob {
  tool: 'clang' | 'wasm-ld';
  args: string[];
  /** Input files by absolute path. A runner that uses the real file system may ignore them. */
  files: Record<string, Uint8Array | string>;
  /** Absolute paths under OUT_DIR to read back after the run. */
  outputs: string[];
  /** For a `clang -c` job: its source, object and dependency file (lets a runner skip the driver step). */
  compile?: { src: string; out: string; dep: string };
}

export interface ToolRunner {
  /** How many jobs run at the same time (the core submits everything; the runner queues). */
  readonly concurrency: number;
  /** Set when the tools see the host's own file system (emcc): job files are not mounted, `..` works. */
  readonly realFs?: boolean;
  run(job: ToolJob): Promise<ToolResult>;
  /** Releases threads/workers. A closed runner may be used again (it restarts lazily). */
  close(): Promise<void>;
}

/** Builds the yowasp input tree of a job. */
export function jobTree(files: ToolJob['files']): Tree {
  const tree: Tree = {};
  for (const [path, content] of Object.entries(files)) mountFile(tree, path, content);
  return tree;
}

/** Runs jobs one after the other in the calling thread with @yowasp/clang (loaded on the first job). */
export class InlineRunner implements ToolRunner {
  readonly concurrency = 1;
  private tail: Promise<unknown> = Promise.resolve();

  run(job: ToolJob): Promise<ToolResult> {
    const next = this.tail.then(() => runTool(job.tool, job.args, jobTree(job.files), job.outputs));
    this.tail = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.tail;
  }
}
