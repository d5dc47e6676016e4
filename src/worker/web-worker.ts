// The kernel worker's entry in a browser (a module Web Worker).
import type { Endpoint } from 'comlink';
import { serveKernel } from './service.js';
import { spawnWebCpu } from './cpu.browser.js';

const scope = self as unknown as Endpoint & { postMessage(m: unknown): void };
// Kernel threads need memory shared with their workers: only a cross-origin isolated page has it.
serveKernel(scope, (m) => scope.postMessage(m), globalThis.crossOriginIsolated ? spawnWebCpu : undefined);
