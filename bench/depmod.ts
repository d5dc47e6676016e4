// depmod and modprobe over a replica of a distribution's module tree: Debian 6.1's 4,023 modules
// (../shared/data/debian-6.1-module-graph.json.gz: names, paths, exports, imports, aliases, softdeps,
// params) as metadata-only .ko files (src/kmod/synthetic.ts). Each measurement runs in its own process
// so that peak memory (maxRSS) belongs to it. It measures and prints; it asserts nothing.
//
//   depmod -a            on a host directory (real files), and in memory
//   baseline             reading every file and its metadata, nothing else (the floor of any depmod)
//   resolution           modprobe's lookup of snd_sof_pci_intel_tgl (25 dependencies) in-process:
//                        modules.lkm.bin vs the text files (what modprobe does without the index)
//   modprobe end to end  `modprobe snd_sof_pci_intel_tgl` through the shell over a kernel stand-in that
//                        records init_module calls (26 modules), the way kmod's testsuite fakes the kernel
//
// Run: npx tsc -p . && node dist/bench/depmod.js   (or: npm run bench depmod)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { KernelError, EEXIST, ENOENT } from '../src/kernel/errno.js';
import { KmodContext } from '../src/kmod/context.js';
import { Logger, Prio } from '../src/kmod/log.js';
import { syntheticModule } from '../src/kmod/synthetic.js';
import { HostBacking } from '../src/vfs/host.node.js';
import { Shell } from '../src/session/shell.js';
import { depmod } from '../src/tools/depmod.js';
import { MemoryBacking, Vfs, type KernelView } from '../src/vfs/index.js';
import { readModuleMetadata } from '../src/wasm/metadata.js';
import type { Kernel } from '../src/kernel/kernel.js';
import { NodeMetadataPool, POOL_MIN_CORES, POOL_THRESHOLD, machinePool } from '../src/kmod/metadata-pool.node.js';
import { availableParallelism } from 'node:os';

interface GraphModule {
  path: string; name: string; exports: string[]; gpl_exports: string[]; imports: string[]; depends: string[];
  alias?: string[]; license?: string[]; softdep?: string[]; parm?: string[]; description?: string[]; author?: string[]; firmware?: string[];
}
interface Graph { release: string; vmlinux: { exports: string[] }; modules: GraphModule[]; }

const TARGET = 'snd_sof_pci_intel_tgl';
const here = fileURLToPath(import.meta.url);

function graphPath(): string {
  for (let d = dirname(here); ; d = dirname(d)) {
    const p = join(d, '..', 'shared', 'data', 'debian-6.1-module-graph.json.gz');
    if (existsSync(p)) return p;
    if (dirname(d) === d) throw new Error('debian-6.1-module-graph.json.gz not found (expected in ../shared/data)');
  }
}

function loadGraph(): Graph {
  return JSON.parse(gunzipSync(readFileSync(graphPath())).toString('utf8')) as Graph;
}

/** The .ko files of the replica: path (relative to /lib/modules/<release>) → bytes, plus modules.order. */
function generate(g: Graph): Map<string, Uint8Array | string> {
  const owner = new Map<string, GraphModule>();
  for (const m of g.modules) for (const s of [...m.exports, ...m.gpl_exports]) owner.set(s, m);
  const files = new Map<string, Uint8Array | string>();
  for (const m of g.modules) {
    const info: [string, string][] = [];
    for (const l of m.license ?? []) info.push(['license', l]);
    for (const d of m.description ?? []) info.push(['description', d]);
    for (const a of m.author ?? []) info.push(['author', a]);
    for (const f of m.firmware ?? []) info.push(['firmware', f]);
    for (const p of m.parm ?? []) {
      const r = /^([^:]+):(.*?)(?: \(([^()]*)\))?$/.exec(p);
      if (!r) continue;
      if (r[3]) info.push(['parmtype', `${r[1]}:${r[3]}`]);
      info.push(['parm', `${r[1]}:${r[2]}`]);
    }
    for (const a of m.alias ?? []) info.push(['alias', a]);
    for (const s of m.softdep ?? []) info.push(['softdep', s]);
    const direct = [...new Set(m.imports.map((s) => owner.get(s)).filter((o): o is GraphModule => !!o && o !== m))];
    info.push(['depends', direct.map((d) => d.path.slice(d.path.lastIndexOf('/') + 1, -3)).join(',')]);
    info.push(['retpoline', 'Y'], ['intree', 'Y'], ['name', m.name], ['vermagic', `${g.release} SMP preempt mod_unload modversions `]);
    files.set(m.path, syntheticModule({ modinfo: info, exports: m.exports, gplExports: m.gpl_exports, imports: m.imports }));
  }
  files.set('modules.order', g.modules.map((m) => `${m.path}\n`).join(''));
  return files;
}

function hostTree(g: Graph, files: Map<string, Uint8Array | string>, dir: string): Vfs {
  const moddir = join(dir, 'lib', 'modules', g.release);
  for (const [p, c] of files) {
    mkdirSync(dirname(join(moddir, p)), { recursive: true });
    writeFileSync(join(moddir, p), c);
  }
  return new Vfs(new HostBacking(dir, true));
}

const quiet = { stdout: () => {}, stderr: (t: string) => { process.stderr.write(t); } };

/** A kernel stand-in: init_module records the module; /sys/module shows what is "loaded". */
class CountingKernel implements KernelView {
  /** No processes to name in a stand-in kernel: the call just runs. */
  asProcess<T>(_comm: string, fn: () => T): T { return fn(); }

  loaded = new Set<string>();
  async insmod(bytes: Uint8Array): Promise<void> {
    const name = readModuleMetadata(bytes).modinfo.find((e) => e.key === 'name')!.value;
    if (this.loaded.has(name)) throw new KernelError(EEXIST);
    this.loaded.add(name);
  }
  rmmod(name: string): void { if (!this.loaded.delete(name)) throw new KernelError(ENOENT); }
  readFile(p: string): string {
    const r = /^\/sys\/module\/([^/]+)\/(initstate|refcnt)$/.exec(p);
    if (p === '/proc/cmdline') return '\n';
    if (!r || !this.loaded.has(r[1]!)) throw new KernelError(ENOENT);
    return r[2] === 'initstate' ? 'live\n' : '0\n';
  }
  writeFile(): void { throw new KernelError(ENOENT); }
  readdir(p: string): string[] {
    if (p === '/sys/module') return [...this.loaded];
    const r = /^\/sys\/module\/([^/]+)$/.exec(p);
    if (r && this.loaded.has(r[1]!)) return ['initstate', 'refcnt'];
    throw new KernelError(ENOENT);
  }
}

interface Result { label: string; ms: number; cpuMs?: number; maxRssMB?: number; note?: string; }

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function measure(label: string, fn: () => Promise<string | void>): Promise<Result> {
  const c0 = cpu();
  const t0 = performance.now();
  const note = await fn();
  return { label, ms: performance.now() - t0, cpuMs: cpu() - c0, note: note || undefined };
}

/** Every file below a host directory, as (path relative to it, bytes). */
function readTree(dir: string, rel = ''): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...readTree(dir, r));
    else out.push([r, new Uint8Array(readFileSync(join(dir, r)))]);
  }
  return out;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * Child mode: one measurement over the replica in `dir` (written by the parent), printed as JSON. The
 * child never loads the graph, so its heap is what a real depmod or modprobe process would have.
 */
async function child(kind: string, dir: string, release: string): Promise<void> {
  const moddir = `/lib/modules/${release}`;
  const memory = () => {
    const mem = new MemoryBacking();
    for (const [p, c] of readTree(dir)) mem.putSync(`/${p}`, c);
    return new Vfs(mem);
  };
  let r: Result;
  let vfs: Vfs;
  if (kind === 'baseline-host') {
    vfs = new Vfs(new HostBacking(dir, true));
    gc();
    const rss0 = process.resourceUsage().maxRSS;
    r = await measure('baseline: read every .ko and its metadata (host files)', async () => {
      let n = 0;
      const names = readTree(join(dir, 'lib/modules', release)).map(([p]) => p).filter((p) => p.endsWith('.ko'));
      for (const p of names) { readModuleMetadata(vfs.readFileSync(`${moddir}/${p}`)!); n++; }
      return `${n} modules`;
    });
    r.maxRssMB = (process.resourceUsage().maxRSS - rss0) / 1024;
  } else if (kind === 'pool-sweep') {
    // In-thread scan vs the pool (threads started for each run, as a one-shot depmod would) over the first
    // N modules: where the pool starts to pay is POOL_THRESHOLD.
    const names = readTree(join(dir, 'lib/modules', release)).map(([p]) => p).filter((p) => p.endsWith('.ko'));
    const host = new HostBacking(dir, true);
    const cells: string[] = [];
    let crossover: number | undefined;
    for (const n of [64, 128, 256, 512, 1024, 2048, names.length]) {
      const paths = names.slice(0, n).map((p) => `/lib/modules/${release}/${p}`);
      const best = async (f: () => Promise<void>) => { let m = Infinity; for (let i = 0; i < 3; i++) { const t = performance.now(); await f(); m = Math.min(m, performance.now() - t); } return m; };
      const inThread = await best(async () => { for (const p of paths) readModuleMetadata(host.readFileSync(p)); });
      const pooled = await best(async () => {
        const pool = new NodeMetadataPool({ threshold: 0 });
        await pool.facts(paths.map((p) => ({ host: host.hostFile(p) })));
        await pool.close();
      });
      cells.push(`${n}: ${inThread.toFixed(0)}/${pooled.toFixed(0)}`);
      if (crossover === undefined && pooled < inThread) crossover = n;
    }
    r = {
      label: `scan N modules, in-thread/pool ms (pool of ${availableParallelism()})`, ms: 0,
      note: `${cells.join(', ')}; pool faster from ${crossover ?? 'no size measured'}`,
    };
  } else if (kind === 'depmod-host' || kind === 'depmod-memory' || kind === 'depmod-host-pool') {
    vfs = kind !== 'depmod-memory' ? new Vfs(new HostBacking(dir, true)) : memory();
    const pool = kind === 'depmod-host-pool' ? new NodeMetadataPool() : undefined;
    gc();
    const rss0 = process.resourceUsage().maxRSS;
    const phases: string[] = [];
    r = await measure(`depmod -a, ${kind === 'depmod-memory' ? 'in memory' : pool ? `host directory, pool of ${pool.size} threads` : 'host directory'}`, async () => {
      const status = await depmod(['-a', release], { vfs, ...quiet, pool, timings: (p, ms) => phases.push(`${p} ${ms.toFixed(0)}`) });
      await pool?.close();
      if (status !== 0) throw new Error(`depmod exited ${status}`);
      const dep = await vfs.readText(`${moddir}/modules.dep`);
      return `${dep.split('\n').length - 1} lines in modules.dep; ms: ${phases.join(', ')}`;
    });
    r.maxRssMB = (process.resourceUsage().maxRSS - rss0) / 1024;
  } else {
    vfs = memory();
    await depmod(['-a', release], { vfs, ...quiet });
    const log = new Logger('modprobe', Prio.WARNING, quiet.stderr);
    if (kind === 'resolve-text') await vfs.unlink(`${moddir}/modules.lkm.bin`);
    gc();
    const rss0 = process.resourceUsage().maxRSS;
    if (kind === 'resolve-index' || kind === 'resolve-text') {
      const N = 20;
      let deps = 0;
      const t = await measure(`modprobe resolution of ${TARGET}, ${kind === 'resolve-index' ? 'modules.lkm.bin' : 'text files (no index)'}`, async () => {
        for (let i = 0; i < N; i++) {
          const ctx = await KmodContext.open(vfs, { dirname: moddir, log });
          const [m] = ctx.lookup(TARGET)!;
          deps = m!.dependencies().length;
          m!.softdeps();
          for (const d of m!.dependencies()) { void d.path; d.softdeps(); }
        }
        return `${deps} dependencies; per lookup incl. opening the index and config`;
      });
      r = { ...t, ms: t.ms / N, cpuMs: t.cpuMs! / N };
      if (kind === 'resolve-index') {
        // A long-lived context (a daemon, the shell's session): the same lookup without reopening anything.
        const ctx = await KmodContext.open(vfs, { dirname: moddir, log });
        const M = 2000;
        const resolve = () => { const [m] = ctx.lookup(TARGET)!; for (const d of m!.dependencies()) { void d.path; d.softdeps(); } m!.softdeps(); };
        for (let i = 0; i < 200; i++) resolve();
        const t0 = performance.now();
        for (let i = 0; i < M; i++) resolve();
        r.note = `${r.note}; on an open context ${(((performance.now() - t0) / M) * 1000).toFixed(1)} µs per lookup`;
      }
    } else {
      const k = new CountingKernel();
      vfs.kernel = k;
      let err = '';
      const sh = new Shell(k as unknown as Kernel, vfs, { stdout: () => {}, stderr: (t) => { err += t; } });
      r = await measure(`modprobe ${TARGET} end to end (shell, kernel stand-in)`, async () => {
        const status = await sh.run(`modprobe -S ${release} ${TARGET}`);
        if (status !== 0) throw new Error(`modprobe exited ${status}: ${err}`);
        const deps = (await vfs.readText(`${moddir}/modules.dep`)).split('\n').find((l) => l.includes('/snd-sof-pci-intel-tgl.ko:'))!;
        const expected = new Set([TARGET, ...deps.split(' ').slice(1).map((p) => p.slice(p.lastIndexOf('/') + 1, -3).replace(/-/g, '_'))]);
        const soft = [...k.loaded].filter((m) => !expected.has(m));
        return `${k.loaded.size} modules inserted: ${expected.size} (target + dependencies)${soft.length ? ` + softdep ${soft.join(', ')}` : ''}`;
      });
    }
    r.maxRssMB = (process.resourceUsage().maxRSS - rss0) / 1024;
  }
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

function runChild(kind: string, dir: string, release: string): Result {
  const p = spawnSync(process.execPath, ['--expose-gc', here, '--child', kind, dir, release], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (p.status !== 0) throw new Error(`bench child ${kind} failed (${p.status}):\n${p.stderr}`);
  return JSON.parse(p.stdout.trim().split('\n').pop()!) as Result;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return child(argv[1]!, argv[2]!, argv[3]!);
  if (argv[0] === '--write') { const g = loadGraph(); hostTree(g, generate(g), argv[1]!); return; } // the replica as a directory
  const g = loadGraph();
  const t0 = performance.now();
  const files = generate(g);
  const genMs = performance.now() - t0;
  let bytes = 0;
  for (const c of files.values()) bytes += c.length;
  console.log(`depmod/modprobe benchmark: replica of ${g.release}, ${g.modules.length} modules, ${(bytes / 1048576).toFixed(1)} MiB of metadata-only .ko (generated in ${genMs.toFixed(0)} ms)`);
  const dir = mkdtempSync(join(tmpdir(), 'lkm-bench-depmod-'));
  const rows: Result[] = [];
  try {
    hostTree(g, files, dir);
    for (const kind of ['baseline-host', 'depmod-host', 'depmod-memory', 'resolve-text', 'resolve-index', 'modprobe-e2e', 'depmod-host-pool', 'pool-sweep']) {
      rows.push(runChild(kind, dir, g.release));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  console.log(`${'measurement'.padEnd(66)} ${'wall ms'.padStart(9)} ${'cpu ms'.padStart(8)} ${'+peak MB'.padStart(10)}  note`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(66)} ${r.ms.toFixed(r.ms < 10 ? 2 : 0).padStart(9)} ${(r.cpuMs ?? 0).toFixed(r.ms < 10 ? 2 : 0).padStart(8)} ${(r.maxRssMB ?? 0).toFixed(0).padStart(10)}  ${r.note ?? ''}`);
  }
  const [base, host, mem, text, idx] = rows;
  console.log('');
  console.log(`ratios: depmod (host) / baseline = ${(host!.ms / base!.ms).toFixed(2)}x wall;  depmod in memory / on host = ${(mem!.ms / host!.ms).toFixed(2)}x;  ` +
    `resolution text / index = ${(text!.ms / idx!.ms).toFixed(1)}x`);
  console.log('+peak MB: growth of the process peak RSS during the measurement (a tree in memory is loaded before it starts)');
  console.log('cpu ms includes the garbage collector\'s and libuv\'s threads; wall ms depends on what else the machine runs');
  const here = machinePool();
  console.log(`depmod's metadata pool (src/kmod/metadata-pool.node.ts): threshold ${POOL_THRESHOLD} modules (POOL_THRESHOLD), only on machines with ` +
    `${POOL_MIN_CORES}+ cores (POOL_MIN_CORES) or with LKM_DEPMOD_THREADS set; this machine: ${availableParallelism()} cores, ` +
    `${here ? `pool of ${here.size} threads` : 'no pool (depmod scans in-thread)'}`);
  console.log('reference (from the issue, not measured here): kmod 30 depmod over the real 4,023 .ko files of that kernel: ~400 ms CPU, 700-1400 ms wall');
}

await main(process.argv.slice(2));
