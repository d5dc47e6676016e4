// lkm-wasm/vitest: a fresh kernel per test, module directories built once per run, a leak check at
// teardown, and the matchers toHaveLogged / toHaveLoaded (registered when this module is imported).
// KUnit suites in a module become vitest tests with defineKunitTests() (kunit.node.ts).

import { beforeAll, test as base } from 'vitest';
import type { KernelApi, KernelBootOptions } from '../api/api.js';
import { bootKernel } from '../worker/boot.node.js';
import type { BuildOptions } from '../kbuild/build.node.js';
import { buildModules, type BuiltModules } from './modules.node.js';
import { checkTeardown, type TeardownOptions } from './teardown.js';
import './matchers.js';

export { expect } from 'vitest';
export { kernelMatchers, logLines, type KernelMatchers } from './matchers.js';
export { buildModules, type BuiltModules } from './modules.node.js';
export { checkTeardown, unloadAll, type TeardownOptions } from './teardown.js';
export { defineKunitTests, kunitTestTree, type KunitNode, type KunitTestOptions } from './kunit.node.js';

/** The kernel a test boots: bootKernel's options (default: the package's vmlinux.ko, in a worker). */
export type TestBootOptions = Omit<KernelBootOptions, 'vmlinux'> & { vmlinux?: Uint8Array };

export interface KernelTestOptions extends TeardownOptions {
  /** A module directory (Kbuild/Makefile) built before the first test that uses `modules`. */
  modules?: string;
  /** Options of that build (outDir, cacheDir, vars …). */
  build?: BuildOptions;
  /** Time the build may take, in ms (a cold build compiles with clang in wasm). Default 120 000. */
  buildTimeout?: number;
  boot?: TestBootOptions;
}

/** Boots a kernel, runs `fn`, then unloads what is loaded and fails on leaks; the kernel is closed in any case. */
export function withKernel<T>(fn: (kernel: KernelApi) => T | Promise<T>, opts: TeardownOptions & { boot?: TestBootOptions } = {}): Promise<T> {
  return runKernel(fn, opts, () => true);
}

async function runKernel<T>(fn: (kernel: KernelApi) => T | Promise<T>, opts: TeardownOptions & { boot?: TestBootOptions }, check: () => boolean): Promise<T> {
  const kernel = await bootKernel(opts.boot);
  try {
    const r = await fn(kernel);
    if (check()) await checkTeardown(kernel, opts);
    return r;
  } finally {
    await kernel.close();
  }
}

const DEFAULT_BUILD_TIMEOUT_MS = 120_000;

export interface KernelFixtures {
  /** A kernel booted for this test alone; checked and closed after it. */
  kernel: KernelApi;
  /** The built modules of `opts.modules`: name → .ko path (for kernel.insmod). */
  modules: BuiltModules;
}

/**
 * `test` with the fixtures `kernel` and `modules` (vitest's test.extend). Called at the top of a test file
 * with `modules`, it builds them in a beforeAll of that file, so the build's time is not a test's.
 */
export function kernelTest(opts: KernelTestOptions = {}) {
  const dir = opts.modules;
  if (dir) beforeAll(async () => { await buildModules(dir, opts.build); }, opts.buildTimeout ?? DEFAULT_BUILD_TIMEOUT_MS);
  return base.extend<KernelFixtures>({
    // vitest reads a fixture's first parameter to find what it depends on: it must be a destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    modules: async ({}, use) => {
      await use(dir ? await buildModules(dir, opts.build) : {});
    },
    // A test that failed already has its error; the teardown's would only add noise.
    kernel: ({ task }, use) => runKernel(use, opts, () => task.result?.state !== 'fail'),
  });
}

/** kernelTest() without a module directory: `test('…', async ({ kernel }) => …)`. */
export const test = kernelTest();
