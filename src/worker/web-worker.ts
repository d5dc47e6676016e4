// The kernel worker's entry in a browser (a module Web Worker).
import type { Endpoint } from 'comlink';
import { serveKernel } from './service.js';

const scope = self as unknown as Endpoint & { postMessage(m: unknown): void };
serveKernel(scope, (m) => scope.postMessage(m));
