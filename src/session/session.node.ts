// A Node session of the lkm shell: a booted kernel (in a worker, or on this thread) over the emulated
// root backed by the host, and the shared session of src/session on top: the module tree indexed at
// start (`depmod -A`, on the machine's metadata pool), request_module() wired to the shell.

import type { Kernel } from '../kernel/kernel.js';
import type { WorkerKernel } from '../worker/client.js';
import { bootNodeWorkerKernel } from '../worker/boot.node.js';
import type { Shell } from './shell.js';
import { indexModuleTree, openShell, type SessionIo } from './session.js';
import type { Vfs } from '../vfs/index.js';
import { bootNodeKernel, type NodeBootOptions } from './boot.node.js';
import { machinePool } from '../kmod/metadata-pool.node.js';

export { shellQuote } from './usermode-helper.js';
export type { SessionIo } from './session.js';

/** `kernel`: the booted kernel itself (in-thread: the Kernel the Vfs reads; worker: its WorkerKernel). */
export interface Session { kernel: Kernel | WorkerKernel; fs: Vfs; sh: Shell; }

/** Boots, attaches the shell and runs `depmod -A` over the module tree. */
export async function openSession(opts: NodeBootOptions & { io: SessionIo; isTTY?: boolean; isolate?: 'none' | 'worker' }): Promise<Session> {
  const { kernel, fs } = opts.isolate === 'worker' ? await bootNodeWorkerKernel(opts) : await bootNodeKernel(opts);
  const sh = openShell(kernel, fs, { io: opts.io, tty: opts.isTTY ? { columns: process.stderr.columns } : undefined });
  const pool = machinePool();
  try {
    await indexModuleTree(sh, opts.io, pool);
  } finally {
    await pool?.close();
  }
  return { kernel, fs, sh };
}
