// Build-time benchmark of the example tree (wasm + modules-src), into a temporary build directory:
//   cold       new process, clang not loaded, empty cache
//   warm       same process (compiler workers already loaded), empty cache
//   no change  same process, nothing to do
//   no change, new process   what `npm test` / `npm start` pay before running
// each with V8's default tiering and with --liftoff-only (what `npm run build` and `lkm build` use, see
// preferBaselineCompiler), and the size of each .ko. It measures and prints; it asserts nothing.
// Run: npx tsc -p . && node dist/bench/build.js [-j N]

import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTree, closeBuildPool, poolWorkersStarted, preferBaselineCompiler, type TreeResult } from '../src/kbuild/build.node.js';

interface Sample { label: string; wallMs: number; compiled: number; hits: number; linked: number; workers?: number }

function summarize(label: string, r: TreeResult, wallMs: number): Sample {
  const parts = [r.kernel, r.modules].filter((x) => x !== undefined);
  return {
    label, wallMs,
    compiled: parts.reduce((n, p) => n + p.stats.compiled, 0),
    hits: parts.reduce((n, p) => n + p.stats.cacheHits, 0),
    linked: parts.reduce((n, p) => n + p.stats.linked, 0),
    workers: poolWorkersStarted(),
  };
}

async function timed(label: string, buildDir: string, jobs?: number): Promise<Sample> {
  const t0 = performance.now();
  const r = await buildTree({ buildDir, jobs });
  const s = summarize(label, r, performance.now() - t0);
  if (!r.ok) process.stderr.write(`bench: ${label}: build failed\n${[...(r.kernel?.errors ?? []), ...r.modules.errors].join('\n')}\n`);
  return s;
}

/** Child mode: one process doing cold, warm and no-change builds; prints JSON samples. */
async function child(buildDir: string, jobs: number | undefined, liftoff: boolean): Promise<void> {
  if (liftoff) preferBaselineCompiler();
  const tag = liftoff ? '--liftoff-only' : 'default tiering';
  const samples: Sample[] = [];
  samples.push(await timed(`cold, ${tag} (new process, empty cache)`, buildDir, jobs));
  rmSync(buildDir, { recursive: true, force: true });
  samples.push(await timed(`warm, ${tag} (clang loaded, empty cache)`, buildDir, jobs));
  samples.push(await timed(`no change, ${tag} (same process)`, buildDir, jobs));
  await closeBuildPool();
  process.stdout.write(`${JSON.stringify(samples)}\n`);
}

/** Child mode: a no-change build in a fresh process (import + hashing only). */
async function childNoChange(buildDir: string): Promise<void> {
  const s = await timed('no change (new process)', buildDir);
  await closeBuildPool();
  process.stdout.write(`${JSON.stringify([s])}\n`);
}

function runChild(args: string[]): { samples: Sample[]; wallMs: number } {
  const self = fileURLToPath(import.meta.url);
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [self, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  if (p.status !== 0) throw new Error(`bench child failed (${p.status}):\n${p.stderr}`);
  const line = p.stdout.trim().split('\n').pop() ?? '[]';
  return { samples: JSON.parse(line) as Sample[], wallMs };
}

function sizes(dir: string): [string, number][] {
  const out: [string, number][] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ko')) out.push([p.slice(dir.length + 1), statSync(p).size]);
    }
  };
  walk(dir);
  return out.sort();
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return child(argv[1]!, argv[2] !== '-' ? Number(argv[2]) : undefined, argv[3] === 'liftoff');
  if (argv[0] === '--child-nochange') return childNoChange(argv[1]!);
  let jobs: number | undefined;
  if (argv[0] === '-j') jobs = Number(argv[1]);
  const dir = mkdtempSync(join(tmpdir(), 'lkm-bench-build-'));
  try {
    const j = jobs ? String(jobs) : '-';
    const a = runChild(['--child', dir, j, 'tierup']);
    rmSync(dir, { recursive: true, force: true });
    const l = runChild(['--child', dir, j, 'liftoff']);
    const b = runChild(['--child-nochange', dir]);
    const rows = [
      ...a.samples,
      ...l.samples,
      { ...b.samples[0]!, label: 'no change (new process, incl. node start)', wallMs: b.wallMs },
    ];
    console.log(`lkm build benchmark: example tree (wasm + modules-src), ${jobs ?? 'default'} jobs`);
    console.log('');
    console.log(`${'build'.padEnd(58)} ${'ms'.padStart(8)} ${'compiled'.padStart(9)} ${'cached'.padStart(7)} ${'linked'.padStart(7)}`);
    for (const s of rows) {
      console.log(`${s.label.padEnd(58)} ${s.wallMs.toFixed(0).padStart(8)} ${String(s.compiled).padStart(9)} ${String(s.hits).padStart(7)} ${String(s.linked).padStart(7)}`);
    }
    console.log('');
    console.log('module sizes:');
    for (const [name, size] of sizes(dir)) console.log(`  ${name.padEnd(50)} ${String(size).padStart(8)} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
