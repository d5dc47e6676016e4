// defineKunitTests(): a module's KUnit suites as vitest tests. The module is built (a directory) and run
// once on a fresh kernel while the test file is collected (top-level await); each suite becomes a
// describe, each case a test that passes, is skipped with KUnit's reason, or fails with the EXPECTATION
// FAILED text the kernel printed. What the module did outside its cases (a leak at unload, an Oops, no
// KTAP at all) is one more failing test.

import { readFile } from 'node:fs/promises';
import { describe, it } from 'vitest';
import type { KtapTest } from '../testing/ktap.js';
import { runKunitModule, type ModuleRun } from '../testing/kunit-run.js';
import { bootKernel } from '../worker/boot.node.js';
import type { BuildOptions } from '../kbuild/build.node.js';
import { buildModules } from './modules.node.js';
import type { TestBootOptions } from './index.node.js';

export interface KunitTestOptions {
  /** kunit.filter_glob: "suite" or "suite.case" with * and ? wildcards. */
  filter?: string;
  build?: BuildOptions;
  boot?: TestBootOptions;
}

/** `await defineKunitTests('path/to/module-dir' | 'x.ko', opts)` at the top level of a test file. */
export async function defineKunitTests(pathOrDir: string, opts: KunitTestOptions = {}): Promise<ModuleRun[]> {
  const files = pathOrDir.endsWith('.ko') ? [pathOrDir] : Object.values(await buildModules(pathOrDir, opts.build));
  const runs: ModuleRun[] = [];
  for (const file of files) {
    const cmdline = [opts.boot?.cmdline, opts.filter === undefined ? '' : `kunit.filter_glob=${opts.filter}`].filter(Boolean).join(' ');
    const kernel = await bootKernel({ ...opts.boot, cmdline });
    try {
      runs.push(await runKunitModule(kernel, new Uint8Array(await readFile(file)), file));
    } finally {
      await kernel.close();
    }
  }
  for (const run of runs) register(kunitTestTree(run));
  return runs;
}

/** What defineKunitTests registers: a describe per module and suite, a test per case. */
export type KunitNode =
  | { name: string; kind: 'describe'; children: KunitNode[] }
  | { name: string; kind: 'pass' | 'skip' }
  | { name: string; kind: 'fail'; message: string };

/** The vitest tests of one module's run (KUnit's results, and one for problems outside the cases). */
export function kunitTestTree(run: ModuleRun): KunitNode {
  const children = run.doc.tests.map(nodeOf);
  const problems = [...run.doc.errors, ...run.problems];
  if (problems.length) children.push({ name: 'loads, runs its suites and unloads cleanly', kind: 'fail', message: problems.join('\n') });
  return { name: run.module, kind: 'describe', children };
}

const bad = (t: KtapTest) => t.status === 'failed' || t.status === 'crashed';

function nodeOf(t: KtapTest): KunitNode {
  const name = t.name || `test ${t.number}`;
  const message = t.log.join('\n') || `${name}: ${t.status}`;
  if (t.subtests && t.subtests.length) {
    const children = t.subtests.map(nodeOf);
    // A list that failed by itself (suite_init, suite_exit, a crash) says so in its own log.
    if (bad(t) && !t.subtests.some(bad)) children.push({ name: '(suite)', kind: 'fail', message });
    return { name, kind: 'describe', children };
  }
  if (t.status === 'skipped') return { name: t.directive ? `${name} (${t.directive.replace(/^SKIP\s*/i, '')})` : name, kind: 'skip' };
  return bad(t) ? { name, kind: 'fail', message } : { name, kind: 'pass' };
}

function register(n: KunitNode): void {
  switch (n.kind) {
    case 'describe': describe(n.name, () => { for (const c of n.children) register(c); }); break;
    case 'skip': it.skip(n.name, () => {}); break;
    case 'pass': it(n.name, () => {}); break;
    case 'fail': it(n.name, () => { throw new Error(n.message); }); break;
  }
}
