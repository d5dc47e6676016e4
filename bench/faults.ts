// Fault-injection benchmarks (npm run bench faults):
//  1. kmalloc+kfree with the call site recorded (alloc_hooks) vs without (the inline function called
//     directly), in ns per pair: the cost of leak provenance.
//  2. the fail-nth sweep of a module whose init makes N allocations: total time and time per N.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDir, closeBuildPool } from '../src/kbuild/build.node.js';
import { bootNodeKernel } from '../src/session/boot.node.js';
import { buildDir as buildRoot, packageRoot } from '../src/session/paths.node.js';
import { failNthSweep } from '../src/testing/fail-nth-sweep.js';

const fmt = (n: number, d = 1) => n.toFixed(d);

async function benchModule(): Promise<Uint8Array> {
  const out = join(buildRoot(), 'bench');
  const r = await buildDir(join(packageRoot(), 'bench/modules'), { outDir: out, log: () => {} });
  await closeBuildPool();
  if (!r.ok) throw new Error(`bench modules failed to build:\n${r.errors.join('\n')}\n${r.diagnostics}`);
  return new Uint8Array(await readFile(join(out, 'bench-alloc.ko')));
}

async function provenance(bytes: Uint8Array): Promise<void> {
  const { kernel: k } = await bootNodeKernel();
  await k.insmod(bytes);
  const n = 200_000;
  const pairs = (which: string) => {
    const t = performance.now();
    k.writeFile(`/sys/module/bench_alloc/parameters/${which}`, `${n}`);
    return ((performance.now() - t) * 1e6) / n;
  };
  for (let i = 0; i < 5; i++) { pairs('untagged'); pairs('tagged'); }
  const plain: number[] = [];
  const tagged: number[] = [];
  // Alternated runs, the fastest of each: other load on the machine only ever adds time.
  for (let i = 0; i < 31; i++) { plain.push(pairs('untagged')); tagged.push(pairs('tagged')); }
  const [p, t] = [Math.min(...plain), Math.min(...tagged)];
  console.log('1. kmalloc(64) + kfree (%d pairs, fastest of 31 alternated runs)', n);
  console.log(`   without the call site                 ${fmt(p, 2)} ns/pair   (baseline)`);
  console.log(`   with the call site (alloc_hooks)      ${fmt(t, 2)} ns/pair   ratio ${fmt(t / p, 3)}×`);
}

async function sweep(bytes: Uint8Array): Promise<void> {
  const boot = async () => (await bootNodeKernel()).kernel;
  console.log('2. fail-nth sweep of a module whose init makes N allocations (a fresh kernel per point)');
  for (const count of [3, 10, 50]) {
    const t = performance.now();
    const s = await failNthSweep(boot, bytes, { params: `count=${count}` });
    const ms = performance.now() - t;
    console.log(`   N=${String(count).padEnd(3)} ${String(s.count).padStart(3)} fault-injectable calls   ${fmt(ms, 0)} ms   ${fmt(ms / (s.count + 1), 1)} ms per load`);
  }
}

const bytes = await benchModule();
await provenance(bytes);
await sweep(bytes);
