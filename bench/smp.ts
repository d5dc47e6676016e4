// SMP benchmarks (npm run bench), each against its anchor measured in the same run:
//  1. a wake-up round trip between two kernel threads through two completions, against a raw
//     Atomics.wait/notify ping-pong between two workers, and a pthread condvar ping-pong built with the
//     system's gcc when there is one;
//  2. a spinlock-protected counter, 4 threads × 10^6 increments (modules-src/kthread-pool), against the
//     same 4 × 10^6 increments in one thread, wall time from insmod to the total in /proc;
//  3. RCU (bench/modules/bench-rcu.c): a read-side pair against a spinlock pair, synchronize_rcu() idle
//     and under two reading threads, and two reader threads × 10^6 sections against an rwlock's.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildDir, closeBuildPool } from '../src/kbuild/build.node.js';
import { bootNodeKernel } from '../src/session/boot.node.js';
import { buildDir as buildRoot, moduleTreeDir, packageRoot } from '../src/session/paths.node.js';

const ROUNDS = 20_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 2) => n.toFixed(d);

const out = join(buildRoot(), 'bench');
const built = await buildDir(join(packageRoot(), 'bench/modules'), { outDir: out, log: () => {} });
await closeBuildPool();
if (!built.ok) throw new Error(`bench modules failed to build:\n${built.errors.join('\n')}`);

/** µs per round trip between two kernel threads (the module measures on the kernel clock). */
async function kthreadPingPong(): Promise<number> {
  const { kernel: k } = await bootNodeKernel();
  await k.insmod(new Uint8Array(readFileSync(join(out, 'bench-pingpong.ko'))), `rounds=${ROUNDS}`);
  const line = k.dmesg().find((l) => l.includes('round trips in'))!;
  const ns = Number(/in (\d+) ns/.exec(line)![1]);
  k.rmmod('bench_pingpong');
  return ns / 1000 / ROUNDS;
}

/** µs per round trip of a raw Atomics.wait/notify ping-pong between two workers. */
async function atomicsPingPong(): Promise<number> {
  const sab = new SharedArrayBuffer(8);
  const src = `
    const { workerData, parentPort } = require('node:worker_threads');
    const i32 = new Int32Array(workerData.sab);
    const me = workerData.side, other = 1 - me;
    parentPort.postMessage('ready');
    while (Atomics.load(i32, 0) === 0) Atomics.wait(i32, 0, 0);
    const t0 = performance.now();
    for (let i = 0; i < ${ROUNDS}; i++) {
      if (me === 0) { Atomics.store(i32, 1, 1); Atomics.notify(i32, 1); while (Atomics.load(i32, 1) !== 2) Atomics.wait(i32, 1, 1); }
      else { for (let v; (v = Atomics.load(i32, 1)) !== 1;) Atomics.wait(i32, 1, v); Atomics.store(i32, 1, 2); Atomics.notify(i32, 1);
             while (Atomics.load(i32, 1) === 2) Atomics.wait(i32, 1, 2); }
    }
    parentPort.postMessage(performance.now() - t0);`;
  // Side 1 waits for 1, answers 2 and waits until side 0 has moved on (3, then 1 again). Each wait names the
  // value it read, so a change between the read and the wait is not slept through.
  const src0 = src.replace("Atomics.store(i32, 1, 1); Atomics.notify(i32, 1); while (Atomics.load(i32, 1) !== 2) Atomics.wait(i32, 1, 1);",
    "Atomics.store(i32, 1, 1); Atomics.notify(i32, 1); while (Atomics.load(i32, 1) !== 2) Atomics.wait(i32, 1, 1); Atomics.store(i32, 1, 3); Atomics.notify(i32, 1);");
  const ws = [0, 1].map((side) => new Worker(side === 0 ? src0 : src, { eval: true, workerData: { sab, side } }));
  await Promise.all(ws.map((w) => new Promise((r) => w.once('message', r))));
  const done = ws.map((w) => new Promise<number>((r) => w.once('message', r)));
  const i32 = new Int32Array(sab);
  Atomics.store(i32, 0, 1);
  Atomics.notify(i32, 0);
  const ms = await done[0]!;
  await Promise.all(ws.map((w) => w.terminate()));
  return (ms * 1000) / ROUNDS;
}

/** µs per round trip of a pthread condvar ping-pong, or undefined without gcc. */
function pthreadPingPong(): number | undefined {
  if (spawnSync('gcc', ['--version']).status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lkm-bench-'));
  try {
    writeFileSync(join(dir, 'pp.c'), `#include <pthread.h>
#include <stdio.h>
#include <time.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int turn;
static void *other(void *a) { for (int i = 0; i < ${ROUNDS}; i++) { pthread_mutex_lock(&m); while (turn != 1) pthread_cond_wait(&c, &m); turn = 0; pthread_cond_signal(&c); pthread_mutex_unlock(&m); } return a; }
int main(void) { pthread_t t; struct timespec a, b; pthread_create(&t, 0, other, 0); clock_gettime(CLOCK_MONOTONIC, &a);
  for (int i = 0; i < ${ROUNDS}; i++) { pthread_mutex_lock(&m); turn = 1; pthread_cond_signal(&c); while (turn != 0) pthread_cond_wait(&c, &m); pthread_mutex_unlock(&m); }
  clock_gettime(CLOCK_MONOTONIC, &b); pthread_join(t, 0); printf("%f\\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1e3 / ${ROUNDS}); return 0; }
`);
    if (spawnSync('gcc', ['-O2', '-pthread', '-o', join(dir, 'pp'), join(dir, 'pp.c')]).status !== 0) return undefined;
    return Number(spawnSync(join(dir, 'pp'), { encoding: 'utf8' }).stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ms from insmod of kthread-pool to its total in /proc, `threads` × `iterations`. */
async function counter(threads: number, iterations: number): Promise<number> {
  const { kernel: k } = await bootNodeKernel();
  const bytes = new Uint8Array(readFileSync(join(moduleTreeDir(), 'extra/kthread-pool.ko')));
  const t = performance.now();
  await k.insmod(bytes, `threads=${threads} iterations=${iterations}`);
  const text = await k.readFileAsync('/proc/kthread_pool');
  const ms = performance.now() - t;
  if (!text.includes(`counter ${threads * iterations}\n`)) throw new Error(`wrong total: ${text}`);
  k.rmmod('kthread_pool');
  return ms;
}

const kt: number[] = [], raw: number[] = [];
for (let i = 0; i < 3; i++) { kt.push(await kthreadPingPong()); raw.push(await atomicsPingPong()); }
const native = pthreadPingPong();
console.log(`wake-up round trip, two kthreads via two completions: ${fmt(median(kt))} µs`);
console.log(`  raw Atomics.wait/notify ping-pong between two workers: ${fmt(median(raw))} µs (kthreads ${fmt(median(kt) / median(raw), 1)}x)`);
console.log(native === undefined ? '  pthread condvar ping-pong: skipped (no gcc on this machine)'
  : `  pthread condvar ping-pong (gcc -O2): ${fmt(native)} µs (kthreads ${fmt(median(kt) / native, 1)}x)`);
const four: number[] = [], one: number[] = [];
for (let i = 0; i < 3; i++) { four.push(await counter(4, 1_000_000)); one.push(await counter(1, 4_000_000)); }
console.log(`spinlock counter, 4 threads × 10^6: ${fmt(median(four), 0)} ms; 1 thread × 4·10^6: ${fmt(median(one), 0)} ms (${fmt(median(four) / median(one), 2)}x)`);

/** The numbers bench-rcu logs, in ns (synchronize_rcu in µs). */
interface RcuRun { rcu: number; spin: number; idle: number; busy: number; rRcu: number; rRw: number }

async function rcu(): Promise<RcuRun> {
  const { kernel: k } = await bootNodeKernel();
  await k.insmod(new Uint8Array(readFileSync(join(out, 'bench-rcu.ko'))), 'reads=1000000');
  const log = k.dmesg().join('\n');
  const num = (re: RegExp) => Number(re.exec(log)![1]);
  k.rmmod('bench_rcu');
  return {
    rcu: num(/pairs \d+: rcu (\d+) ns/), spin: num(/spinlock (\d+) ns/), idle: num(/idle (\d+) ns/), busy: num(/2 readers (\d+) ns/),
    rRcu: num(/two readers: rcu (\d+) ns/), rRw: num(/rwlock (\d+) ns/),
  };
}

const runs: RcuRun[] = [];
for (let i = 0; i < 3; i++) runs.push(await rcu());
const m = (f: (r: RcuRun) => number) => median(runs.map(f));
console.log(`rcu_read_lock/unlock pair: ${fmt(m((r) => r.rcu) / 1e6)} ns; spin_lock/unlock pair: ${fmt(m((r) => r.spin) / 1e6)} ns (${fmt(m((r) => r.rcu) / m((r) => r.spin), 2)}x)`);
console.log(`synchronize_rcu(): ${fmt(m((r) => r.idle) / 1000)} µs with no reader, ${fmt(m((r) => r.busy) / 1000)} µs while two threads read`);
console.log(`two reader threads × 10^6 sections: rcu ${fmt(m((r) => r.rRcu) / 1e6, 1)} ms, rwlock ${fmt(m((r) => r.rRw) / 1e6, 1)} ms (rcu ${fmt(m((r) => r.rRcu) / m((r) => r.rRw), 2)}x)`);
