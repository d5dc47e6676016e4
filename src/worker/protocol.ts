// What crosses the boundary between the caller and the kernel worker: the calls (one comlink method
// each, or a batch of them in one round trip), the errors (rebuilt as the caller's own classes) and the
// messages the worker posts on its own (printk records, entry into and exit from module code).
// No Node or DOM imports: both sides and both platforms share it.

import { KernelError } from '../kernel/errno.js';
import { KernelOops, type ModuleInfo } from '../kernel/kernel.js';
import type { LoadOptions } from '../kernel/load.js';
import type { FaultKind, Frame } from '../kernel/oops.js';
import type { LogRecord } from '../kernel/printk.js';
import type { DeviceStat } from '../kernel/devices.js';
import type { KernelStat, MountOptions } from '../kernel/mounts.js';
import type { SyscallReply } from '../user/forward.js';
import type { SyscallRequest } from '../user/channel.js';

export interface SymbolInfo { name: string; owner: string; gplOnly: boolean; kind: 'function' | 'data' }

/** The kernel calls a caller can make, as the worker runs them (bytes, not paths: files stay with the caller). */
export interface KernelCalls {
  insmod(file: Uint8Array, params?: string | string[], opts?: LoadOptions): Promise<ModuleInfo>;
  rmmod(name: string, opts?: { force?: boolean }): void;
  lsmod(): ModuleInfo[];
  readFile(path: string): string;
  writeFile(path: string, data: string): void;
  readdir(path: string): string[];
  symbols(): SymbolInfo[];
  /** /proc/sys/kernel/tainted as a number. */
  tainted(): number;
  /** mknod(2) of a character device node under /dev. */
  mknod(path: string, major: number, minor: number, mode?: number): void;
  /** stat(2) of a device node under /dev (undefined: none). */
  statDevice(path: string): DeviceStat | undefined;
  stat(path: string): KernelStat | undefined;
  /** mount(2) that can wait for modprobe; `opts.targetType` is what the caller found at the mount point. */
  mount(source: string | null, target: string, fstype: string, flags?: number, data?: string, opts?: MountOptions): Promise<void>;
  umount(target: string, flags?: number): void;
}

export type CallName = keyof KernelCalls;

/** One operation of a batch: a call, its arguments, and the process it runs as (Comm/PID in Oops lines). */
export type BatchOp = { [M in CallName]: { op: M; args: Parameters<KernelCalls[M]>; comm?: string } }[CallName];

export type BatchResult = { ok: true; value: unknown } | { ok: false; error: Error };

/** Error as it crosses the boundary. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  errno?: number;
  module?: string;
  frames?: Frame[];
  kind?: FaultKind;
}

export type Wire<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function toWireError(e: unknown): WireError {
  if (e instanceof KernelOops) return { name: e.name, message: e.message, stack: e.stack, module: e.module, frames: e.frames, kind: e.kind };
  if (e instanceof KernelError) return { name: e.name, message: e.message, stack: e.stack, errno: e.errno };
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack, errno: (e as { errno?: number }).errno };
  return { name: 'Error', message: String(e) };
}

/** Rebuilds KernelError and KernelOops as the caller's classes (instanceof works on the caller side). */
export function fromWireError(w: WireError): Error {
  let e: Error;
  if (w.name === 'KernelOops') e = new KernelOops(w.message, w.module, w.frames ?? [], w.kind);
  else if (w.name === 'KernelError' && w.errno !== undefined) e = new KernelError(w.errno, w.message);
  else {
    e = new Error(w.message);
    e.name = w.name;
  }
  if (w.stack) e.stack = `${w.stack}\n    at (kernel worker)`;
  return e;
}

/** Boot options that can be sent to a worker (functions such as console stay with the caller). */
export interface WorkerBootOptions {
  vmlinux: Uint8Array;
  cmdline?: string;
  /** The watchdog's shared state (watch.ts). */
  watch: SharedArrayBuffer;
}

/** Messages the worker posts outside comlink (no `id` field: comlink ignores them). */
export type WorkerEvent =
  | { lkm: 'log'; records: LogRecord[]; open?: LogRecord }
  /** request_module(): does the usermode helper exist? The worker waits for the answer in the watch state. */
  | { lkm: 'helper-exists'; path: string }
  /**
   * request_module(): run the usermode helper (modprobe) on the caller's side, then answer with
   * helperDone(id, exit status): a system call that can wait (an open that autoloads a driver) awaits it.
   */
  | { lkm: 'helper-run'; argv: string[]; env: Record<string, string>; id: number }
  /** The mount table changed (or the kernel booted): its mount points. */
  | { lkm: 'mounts'; points: string[] };

export function isWorkerEvent(m: unknown): m is WorkerEvent {
  return typeof m === 'object' && m !== null && typeof (m as { lkm?: unknown }).lkm === 'string';
}

/** The object the worker exposes through comlink. */
export interface KernelService {
  boot(opts: WorkerBootOptions): Promise<Wire<{ seq: number }>>;
  /** `abortId`: abort(abortId) interrupts the call while it sleeps in a driver (EINTR). */
  call(op: BatchOp, abortId?: number): Promise<Wire<unknown>>;
  /** The caller's AbortSignal of call(op, id) or syscall(…, id) fired (the shell's Ctrl-C, a program's end). */
  abort(abortId: number): void;
  batch(ops: BatchOp[], stopOnError: boolean): Promise<Wire<unknown>[]>;
  /** Finishes an open (newline-less) record. */
  flushLog(): void;
  /** dmesg -C in the worker's ring. */
  clearLog(): void;
  /** The usermode helper of a 'helper-run' event ended with `status`. */
  helperDone(id: number, status: number): void;
  /** A user program's system call on a kernel path (src/user/forward.ts), as process `comm`. */
  syscall(req: SyscallRequest, data: Uint8Array | undefined, comm: string | undefined, abortId?: number): Promise<Wire<SyscallReply>>;
}
