// request_module()'s modprobe (the kernel's usermode helper) run as a command of the session's shell:
// the path /proc/sys/kernel/modprobe names is looked up among the shell's commands, and it runs in a
// child shell in "/" with no terminal, as call_usermodehelper() runs it on Linux.

import type { Kernel } from '../kernel/kernel.js';
import { setUsermodeHelper, type UsermodeHelper } from '../kernel/kmod.js';
import type { Shell } from '../shell/shell.js';
import type { KernelApi } from '../api/api.js';
import { WorkerKernel } from '../worker/client.js';

/** Quotes a word for the lkm shell. */
export function shellQuote(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`;
}

/** Runs the kernel's usermode helpers (request_module's modprobe) as commands of `sh`, with no terminal. */
export function attachUsermodeHelper(kernel: Kernel | KernelApi, sh: Shell): void {
  const helper: UsermodeHelper = {
    exists: (path) => sh.commandAt(path) !== undefined,
    run: (argv, env) => {
      const child = sh.child({ stdout: () => {}, stderr: () => {} }, env);
      child.cwd = '/';
      return child.run(argv.map(shellQuote).join(' '));
    },
  };
  setUsermodeHelper(kernel, helper);
  // A worker kernel asks its caller, where the shell is.
  if (kernel instanceof WorkerKernel) kernel.usermodeHelper = helper;
}
