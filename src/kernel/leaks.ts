// The leak report of a module that goes (unload, or a load that failed): what it still holds, each object
// with the call site that allocated it (the allocator keeps it, see wasm/include/linux/alloc_tag.h).

import type { Kernel } from './kernel.js';

/** One object a module left allocated: its size and where it was allocated ('' when not known). */
export interface LeakedObject { size: number; func: string; file: string; line: number }

const WORDS = 4;

/** The objects the module at `thisModule` still holds, in allocation order (lkm_kmem_leaks). */
export function readLeaks(k: Kernel, thisModule: number): LeakedObject[] {
  const fits = Math.floor(4096 / (WORDS * 4));
  let out = k.scratchBuffer;
  let n = k.vm.lkm_kmem_leaks(thisModule, out, fits);
  let region = 0;
  if (n > fits) {
    region = k.vm.lkm_region_alloc(n * WORDS * 4, 16);
    out = region;
    n = k.vm.lkm_kmem_leaks(thisModule, out, n);
  }
  const leaks: LeakedObject[] = [];
  for (let i = 0; i < n; i++) {
    const at = out + i * WORDS * 4;
    const [func, file] = [k.mem.u32(at + 4), k.mem.u32(at + 8)];
    leaks.push({ size: k.mem.u32(at), func: func ? k.mem.cstring(func) : '', file: file ? k.mem.cstring(file) : '', line: k.mem.u32(at + 12) });
  }
  if (region) k.vm.lkm_region_free(region);
  return leaks;
}

/** "1 object leaked (64 bytes, allocated in leaky_init)": one clause per object. */
export function describeLeaks(leaks: readonly LeakedObject[]): string {
  if (leaks.length === 0) return 'clean';
  const parts = leaks.map((l) => `${l.size} bytes, allocated in ${l.func || 'an unknown function'}`);
  return `${leaks.length} object${leaks.length === 1 ? '' : 's'} leaked (${parts.join('; ')})`;
}
