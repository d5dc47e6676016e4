// lsmod(8), as kmod's tools/lsmod.c: names from /proc/modules, size/refcnt/holders from /sys/module.

import type { Tool } from './context.js';
import { getopt, hasOpt } from './getopt.js';
import { kmodVersionText } from './version.js';

export const lsmod: Tool = async (argv, ctx) => {
  // Unknown options are ignored (no error), and -v, -s have no effect here.
  const o = getopt(argv, 'svVh', {
    syslog: { short: 's' }, verbose: { short: 'v' }, version: { short: 'V' }, help: { short: 'h' },
  }, { exactLongNames: true });
  if (o.operands.length > 0) {
    ctx.stderr('lsmod: ERROR: too many arguments provided.\n');
    return 1;
  }
  if (hasOpt(o, 'h')) {
    ctx.stdout('Usage:\n\tlsmod [options]\nOptions:\n\t-s, --syslog      print to syslog, not stderr\n\t-v, --verbose     enables more messages\n\t-V, --version     show version\n\t-h, --help        show this help\n');
    return 0;
  }
  if (hasOpt(o, 'V')) {
    ctx.stdout(kmodVersionText());
    return 0;
  }
  const k = ctx.kernel;
  let out = 'Module                  Size  Used by\n';
  for (const line of (await k.readFile('/proc/modules')).split('\n')) {
    if (!line) continue;
    const fields = line.split(' ');
    const name = fields[0]!;
    const sys = async (f: string) => { try { return (await k.readFile(`/sys/module/${name}/${f}`)).trim(); } catch { return undefined; } };
    const size = Number(await sys('coresize') ?? fields[1]);
    const refcnt = Number(await sys('refcnt') ?? fields[2]);
    let row = `${name.padEnd(19)} ${String(size).padStart(8)}  ${refcnt}`;
    let holders: string[] = [];
    try { holders = await k.readdir(`/sys/module/${name}/holders`); } catch { /* none */ }
    holders.forEach((h, i) => { row += (i === 0 ? ' ' : ',') + h; });
    out += `${row}\n`;
  }
  ctx.stdout(out);
  return 0;
};
