// Target: the module loader. insmod of mutated real .ko files: each input loads (and is unloaded
// again) or fails with a KernelError whose errno comes with the kernel's message; an Oops (mutated
// code or data can crash init) boots a new kernel. After each input the kernel's invariants hold.

import fc from 'fast-check';
import type { Kernel } from '../src/kernel/kernel.js';
import { InvariantError, KernelChecker } from './kernel-check.js';
import { KernelOops } from '../src/kernel/traps.js';
import { mutatedKo } from './ko-mutate.js';
import { errnoOutcome, Tally } from './tally.js';

/** Log lines a failed load must leave, by errno (none: Linux prints nothing for it either). */
const PARSE_ARGS = /: (`.*' invalid for parameter `.*'|`.*' too large for parameter `.*'|string parameter too long|can only take \d+ arguments|needs at least \d+ arguments|string doesn't fit in \d+ chars\.|`[^']{900,})/s; // (the last: cut by printk's line limit)
const EXPECTED_MESSAGE: Record<string, RegExp | undefined> = {
  ENOEXEC: /Invalid module format|version magic|cannot link|exports duplicate symbol/,
  ENOENT: /Unknown symbol/,
  EINVAL: PARSE_ARGS, ERANGE: PARSE_ARGS, ENOSPC: PARSE_ARGS,
  EPERM: /blacklisted/,
};

const BIG_MEMORY = 64 << 20;

export interface KernelTarget {
  boot: () => Promise<Kernel>;
  /** A fresh kernel every this many inputs (compiled modules are cached per kernel). */
  rebootEvery?: number;
  /**
   * Loaded and unloaded once after boot, before the baseline is taken: kernel-wide state made on first
   * use (KUnit's objects, a vmlinux function's table slot) is not a leak of the input that came first.
   */
  warmUp?: readonly Uint8Array[];
}

/** Boots, checks and counts for the targets that drive a kernel. */
export class KernelSession {
  k!: Kernel;
  checker!: KernelChecker;
  private inputs = 0;
  private initRan = false;

  constructor(private readonly opts: KernelTarget) {}

  async fresh(): Promise<void> {
    const k = this.k = await this.opts.boot();
    for (const bytes of this.opts.warmUp ?? []) {
      try { const m = await k.insmod(bytes); unload(k, m.name); } catch (e) { if (!errnoOutcome(e)) throw e; }
    }
    this.checker = new KernelChecker(k);
    // What init() returns is the module's own errno, with or without a message of its own.
    k.onModuleCode = (what) => { if (what?.endsWith(': init')) this.initRan = true; };
    this.inputs = 0;
  }

  /** The kernel for the next input (a new one after an Oops or every `rebootEvery` inputs). */
  async next(): Promise<Kernel> {
    // Memory never shrinks: after an input with a huge region (dylink.0's memory size) the kernel is
    // replaced, or every later input would pay for a big memory.
    const big = this.k && this.k.mem.memory.buffer.byteLength > BIG_MEMORY;
    if (!this.k || big || this.inputs++ >= (this.opts.rebootEvery ?? 500)) await this.fresh();
    return this.k;
  }

  /**
   * insmod (with `resident`, a real module, loaded first when it loads), then rmmod of what loaded;
   * returns the outcome. Anything but a KernelError with its message or an Oops is thrown on, and so is
   * a broken invariant.
   */
  async load(bytes: Uint8Array, args: string, opts: { inspect?: (k: Kernel, name: string) => void; resident?: Uint8Array } = {}): Promise<string> {
    const k = await this.next();
    let resident: string | undefined;
    if (opts.resident) resident = await k.insmod(opts.resident).then((m) => m.name, (e: unknown) => { if (!errnoOutcome(e)) throw e; return undefined; });
    const seq = k.log.seq;
    this.initRan = false;
    let loaded: string;
    try {
      loaded = (await k.insmod(bytes, args)).name;
    } catch (e) {
      if (e instanceof KernelOops) { await this.fresh(); return 'Oops'; }
      const code = errnoOutcome(e);
      if (!code) throw e;
      const want = this.initRan ? undefined : EXPECTED_MESSAGE[code];
      k.log.flush();
      const text = k.log.since(seq).map((r) => r.text).join('');
      if (want && !want.test(text)) throw new InvariantError(`${code} without the kernel's message; log: ${JSON.stringify(text)}`);
      if (resident) unload(k, resident);
      this.checker.check();
      return code;
    }
    this.checker.checkLists();
    opts.inspect?.(k, loaded);
    unload(k, loaded);
    if (resident) unload(k, resident);
    this.checker.check();
    return 'loaded';
  }
}

/** rmmod, forced when plain rmmod refuses (an init without exit, a module that holds itself). */
function unload(k: Kernel, name: string): void {
  try { k.rmmod(name); } catch (e) {
    if (!errnoOutcome(e)) throw e;
    k.rmmod(name, { force: true });
  }
}

export function loaderProperty(bases: readonly Uint8Array[], session: KernelSession, tally: Tally) {
  // A third of the inputs load next to a real module (its symbols resolve, its name clashes).
  const resident = fc.option(fc.nat({ max: bases.length - 1 }), { freq: 2 });
  return fc.asyncProperty(mutatedKo(bases), resident, async ({ bytes }, r) => {
    tally.add(await session.load(bytes, '', { resident: r === null ? undefined : bases[r] }));
  });
}
