// KUnit's host half (wasm/lib/kunit/try-catch.c): a test case runs in a call the host makes, so that an
// assertion (a throw) or a fault (an Oops) ends the case and not the load of its module. Linux runs each
// case on a kthread instead; the outcomes are the same codes: 0 done, -EFAULT aborted, -EINTR faulted.

import type { Kernel } from './kernel.js';
import type { Module } from './module.js';
import { KernelOops } from './traps.js';
import { EFAULT, EINTR } from './errno.js';
import { MODULE } from './abi.js';

/** Unwinds a test case's frames back to kunit_try_run (kunit_try_catch_throw). */
class KunitAbort extends Error {
  override name = 'KunitAbort';
}

export function kunitImports(k: Kernel): Record<string, Function> {
  return {
    kunit_try_run(fn: number, context: number): number {
      const run = k.mem.table.get(fn) as ((ctx: number) => void) | null;
      try {
        // The inner run restores the stack pointer on any throw and turns a trap into an Oops.
        k.run('kunit_try_catch', () => run!(context));
        return 0;
      } catch (e) {
        if (e instanceof KunitAbort) return -EFAULT;
        if (e instanceof KernelOops) return -EINTR;
        throw e;
      }
    },
    kunit_throw(): never {
      throw new KunitAbort('kunit_try_catch_throw');
    },
  };
}

/** MODULE_STATE_LIVE: the module's KUnit suites (if any) run now, printing KTAP. */
export function kunitModuleLive(k: Kernel, mod: Module): void {
  // Most modules have no kunit_test_suites section: no call into C for them on the load path.
  if (!k.mem.u32(mod.thisModule + MODULE.kunit_suites)) return;
  mod.kunit = true;
  k.run(`${mod.name}: kunit`, () => k.vm.lkm_kunit_module_init(mod.thisModule));
}

/** MODULE_STATE_GOING after exit(): the suites' debugfs files and logs go. */
export function kunitModuleGoing(k: Kernel, mod: Module): void {
  if (!mod.kunit) return;
  mod.kunit = false;
  k.run(`${mod.name}: kunit`, () => k.vm.lkm_kunit_module_exit(mod.thisModule));
}
