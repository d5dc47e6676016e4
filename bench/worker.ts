// Worker kernel benchmarks (npm run bench): each number next to its in-thread baseline from the same run.
//  1. round trip of a control call (lsmod) through the worker vs the same call on this thread.
//  2. insmod + rmmod of hello.ko (bytes in memory) in worker mode vs in-thread.
//  3. 1,000 operations as one batch vs 1,000 separate calls (worker mode), and the same in-thread.
// The anchors: a raw postMessage round trip and comlink's empty method to a worker (bench/echo-worker.ts).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { moduleTreeDir } from '../src/session/paths.node.js';
import { bootKernel } from '../src/worker/boot.node.js';
import type { KernelApi, ScriptOp } from '../src/api/api.js';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

const now = () => performance.now();
const fmt = (n: number, d = 1) => n.toFixed(d);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn();
    out.push(now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const hello = new Uint8Array(await readFile(join(moduleTreeDir(), 'extra/hello.ko')));
  const kernels: Record<string, KernelApi> = {
    none: await bootKernel({ isolate: 'none' }),
    worker: await bootKernel({ isolate: 'worker' }),
  };
  const us = (ms: number) => `${fmt(ms * 1000)} µs`;

  // 1. lsmod round trip (with hello loaded, so there is something to list).
  const lsmod: Record<string, number> = {};
  for (const [mode, k] of Object.entries(kernels)) {
    await k.insmod(hello);
    await timeEach(500, () => k.lsmod());
    lsmod[mode] = median(await timeEach(5000, () => k.lsmod()));
    await k.rmmod('hello');
  }
  console.log(`lsmod round trip: worker ${us(lsmod.worker!)}, in-thread ${us(lsmod.none!)} (median of 5,000) — ${fmt(lsmod.worker! / lsmod.none!)}x`);
  const anchors = await transportAnchors();
  console.log(`   anchors: raw postMessage round trip ${us(anchors.raw)}, comlink empty method ${us(anchors.comlink)} — worker lsmod ${fmt(lsmod.worker! / anchors.comlink)}x comlink, ${fmt(lsmod.worker! / anchors.raw)}x raw (target ≤ 25 µs)`);

  // 2. insmod + rmmod of hello.
  const load: Record<string, number> = {};
  for (const [mode, k] of Object.entries(kernels)) {
    await timeEach(30, async () => { await k.insmod(hello); await k.rmmod('hello'); });
    load[mode] = median(await timeEach(300, async () => { await k.insmod(hello); await k.rmmod('hello'); }));
  }
  console.log(`insmod+rmmod hello: worker ${us(load.worker!)}, in-thread ${us(load.none!)} (median of 300) — ${fmt(load.worker! / load.none!)}x`);

  // 3. 1,000 operations: a mix of control calls (lsmod, /proc reads, sysfs) with hello loaded.
  const ops: ScriptOp[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = i % 4;
    ops.push(r === 0 ? { op: 'lsmod', args: [] }
      : r === 1 ? { op: 'readFile', args: ['/proc/modules'] }
        : r === 2 ? { op: 'readFile', args: ['/sys/module/hello/refcnt'] }
          : { op: 'tainted', args: [] });
  }
  const separate = (k: KernelApi) => async () => {
    for (const op of ops) {
      switch (op.op) {
        case 'lsmod': await k.lsmod(); break;
        case 'readFile': await k.readFile(op.args[0]); break;
        case 'tainted': await k.tainted(); break;
        default: break;
      }
    }
  };
  const batch: Record<string, number> = {};
  const calls: Record<string, number> = {};
  for (const [mode, k] of Object.entries(kernels)) {
    await k.insmod(hello);
    await timeEach(3, () => k.batch(ops));
    await timeEach(3, separate(k));
    batch[mode] = median(await timeEach(15, () => k.batch(ops)));
    calls[mode] = median(await timeEach(15, separate(k)));
    await k.rmmod('hello');
  }
  console.log(`1,000 ops, worker: one batch ${fmt(batch.worker!)} ms, 1,000 calls ${fmt(calls.worker!)} ms — batch ${fmt(calls.worker! / batch.worker!)}x faster`);
  console.log(`1,000 ops, in-thread: one batch ${fmt(batch.none!)} ms, 1,000 calls ${fmt(calls.none!)} ms; worker batch vs in-thread batch ${fmt(batch.worker! / batch.none!)}x`);
  for (const k of Object.values(kernels)) await k.close();
}

/** The transport alone: a postMessage ping-pong and comlink's empty method, to a worker of their own. */
async function transportAnchors(): Promise<{ raw: number; comlink: number }> {
  const w = new Worker(new URL('./echo-worker.js', import.meta.url));
  const ping = (n: number) => new Promise<void>((done) => {
    const on = (m: { pong?: number }) => { if (m.pong === n) { w.off('message', on); done(); } };
    w.on('message', on);
    w.postMessage({ ping: n });
  });
  let i = 0;
  await timeEach(500, () => ping(i++));
  const raw = median(await timeEach(5000, () => ping(i++)));
  const remote = Comlink.wrap<{ empty(): void }>(nodeEndpoint(w));
  await timeEach(500, () => remote.empty());
  const comlink = median(await timeEach(5000, () => remote.empty()));
  remote[Comlink.releaseProxy]();
  await w.terminate();
  return { raw, comlink };
}

await main();
