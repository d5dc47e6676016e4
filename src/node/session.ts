// A Node session of the lkm shell: a booted kernel over the emulated root, the module tree indexed
// (`depmod -A` at start, so `modprobe stack_c` works at once), and request_module() wired to run the
// modprobe named by /proc/sys/kernel/modprobe through the shell.

import type { Kernel } from '../kernel/kernel.js';
import type { KernelApi } from '../worker/api.js';
import { bootNodeWorkerKernel } from '../worker/node.js';
import { setUsermodeHelper, type UsermodeHelper } from '../kmod/request.js';
import { WorkerKernel } from '../worker/client.js';
import { Shell } from '../session/shell.js';
import { depmod } from '../tools/depmod.js';
import type { Vfs } from '../vfs/index.js';
import { bootNodeKernel, type NodeBootOptions } from './kernel.js';
import { machinePool } from './metadata-pool.js';

export interface SessionIo { stdout(text: string): void; stderr(text: string): void; }

export interface Session { kernel: Kernel | KernelApi; fs: Vfs; sh: Shell; }

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

/** Boots, attaches the shell and runs `depmod -A` over the module tree. */
export async function openSession(opts: NodeBootOptions & { io: SessionIo; isTTY?: boolean; isolate?: 'none' | 'worker' }): Promise<Session> {
  const { kernel, fs } = opts.isolate === 'worker' ? await bootNodeWorkerKernel(opts) : await bootNodeKernel(opts);
  const sh = new Shell(kernel, fs, opts.io);
  if (opts.isTTY) sh.tty = { columns: process.stderr.columns };
  attachUsermodeHelper(kernel, sh);
  const pool = machinePool();
  try {
    await depmod(['-A'], {
      vfs: fs, cwd: '/', stdout: opts.io.stdout, stderr: opts.io.stderr, pool,
      tty: sh.tty,
    });
  } finally {
    await pool?.close();
  }
  return { kernel, fs, sh };
}
