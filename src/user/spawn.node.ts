// Node: user programs in worker_threads Workers (runProgramInWorker's adapter). Not exported by index.ts
// (browsers have no worker_threads); the worker's entry script is node-program-worker.ts.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgramMessage, ProgramWorker } from './worker-run.js';

/** The program worker script: next to this file in dist/, else the compiled copy (build/worker-dist, dist/). */
export function nodeProgramWorkerScript(): URL {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./node-program-worker.js', here);
  for (const dir of ['/build/worker-dist', '/dist']) {
    const url = new URL(here.replace(/\/src\/user\/spawn\.node\.ts$/, `${dir}/src/user/node-program-worker.js`));
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('user programs: no compiled node-program-worker.js: run `npx tsc -p .`');
}

export function spawnNodeProgramWorker(): ProgramWorker {
  const w = new Worker(nodeProgramWorkerScript());
  let exited = false;
  return {
    start: (m) => w.postMessage(m),
    onMessage: (l) => { w.on('message', (m: ProgramMessage) => { if (m.t === 'exit') exited = true; l(m); }); },
    onExit: (l) => {
      w.on('error', (e) => { if (!exited) l(String(e)); });
      w.on('exit', (code) => { if (!exited) l(`exit code ${code}`); });
    },
    terminate: () => { void w.terminate(); },
  };
}
