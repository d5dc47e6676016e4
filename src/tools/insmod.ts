// insmod(8), as kmod's tools/insmod.c: one file path, the rest are module parameters.

import { KernelError, strerror, EACCES, EINVAL, EISDIR, ENOENT, ENOEXEC, ENOTDIR, ESRCH } from '../kernel/errno.js';
import { KernelOops, joinInsmodArgs } from '../kernel/kernel.js';
import type { Tool } from './context.js';
import { getopt, hasOpt } from './getopt.js';
import { kmodVersionText } from './version.js';

/** The reason texts kmod prints for init_module failures (mod_strerror). */
export function insmodReason(errno: number): string {
  switch (errno) {
    case ENOEXEC: return 'Invalid module format';
    case ENOENT: return 'Unknown symbol in module';
    case ESRCH: return 'Module has wrong symbol version';
    case EINVAL: return 'Invalid parameters';
    default: return strerror(errno);
  }
}

/** Exit status of a process the kernel killed after an Oops in its system call (SIGSEGV). */
export const OOPS_EXIT = 139;

export const insmod: Tool = async (argv, ctx) => {
  const o = getopt(argv, 'fsvVh', {
    force: { short: 'f' }, syslog: { short: 's' }, verbose: { short: 'v' }, version: { short: 'V' }, help: { short: 'h' },
    'force-modversion': {}, 'force-vermagic': {},
  }, { stopAtFirstOperand: true, exactLongNames: true });
  if (o.error) {
    ctx.stderr(`insmod: ${o.error}\n`);
    return 1;
  }
  if (hasOpt(o, 'h')) {
    ctx.stdout('Usage:\n\tinsmod [options] filename [args]\nOptions:\n\t-V, --version     show version\n\t-h, --help        show this help\n');
    return 0;
  }
  if (hasOpt(o, 'V')) {
    ctx.stdout(kmodVersionText());
    return 0;
  }
  const [file, ...params] = o.operands;
  if (file === undefined) {
    ctx.stderr('insmod: ERROR: missing filename.\n');
    return 1;
  }
  if (file === '-') {
    ctx.stderr('insmod: ERROR: this tool does not support loading from stdin!\n');
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = await ctx.fs.readFile(file);
  } catch (e) {
    ctx.stderr(`insmod: ERROR: could not load module ${file}: ${fsReason(e)}\n`);
    return 1;
  }
  const force = hasOpt(o, 'f');
  try {
    await ctx.kernel.asProcess('insmod', () => ctx.kernel.insmod(bytes, joinInsmodArgs(params), {
      ignoreVermagic: force || hasOpt(o, 'force-vermagic'),
      ignoreModversions: force || hasOpt(o, 'force-modversion'),
    }));
  } catch (e) {
    if (e instanceof KernelOops) {
      ctx.stderr('Segmentation fault\n');
      return OOPS_EXIT;
    }
    if (!(e instanceof KernelError)) throw e;
    ctx.stderr(`insmod: ERROR: could not insert module ${file}: ${insmodReason(e.errno)}\n`);
    return 1;
  }
  return 0;
};

/** strerror text of a host file system error (ENOENT → "No such file or directory"). */
export function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  const known: Record<string, string> = {
    ENOENT: strerror(ENOENT), EACCES: strerror(EACCES), EISDIR: strerror(EISDIR), ENOTDIR: strerror(ENOTDIR),
  };
  return (code && known[code]) || (e as Error).message;
}
