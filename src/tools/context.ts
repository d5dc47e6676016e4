// What a tool gets: the kernel's library API, output streams and a file system. Tools parse argv
// (getopt.ts), call the library and print; they never reach into kernel internals (kmod's libkmod/tools
// split).

import type { TtyInfo } from '../term/progress.js';
import type { Kernel } from '../kernel/kernel.js';
import type { KmodKernel } from '../kmod/probe.js';
import type { KernelApi } from '../api/api.js';
import type { Vfs } from '../vfs/index.js';

export interface ToolFs {
  /** Reads a file (absolute or relative to the current directory). Throws an error with `code` (ENOENT…). */
  readFile(path: string): Promise<Uint8Array>;
  /** True when the path names an existing regular file. */
  isFile(path: string): Promise<boolean>;
}

export interface ToolContext {
  /** The kernel behind the promise API (in-thread or in a worker): tools await every call. */
  kernel: KernelApi;
  fs: ToolFs;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole emulated file system (depmod, modprobe, modinfo: module tree, configuration, /sys). */
  vfs?: Vfs;
  /** Current directory, for relative paths given to a tool. */
  cwd?: string;
  /** Environment variables (MODPROBE_OPTIONS). */
  env?: Record<string, string>;
  /** Runs a command line through the lkm shell with extra environment (install/remove commands); resolves to its status. */
  system?: (cmd: string, env: Record<string, string>, io: { stdout(text: string): void; stderr(text: string): void }) => Promise<number>;
  /** Set when stderr is a terminal (long operations draw a progress bar there); its width. */
  tty?: TtyInfo;
  /** The process's signals (Ctrl-C): a tool that waits (dmesg -w) stops when it fires. */
  signal?: AbortSignal;
}

export type Tool = (argv: string[], ctx: ToolContext) => Promise<number>;

/** The subset of ToolContext that depmod, modprobe and modinfo use (a ToolContext is one; the kernel is optional). */
export interface KmodToolContext {
  kernel?: KmodKernel;
  vfs?: Vfs;
  cwd?: string;
  env?: Record<string, string>;
  stdout(text: string): void;
  stderr(text: string): void;
  system?: ToolContext['system'];
  tty?: TtyInfo;
}
