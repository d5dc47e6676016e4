// Browsers: bootKernel({ isolate }) with the kernel in a module Web Worker (default) or on the page.

import type { Endpoint } from 'comlink';
import type { KernelApi, KernelBootOptions } from '../api/api.js';
import { WorkerKernel, type WorkerPort } from './client.js';
import { LocalKernel } from '../api/local.js';
import { spawnWebProgramWorker } from '../user/spawn.browser.js';

export function spawnWebWorker(url: URL | string = new URL('./web-worker.js', import.meta.url)): WorkerPort {
  const w = new Worker(url, { type: 'module' });
  return {
    endpoint: w as unknown as Endpoint,
    onMessage: (l) => w.addEventListener('message', (e) => l(e.data)),
    onExit: (l) => w.addEventListener('error', (e) => l(e.message || 'worker error')),
    terminate: () => w.terminate(),
  };
}

/**
 * Boots a kernel in a module Web Worker (isolate 'worker', the default) or on this thread ('none').
 * `programWorkerUrl`: the user programs' worker script (default: src/user/web-program-worker.js next to
 * this build), for the shell's `./prog` and runProgramInWorker.
 */
export async function bootKernel(opts: KernelBootOptions & { workerUrl?: URL | string; programWorkerUrl?: URL | string }): Promise<KernelApi> {
  if (opts.isolate === 'none') return LocalKernel.boot(opts);
  const k = await WorkerKernel.boot(() => spawnWebWorker(opts.workerUrl), opts);
  k.programWorker = () => spawnWebProgramWorker(opts.programWorkerUrl);
  return k;
}
