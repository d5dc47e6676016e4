// rmmod(8), as kmod's tools/rmmod.c: in-use checks from /sys, then delete_module(2).

import { KernelError, strerror } from '../kernel/errno.js';
import { KernelOops } from '../kernel/kernel.js';
import { normalizeModuleName } from '../kernel/module.js';
import { OOPS_EXIT } from './insmod.js';
import type { Tool, ToolContext } from './context.js';
import { getopt, hasOpt } from './getopt.js';
import { kmodVersionText } from './version.js';

/** check_module_inuse(): the ERROR line to print, or undefined when removal may be attempted. */
async function checkModuleInuse(ctx: ToolContext, name: string): Promise<string | undefined> {
  const k = ctx.kernel;
  const read = async (p: string) => { try { return await k.readFile(p); } catch { return undefined; } };
  if (await read(`/sys/module/${name}/initstate`) === undefined) return `Module ${name} is not currently loaded`;
  const holders = await k.readdir(`/sys/module/${name}/holders`);
  if (holders.length > 0) return `Module ${name} is in use by:${holders.map((h) => ` ${h}`).join('')}`;
  const refcnt = await read(`/sys/module/${name}/refcnt`);
  if (refcnt === undefined) return 'Module unloading is not supported';
  if (Number(refcnt) > 0) return `Module ${name} is in use`;
  return undefined;
}

export const rmmod: Tool = async (argv, ctx) => {
  const o = getopt(argv, 'fsvVh', {
    force: { short: 'f' }, syslog: { short: 's' }, verbose: { short: 'v' }, version: { short: 'V' }, help: { short: 'h' },
  }, { exactLongNames: true });
  if (o.error) {
    ctx.stderr(`rmmod: ${o.error}\n`);
    return 1;
  }
  if (hasOpt(o, 'h')) {
    ctx.stdout('Usage:\n\trmmod [options] modulename ...\nOptions:\n\t-f, --force       forces a module unload and may crash your\n\t                  machine. This requires Forced Module Removal\n\t                  option in your kernel. DANGEROUS\n\t-s, --syslog      print to syslog, not stderr\n\t-v, --verbose     enables more messages\n\t-V, --version     show version\n\t-h, --help        show this help\n');
    return 0;
  }
  if (hasOpt(o, 'V')) {
    ctx.stdout(kmodVersionText());
    return 0;
  }
  if (o.operands.length === 0) {
    ctx.stderr('rmmod: ERROR: missing module name.\n');
    return 1;
  }
  const force = hasOpt(o, 'f');
  let status = 0;
  for (const arg of o.operands) {
    const name = normalizeModuleName(arg);
    if (!force) {
      const why = await checkModuleInuse(ctx, name);
      if (why) {
        ctx.stderr(`rmmod: ERROR: ${why}\n`);
        status = 1;
        continue;
      }
    }
    try {
      await ctx.kernel.asProcess('rmmod', () => ctx.kernel.rmmod(name, { force }));
    } catch (e) {
      if (e instanceof KernelOops) {
        ctx.stderr('Segmentation fault\n');
        return OOPS_EXIT;
      }
      if (!(e instanceof KernelError)) throw e;
      ctx.stderr(`rmmod: ERROR: could not remove '${name}': ${strerror(e.errno)}\n`);
      ctx.stderr(`rmmod: ERROR: could not remove module ${arg}: ${strerror(e.errno)}\n`);
      status = 1;
    }
  }
  return status;
};
