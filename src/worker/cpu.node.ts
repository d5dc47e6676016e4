// Node's CPU workers (src/kernel/threads.ts): a worker_threads Worker per kernel thread, which does not
// keep the process alive (a thread still running when the program ends ends with it).

import { Worker } from 'node:worker_threads';
import type { CpuPort } from '../kernel/threads.js';
import { compiledScript } from './script.node.js';

export function spawnNodeCpu(): CpuPort {
  const w = new Worker(compiledScript(import.meta.url, 'node-cpu-worker.js'));
  w.unref();
  return {
    post: (m) => w.postMessage(m),
    // A 'message' listener refs the worker again: unref after it.
    onMessage: (fn) => { w.on('message', fn); w.unref(); },
    terminate: () => { void w.terminate(); },
  };
}
