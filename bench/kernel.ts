// Kernel benchmarks (npm run bench): each number is printed next to a baseline measured in the same run.
//  1. insmod + init + rmmod of hello.ko from bytes in memory vs a bare WebAssembly.compile + instantiate.
//  2. a call into another module's export vs the same call inside one module (ns/call, 10^7 calls).
//  3. insmod time of the 1,000th module vs the 10th, 1,000 modules exporting 100 symbols each.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDir, closeBuildPool } from '../src/kbuild/build.node.js';
import { bootNodeKernel } from '../src/session/boot.node.js';
import { buildDir as buildRoot, moduleTreeDir, packageRoot } from '../src/session/paths.node.js';

const now = () => performance.now();
const fmt = (n: number, d = 1) => n.toFixed(d);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function benchModules(): Promise<string> {
  const out = join(buildRoot(), 'bench');
  const r = await buildDir(join(packageRoot(), 'bench/modules'), { outDir: out, log: () => {} });
  await closeBuildPool();
  if (!r.ok) throw new Error(`bench modules failed to build:\n${r.errors.join('\n')}\n${r.diagnostics}`);
  return out;
}

async function loaderOverhead(): Promise<void> {
  const bytes = new Uint8Array(await readFile(join(moduleTreeDir(), 'extra/hello.ko')));
  const { kernel: k } = await bootNodeKernel();
  const rounds = 300;
  // Warm both paths first (engine tiers, compile cache).
  for (let i = 0; i < 20; i++) { await k.insmod(bytes); k.rmmod('hello'); }
  const mem = k.mem.memory;
  const table = new WebAssembly.Table({ initial: 8, element: 'anyfunc' });
  const g = (v: number, mutable = false) => new WebAssembly.Global({ value: 'i32', mutable }, v);
  const bare = async () => {
    const m = await WebAssembly.compile(bytes);
    const got = new Proxy({}, { get: () => g(0, true) });
    const printk = k.symtab.get('_printk')!.fn!;
    new WebAssembly.Instance(m, {
      env: { memory: mem, __indirect_function_table: table, __stack_pointer: k.stackPointer,
        __memory_base: g(1 << 20), __table_base: g(1), _printk: printk },
      'GOT.mem': got, 'GOT.func': got,
    });
  };
  for (let i = 0; i < 20; i++) await bare();
  const tb = [];
  const tk = [];
  for (let i = 0; i < rounds; i++) {
    let t = now(); await bare(); tb.push(now() - t);
    t = now(); await k.insmod(bytes); k.rmmod('hello'); tk.push(now() - t);
  }
  const b = median(tb), l = median(tk);
  console.log('1. loader overhead (hello.ko, median of %d rounds)', rounds);
  console.log(`   WebAssembly.compile + instantiate     ${fmt(b * 1000)} µs   (baseline)`);
  console.log(`   insmod + init + rmmod                 ${fmt(l * 1000)} µs   ratio ${fmt(l / b, 2)}×`);
}

async function callCost(out: string): Promise<void> {
  const { kernel: k } = await bootNodeKernel();
  await k.insmod(new Uint8Array(await readFile(join(out, 'bench-callee.ko'))));
  await k.insmod(new Uint8Array(await readFile(join(out, 'bench-caller.ko'))));
  const cross = k.symtab.get('bench_loop_cross')!.fn as (n: number) => number;
  const local = k.symtab.get('bench_loop_local')!.fn as (n: number) => number;
  const n = 10_000_000;
  cross(1e5); local(1e5);
  const runs = 5;
  const tc = [], tl = [];
  for (let i = 0; i < runs; i++) {
    let t = now(); const a = cross(n); tc.push(now() - t);
    t = now(); const b = local(n); tl.push(now() - t);
    if (a !== b) throw new Error(`loops disagree: ${a} vs ${b}`);
  }
  const c = median(tc) * 1e6 / n, l = median(tl) * 1e6 / n;
  console.log('2. call cost (%d calls, median of %d runs)', n, runs);
  console.log(`   call inside one module                ${fmt(l, 2)} ns/call   (baseline)`);
  console.log(`   call into another module's export     ${fmt(c, 2)} ns/call   ratio ${fmt(c / l, 2)}×`);
}

/** Copies of genQ000.ko renamed by patching the 4-character tag "Q000" (module name, exports, names). */
function renamed(template: Uint8Array, tag: string): Uint8Array {
  const out = template.slice();
  const [q, z] = ['Q'.charCodeAt(0), '0'.charCodeAt(0)];
  for (let i = 0; i + 3 < out.length; i++) {
    if (out[i] === q && out[i + 1] === z && out[i + 2] === z && out[i + 3] === z) {
      for (let j = 0; j < 4; j++) out[i + j] = tag.charCodeAt(j);
    }
  }
  return out;
}

/** Median time of resolving `names` in the kernel symbol table (the loader's lookup), per name. */
function lookupCost(k: Awaited<ReturnType<typeof bootNodeKernel>>['kernel'], names: string[]): number {
  const reps = 2000;
  let found = 0;
  const t = now();
  for (let r = 0; r < reps; r++) for (const n of names) if (k.symtab.get(n)) found++;
  const per = ((now() - t) * 1e6) / (reps * names.length);
  if (found !== reps * names.length) throw new Error('lookup missed');
  return per;
}

/** The engine alone: instantiating the same module N times, all sharing one function table. */
async function engineSharedTable(bytes: Uint8Array, count: number): Promise<[number, number]> {
  const m = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
  const memory = new WebAssembly.Memory({ initial: 256, maximum: 16384, shared: true });
  const table = new WebAssembly.Table({ initial: count * 4 + 8, element: 'anyfunc' });
  const g = (v: number, mutable = false) => new WebAssembly.Global({ value: 'i32', mutable }, v);
  const sp = g(65536, true);
  const keep: WebAssembly.Instance[] = [];
  const t: number[] = [];
  for (let i = 0; i < count; i++) {
    const got = new Proxy({}, { get: () => g(0, true) });
    const s = now();
    keep.push(new WebAssembly.Instance(m, {
      env: { memory, __indirect_function_table: table, __stack_pointer: sp, __memory_base: g(1 << 20),
        __table_base: g(1 + i * 4), _printk: () => 0 },
      'GOT.mem': got, 'GOT.func': got,
    }));
    t.push(now() - s);
  }
  return [median(t.slice(5, 15)), median(t.slice(count - 10))];
}

async function scale(out: string): Promise<void> {
  const template = new Uint8Array(await readFile(join(out, 'genQ000.ko')));
  const { kernel: k } = await bootNodeKernel();
  const count = 1000;
  const mods = Array.from({ length: count }, (_, i) => renamed(template, `M${String(i).padStart(3, '0')}`));
  const names = (i: number) => Array.from({ length: 100 }, (_, j) => `gen_M${String(i).padStart(3, '0')}_${String(j).padStart(3, '0')}`);
  const times: number[] = [];
  let lookupEarly = 0;
  for (const [i, bytes] of mods.entries()) {
    const t = now();
    await k.insmod(bytes);
    times.push(now() - t);
    if (i === 9) lookupEarly = lookupCost(k, names(5));
  }
  const lookupLate = lookupCost(k, names(995));
  const early = median(times.slice(5, 15));
  const late = median(times.slice(count - 10));
  const [engEarly, engLate] = await engineSharedTable(template, count);
  console.log('3. scale: %d modules × 100 exports (%d symbols in the table)', count, k.symtab.size);
  console.log(`   symbol lookup, 10 modules loaded      ${fmt(lookupEarly, 1)} ns   (baseline)`);
  console.log(`   symbol lookup, 1000 modules loaded    ${fmt(lookupLate, 1)} ns   ratio ${fmt(lookupLate / lookupEarly, 2)}×`);
  console.log(`   insmod of the ~10th module            ${fmt(early * 1000)} µs   (baseline)`);
  console.log(`   insmod of the ~1000th module          ${fmt(late * 1000)} µs   ratio ${fmt(late / early, 2)}×`);
  console.log(`   engine only: new Instance, 10th       ${fmt(engEarly * 1000)} µs   (baseline)`);
  console.log(`   engine only: new Instance, 1000th     ${fmt(engLate * 1000)} µs   ratio ${fmt(engLate / engEarly, 2)}×`);
  console.log('   (the engine bookkeeps every instance that shares the one function table, so instantiation');
  console.log('    itself grows with the number of modules; a kernel lookup is one hash-map get: O(1), what');
  console.log('    grows is cache misses in a 100k-entry map)');
}

const out = await benchModules();
await loaderOverhead();
await callCost(out);
await scale(out);
