// The kernel API as a caller sees it whatever the isolation: every call returns a promise, so the same
// code drives an in-thread kernel (isolate: 'none', local-kernel.ts) and a kernel in a worker (isolate:
// 'worker', src/worker/client.ts). Its calls are those of calls.ts, promised; the rest is the caller's
// side: the log, mount watching, processes, batches, reboot.

import type { SpawnCpu } from '../kernel/threads.js';
import type { ModuleInfo } from '../kernel/kernel.js';
import type { LoadOptions } from '../kernel/load.js';
import type { LogListener, LogRecord } from '../kernel/printk.js';
import { CALL_NAMES, type BatchOp, type BatchResult, type CallName, type KernelCalls } from './calls.js';

export type Isolate = 'none' | 'worker';

/** The kernel log as the caller reads it (PrintkRing's reading half). */
export interface LogView {
  /** Sequence number the next record will get. */
  readonly seq: number;
  /** Records not cleared, oldest first (an open record included). */
  read(): LogRecord[];
  /** Records with seq ≥ `seq`. */
  since(seq: number): LogRecord[];
  /** Completes an open (newline-less) record. */
  flush(): void;
  /** dmesg -C. */
  clear(): void;
  /** Completed records as they are logged; returns the unsubscribe function. */
  subscribe(l: LogListener): () => void;
}

/** An operation for `batch()`: as BatchOp, but insmod may name a file the caller's readFile reads. */
export type ScriptOp =
  | BatchOp
  | { op: 'insmod'; args: [file: Uint8Array | string, params?: string | string[], opts?: LoadOptions]; comm?: string };

/** A call of KernelCalls as the caller makes it: same arguments, a promise of the result. */
type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** Calls whose caller-side signature differs from the kernel's (paths, signals, the mount point's type). */
type CallerSide = 'insmod' | 'readFile' | 'readBytes' | 'writeFile' | 'writeBytes' | 'mount';

/** The calls the promise API passes on as they are (LocalKernel and WorkerKernel get them by forwardCalls). */
export type ForwardedCalls = { [M in Exclude<CallName, CallerSide>]: Promised<KernelCalls[M]> };

/** The kernel API every front end, tool and the shell use, in-thread or in a worker. */
export interface KernelApi extends ForwardedCalls {
  readonly isolate: Isolate;
  readonly log: LogView;
  /** reboot() can boot a new kernel (false: an in-thread Kernel the caller booted itself). */
  readonly rebootable: boolean;
  /** init_module(2) from bytes or a path (read on the caller's side by the boot option readFile). */
  insmod(file: Uint8Array | string, params?: string | string[], opts?: LoadOptions): Promise<ModuleInfo>;
  dmesg(opts?: { clear?: boolean; level?: number[]; time?: boolean }): Promise<string[]>;
  /** /proc, /sys and /dev; a device read or write that sleeps is interrupted by `signal` (EINTR). */
  readFile(path: string, opts?: { signal?: AbortSignal }): Promise<string>;
  /** Up to `count` bytes of a kernel file after the first `offset`, by read(2)s (a device that streams: only what is asked). */
  readBytes(path: string, count: number, offset?: number, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
  writeFile(path: string, data: string, opts?: { signal?: AbortSignal }): Promise<void>;
  writeBytes(path: string, data: Uint8Array, opts?: { signal?: AbortSignal }): Promise<void>;
  /**
   * mount(2), as a system call that can wait: a type nobody registered is loaded through modprobe
   * "fs-TYPE" first. `flags`: MS_* (src/kernel/mounts.ts); `data`: the options ("a,b=1").
   */
  mount(source: string | null, target: string, fstype: string, flags?: number, data?: string): Promise<void>;
  /** Calls `l` with the kernel's mount points now and after every mount and umount (and reboot). */
  watchMounts(l: (points: string[]) => void): () => void;
  /** Calls started synchronously inside `fn` run as process `comm` (insmod, rmmod …) in Oops/WARN lines. */
  asProcess<T>(comm: string, fn: () => T): T;
  /** Runs the operations in order in one round trip; each gets its own result. */
  batch(ops: ScriptOp[], opts?: { stopOnError?: boolean }): Promise<BatchResult[]>;
  /** Boots a new kernel (worker mode: a new worker); the caller's files and log listeners are kept. */
  reboot(): Promise<void>;
  /** Stops the kernel (worker mode: terminates the worker). */
  close(): Promise<void>;
}

/**
 * Gives `cls` one method per forwarded call that it does not define itself: `name(...args)` sends
 * `{ op: name, args }` to the instance's `call` (declare the methods with `interface C extends ForwardedCalls {}`).
 */
export function forwardCalls(cls: { prototype: object }): void {
  for (const op of CALL_NAMES) {
    if (Object.hasOwn(cls.prototype, op)) continue;
    Object.defineProperty(cls.prototype, op, {
      configurable: true,
      writable: true,
      value(this: { call(op: BatchOp): Promise<unknown> }, ...args: unknown[]) { return this.call({ op, args } as BatchOp); },
    });
  }
}

export interface KernelBootOptions {
  /** 'worker' (default in the shell, CLI and web page) or 'none' (the kernel runs on the caller's thread). */
  isolate?: Isolate;
  vmlinux: Uint8Array;
  cmdline?: string;
  /** DER X.509 certificates of the built-in trusted keys (module signatures); Node's boot adds the build's. */
  trustedKeys?: Uint8Array[];
  /** Boot as a CONFIG_MODULE_SIG_FORCE=y kernel: module.sig_enforce is on from the start. */
  moduleSigForce?: boolean;
  /** Reads a file for insmod(path), on the caller's side. */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Receives each completed record at or below the console loglevel (on the caller's side). */
  console?: (line: string, record: LogRecord) => void;
  /**
   * What a path is in the caller's file system ('dir', 'file', null: missing), for mount(2)'s checks of
   * its mount point; unset: every mount point outside the kernel's own paths is taken for a directory.
   */
  pathType?: (path: string) => Promise<'dir' | 'file' | null>;
  /** Watchdog (worker mode): module code running longer than this is a soft lockup. Default 10 000 ms. */
  watchdogMs?: number;
  /** isolate 'none': the CPU workers for kernel threads (src/kernel/threads.ts); Node's bootKernel sets it. */
  spawnCpu?: SpawnCpu;
}

export const DEFAULT_WATCHDOG_MS = 10_000;

/**
 * Runs `fn` with `holder.comm` set to `comm` until it returns, or until its promise settles when it
 * returns one: the calls it makes run as that process (Comm/PID in Oops and WARN reports).
 */
export function runAsProcess<T>(holder: { comm: string | undefined }, comm: string, fn: () => T): T {
  const saved = holder.comm;
  holder.comm = comm;
  let pending = false;
  try {
    const r = fn();
    if (r instanceof Promise) {
      pending = true;
      return r.finally(() => { holder.comm = saved; }) as T;
    }
    return r;
  } finally {
    if (!pending) holder.comm = saved;
  }
}
