// Node: bootKernel({ isolate }) with the kernel in a worker_threads Worker (default) or on this thread.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { KernelApi, KernelBootOptions } from './api.js';
import { WorkerKernel, type WorkerPort } from './client.js';
import { LocalKernel } from './local.js';
import { vmlinuxPath } from '../node/paths.js';

/**
 * The worker script. From dist/ it sits next to this file; when this file runs from TypeScript sources
 * (vitest), the compiled copy in dist/ is used (`npm run build` or `tsc -p .` makes it).
 */
export function nodeWorkerScript(): URL {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./node-worker.js', here);
  const dist = new URL(here.replace(/\/src\/worker\/node\.ts$/, '/dist/src/worker/node-worker.js'));
  if (!existsSync(fileURLToPath(dist))) throw new Error(`kernel worker: ${fileURLToPath(dist)} is missing: run \`npx tsc -p .\``);
  return dist;
}

export function spawnNodeWorker(): WorkerPort {
  const w = new Worker(nodeWorkerScript());
  return {
    endpoint: nodeEndpoint(w),
    onMessage: (l) => { w.on('message', l); },
    onExit: (l) => {
      w.on('error', (e) => l(String(e)));
      w.on('exit', (code) => l(`exit code ${code}`));
    },
    terminate: () => { void w.terminate(); },
    ref: () => w.ref(),
    unref: () => w.unref(),
  };
}

/**
 * Boots a kernel: in a worker_threads Worker (isolate 'worker', the default) or on this thread ('none').
 * Without `vmlinux`, the build tree's vmlinux.ko is used.
 */
export async function bootKernel(opts: Omit<KernelBootOptions, 'vmlinux'> & { vmlinux?: Uint8Array } = {}): Promise<KernelApi> {
  let vmlinux = opts.vmlinux;
  if (!vmlinux) {
    try {
      vmlinux = new Uint8Array(await readFile(vmlinuxPath()));
    } catch {
      throw new Error(`lkm: ${vmlinuxPath()} is missing: run \`npm run build\` first`);
    }
  }
  const o = { ...opts, vmlinux };
  if (opts.isolate === 'none') return LocalKernel.boot(o);
  return WorkerKernel.boot(spawnNodeWorker, o);
}
