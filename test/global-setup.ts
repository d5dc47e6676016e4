// Builds what the tests load: vmlinux, the example modules (the tree `npm run build` makes) and the
// failure-path fixtures under test/fixtures/modules. Incremental, so it costs nothing when current.
import { buildDir, buildTree, closeBuildPool, preferBaselineCompiler } from '../src/kbuild/build.node.js';
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_OUT, FIXTURE_SRC, ROOT } from './helpers/paths.js';

export default async function setup(): Promise<void> {
  // This process only builds (tests run in forks), so V8's baseline tier is safe and compiles clang fastest.
  preferBaselineCompiler();
  const log = (t: string, s: 'out' | 'err') => { if (s === 'err') process.stderr.write(t); };
  try {
    const tree = await buildTree({ log });
    if (!tree.ok) throw new Error('building the kernel and the example modules failed (see above)');
    const fx = await buildDir(FIXTURE_SRC, { outDir: FIXTURE_OUT, log: () => {} });
    if (!fx.ok) throw new Error(`building the test fixtures failed:\n${fx.errors.join('\n')}\n${fx.diagnostics}`);
  } finally {
    await closeBuildPool();
  }
  // The kernel worker (src/worker) runs compiled JavaScript: worker_threads cannot load TypeScript. Emit
  // the project into build/worker-dist (src/worker/boot.node.ts uses it when it runs from sources), away from
  // dist/, which other builds rewrite while tests run.
  // Emitted next to it and renamed into place, so a worker started meanwhile never sees a half-written tree.
  const out = join(ROOT, 'build/worker-dist');
  const tmp = `${out}.${process.pid}`;
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT, '--outDir', tmp, '--declaration', 'false'], { encoding: 'utf8' });
  if (tsc.status !== 0) process.stderr.write(`tsc -p . --outDir build/worker-dist reported:\n${tsc.stdout}${tsc.stderr}`);
  const old = `${out}.old.${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
}
