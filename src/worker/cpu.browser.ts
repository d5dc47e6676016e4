// The browser's CPU workers (src/kernel/threads.ts): a module Web Worker per kernel thread.
import type { CpuPort } from '../kernel/threads.js';

export function spawnWebCpu(url: URL | string = new URL('./web-cpu-worker.js', import.meta.url)): CpuPort {
  const w = new Worker(url, { type: 'module' });
  return {
    post: (m) => w.postMessage(m),
    onMessage: (fn) => w.addEventListener('message', (e) => fn(e.data as { type: string })),
    terminate: () => w.terminate(),
  };
}
