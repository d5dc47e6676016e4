// A session of the lkm shell, platform-neutral: the front ends (src/cli through session.node.ts, the web
// page through src/web/session.ts) boot a kernel over their file system and hand both here; they supply
// only I/O. Here: the shell with user programs, request_module()'s usermode helper, what runs after a
// reboot, and the module tree indexed at start where the front end wants that.

import type { Kernel } from '../kernel/kernel.js';
import type { MetadataPool } from '../kmod/depmod.js';
import type { TtyInfo } from '../term/progress.js';
import { depmod } from '../tools/depmod.js';
import type { Vfs } from '../vfs/index.js';
import type { KernelApi } from '../api/api.js';
import { Shell } from './shell.js';
import { attachUsermodeHelper } from './usermode-helper.js';

export interface SessionIo { stdout(text: string): void; stderr(text: string): void; }

export interface ShellOptions {
  io: SessionIo;
  /** Set when stderr is a terminal (Node's TTY with its width, the page's xterm): progress bars draw there. */
  tty?: TtyInfo;
  /** Runs after every reboot (the shell's `reboot`, a page's button), once the new kernel is up. */
  afterReboot?: () => void;
}

/**
 * The session's shell over `kernel` and `fs`: user programs registered (src/session/shell.ts; in-thread on a
 * LocalKernel's Kernel, else a worker per program: src/user/shell.ts), request_module() wired to it.
 */
export function openShell(kernel: Kernel | KernelApi, fs: Vfs, opts: ShellOptions): Shell {
  if (opts.afterReboot) hookReboot(kernel, opts.afterReboot);
  const sh = new Shell(kernel, fs, opts.io);
  if (opts.tty) sh.tty = opts.tty;
  attachUsermodeHelper(kernel, sh);
  return sh;
}

/** Every reboot of `kernel` (whoever asks for it) runs `after` once the new kernel is up. */
function hookReboot(kernel: Kernel | KernelApi, after: () => void): void {
  if (!('rebootable' in kernel) || !kernel.rebootable) return;
  const reboot = kernel.reboot.bind(kernel);
  kernel.reboot = async () => {
    await reboot();
    after();
  };
}

/** `depmod -A` over the module tree (so `modprobe stack_c` works at once), on `pool`'s threads if given. */
export async function indexModuleTree(sh: Shell, io: SessionIo, pool?: MetadataPool): Promise<void> {
  await depmod(['-A'], { vfs: sh.fs, cwd: '/', stdout: io.stdout, stderr: io.stderr, pool, tty: sh.tty });
}
