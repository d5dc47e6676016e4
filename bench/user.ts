// User-program syscall cost: a C program (wasm32-wasip1, built by `lkm build --user`) doing lseek(0) + read()
// of 4 KiB in a loop, run by src/user in this thread, per call:
//   VFS file      an ordinary file of the emulated root (memory store), through KernelSystem
//   /proc file    a kernel view (/proc/version, generated at open) through the same path
//   rwdev device  read() of the rwdev driver (256-byte buffer: reads return 256 B) through k.open()
// against, in the same run, a read of a host in-memory 4 KiB buffer (Uint8Array.set into another buffer) and
// the same device read from TypeScript (KernelFile.readInto). The program's start-up cost is subtracted
// (a run with 0 iterations). It measures and prints; it asserts nothing.
// Run: npx tsc -p . && node dist/bench/user.js [ITERATIONS]

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDir, buildFiles, closeBuildPool, preferBaselineCompiler } from '../src/kbuild/build.node.js';
import { bootNodeKernel } from '../src/session/boot.node.js';
import { repoRoot } from '../src/kbuild/host.node.js';
import { UTS_RELEASE } from '../src/kernel/release.js';
import { ChannelSystem, compileProgram, createChannel, KernelSystem, runModule } from '../src/user/index.js';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { MemoryBacking, Vfs } from '../src/vfs/index.js';

const N = Number(process.argv[2] ?? 50_000);

const SOURCE = `#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	static char buf[4096];
	long n = atol(argv[2]), sum = 0;
	int fd = open(argv[1], O_RDONLY);
	if (fd < 0) { perror(argv[1]); return 1; }
	for (long i = 0; i < n; i++) {
		/* A stream device (no llseek) answers ESPIPE: it has no position to rewind. */
		if (lseek(fd, 0, SEEK_SET) != 0 && errno != ESPIPE) return 2;
		ssize_t r = read(fd, buf, sizeof(buf));
		if (r <= 0) return 3;
		sum += r;
	}
	printf("%ld\\n", sum);
	return 0;
}
`;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  preferBaselineCompiler();
  const dir = mkdtempSync(join(tmpdir(), 'lkm-bench-user-'));
  writeFileSync(join(dir, 'readbench.c'), SOURCE);
  const t0 = performance.now();
  const b = await buildFiles([join(dir, 'readbench.c')], { user: true, log: () => {} });
  await closeBuildPool();
  if (!b.ok) throw new Error(`${b.errors.join('\n')}\n${b.diagnostics}`);
  console.log(`built readbench (${b.programs[0]!.size} bytes) in ${Math.round(performance.now() - t0)} ms`);
  const module = await compileProgram(new Uint8Array(readFileSync(join(dir, 'readbench'))));

  const { kernel: k, fs } = await bootNodeKernel();
  const extra = join(repoRoot(), 'build/lib/modules', UTS_RELEASE, 'extra');
  await k.insmod(new Uint8Array(readFileSync(join(extra, 'rwdev.ko'))));
  // bench/modules/bench-dev: a misc device whose every read returns 4 KiB.
  const benchOut = join(repoRoot(), 'build/bench');
  const bm = await buildDir(join(repoRoot(), 'bench/modules'), { outDir: benchOut, log: () => {} });
  if (!bm.ok) throw new Error(`bench modules failed to build:\n${bm.errors.join('\n')}`);
  await k.insmod(new Uint8Array(readFileSync(join(benchOut, 'bench-dev.ko'))));
  k.mknod('/dev/rwdev', 240, 0);
  const f = k.open('/dev/rwdev', 2);
  f.write(new Uint8Array(256).fill(7));
  f.close();

  const vfs = new Vfs(new MemoryBacking({ '/data/4k': new Uint8Array(4096).fill(1) }));
  const cases: { label: string; path: string; system: () => KernelSystem }[] = [
    { label: 'C read() 4 KiB, VFS file', path: '/data/4k', system: () => new KernelSystem({ vfs }) },
    { label: 'C read() /proc/version (~80 B)', path: '/proc/version', system: () => new KernelSystem({ kernel: k, vfs: fs }) },
    { label: 'C read() /dev/rwdev (256 B)', path: '/dev/rwdev', system: () => new KernelSystem({ kernel: k, vfs: fs }) },
    { label: 'C read() 4 KiB, /dev/benchdev', path: '/dev/benchdev', system: () => new KernelSystem({ kernel: k, vfs: fs }) },
  ];
  const rows: [string, string][] = [];
  for (const c of cases) {
    const run = (n: number) => {
      let out = '';
      const r = runModule(module, { argv: ['readbench', c.path, String(n)], system: c.system(), stdout: (d) => { out += new TextDecoder().decode(d); } });
      if (r.status !== 0) throw new Error(`${c.label}: status ${r.status} ${out}`);
    };
    run(1000); // warm up
    const base = Math.min(time(() => run(0)), time(() => run(0)));
    const total = time(() => run(N));
    rows.push([c.label, `${(((total - base) * 1000) / N).toFixed(2)} µs/call (start-up ${base.toFixed(2)} ms)`]);
  }

  // The same VFS read with the kernel side in a worker thread (SharedArrayBuffer channel, Atomics.wait).
  {
    const here = (p: string) => pathToFileURL(join(import.meta.dirname, '../src', p)).href;
    const sab = createChannel();
    const worker = new Worker(`
      const { workerData, parentPort } = await import('node:worker_threads');
      const { serveChannel } = await import(${JSON.stringify(here('user/channel.js'))});
      const { KernelSystem } = await import(${JSON.stringify(here('user/kernel-system.js'))});
      const { Vfs, MemoryBacking } = await import(${JSON.stringify(here('vfs/index.js'))});
      const vfs = new Vfs(new MemoryBacking({ '/data/4k': new Uint8Array(4096).fill(1) }));
      serveChannel(workerData.sab, new KernelSystem({ vfs }));
      parentPort.postMessage('ready');
    `, { eval: true, workerData: { sab } });
    await new Promise((r) => worker.once('message', r));
    const run = (n: number) => {
      const r = runModule(module, { argv: ['readbench', '/data/4k', String(n)], system: new ChannelSystem(sab) });
      if (r.status !== 0) throw new Error(`channel: status ${r.status}`);
    };
    run(1000);
    const base = Math.min(time(() => run(0)), time(() => run(0)));
    const total = time(() => run(N));
    rows.push(['C read() 4 KiB, VFS file, kernel side in a worker', `${(((total - base) * 1000) / N).toFixed(2)} µs/call (lseek + read: 2 round trips)`]);
    await worker.terminate();
  }

  // TypeScript: the same device read through the kernel file API.
  const dev = k.open('/dev/rwdev', 0);
  const tbuf = new Uint8Array(4096);
  const mem = { view: () => tbuf };
  for (let i = 0; i < 1000; i++) { dev.lseek(0, 0); dev.readInto(mem, 0, 4096); }
  const tsDev = time(() => { for (let i = 0; i < N; i++) { dev.lseek(0, 0); dev.readInto(mem, 0, 4096); } });
  dev.close();
  rows.push(['TS KernelFile lseek+readInto /dev/rwdev', `${((tsDev * 1000) / N).toFixed(2)} µs/call`]);

  // Host baseline: copy 4 KiB out of an in-memory buffer.
  const src = new Uint8Array(4096).fill(3);
  const dst = new Uint8Array(4096);
  let sink = 0;
  for (let i = 0; i < 1000; i++) { dst.set(src); sink += dst[i & 4095]!; }
  const host = time(() => { for (let i = 0; i < N; i++) { dst.set(src.subarray(0, 4096)); sink += dst[i & 4095]!; } });
  rows.push(['host: 4 KiB Uint8Array.set from a buffer', `${((host * 1000) / N).toFixed(3)} µs/call${sink < 0 ? '!' : ''}`]);

  console.log(`${N} iterations each`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [l, v] of rows) console.log(`  ${l.padEnd(w)}  ${v}`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
