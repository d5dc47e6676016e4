// Driver benchmark (npm run bench): read(2) of 4 KiB from a character device, per call, from TypeScript,
// against copying a 4 KiB host buffer in the same run.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDir, closeBuildPool } from '../src/kbuild/build.node.js';
import { bootNodeKernel } from '../src/session/boot.node.js';
import { buildDir as buildRoot, packageRoot } from '../src/session/paths.node.js';

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const out = join(buildRoot(), 'bench');
const built = await buildDir(join(packageRoot(), 'bench/modules'), { outDir: out, log: () => {} });
await closeBuildPool();
if (!built.ok) throw new Error(`bench modules failed to build:\n${built.errors.join('\n')}`);

const { kernel: k } = await bootNodeKernel();
await k.insmod(new Uint8Array(await readFile(join(out, 'bench-dev.ko'))));
const f = k.open('/dev/benchdev');
const user = new Uint8Array(4096);
const mem = { view: () => user };
const src = new Uint8Array(4096).fill(0x78);
const calls = 20_000;
for (let i = 0; i < 2000; i++) { f.readInto(mem, 0, 4096); user.set(src); }
const tDev: number[] = [];
const tHost: number[] = [];
for (let r = 0; r < 5; r++) {
  let t = now();
  for (let i = 0; i < calls; i++) if (f.readInto(mem, 0, 4096) !== 4096) throw new Error('short read');
  tDev.push(((now() - t) * 1e3) / calls);
  t = now();
  for (let i = 0; i < calls; i++) user.set(src);
  tHost.push(((now() - t) * 1e3) / calls);
}
f.close();
const d = median(tDev);
const h = median(tHost);
console.log('read(2) of 4 KiB (%d calls, median of 5 runs)', calls);
console.log(`   copy of a host 4 KiB buffer          ${h.toFixed(2)} µs/call   (baseline)`);
console.log(`   read() of /dev/benchdev from TS      ${d.toFixed(2)} µs/call   ratio ${(d / h).toFixed(1)}×`);
