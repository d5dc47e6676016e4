// The kernel calls, declared once. A call is what a caller can ask of a kernel wherever it runs: its
// signature here (KernelCalls), how a Kernel runs it (KERNEL_CALLS). The promise API (api.ts), the worker
// protocol (BatchOp, the worker's dispatch) and the methods of LocalKernel and WorkerKernel are derived
// from these two; adding a call is one signature and one table entry (the compiler asks for the entry).
// Bytes, not paths: files stay with the caller (insmod(path) is read on the caller's side).

import type { Kernel, ModuleInfo, ModuleLeak } from '../kernel/kernel.js';
import type { LoadOptions } from '../kernel/load.js';
import type { DeviceStat } from '../kernel/devices.js';
import type { KernelStat, MountOptions } from '../kernel/mounts.js';
import { netLinks, netLinkSet, packetSend, type LinkChange, type LinkResult, type NetLink } from '../kernel/net.js';

export interface SymbolInfo { name: string; owner: string; gplOnly: boolean; kind: 'function' | 'data' }

/** The kernel calls, as the kernel runs them. */
export interface KernelCalls {
  /** init_module(2); the module as lsmod reports it. */
  insmod(file: Uint8Array, params?: string | string[], opts?: LoadOptions): Promise<ModuleInfo>;
  /** delete_module(2); `force` is rmmod -f. */
  rmmod(name: string, opts?: { force?: boolean }): void;
  lsmod(): ModuleInfo[];
  /** Allocations modules did not free by the end of their unload, since boot (the "leaked" reports). */
  leaks(): ModuleLeak[];
  /** As a system call that can wait: a device node whose driver is missing autoloads it (openAsync). */
  readFile(path: string): Promise<string>;
  /** read(2)s of a file the kernel serves: up to `count` bytes after the first `offset`, as they are (dd, od -N). */
  readBytes(path: string, count: number, offset?: number): Promise<Uint8Array>;
  writeFile(path: string, data: string): Promise<void>;
  /** writeFile with bytes as they are (dd of=/dev/x). */
  writeBytes(path: string, data: Uint8Array): Promise<void>;
  readdir(path: string): string[];
  /** readlink(2) of a link the kernel serves (a sysfs link): its target text. */
  readlink(path: string): string;
  symbols(): SymbolInfo[];
  /** /proc/sys/kernel/tainted as a number. */
  tainted(): number;
  /** mknod(2) of a character (default) or block device node under /dev. */
  mknod(path: string, major: number, minor: number, mode?: number, type?: 'c' | 'b'): void;
  /** stat(2) of a device node under /dev (undefined: none). */
  statDevice(path: string): DeviceStat | undefined;
  /** stat(2) of a path the kernel serves (undefined: none). */
  stat(path: string): KernelStat | undefined;
  /** chmod(2) of a device node under /dev (the kernel's other files: EPERM). */
  chmod(path: string, mode: number): void;
  /** mount(2) that can wait for modprobe "fs-TYPE"; `opts.targetType` is what the caller found at the mount point. */
  mount(source: string | null, target: string, fstype: string, flags?: number, data?: string, opts?: MountOptions): Promise<void>;
  umount(target: string, flags?: number): void;
  /** kill(2) of a kernel thread's PID with signal number `sig` (ESRCH: no such thread). */
  kill(pid: number, sig: number): void;
  /** ip link's RTM_GETLINK dump: the network devices in ifindex order. */
  netLinks(): NetLink[];
  /** ip link set's RTM_NEWLINK: `error` 0 or -errno, with the extended ack's message. */
  netLinkSet(name: string, change: LinkChange): LinkResult;
  /** sendto(2) of a whole frame on an AF_PACKET raw socket bound to device `name`: its length or -errno. */
  packetSend(name: string, frame: Uint8Array): number;
}

export type CallName = keyof KernelCalls;

/** One operation of a batch: a call, its arguments, and the process it runs as (Comm/PID in Oops lines). */
export type BatchOp = { [M in CallName]: { op: M; args: Parameters<KernelCalls[M]>; comm?: string } }[CallName];

export type BatchResult = { ok: true; value: unknown } | { ok: false; error: Error };

type CallRunner<M extends CallName> = (k: Kernel, args: Parameters<KernelCalls[M]>, signal?: AbortSignal) => ReturnType<KernelCalls[M]>;

/** How a Kernel runs each call; `signal` interrupts a read or write that sleeps in a driver (EINTR). */
export const KERNEL_CALLS: { [M in CallName]: CallRunner<M> } = {
  insmod: (k, [file, params, opts]) => k.insmod(file, params, opts).then((m) => k.lsmod().find((x) => x.name === m.name)!),
  rmmod: (k, [name, opts]) => k.rmmod(name, opts),
  lsmod: (k) => k.lsmod(),
  leaks: (k) => k.leaks(),
  readFile: (k, [path], signal) => k.readFileAsync(path, { signal }),
  readBytes: (k, [path, count, offset], signal) => k.readBytesAsync(path, count, offset, { signal }),
  writeFile: (k, [path, data], signal) => k.writeFileAsync(path, data, { signal }),
  writeBytes: (k, [path, data], signal) => k.writeFileAsync(path, data, { signal }),
  readdir: (k, [path]) => k.readdir(path),
  readlink: (k, [path]) => k.readlink(path),
  symbols: (k) => k.symbols(),
  tainted: (k) => k.taintMask,
  mknod: (k, args) => k.mknod(...args),
  statDevice: (k, [path]) => k.statDevice(path),
  stat: (k, [path]) => k.stat(path),
  chmod: (k, [path, mode]) => k.chmod(path, mode),
  mount: (k, args) => k.mountAsync(...args),
  umount: (k, args) => k.umount(...args),
  kill: (k, [pid, sig]) => k.kill(pid, sig),
  netLinks: (k) => netLinks(k),
  netLinkSet: (k, [name, change]) => netLinkSet(k, name, change),
  packetSend: (k, [name, frame]) => packetSend(k, name, frame),
};

/** Every call's name (the keys of KERNEL_CALLS). */
export const CALL_NAMES = Object.keys(KERNEL_CALLS) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(KERNEL_CALLS, name);
}

/** Runs one call on `k`, as process `op.comm` when it names one. */
export function runCall(k: Kernel, op: BatchOp, signal?: AbortSignal): unknown {
  const run = KERNEL_CALLS[op.op] as (k: Kernel, args: unknown[], signal?: AbortSignal) => unknown;
  const exec = () => run(k, op.args, signal);
  return op.comm ? k.asProcess(op.comm, exec) : exec();
}
