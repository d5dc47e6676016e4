// npm run build: vmlinux (wasm/Kbuild → build/vmlinux.ko) and every module of modules-src/ →
// build/lib/modules/6.12.0-lkm-wasm/extra/NAME.ko, Module.symvers, modules.order. Quiet when nothing changed.
// Options: -j N (workers), -v (command lines).

import { buildTree, closeBuildPool, preferBaselineCompiler } from '../src/kbuild/build.node.js';
import { consoleBuildOutput } from '../src/kbuild/console.js';

preferBaselineCompiler();

async function run(argv: string[]): Promise<number> {
  let jobs: number | undefined;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-v' || a === 'V=1') verbose = true;
    else if (a === '-j') jobs = Number(argv[++i]);
    else if (/^-j\d+$/.test(a)) jobs = Number(a.slice(2));
    else {
      process.stderr.write(`build: unknown argument '${a}' (usage: build [-j N] [-v])\n`);
      return 2;
    }
  }
  const { log, progress, end } = consoleBuildOutput();
  try {
    const r = await buildTree({ jobs, verbose, color: !!process.stderr.isTTY && !process.env.NO_COLOR, log, progress });
    if (!r.ok) log('build: failed\n', 'err');
    return r.ok ? 0 : 1;
  } finally {
    end();
    await closeBuildPool();
  }
}

process.exitCode = await run(process.argv.slice(2));
