// The fail-nth sweep's report: one line per N, e.g.
//   fail-nth 3: init -12 ENOMEM, 1 object leaked (64 bytes, allocated in leaky_init)
//   fail-nth 1: init -12 ENOMEM, clean

import { errnoName } from '../kernel/errno.js';
import { describeLeaks } from '../kernel/leaks.js';
import type { FailNthResult, SweepResult } from './fail-nth-sweep.js';

/** One run's line. */
export function formatFailNth(r: FailNthResult): string {
  const ret = r.outcome === 'loaded' ? 'init 0' : r.outcome === 'crashed' ? 'init did not return' : `init -${r.errno} ${errnoName(r.errno!)}`;
  let init = ret;
  if (!r.injected) init = `no fault injected, ${ret}`;
  else if (r.outcome === 'loaded') init = 'init succeeded despite the failure';
  let line = `fail-nth ${r.n}: ${init}, ${describeLeaks(r.leaks)}`;
  if (r.leftovers.length) line += `, left behind: ${r.leftovers.join(', ')}`;
  if (r.oopses.length) line += `, ${r.oopses.join('; ')}`;
  return line;
}

/** The whole sweep: one line per N (nothing for a module whose load makes no fault-injectable call). */
export function formatSweep(s: SweepResult): string[] {
  return s.results.map(formatFailNth);
}
