// depmod's metadata scan on as many threads as the machine has cores (os.availableParallelism()): the
// caller's thread and size - 1 worker_threads take batches of modules from one queue. The workers read
// host files themselves (a path crosses, not the bytes) and send back depmod's facts. A browser (or a
// tree below the threshold) scans on its own thread only.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MetadataPool, ModuleFacts, PoolItem } from './depmod.js';
import type { PoolReply, PoolRequest, WireFacts } from './metadata-worker.node.js';
import { itemFacts } from './metadata-facts.node.js';

/**
 * Fewest modules for which depmod uses the pool. bench/depmod.ts measures the in-thread scan against the
 * pool (threads started for the run) for growing trees and prints this value next to its sweep: on the
 * 2-core machines measured so far the pool never won (docs/kmod-tools.md), so machinePool() gives none
 * there; below this size the thread start-up (~40 ms) outweighs any gain on any machine.
 */
export const POOL_THRESHOLD = 2048;

/** Cores below which no pool is used: measured slower at every tree size with 2 (bench/depmod.ts). */
export const POOL_MIN_CORES = 3;

/**
 * The pool for this machine: `$LKM_DEPMOD_THREADS` threads when set (0 or 1: none), else one per core on
 * machines with at least POOL_MIN_CORES cores, else none (the scan stays on the caller's thread).
 */
export function machinePool(): NodeMetadataPool | undefined {
  const env = process.env.LKM_DEPMOD_THREADS;
  const n = env !== undefined && env !== '' ? Number(env) : availableParallelism();
  if (!Number.isFinite(n) || n < (env ? 2 : POOL_MIN_CORES)) return undefined;
  return new NodeMetadataPool({ size: n });
}
/** Modules per message: large enough that messaging is cheap, small enough to balance the threads. */
const BATCH = 64;

/** The worker script: next to this file in dist/, else the compiled copy of the sources (vitest). */
function workerScript(): URL {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./metadata-worker.node.js', here);
  for (const dir of ['/build/worker-dist', '/dist']) {
    const url = new URL(here.replace(/\/src\/kmod\/metadata-pool\.node\.ts$/, `${dir}/src/kmod/metadata-worker.node.js`));
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('depmod: no compiled metadata-worker.node.js: run `npx tsc -p .`');
}

export class NodeMetadataPool implements MetadataPool {
  /** Threads that parse: the caller's own and size - 1 workers. */
  readonly size: number;
  readonly threshold: number;
  private workers: Worker[] = [];

  constructor(opts: { size?: number; threshold?: number } = {}) {
    this.size = Math.max(1, opts.size ?? availableParallelism());
    this.threshold = opts.threshold ?? POOL_THRESHOLD;
  }

  /** Starts the worker threads ahead of use (they load while the caller does other work). */
  start(): void {
    while (this.workers.length < this.size - 1) {
      const w = new Worker(workerScript());
      w.unref();
      this.workers.push(w);
    }
  }

  async facts(items: PoolItem[], done?: (n: number) => void): Promise<(ModuleFacts | { error: string })[]> {
    const out: (ModuleFacts | { error: string })[] = new Array(items.length);
    let next = 0;
    let finished = 0;
    const take = (): number | undefined => {
      if (next >= items.length) return undefined;
      const start = next;
      next += BATCH;
      return start;
    };
    const finish = (n: number) => { finished += n; done?.(finished); };
    this.start();
    const onWorker = (w: Worker) => new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const send = () => {
        const start = take();
        if (start === undefined) {
          if (inFlight === 0) { w.off('message', onMessage); w.off('error', onError); resolve(); }
          return;
        }
        inFlight++;
        const req: PoolRequest = { id: start, items: items.slice(start, start + BATCH) };
        w.postMessage(req);
      };
      const onMessage = (r: PoolReply) => {
        inFlight--;
        const facts = JSON.parse(r.json) as WireFacts[];
        for (let j = 0; j < facts.length; j++) {
          const f = facts[j]!;
          out[r.id + j] = 'error' in f ? f : { ...f, weakSymbols: new Set(f.weakSymbols) };
        }
        finish(facts.length);
        send();
      };
      const onError = (e: Error) => reject(e);
      w.on('message', onMessage);
      w.on('error', onError);
      // Two batches in flight: a thread never waits for the caller's thread to hand it the next one.
      send();
      send();
    });
    // The caller's thread takes batches too, yielding between them so that replies are handled.
    const local = async () => {
      for (let start = take(); start !== undefined; start = take()) {
        const end = Math.min(items.length, start + BATCH);
        for (let i = start; i < end; i++) out[i] = itemFacts(items[i]!);
        finish(end - start);
        await new Promise<void>((r) => setImmediate(r));
      }
    };
    await Promise.all([local(), ...this.workers.map(onWorker)]);
    return out;
  }

  /** Ends the threads (they do not keep the process alive meanwhile). */
  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
