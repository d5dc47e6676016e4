// The kernel API as a caller sees it whatever the isolation: every call returns a promise, so the same
// code drives an in-thread kernel (isolate: 'none') and a kernel in a worker (isolate: 'worker').

import type { ModuleInfo } from './kernel.js';
import type { LoadOptions } from './load.js';
import type { LogListener, LogRecord } from './printk.js';
import type { DeviceStat } from './devices.js';
import type { KernelStat } from './mounts.js';
import type { BatchOp, BatchResult, SymbolInfo } from '../worker/protocol.js';

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

export interface KernelApi {
  readonly isolate: Isolate;
  readonly log: LogView;
  /** init_module(2) from bytes or a path (read on the caller's side by the boot option readFile). */
  insmod(file: Uint8Array | string, params?: string | string[], opts?: LoadOptions): Promise<ModuleInfo>;
  /** delete_module(2); `force` is rmmod -f. */
  rmmod(name: string, opts?: { force?: boolean }): Promise<void>;
  lsmod(): Promise<ModuleInfo[]>;
  dmesg(opts?: { clear?: boolean; level?: number[]; time?: boolean }): Promise<string[]>;
  /** /proc, /sys and /dev; a device read or write that sleeps is interrupted by `signal` (EINTR). */
  readFile(path: string, opts?: { signal?: AbortSignal }): Promise<string>;
  writeFile(path: string, data: string, opts?: { signal?: AbortSignal }): Promise<void>;
  readdir(path: string): Promise<string[]>;
  symbols(): Promise<SymbolInfo[]>;
  /** mknod(2) of a character device node under /dev. */
  mknod(path: string, major: number, minor: number, mode?: number): Promise<void>;
  /** stat(2) of a device node under /dev (undefined: none). */
  statDevice(path: string): Promise<DeviceStat | undefined>;
  /** stat(2) of a path the kernel serves (undefined: none). */
  stat(path: string): Promise<KernelStat | undefined>;
  /**
   * mount(2), as a system call that can wait: a type nobody registered is loaded through modprobe
   * "fs-TYPE" first. `flags`: MS_* (src/kernel/mounts.ts); `data`: the options ("a,b=1").
   */
  mount(source: string | null, target: string, fstype: string, flags?: number, data?: string): Promise<void>;
  /** umount2(2); `flags`: MNT_FORCE, MNT_DETACH. */
  umount(target: string, flags?: number): Promise<void>;
  /** Calls `l` with the kernel's mount points now and after every mount and umount (and reboot). */
  watchMounts(l: (points: string[]) => void): () => void;
  /** The taint mask (/proc/sys/kernel/tainted). */
  tainted(): Promise<number>;
  /** Calls started synchronously inside `fn` run as process `comm` (insmod, rmmod …) in Oops/WARN lines. */
  asProcess<T>(comm: string, fn: () => T): T;
  /** Runs the operations in order in one round trip; each gets its own result. */
  batch(ops: ScriptOp[], opts?: { stopOnError?: boolean }): Promise<BatchResult[]>;
  /** Boots a new kernel (worker mode: a new worker); the caller's files and log listeners are kept. */
  reboot(): Promise<void>;
  /** Stops the kernel (worker mode: terminates the worker). */
  close(): Promise<void>;
}

export interface KernelBootOptions {
  /** 'worker' (default in the shell, CLI and web page) or 'none' (the kernel runs on the caller's thread). */
  isolate?: Isolate;
  vmlinux: Uint8Array;
  cmdline?: string;
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
