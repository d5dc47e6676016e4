// What crosses the boundary between the caller and the kernel worker: the kernel calls of
// src/api/calls.ts (one at a time, or a batch of them in one round trip), as the methods of the
// service the worker exposes with comlink; the errors (errors.ts: comlink transfer handlers) and the
// messages the worker posts on its own (printk records, the usermode helper, the mount table).
// No Node or DOM imports: both sides and both platforms share it.

import type { LogRecord } from '../kernel/printk.js';
import type { BatchOp } from '../api/calls.js';
import type { SyscallProcess, SyscallReply } from '../user/forward.js';
import type { SyscallRequest } from '../user/channel.js';
import type { BatchReply } from './errors.js';

/** Boot options that can be sent to a worker (functions such as console stay with the caller). */
export interface WorkerBootOptions {
  vmlinux: Uint8Array;
  cmdline?: string;
  trustedKeys?: Uint8Array[];
  moduleSigForce?: boolean;
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
  boot(opts: WorkerBootOptions): Promise<{ seq: number }>;
  /** `abortId`: abort(abortId) interrupts the call while it sleeps in a driver (EINTR). */
  call(op: BatchOp, abortId?: number): Promise<unknown>;
  /** The caller's AbortSignal of call(op, id) or syscall(…, id) fired (the shell's Ctrl-C, a program's end). */
  abort(abortId: number): void;
  batch(ops: BatchOp[], stopOnError: boolean): Promise<BatchReply>;
  /** Finishes an open (newline-less) record. */
  flushLog(): void;
  /** dmesg -C in the worker's ring. */
  clearLog(): void;
  /** The usermode helper of a 'helper-run' event ended with `status`. */
  helperDone(id: number, status: number): void;
  /** A user program's system call on a kernel path (src/user/forward.ts), as process `comm` (or the program's). */
  syscall(req: SyscallRequest, data: Uint8Array | undefined, comm: SyscallProcess | undefined, abortId?: number): Promise<SyscallReply>;
}
