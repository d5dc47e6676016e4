// The fail-nth sweep (Documentation/fault-injection, "Systematic faults using fail-nth", for a module's
// load): count the fault-injectable calls insmod makes, then for each N on a fresh kernel make exactly
// the Nth fail and look at what the failed load left behind — the error init_module(2) returned, the
// module's traces in the kernel (list, symbols, /sys/module/NAME, /dev, /proc, debugfs, classes), the
// objects it allocated and did not free (with the function that allocated each), and Oopses.
// Platform-neutral: the caller boots the kernels.

import type { Kernel } from '../kernel/kernel.js';
import { KernelError } from '../kernel/errno.js';
import { readLeaks, type LeakedObject } from '../kernel/leaks.js';

/** Boots a fresh kernel (bootNodeKernel's kernel on Node, a page's kernel in the browser). */
export type KernelFactory = () => Promise<Kernel>;

export interface SweepOptions {
  /** The module's parameters, as insmod takes them. */
  params?: string | string[];
  /**
   * Keep failslab's and fail_page_alloc's ignore-gfp-wait at Y (Linux's default): GFP_KERNEL allocations
   * then are not fault-injectable. By default the sweep writes N, as the documentation's example does.
   */
  ignoreGfpWait?: boolean;
  /** Called with each run's result as it is known (a front end prints its line). */
  onResult?: (r: FailNthResult) => void;
}

/** What one run with the Nth call failed found. */
export interface FailNthResult {
  n: number;
  /** The Nth call was reached and failed (/proc/self/fail-nth read 0 after the load). */
  injected: boolean;
  /** How init_module(2) ended: failed (with `errno`), loaded all the same, or never returned (an Oops). */
  outcome: 'failed' | 'loaded' | 'crashed';
  /** The errno of a failed load. */
  errno?: number;
  /** The objects the module had not freed when it went (a load that succeeded: at its unload). */
  leaks: LeakedObject[];
  /** What of the module is still in the kernel after its load failed. */
  leftovers: string[];
  /** The Oops lines of the run. */
  oopses: string[];
}

export interface SweepResult {
  module: string;
  /** Fault-injectable calls of one fault-free load. */
  count: number;
  results: FailNthResult[];
}

const FAIL_NTH = '/proc/self/fail-nth';
/** A countdown no load reaches: the count is what it went down by. */
const UNREACHED = 1_000_000;

/** Runs the sweep: one counting load, then one fresh kernel per fault-injectable call. */
export async function failNthSweep(boot: KernelFactory, module: Uint8Array | string, opts: SweepOptions = {}): Promise<SweepResult> {
  const first = await boot();
  const bytes = typeof module === 'string' ? await readModule(first, module) : module;
  const counted = await armedLoad(first, bytes, UNREACHED, opts);
  if (counted.outcome !== 'loaded' || !counted.name) {
    throw new Error(`the module does not load without faults: ${counted.error ?? counted.oopses[0] ?? 'unknown error'}`);
  }
  const count = UNREACHED - counted.left;
  const results: FailNthResult[] = [];
  for (let n = 1; n <= count; n++) {
    const k = await boot();
    const before = traces(k, counted.name);
    const seq = k.log.seq;
    const run = await armedLoad(k, bytes, n, opts);
    let leaks: LeakedObject[];
    if (run.outcome === 'loaded') {
      // The module went on without what failed: what it holds at its unload is what it leaks.
      try { k.asProcess('rmmod', () => k.rmmod(counted.name!)); } catch { /* stays: reported as left behind */ }
      leaks = k.moduleLeaks(counted.name) ?? [];
    } else {
      // A load that did not end (an Oops in init) keeps the module, and with it what it allocated.
      const stuck = k.modules.find((m) => m.name === counted.name);
      leaks = stuck?.thisModule ? readLeaks(k, stuck.thisModule) : k.moduleLeaks(counted.name) ?? [];
    }
    const after = traces(k, counted.name);
    const r: FailNthResult = {
      n, injected: run.left === 0, outcome: run.outcome, errno: run.errno, leaks,
      leftovers: after.filter((t) => !before.includes(t)),
      oopses: oopsLines(k, seq),
    };
    results.push(r);
    opts.onResult?.(r);
  }
  return { module: counted.name, count, results };
}

async function readModule(k: Kernel, path: string): Promise<Uint8Array> {
  if (!k.readFileHook) throw new Error('the kernel has no readFile to read a module path with: pass its bytes');
  return k.readFileHook(path);
}

interface Load { outcome: FailNthResult['outcome']; errno?: number; left: number; name?: string; error?: string; oopses: string[] }

/** insmod as one process that first wrote `n` to its /proc/self/fail-nth (and reads it back after). */
async function armedLoad(k: Kernel, bytes: Uint8Array, n: number, opts: SweepOptions): Promise<Load> {
  if (!opts.ignoreGfpWait) {
    for (const dir of ['failslab', 'fail_page_alloc']) k.writeFile(`/sys/kernel/debug/${dir}/ignore-gfp-wait`, 'N\n');
  }
  const seq = k.log.seq;
  return k.asProcess('insmod', async () => {
    k.writeFile(FAIL_NTH, `${n}\n`);
    const out: Load = { outcome: 'loaded', left: 0, oopses: [] };
    try {
      out.name = (await k.insmod(bytes, opts.params ?? '')).name;
    } catch (e) {
      if (e instanceof KernelError) Object.assign(out, { outcome: 'failed', errno: e.errno });
      else Object.assign(out, { outcome: 'crashed', error: (e as Error).message });
    }
    out.left = Number(k.readFile(FAIL_NTH).trim());
    out.oopses = oopsLines(k, seq);
    return out;
  });
}

/** The module's traces: its list entry, symbols, and the files that carry its name or appeared for it. */
function traces(k: Kernel, name: string): string[] {
  const out: string[] = [];
  if (k.modules.some((m) => m.name === name)) out.push(`module ${name} on the module list`);
  for (const s of k.symbols()) if (s.owner === name) out.push(`symbol ${s.name}`);
  for (const dir of ['/sys/module', '/dev', '/proc', '/sys/kernel/debug', '/sys/class']) {
    for (const e of k.readdir(dir)) out.push(`${dir}/${e}`);
  }
  out.push(...k.readFile('/proc/devices').split('\n').filter((l) => /^\s*\d+ /.test(l)).map((l) => `device ${l.trim()}`));
  return out;
}

function oopsLines(k: Kernel, seq: number): string[] {
  k.log.flush();
  return k.log.since(seq).flatMap((r) => r.text.split('\n')).filter((l) => /^Oops: /.test(l));
}
