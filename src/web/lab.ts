// How the page gets its kernel: src/worker's promise API, either
//  - worker mode (the default where the page is cross-origin isolated): the kernel in a module Web Worker
//    (src/worker/web-worker.ts) with the watchdog of src/worker/client.ts — module code that does not
//    return in time is reported as a soft lockup, the worker is stopped and the kernel stays hung until
//    `reboot`; the page's thread (shell, views, files) never runs module code; or
//  - single-thread mode (not cross-origin isolated: the watchdog's shared state needs SharedArrayBuffer;
//    or ?isolate=none): the kernel on the page's thread (LocalKernel), no watchdog.
// The shell, the file system and the views are the same in both (session.ts).
// User programs (`./rwdev-user` in the shell): in worker mode each runs in a module Web Worker of its own
// (src/user/web-program-worker.ts, runProgramInWorker: its system calls are served from this page and the
// kernel worker); in single-thread mode on the page's thread against the in-thread kernel (session.ts).

import type { Endpoint } from 'comlink';
import { LocalKernel } from '../api/local.js';
import { WorkerKernel, type WorkerPort } from '../worker/client.js';
import { spawnWebProgramWorker } from '../user/spawn.browser.js';
import { LabSession, type LabEvents } from './session.js';
import type { SiteData } from './site-types.js';

/** The kernel's Web Worker; `new Worker(new URL(…))` written out so that vite bundles the worker script. */
function spawnKernelWorker(): WorkerPort {
  const w = new Worker(new URL('../worker/web-worker.ts', import.meta.url), { type: 'module', name: 'lkm-kernel' });
  return {
    endpoint: w as unknown as Endpoint,
    onMessage: (l) => w.addEventListener('message', (e) => l(e.data)),
    onExit: (l) => w.addEventListener('error', (e) => l(e.message || 'worker error')),
    terminate: () => w.terminate(),
  };
}

/** A user program's Web Worker, written out for vite like the kernel's. */
function spawnProgramWorker() {
  return spawnWebProgramWorker(() => new Worker(new URL('../user/web-program-worker.ts', import.meta.url), { type: 'module', name: 'lkm-program' }));
}

export type LabMode = 'worker' | 'single-thread';

export async function openLab(site: SiteData, events: LabEvents, opts: { worker: boolean; watchdogMs: number; cmdline?: string }): Promise<{ session: LabSession; mode: LabMode }> {
  const boot = opts.worker
    ? async (o: Parameters<typeof WorkerKernel.boot>[1]) => {
      const k = await WorkerKernel.boot(spawnKernelWorker, o);
      // The program's channel is served with Atomics.waitAsync (src/user/channel.ts); without it the shell
      // says that this kernel cannot run user programs.
      if (typeof (Atomics as { waitAsync?: unknown }).waitAsync === 'function') k.programWorker = spawnProgramWorker;
      return k;
    }
    : (o: Parameters<typeof LocalKernel.boot>[0]) => LocalKernel.boot(o);
  const session = await LabSession.open(site, boot, { cmdline: opts.cmdline, watchdogMs: opts.watchdogMs, isolate: opts.worker ? 'worker' : 'none' }, events);
  return { session, mode: opts.worker ? 'worker' : 'single-thread' };
}
