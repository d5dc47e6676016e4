// The anchors of bench/worker.ts: a worker that answers a raw postMessage and exposes an empty comlink
// method, so the kernel's worker calls are measured next to the transport they are built on.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

const port = parentPort!;
port.on('message', (m: unknown) => {
  if (m && typeof m === 'object' && 'ping' in m) port.postMessage({ pong: (m as { ping: number }).ping });
});
Comlink.expose({ empty: () => undefined }, nodeEndpoint(port));
