// Browsers: user programs in module Web Workers (runProgramInWorker's adapter; entry script web-program-worker.ts). The page must be
// cross-origin isolated (SharedArrayBuffer), and the program worker's `@bjorn3/browser_wasi_shim` import is
// a bare name: a bundler resolves it (module workers do not see a page's import map). A bundled page passes
// its own `() => new Worker(new URL('…/web-program-worker.ts', import.meta.url), { type: 'module' })`: bundlers
// (vite, webpack) compile the worker script only when they see that literal form.

import type { ProgramMessage, ProgramWorker } from './worker-run.js';

export function spawnWebProgramWorker(
  from: URL | string | (() => Worker) = new URL('./web-program-worker.js', import.meta.url),
): ProgramWorker {
  const w = typeof from === 'function' ? from() : new Worker(from, { type: 'module' });
  let exited = false;
  const listeners: ((m: ProgramMessage) => void)[] = [];
  w.addEventListener('message', (e: MessageEvent<ProgramMessage>) => {
    if (e.data.t === 'exit') exited = true;
    for (const l of listeners) l(e.data);
  });
  return {
    start: (m) => w.postMessage(m),
    onMessage: (l) => { listeners.push(l); },
    onExit: (l) => {
      w.addEventListener('error', (e) => { if (!exited) l(e.message || 'program worker error'); });
    },
    terminate: () => w.terminate(),
  };
}
