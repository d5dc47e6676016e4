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
import { nodeVfs, type NodeBootOptions } from '../node/kernel.js';
import type { Vfs } from '../vfs/index.js';
import { KernelBacking } from './kernel-backing.js';

/**
 * The worker script. From dist/ it sits next to this file; when this file runs from TypeScript sources
 * (vitest), a compiled copy is used: build/worker-dist (the test setup emits it there), else dist/.
 */
export function nodeWorkerScript(): URL {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./node-worker.js', here);
  for (const dir of ['/build/worker-dist', '/dist']) {
    const url = new URL(here.replace(/\/src\/worker\/node\.ts$/, `${dir}/src/worker/node-worker.js`));
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('kernel worker: no compiled node-worker.js: run `npx tsc -p .`');
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

/**
 * A Node session's kernel in a worker with the emulated file system of bootNodeKernel() (host root,
 * module tree): /proc and /sys are mounted from the worker kernel (KernelBacking). The watchdog time is
 * `watchdogMs`, else $LKM_WATCHDOG_MS, else 10 s.
 */
export async function bootNodeWorkerKernel(opts: NodeBootOptions & Pick<KernelBootOptions, 'watchdogMs' | 'console'> = {}): Promise<{ kernel: KernelApi; fs: Vfs }> {
  const fs = nodeVfs(opts);
  let kernel: KernelApi | undefined;
  const current = () => {
    if (!kernel) throw new Error('kernel not booted');
    return kernel;
  };
  fs.mount('/proc', new KernelBacking(current, '/proc'));
  fs.mount('/sys', new KernelBacking(current, '/sys'));
  fs.mount('/dev', new KernelBacking(current, '/dev'));
  kernel = await bootKernel({
    isolate: 'worker', vmlinux: opts.vmlinux, cmdline: opts.cmdline, console: opts.console,
    watchdogMs: opts.watchdogMs ?? (Number(process.env.LKM_WATCHDOG_MS) || undefined),
    readFile: (p) => fs.readFile(p),
  });
  return { kernel, fs };
}
