// The end of a kernel test: unload what the test left loaded, then fail on what the kernel reported
// leaked at unload (its leaks() call, the structured "… not freed at unload: leaked" records).

import type { KernelApi } from '../api/api.js';

export interface TeardownOptions {
  /** Fail on allocations modules did not free by the end of their unload. Default true. */
  leakCheck?: boolean;
}

/**
 * rmmod of every module still loaded, those no other module uses first (as `modprobe -r` goes), until
 * none is left. A module without an exit function cannot be unloaded (Linux keeps it too): it stays.
 * Returns what went wrong: modules that refused to go, and leaks.
 */
export async function unloadAll(kernel: KernelApi, opts: TeardownOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  const refused = new Set<string>();
  for (;;) {
    const left = (await kernel.lsmod()).filter((m) => !m.permanent && !refused.has(m.name));
    const free = left.filter((m) => m.users.length === 0);
    if (free.length === 0) {
      for (const m of left) problems.push(`${m.name} is still loaded at the end of the test (used by ${m.users.join(', ')})`);
      break;
    }
    for (const m of free) {
      try {
        await kernel.rmmod(m.name);
      } catch (e) {
        refused.add(m.name);
        problems.push(`rmmod ${m.name} at the end of the test failed: ${(e as Error).message}`);
      }
    }
  }
  if (opts.leakCheck ?? true) {
    for (const l of await kernel.leaks()) {
      problems.push(`${l.module}: ${l.allocations} allocation${l.allocations === 1 ? '' : 's'} (${l.bytes} bytes) not freed at unload: leaked`);
    }
  }
  return problems;
}

/** unloadAll, and an error naming every problem when there is one. */
export async function checkTeardown(kernel: KernelApi, opts: TeardownOptions = {}): Promise<void> {
  const problems = await unloadAll(kernel, opts);
  if (problems.length) throw new Error(`kernel teardown:\n  ${problems.join('\n  ')}`);
}
