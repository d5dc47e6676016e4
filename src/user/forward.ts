// System calls of a program whose kernel is in a worker. The program (its own worker) posts every call
// into its channel (channel.ts); the channel is served on the CALLER's thread (the shell's), by
// forwardingHandler(): paths of the kernel (/dev, /proc, /sys) and the files opened there are forwarded
// to the kernel worker (WorkerKernel.syscall → KernelSyscalls in the worker, a KernelSystem over the
// worker's own Kernel, so drivers' file operations, the kernel's views and autoload on open work as
// in-thread); every other path is the caller's VFS, answered here (the VFS lives on the caller's side in
// worker mode). Why the caller's thread: it is where both halves are reachable without a thread ever
// blocking on another one except the program's — the kernel worker never waits for the caller's VFS, the
// forwarded calls are ordinary tracked kernel calls (the watchdog sees them, a hung kernel rejects them,
// an Oops comes back as KernelOops), and the caller's asynchronous VFS can be awaited (directories are
// listed on demand). Plain TypeScript (browser and Node).

import { ioctlArgBytes } from '../api/ioctl.js';
import type { Vfs } from '../vfs/vfs.js';
import type { SyscallRequest } from './channel.js';
import { KernelSystem, type KernelLike } from './kernel-system.js';
import {
  errnoName, pollNow, UserError, type KernelFile, type UserFile, type UserMemory,
} from './system.js';

/** Options of calls that can sleep: `signal` interrupts one parked in a driver (EINTR). */
type SleepOptions = { signal?: AbortSignal };

/** A forwarded call's answer: a value (and response data), or an errno. */
export type SyscallReply = { ok: unknown; data?: Uint8Array } | { errno: string; message: string };

/**
 * Who makes a forwarded call: a process name (each call a new process), or one program run (`id` unique
 * per run: all its calls are one process, whose /proc/self state, such as fail-nth, lasts between them).
 */
export type SyscallProcess = string | { comm: string; id: number };

/** What the caller needs of a worker kernel (WorkerKernel.syscall). */
export interface SyscallKernel {
  /** `signal` interrupts a call parked in a driver (EINTR). */
  syscall(req: SyscallRequest, data: Uint8Array | undefined, comm?: SyscallProcess, signal?: AbortSignal): Promise<SyscallReply>;
  /** The kernel's mount(2) mount points (paths below them are forwarded too). */
  mountPoints?(): string[];
}

const within = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);
/** Paths the kernel serves (mounted from the worker kernel in worker mode). */
export const isKernelPath = (p: string) => within(p, '/proc') || within(p, '/sys') || within(p, '/dev');

/**
 * The kernel worker's side: the programs' open files (handles unique across programs) over a KernelSystem
 * of the worker's kernel. Device nodes open as system calls that can wait (a missing driver autoloads).
 */
export class KernelSyscalls {
  private readonly files = new Map<number, UserFile>();
  private next = 1;
  private readonly system: KernelSystem;

  constructor(private readonly kernel: KernelLike & { openAsync?(path: string, flags: number, opts?: SleepOptions): Promise<KernelFile> }) {
    this.system = new KernelSystem({ kernel });
  }

  private file(fh: number): UserFile {
    const f = this.files.get(fh);
    if (!f) throw new UserError('EBADF');
    return f;
  }

  /**
   * open(2) as a system call that can wait: device nodes autoload their driver, and a driver's open that
   * sleeps (an exclusive device) parks until woken, as do the open methods of files drivers made in /proc,
   * /sys and debugfs and of mounted file systems. The kernel's own views are generated text (KernelSystem).
   */
  private async open(path: string, flags: number, opts: SleepOptions): Promise<UserFile> {
    const k = this.kernel;
    const dev = within(path, '/dev');
    if (!k.openAsync || path === '/dev') return this.system.open(path, flags);
    try {
      return await k.openAsync(path, flags, opts);
    } catch (e) {
      if (dev || errnoName(e) !== 'ENOENT') throw e;
      return this.system.open(path, flags);
    }
  }

  /** Answers a forwarded call; `signal` interrupts it while it sleeps in a driver (EINTR). */
  async handle(req: SyscallRequest, data?: Uint8Array, signal?: AbortSignal): Promise<SyscallReply> {
    try {
      return await this.run(req, data, { signal });
    } catch (e) {
      const name = errnoName(e);
      if (name) return { errno: name, message: (e as Error).message };
      throw e;
    }
  }

  private async run(req: SyscallRequest, data: Uint8Array | undefined, opts: SleepOptions): Promise<SyscallReply> {
    const mem = (b: Uint8Array): UserMemory => ({ view: () => b });
    switch (req.op) {
      case 'open': {
        const f = await this.open(req.path, req.flags, opts);
        const fh = this.next++;
        this.files.set(fh, f);
        return { ok: { fh } };
      }
      case 'stat': return { ok: this.system.stat(req.path) };
      case 'readdir': return { ok: this.system.readdir(req.path) };
      case 'mkdir': case 'rmdir': case 'unlink': throw new UserError('EPERM');
      case 'rename': throw new UserError('EXDEV');
      // Reads, writes and ioctls of kernel files can sleep: the program waits until the driver is woken.
      case 'read': {
        const buf = new Uint8Array(req.count);
        const f = this.file(req.fh);
        const n = f.readIntoAsync ? await f.readIntoAsync(mem(buf), 0, req.count, opts) : f.readInto(mem(buf), 0, req.count);
        return { ok: n, data: buf.subarray(0, n) };
      }
      case 'write': {
        const f = this.file(req.fh);
        const m = mem(data ?? new Uint8Array(0));
        return { ok: f.writeFromAsync ? await f.writeFromAsync(m, 0, req.count, opts) : f.writeFrom(m, 0, req.count) };
      }
      case 'ioctl': {
        const buf = req.size > 0 ? (data ?? new Uint8Array(req.size)) : new Uint8Array(0);
        const f = this.file(req.fh);
        const arg = req.size > 0 ? 0 : req.arg;
        const r = f.ioctlAsync ? await f.ioctlAsync(req.cmd, arg, mem(buf), opts) : f.ioctl(req.cmd, arg, mem(buf));
        return { ok: r, data: req.size > 0 && ioctlArgBytes(req.cmd).out ? buf : undefined };
      }
      case 'poll': return { ok: await pollWait(req.fhs.map((fh) => this.file(fh)), req.events, req.timeout, opts) };
      case 'lseek': return { ok: this.file(req.fh).lseek(req.offset, req.whence) };
      case 'fstat': return { ok: this.file(req.fh).stat?.() ?? { type: 'chardev', size: 0 } };
      case 'close': {
        const f = this.file(req.fh);
        this.files.delete(req.fh);
        f.close();
        return { ok: null };
      }
      case 'stdin': return { ok: 0 };
    }
  }
}

/**
 * poll(2) over kernel files that can wait: the masks now; when none is ready and the timeout allows, waits
 * on every file's queues at once (pollAsync) until the first is ready, then reports them all again.
 */
async function pollWait(files: UserFile[], events: number[], timeout: number, opts: SleepOptions): Promise<number[]> {
  const now = () => files.map((f, i) => pollNow(f, events[i]!));
  const masks = now();
  if (timeout === 0 || masks.some((m) => m !== 0)) return masks;
  const waiting = files.filter((f) => f.pollAsync);
  if (waiting.length === 0) return masks;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  opts.signal?.addEventListener('abort', onAbort);
  try {
    const ends = waiting.map((f) => f.pollAsync!(events[files.indexOf(f)]!, timeout < 0 ? undefined : timeout, { signal: stop.signal }));
    // The first to end decides (ready, its timeout, or EINTR); the others are interrupted.
    await Promise.race(ends);
    stop.abort();
    await Promise.allSettled(ends);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  if (opts.signal?.aborted) throw new UserError('EINTR');
  return now();
}

export interface ForwardingOptions {
  kernel: SyscallKernel;
  /** The caller's emulated root (ordinary files). */
  vfs?: Vfs;
  /** The process the calls run as (Comm/PID in Oops lines). */
  comm?: string;
  /** stdin for 'stdin' requests (it may wait: a terminal's next line). */
  stdin?: (max: number) => Uint8Array | string | null | Promise<Uint8Array | string | null>;
}

const enc = new TextEncoder();
/** Program runs forwarded so far (the next one's process id). */
let programRuns = 0;

/**
 * The caller's handler of a program's channel: kernel paths and files forwarded to the worker kernel,
 * ordinary files from the VFS (a KernelSystem without kernel: the same rules as in-thread, writes written
 * back by sync()). `closeAll()` closes what the program left open (at exit).
 */
export function forwardingHandler(opts: ForwardingOptions) {
  const local = new KernelSystem({ vfs: opts.vfs });
  /** Channel handle → where the file is. */
  const files = new Map<number, { kernel: number } | { local: UserFile }>();
  let next = 1;
  let pendingIn: Uint8Array = new Uint8Array(0);

  const kernelPath = (p: string) => isKernelPath(p) || (opts.kernel.mountPoints?.() ?? []).some((d) => within(p, d));
  // Ends the program's forwarded calls still parked in a driver when it is gone (finish): an open has no
  // file yet that closing could interrupt.
  const gone = new AbortController();
  // The program is one process for all its calls.
  const proc: SyscallProcess | undefined = opts.comm === undefined ? undefined : { comm: opts.comm, id: ++programRuns };
  const forward = async (req: SyscallRequest, data?: Uint8Array): Promise<{ ok: unknown; data?: Uint8Array }> => {
    const r = await opts.kernel.syscall(req, data, proc, gone.signal);
    if ('errno' in r) throw new UserError(r.errno, r.message);
    return r;
  };
  const entry = (fh: number) => {
    const f = files.get(fh);
    if (!f) throw new UserError('EBADF');
    return f;
  };

  const handle = async (req: SyscallRequest, area: Uint8Array): Promise<unknown> => {
    const bounce: UserMemory = { view: () => area };
    switch (req.op) {
      case 'open': {
        if (kernelPath(req.path)) {
          const { ok } = await forward(req);
          const fh = next++;
          files.set(fh, { kernel: (ok as { fh: number }).fh });
          return { fh };
        }
        await local.prefetch([req.path.slice(0, req.path.lastIndexOf('/')) || '/']);
        const f = local.open(req.path, req.flags);
        const fh = next++;
        files.set(fh, { local: f });
        return { fh };
      }
      case 'stat': case 'readdir': {
        if (kernelPath(req.path)) return (await forward(req)).ok;
        // Directories are listed on demand (the VFS is asynchronous; the program waits anyway).
        await local.prefetch([req.path]);
        return req.op === 'stat' ? local.stat(req.path) : local.readdir(req.path);
      }
      case 'mkdir': case 'rmdir': case 'unlink':
        if (kernelPath(req.path)) throw new UserError('EPERM');
        return local[req.op](req.path);
      case 'rename': return local.rename();
      case 'poll': {
        // Ordinary files are always ready; the kernel's are polled (and waited on) in the kernel worker.
        const at = req.fhs.map(entry);
        const masks = at.map((f, i) => ('local' in f ? pollNow(f.local, req.events[i]!) : 0));
        const kernel = at.flatMap((f, i) => ('kernel' in f ? [i] : []));
        if (kernel.length > 0) {
          const timeout = masks.some((m) => m !== 0) ? 0 : req.timeout;
          const { ok } = await forward({
            op: 'poll', fhs: kernel.map((i) => (at[i] as { kernel: number }).kernel), events: kernel.map((i) => req.events[i]!), timeout,
          });
          kernel.forEach((i, j) => { masks[i] = (ok as number[])[j]!; });
        }
        return masks;
      }
      case 'stdin': {
        if (pendingIn.length === 0) {
          const got = (await opts.stdin?.(req.count)) ?? null;
          if (got === null || got.length === 0) return 0;
          pendingIn = typeof got === 'string' ? enc.encode(got) : got;
        }
        const n = Math.min(req.count, pendingIn.length, area.length);
        area.set(pendingIn.subarray(0, n));
        pendingIn = pendingIn.subarray(n);
        return n;
      }
      default: {
        const f = entry(req.fh);
        if ('local' in f) {
          const u = f.local;
          switch (req.op) {
            case 'read': return u.readInto(bounce, 0, req.count);
            case 'write': return u.writeFrom(bounce, 0, req.count);
            case 'ioctl': return u.ioctl(req.cmd, req.size > 0 ? 0 : req.arg, bounce);
            case 'lseek': return u.lseek(req.offset, req.whence);
            case 'fstat': return u.stat?.() ?? { type: 'file', size: 0 };
            case 'close': files.delete(req.fh); return u.close();
          }
        }
        const kfh = (f as { kernel: number }).kernel;
        const sent = req.op === 'write' ? area.slice(0, req.count)
          : req.op === 'ioctl' && req.size > 0 ? area.slice(0, req.size) : undefined;
        if (req.op === 'close') files.delete(req.fh);
        const r = await forward({ ...req, fh: kfh }, sent);
        if (r.data && r.data.length > 0) area.set(r.data);
        return r.ok;
      }
    }
  };

  return Object.assign(handle, {
    /** Closes the files the program left open and writes its ordinary files back to the VFS. */
    async finish(): Promise<void> {
      gone.abort();
      const open = [...files.entries()];
      files.clear();
      for (const [, f] of open) {
        try {
          if ('local' in f) f.local.close();
          else await opts.kernel.syscall({ op: 'close', fh: f.kernel }, undefined, proc);
        } catch { /* closing at exit (the kernel may be hung) */ }
      }
      await local.sync();
    },
  });
}
