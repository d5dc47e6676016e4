// What the kmod tools (depmod, modprobe, modinfo) share: their view of the tool context, the kernel
// release and module directory, and argument parsing helpers.

import type { TtyInfo } from '../term/progress.js';
import { UTS_RELEASE } from '../kernel/kernel.js';
import type { Vfs } from '../vfs/index.js';
import { joinPath } from '../vfs/index.js';
import type { KmodKernel } from './probe.js';

/** The subset of ToolContext the kmod tools use (a ToolContext is one). */
export interface KmodToolContext {
  kernel?: KmodKernel;
  vfs?: Vfs;
  cwd?: string;
  env?: Record<string, string>;
  stdout(text: string): void;
  stderr(text: string): void;
  system?: (cmd: string, env: Record<string, string>, io: { stdout(text: string): void; stderr(text: string): void }) => Promise<number>;
  /** Set when stderr is a terminal (depmod draws a progress bar there). */
  tty?: TtyInfo;
}

/** `uname -r` of the emulated kernel. */
export const RELEASE = UTS_RELEASE;

/** /lib/modules/<release>, under a base directory when one is given (-b, -d). */
export function moduleDirname(release: string, basedir?: string): string {
  return joinPath(basedir ?? '/', 'lib/modules', release);
}

/**
 * getopt_long with GNU argument permutation: options may follow operands; "--" ends options; long
 * names may be abbreviated. Options are reported by their short letter, or by `name` (default: the long name).
 */
export interface Getopt {
  opts: { name: string; value?: string }[];
  operands: string[];
  error?: string;
}

export function getopt(argv: string[], short: string, long: Record<string, { short?: string; arg?: boolean; name?: string }>, stopAtFirstOperand = false): Getopt {
  const res: Getopt = { opts: [], operands: [] };
  const takesArg = (c: string) => short.includes(`${c}:`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { res.operands.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(long).filter((k) => k === key || k.startsWith(key));
      const exact = matches.find((k) => k === key);
      const name = exact ?? (matches.length === 1 ? matches[0] : undefined);
      if (!name) { res.error = matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`; return res; }
      const spec = long[name]!;
      const canonical = spec.short ?? spec.name ?? name;
      if (spec.arg) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) { res.error = `option '--${name}' requires an argument`; return res; }
        res.opts.push({ name: canonical, value: v });
      } else {
        if (eq >= 0) { res.error = `option '--${name}' doesn't allow an argument`; return res; }
        res.opts.push({ name: canonical });
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (!short.includes(c) || c === ':') { res.error = `invalid option -- '${c}'`; return res; }
        if (takesArg(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) { res.error = `option requires an argument -- '${c}'`; return res; }
          res.opts.push({ name: c, value: v });
          break;
        }
        res.opts.push({ name: c });
      }
      continue;
    }
    res.operands.push(a);
    if (stopAtFirstOperand) { res.operands.push(...argv.slice(i + 1)); break; }
  }
  return res;
}
