// What a tool gets: the kernel's library API, output streams and a file system. Tools parse argv,
// call the library and print; they never reach into kernel internals (kmod's libkmod/tools split).

import type { TtyInfo } from '../term/progress.js';
import type { Kernel } from '../kernel/kernel.js';
import type { KernelApi } from '../worker/api.js';
import type { Vfs } from '../vfs/index.js';

export interface ToolFs {
  /** Reads a file (absolute or relative to the current directory). Throws an error with `code` (ENOENT…). */
  readFile(path: string): Promise<Uint8Array>;
  /** True when the path names an existing regular file. */
  isFile(path: string): Promise<boolean>;
}

export interface ToolContext {
  /** The in-thread kernel, or one behind the promise API (a worker kernel): tools await every call. */
  kernel: Kernel | KernelApi;
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
}

export type Tool = (argv: string[], ctx: ToolContext) => Promise<number>;

/** Splits "-abc" style short options and "--long[=v]" options the way getopt_long does. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  rest: string[];
  error?: string;
}

export interface OptSpec {
  /** short letter → long name */
  short: Record<string, string>;
  /** long-only option names (no short letter) */
  long?: string[];
  /** long names that take a value */
  withValue?: Set<string>;
  /** stop option parsing at the first non-option (insmod: module args follow the file). */
  stopAtFirst?: boolean;
}

export function parseOpts(argv: string[], spec: OptSpec): ParsedArgs {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  const longs = new Set([...Object.values(spec.short), ...(spec.long ?? [])]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { rest.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (!longs.has(name) && !spec.withValue?.has(name)) return { flags, rest, error: `unrecognized option '${a}'` };
      if (spec.withValue?.has(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) return { flags, rest, error: `option '--${name}' requires an argument` };
        flags.set(name, v);
      } else flags.set(name, true);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const long = spec.short[a[j]!];
        if (!long) return { flags, rest, error: `invalid option -- '${a[j]}'` };
        if (spec.withValue?.has(long)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return { flags, rest, error: `option requires an argument -- '${a[j]}'` };
          flags.set(long, v);
          break;
        }
        flags.set(long, true);
      }
      continue;
    }
    rest.push(a);
    if (spec.stopAtFirst) { rest.push(...argv.slice(i + 1)); break; }
  }
  return { flags, rest };
}
