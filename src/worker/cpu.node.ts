// Node's CPU workers (src/kernel/threads.ts): a worker_threads Worker per kernel thread, which does not
// keep the process alive (a thread still running when the program ends ends with it).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CpuPort } from '../kernel/threads.js';

/** The compiled entry script, as nodeWorkerScript() finds the kernel worker's (dist/ or build/worker-dist). */
export function nodeCpuScript(): URL {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./node-cpu-worker.js', here);
  for (const dir of ['/build/worker-dist', '/dist']) {
    const url = new URL(here.replace(/\/src\/worker\/cpu\.node\.ts$/, `${dir}/src/worker/node-cpu-worker.js`));
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('CPU worker: no compiled node-cpu-worker.js: run `npx tsc -p .`');
}

export function spawnNodeCpu(): CpuPort {
  const w = new Worker(nodeCpuScript());
  w.unref();
  return {
    post: (m) => w.postMessage(m),
    // A 'message' listener refs the worker again: unref after it.
    onMessage: (fn) => { w.on('message', fn); w.unref(); },
    terminate: () => { void w.terminate(); },
  };
}
