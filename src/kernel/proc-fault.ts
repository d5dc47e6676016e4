// /proc/self/fail-nth and /proc/self/make-it-fail (fs/proc/base.c): the running task's fault-injection
// state (Documentation/fault-injection/fault-injection.rst, "proc entries"). fail-nth's countdown lives
// in C's current while the task runs (lib/fault-inject.c decrements it), make-it-fail in the host's task.

import { KernelError, EINVAL, ERANGE } from './errno.js';
import type { Kernel } from './kernel.js';

/** kstrtoint/kstrtouint(s, 0): an optional sign, 0x hex, 0 octal or decimal, then at most one newline. */
function kstrtoint(data: string, signed: boolean): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)\n?$/.exec(data);
  if (!m || (m[1] === '-' && !signed)) throw new KernelError(EINVAL);
  const body = m[2]!;
  const v = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.length > 1 && body[0] === '0' ? parseInt(body, 8) : Number(body);
  const n = m[1] === '-' ? -v : v;
  if (signed ? n < -(2 ** 31) || n > 2 ** 31 - 1 : n > 2 ** 32 - 1) throw new KernelError(ERANGE);
  return n;
}

/** The entries' read and write functions, by name under /proc/self. */
export function procSelfFault(k: Kernel, name: string): { read: () => string; write: (d: string) => void } | undefined {
  switch (name) {
    case 'fail-nth': return {
      // proc_fail_nth_read(): what is left of the countdown; 0 once the fault was injected.
      read: () => `${k.vm.lkm_fail_nth(0, 0) >>> 0}\n`,
      write: (d) => { k.vm.lkm_fail_nth(1, kstrtoint(d, false)); },
    };
    case 'make-it-fail': return {
      read: () => `${k.current.makeItFail ? 1 : 0}\n`,
      // proc_fault_inject_write(): the value stripped of blanks, 0 or 1.
      write: (d) => {
        const v = kstrtoint(d.trim(), true);
        if (v < 0 || v > 1) throw new KernelError(EINVAL);
        k.tasks.setMakeItFail(v === 1);
      },
    };
    default: return undefined;
  }
}
