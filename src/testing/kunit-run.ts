// One KUnit module on a kernel: load it (its suites run as it goes live), unload it, and read what
// happened from the kernel log: the KTAP document, an Oops outside any case, allocations leaked at
// unload. Platform-neutral: the caller boots the kernel (with kunit.filter_glob= on its command line).

import type { KernelApi } from '../api/api.js';
import type { LogRecord } from '../kernel/printk.js';
import { KernelOops } from '../kernel/traps.js';
import { normalizeModuleName } from '../kernel/module.js';
import { countTests, parseKtap, type KtapDocument, type TestCounts } from './ktap.js';

export interface ModuleRun {
  /** The module's name (as lsmod shows it). */
  module: string;
  doc: KtapDocument;
  counts: TestCounts;
  /** What went wrong outside the test cases: a failed load or unload, an Oops, a leak. */
  problems: string[];
  /** The kernel log from the load to the end of the unload. */
  records: LogRecord[];
}

export async function runKunitModule(kernel: KernelApi, file: Uint8Array, fileName: string): Promise<ModuleRun> {
  const module = normalizeModuleName(fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.ko$/, ''));
  const mark = kernel.log.seq;
  const leaksBefore = (await kernel.leaks()).length;
  const problems: string[] = [];
  let loaded = false;
  try {
    await kernel.asProcess('insmod', () => kernel.insmod(file));
    loaded = true;
  } catch (e) {
    problems.push(e instanceof KernelOops ? `insmod ${module}: Oops: ${e.message}` : `insmod ${module}: ${(e as Error).message}`);
    // An Oops in init or in the KUnit run outside a case leaves the module loaded (as on Linux).
    loaded = (await kernel.lsmod()).some((m) => m.name === module);
  }
  if (loaded) {
    try {
      await kernel.asProcess('rmmod', () => kernel.rmmod(module));
    } catch (e) {
      problems.push(`rmmod ${module}: ${(e as Error).message}`);
    }
  }
  kernel.log.flush();
  const records = kernel.log.since(mark);
  const lines = records.flatMap((r) => r.text.split('\n'));
  for (const l of (await kernel.leaks()).slice(leaksBefore)) {
    const where = l.objects.map((o) => `${o.size} bytes allocated in ${o.func || '?'}`).join(', ');
    problems.push(`${l.module}: ${l.allocations} allocation${l.allocations === 1 ? '' : 's'} (${l.bytes} bytes) not freed at unload${where ? ` (${where})` : ''}`);
  }
  const doc = parseKtap(lines);
  return { module, doc, counts: countTests(doc.tests), problems, records };
}

/** True when the run failed: a case failed or crashed, the KTAP was incomplete, or a problem was found. */
export function runFailed(run: ModuleRun): boolean {
  return run.counts.failed > 0 || run.counts.crashed > 0 || run.doc.errors.length > 0 || run.problems.length > 0;
}
