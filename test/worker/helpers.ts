// Kernels for the worker tests: the same promise API in both isolations (src/worker).
import { readFile } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { bootKernel } from '../../src/worker/boot.node.js';
import type { Isolate, KernelApi, KernelBootOptions } from '../../src/api/api.js';

export const ISOLATES: Isolate[] = ['none', 'worker'];

const open: KernelApi[] = [];
afterEach(async () => {
  for (const k of open.splice(0)) await k.close();
});

/** Boots a kernel that reads module paths from the host; closed after the test. */
export async function boot(isolate: Isolate, opts: Partial<KernelBootOptions> = {}): Promise<KernelApi> {
  const k = await bootKernel({ ...opts, isolate, readFile: async (p) => new Uint8Array(await readFile(p)) });
  open.push(k);
  return k;
}

/** Log lines (no timestamps) since `seq`. */
export function linesSince(k: KernelApi, seq: number): string[] {
  k.log.flush();
  return k.log.since(seq).flatMap((r) => r.text.split('\n'));
}
