// A user program's worker in a browser (a module Web Worker): waits for its start message, runs, posts its end.
import { programWorkerMain, type ProgramStart } from './worker-run.js';

const scope = self as unknown as {
  postMessage(m: unknown): void;
  addEventListener(t: 'message', l: (e: MessageEvent<ProgramStart>) => void, o?: { once: boolean }): void;
};
scope.addEventListener('message', (e) => programWorkerMain(e.data, (m) => scope.postMessage(m)), { once: true });
