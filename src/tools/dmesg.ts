// dmesg(1) (util-linux): the kernel ring buffer with timestamps; -c/-C clear, -l filter, -r raw,
// -t no time, -x decode, -n console level, -w/-W follow (wait for new records until a signal).

import { formatRecord, formatTimestamp, type LogRecord } from '../kernel/printk.js';
import type { Tool } from './context.js';
import { getopt, hasOpt, optValue } from './getopt.js';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

function parseLevel(s: string): number | undefined {
  if (/^[0-7]$/.test(s)) return Number(s);
  const i = LEVELS.indexOf(s);
  return i >= 0 ? i : undefined;
}

export const dmesg: Tool = async (argv, ctx) => {
  const o = getopt(argv, 'cCl:rtxn:khwW', {
    'read-clear': { short: 'c' }, clear: { short: 'C' }, level: { short: 'l', arg: true }, raw: { short: 'r' },
    notime: { short: 't' }, decode: { short: 'x' }, 'console-level': { short: 'n', arg: true }, kernel: { short: 'k' },
    help: { short: 'h' }, follow: { short: 'w' }, 'follow-new': { short: 'W' },
  }, { exactLongNames: true });
  if (o.error) {
    ctx.stderr(`dmesg: ${o.error}\n`);
    return 1;
  }
  if (hasOpt(o, 'h')) {
    ctx.stdout('Usage:\n dmesg [options]\n\nDisplay or control the kernel ring buffer.\n\nOptions:\n -C, --clear                 clear the kernel ring buffer\n -c, --read-clear            read and clear all messages\n -k, --kernel                display kernel messages\n -l, --level <list>          restrict output to defined levels\n -n, --console-level <level> set level of messages printed to console\n -r, --raw                   print the raw message buffer\n -t, --notime                don\'t show any timestamp with messages\n -w, --follow                wait for new messages\n -W, --follow-new            wait and print only new messages\n -x, --decode                decode facility and level to readable string\n');
    return 0;
  }
  const k = ctx.kernel;
  const cl = optValue(o, 'n');
  if (cl !== undefined) {
    const lvl = parseLevel(cl);
    if (lvl === undefined) {
      ctx.stderr(`dmesg: unknown level '${cl}'\n`);
      return 1;
    }
    // A number is the console loglevel itself; a name means "show this level and more severe".
    await k.writeFile('/proc/sys/kernel/printk', String(/^\d$/.test(cl) ? lvl : lvl + 1));
    return 0;
  }
  if (hasOpt(o, 'C')) {
    await k.dmesg({ clear: true });
    return 0;
  }
  let levels: number[] | undefined;
  const l = optValue(o, 'l');
  if (l !== undefined) {
    levels = [];
    for (const name of l.split(',')) {
      const lvl = parseLevel(name);
      if (lvl === undefined) {
        ctx.stderr(`dmesg: unknown level '${name}'\n`);
        return 1;
      }
      levels.push(lvl);
    }
  }
  const follow = hasOpt(o, 'w') || hasOpt(o, 'W');
  const time = !hasOpt(o, 't');
  const lines = (r: LogRecord): string => {
    if (hasOpt(o, 'r')) {
      // Raw: the syslog prefix <level> (facility 0 = kern), then the record.
      return r.text.split('\n').map((line) => `<${r.level}>${time ? `${formatTimestamp(r.tsNs)} ` : ''}${line}\n`).join('');
    }
    if (hasOpt(o, 'x')) return formatRecord(r, { time }).map((line) => `kern  :${LEVELS[r.level]!.padEnd(6)}: ${line}\n`).join('');
    return formatRecord(r, { time }).map((line) => `${line}\n`).join('');
  };
  const wanted = (r: LogRecord) => !levels || levels.includes(r.level);
  // Following: records logged from now on are queued, so none is lost between reading the ring and waiting.
  const queued: LogRecord[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = follow ? k.log.subscribe((r) => { queued.push(r); wake?.(); }) : undefined;
  try {
    k.log.flush();
    const records = hasOpt(o, 'W') ? [] : k.log.read().filter(wanted);
    if (hasOpt(o, 'c')) k.log.clear();
    ctx.stdout(records.map(lines).join(''));
    if (!follow) return 0;
    let last = records.length ? records[records.length - 1]!.seq : k.log.seq - 1;
    const signal = ctx.signal;
    while (!signal?.aborted) {
      for (const r of queued.splice(0)) {
        if (r.seq <= last) continue;
        last = r.seq;
        if (wanted(r)) ctx.stdout(lines(r));
      }
      await new Promise<void>((resolve) => {
        const done = () => { wake = undefined; signal?.removeEventListener('abort', done); resolve(); };
        wake = done;
        signal?.addEventListener('abort', done);
        if (queued.length || signal?.aborted) done();
      });
    }
    return 0;
  } finally {
    unsubscribe?.();
  }
};
