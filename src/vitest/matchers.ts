// The matchers lkm-wasm/vitest adds to expect(): toHaveLogged (the dmesg ring) and toHaveLoaded (lsmod).

import { expect } from 'vitest';
import type { KernelApi } from '../api/api.js';
import { normalizeModuleName } from '../kernel/module.js';

export interface KernelMatchers<R = unknown> {
  /** A line of the kernel log contains `pattern` (a string) or matches it (a RegExp). */
  toHaveLogged(pattern: string | RegExp): R;
  /** lsmod lists module `name` ('-' and '_' equal, as modprobe takes names). Await it. */
  toHaveLoaded(name: string): Promise<R>;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends KernelMatchers<T> {}
}

/** The last lines of the log, for a failure message. */
const TAIL = 20;

function kernelOf(received: unknown): KernelApi {
  const k = received as KernelApi | undefined;
  if (!k || typeof k.lsmod !== 'function' || typeof k.log?.read !== 'function') {
    throw new TypeError('expected a kernel (from bootKernel or the kernel fixture)');
  }
  return k;
}

/** The log as dmesg prints it without timestamps: one entry per line of every record. */
export function logLines(kernel: KernelApi): string[] {
  return kernel.log.read().flatMap((r) => r.text.split('\n'));
}

export const kernelMatchers = {
  toHaveLogged(received: unknown, pattern: string | RegExp) {
    const lines = logLines(kernelOf(received));
    // search() ignores a RegExp's lastIndex, so /g and /y patterns match the same every time.
    const pass = lines.some((l) => (typeof pattern === 'string' ? l.includes(pattern) : l.search(pattern) >= 0));
    const shown = typeof pattern === 'string' ? JSON.stringify(pattern) : String(pattern);
    return {
      pass,
      message: () => `expected the kernel log ${pass ? 'not ' : ''}to have a line ${typeof pattern === 'string' ? 'containing' : 'matching'} ${shown}; ` +
        `its last lines:\n${lines.slice(-TAIL).map((l) => `  ${l}`).join('\n')}`,
    };
  },

  async toHaveLoaded(received: unknown, name: string) {
    const mods = await kernelOf(received).lsmod();
    const want = normalizeModuleName(name);
    const pass = mods.some((m) => m.name === want);
    return {
      pass,
      message: () => `expected module ${want} ${pass ? 'not ' : ''}to be loaded; lsmod: ${mods.map((m) => m.name).join(' ') || '(none)'}`,
    };
  },
};

expect.extend(kernelMatchers);
