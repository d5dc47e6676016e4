// Module directories built for tests: once per test process (later calls share the first build's
// promise), and each build is incremental (kbuild's object cache and link check), so a run that changed
// nothing compiles nothing.

import { resolve } from 'node:path';
import { buildDir, type BuildOptions } from '../kbuild/build.node.js';

/** Module name (KBUILD_MODNAME) → the .ko built; user programs by their name too. */
export type BuiltModules = Record<string, string>;

const builds = new Map<string, Promise<BuiltModules>>();

/** Builds module directory `dir` (its Kbuild/Makefile); rejects with the compiler's output when it fails. */
export function buildModules(dir: string, opts: BuildOptions = {}): Promise<BuiltModules> {
  const key = JSON.stringify([resolve(dir), opts.outDir && resolve(opts.outDir), opts.vars, opts.cc]);
  let p = builds.get(key);
  if (!p) {
    p = build(dir, opts);
    builds.set(key, p);
    // A failed build is not kept: fixing the source and re-running in watch mode builds again.
    p.catch(() => builds.delete(key));
  }
  return p;
}

async function build(dir: string, opts: BuildOptions): Promise<BuiltModules> {
  const r = await buildDir(dir, opts);
  if (!r.ok) {
    throw new Error(`lkm build ${dir} failed:\n${[...r.errors, r.diagnostics].filter(Boolean).join('\n')}`);
  }
  const out: BuiltModules = {};
  for (const m of [...r.modules, ...r.programs]) out[m.modname] = m.path;
  return out;
}
