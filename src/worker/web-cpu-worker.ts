// A CPU worker's entry in a browser (a module Web Worker): kernel threads run here (src/kernel/cpu.ts).
// Browsers cannot read a message synchronously: a worker catches up with module loads when idle.
import { startCpu } from '../kernel/cpu.js';
import type { ToCpu } from '../kernel/cpu-protocol.js';

const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: { data: ToCpu }) => void): void };
startCpu({ post: (m) => scope.postMessage(m) }, (fn) => scope.addEventListener('message', (e) => fn(e.data)));
