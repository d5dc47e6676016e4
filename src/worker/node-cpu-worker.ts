// A CPU worker's entry in Node (worker_threads): kernel threads run here (src/kernel/cpu.ts).
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { startCpu } from '../kernel/cpu.js';
import type { ToCpu } from '../kernel/cpu-protocol.js';

if (!parentPort) throw new Error('node-cpu-worker.js runs as a worker_threads Worker');
const port = parentPort;
startCpu(
  { post: (m) => port.postMessage(m), receive: () => receiveMessageOnPort(port)?.message as ToCpu | undefined },
  (fn) => port.on('message', fn),
);
