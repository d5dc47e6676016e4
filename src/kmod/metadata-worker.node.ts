// A thread of the metadata pool (metadata-pool.node.ts; this file is its worker_threads entry script): reads module files (or takes their bytes) and parses
// what depmod needs of them, batch by batch.
import { parentPort } from 'node:worker_threads';
import type { ModuleFacts, PoolItem } from './depmod.js';
import { itemFacts } from './metadata-facts.node.js';

export interface PoolRequest { id: number; items: PoolItem[]; }
/** The facts of a batch as JSON (weakSymbols as an array): JSON.parse is cheaper than a structured clone. */
export interface PoolReply { id: number; json: string; }

/** ModuleFacts with weakSymbols as an array, as JSON carries it. */
export type WireFacts = Omit<ModuleFacts, 'weakSymbols'> & { weakSymbols: string[] } | { error: string };

if (!parentPort) throw new Error('metadata-worker.node.js runs as a worker_threads Worker');
const port = parentPort;
port.on('message', (m: PoolRequest) => {
  const facts = m.items.map((item): WireFacts => {
    const f = itemFacts(item);
    return 'error' in f ? f : { ...f, weakSymbols: [...f.weakSymbols] };
  });
  const reply: PoolReply = { id: m.id, json: JSON.stringify(facts) };
  port.postMessage(reply);
});
