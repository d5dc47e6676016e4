// Build output on a Node console: kbuild's lines on stdout, diagnostics on stderr, and on a terminal a
// progress bar under them (drawn once a build has run for a moment, so warm builds look as before).

import { ProgressBar } from '../term/progress.js';
import type { BuildLog, BuildProgress } from './build-types.js';

export interface ConsoleBuildOutput { log: BuildLog; progress?: BuildProgress; end(): void; }

/** `linesTo`: kbuild's CC/LD lines go to stderr too (lkm run keeps stdout for the kernel log). */
export function consoleBuildOutput(opts: { linesTo?: 'stdout' | 'stderr' } = {}): ConsoleBuildOutput {
  const out = (t: string) => { (opts.linesTo === 'stderr' ? process.stderr : process.stdout).write(t); };
  const err = (t: string) => { process.stderr.write(t); };
  if (!process.stderr.isTTY) return { log: (t, s) => (s === 'out' ? out(t) : err(t)), end: () => {} };
  const bar = new ProgressBar(err, 'build', { columns: process.stderr.columns });
  const above = { out: bar.above(out), err: bar.above(err) };
  return { log: (t, s) => above[s](t), progress: bar, end: () => bar.end() };
}
