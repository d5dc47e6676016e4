// What a fuzz target counts: inputs per outcome ("loaded", "ENOEXEC", …), and the run of one target
// through fast-check with its seed and number of runs.

import fc from 'fast-check';
import { KernelError } from '../src/kernel/errno.js';

export class Tally {
  readonly counts = new Map<string, number>();
  total = 0;

  add(outcome: string): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
    this.total++;
  }

  /** "40000 inputs — loaded 120, ENOEXEC 39000", the outcomes most frequent first. */
  summary(): string {
    const parts = [...this.counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
    return `${this.total} inputs — ${parts.join(', ')}`;
  }
}

export interface FuzzOptions {
  runs: number;
  seed: number;
}

/** A failed property: the error and the input fast-check shrank it to. */
export interface FuzzFailure {
  error: unknown;
  counterexample: unknown;
  seed: number;
  path?: string;
}

/** Runs `prop` (its own tally counts outcomes) and returns the failure, if any. */
export async function runProperty<T>(prop: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>,
  opts: FuzzOptions): Promise<FuzzFailure | undefined> {
  const r = await fc.check(prop as fc.IAsyncProperty<T>, { numRuns: opts.runs, seed: opts.seed, endOnFailure: true });
  if (!r.failed) return undefined;
  const example = r.counterexample as unknown[] | null;
  return { error: r.errorInstance, counterexample: example?.[0], seed: r.seed, path: r.counterexamplePath ?? undefined };
}

/** An outcome name for an error a public API threw: its errno name, or undefined (not an allowed error). */
export function errnoOutcome(e: unknown): string | undefined {
  return e instanceof KernelError ? e.code : undefined;
}
