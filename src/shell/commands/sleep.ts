// sleep NUMBER[SUFFIX]… (coreutils): the sum of the intervals (s, m, h, d; fractions allowed), in real
// time. A signal (Ctrl-C, kill) ends it at once; the shell then reports 128 + the signal's number.

import { quote, tryHelp } from './common.js';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds of one operand (xstrtod + suffix), or undefined when it is no interval. */
export function interval(s: string): number | undefined {
  const m = /^\s*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(s);
  if (!m) return undefined;
  const v = /^inf/i.test(m[1]!) ? Infinity : Number(m[1]);
  return v * UNIT[m[2]!.toLowerCase()]!;
}

/** Waits `ms` milliseconds or until `signal` fires. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) { resolve(); return; }
    // setTimeout's limit is 2^31-1 ms: a longer wait (sleep inf) is waited in pieces.
    const step = Math.min(ms, 2 ** 31 - 1);
    const done = () => { clearTimeout(timer); signal?.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      if (ms > step) void pause(ms - step, signal).then(resolve);
      else resolve();
    }, step);
    signal?.addEventListener('abort', done);
  });
}

export async function sleepCommand(argv: string[], io: { stderr(text: string): void; signal?: AbortSignal }): Promise<number> {
  const ops = argv.slice(1);
  if (ops[0] === '--') ops.shift();
  if (ops.length === 0) { io.stderr(`sleep: missing operand\n${tryHelp('sleep')}`); return 1; }
  let seconds = 0;
  let ok = true;
  for (const o of ops) {
    const v = interval(o);
    // A word with a leading '-' is an option to getopt, and sleep has none.
    if (o.startsWith('-') && o.length > 1) { io.stderr(`sleep: invalid option -- '${o[1]}'\n${tryHelp('sleep')}`); return 1; }
    if (v === undefined) {
      io.stderr(`sleep: invalid time interval ${quote(o)}\n`);
      ok = false;
    } else seconds += v;
  }
  if (!ok) { io.stderr(tryHelp('sleep')); return 1; }
  await pause(seconds * 1000, io.signal);
  return 0;
}
