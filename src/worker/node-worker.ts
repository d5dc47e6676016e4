// The kernel worker's entry in Node (worker_threads).
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { serveKernel } from './service.js';
import { spawnNodeCpu } from './cpu.node.js';

if (!parentPort) throw new Error('node-worker.js runs as a worker_threads Worker');
const port = parentPort;
serveKernel(nodeEndpoint(port), (m) => port.postMessage(m), spawnNodeCpu);
