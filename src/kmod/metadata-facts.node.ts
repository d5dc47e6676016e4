// What depmod needs of one module file, read from the host or given as bytes: shared by the metadata
// pool's threads (metadata-worker.node.ts) and the caller's thread, which takes batches too (metadata-pool.node.ts).
import { readFileSync } from 'node:fs';
import { errnoByName, strerror, EINVAL } from '../kernel/errno.js';
import { readModuleMetadata } from '../wasm/metadata.js';
import type { ModuleFacts, PoolItem } from './depmod.js';

export function itemFacts(item: PoolItem): ModuleFacts | { error: string } {
  let bytes: Uint8Array;
  try {
    bytes = item.bytes ?? readFileSync(item.host!);
  } catch (e) {
    return { error: strerror(errnoByName((e as { code?: string }).code ?? '') ?? 5) };
  }
  try {
    const m = readModuleMetadata(bytes);
    return { modinfo: m.modinfo, exports: m.exports, gplExports: m.gplExports, undefinedSymbols: m.undefinedSymbols, weakSymbols: m.weakSymbols };
  } catch {
    return { error: strerror(EINVAL) };
  }
}
