// A user program's worker in Node (worker_threads): waits for its start message, runs, posts its end.
import { parentPort } from 'node:worker_threads';
import { programWorkerMain, type ProgramStart } from './worker-run.js';

if (!parentPort) throw new Error('node-program-worker.js runs as a worker_threads Worker');
const port = parentPort;
port.once('message', (m: ProgramStart) => {
  programWorkerMain(m, (msg) => port.postMessage(msg));
});
