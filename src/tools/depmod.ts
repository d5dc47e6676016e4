// depmod(8), as kmod's tools/depmod.c: options, version argument, and the run in src/kmod/depmod.ts.

import { depmod as runDepmod, type MetadataPool } from '../kmod/depmod.js';
import { FatalExit, Logger, Prio } from '../kmod/log.js';
import type { KmodToolContext } from './context.js';
import { getopt } from './getopt.js';
import { kmodVersionText } from './version.js';
import { moduleDirname, RELEASE } from './module-dir.js';
import { ProgressBar } from '../term/progress.js';

const USAGE = `Usage:
\tdepmod -[aA] [options] [forced_version]

If no arguments (except options) are given, "depmod -a" is assumed

depmod will output a dependency list suitable for the modprobe utility.

Options:
\t-a, --all            Probe all modules
\t-A, --quick          Only does the work if there's a new module
\t-e, --errsyms        Report not supplied symbols
\t-n, --show          Write the dependency file on stdout only
\t-P, --symbol-prefix  Architecture symbol prefix
\t-C, --config=PATH    Read configuration from PATH
\t-v, --verbose        Enable verbose mode
\t-w, --warn           Warn on duplicates
\t-V, --version        show version
\t-h, --help           show this help

The following options are useful for people managing distributions:
\t-b, --basedir=DIR    Use an image of a module tree.
\t-o, --outdir=DIR     Output directory for generated files.
\t-F, --filesyms=FILE  Use the file instead of the
\t                     current kernel symbols.
\t-E, --symvers=FILE   Use Module.symvers file to check
\t                     symbol versions.
`;

/** Extra hooks for callers in-process (the shell's boot, the bench): progress of the scan. */
export interface DepmodHooks {
  progress?: (done: number, total: number) => void;
  timings?: (phase: string, ms: number) => void;
  /** Parses module metadata on other threads (Node: src/kmod/metadata-pool.node.ts); none: in this thread. */
  pool?: MetadataPool;
}

export async function depmod(argv: string[], ctx: KmodToolContext & DepmodHooks): Promise<number> {
  // On a terminal, a scan that takes a while shows a bar; output printed meanwhile goes above it.
  const bar = !ctx.progress && ctx.tty ? new ProgressBar(ctx.stderr, 'depmod', { columns: ctx.tty.columns, delayMs: ctx.tty.progressDelayMs }) : undefined;
  if (!bar) return run(argv, ctx);
  try {
    return await run(argv, { ...ctx, stdout: bar.above(ctx.stdout), stderr: bar.above(ctx.stderr), progress: (d, t) => bar.set(d, t) });
  } finally {
    bar.end();
  }
}

async function run(argv: string[], ctx: KmodToolContext & DepmodHooks): Promise<number> {
  const g = getopt(argv, 'aAb:o:C:E:F:euqrvnP:wmVh', {
    all: { short: 'a' }, quick: { short: 'A' }, basedir: { short: 'b', arg: true }, outdir: { short: 'o', arg: true },
    config: { short: 'C', arg: true }, symvers: { short: 'E', arg: true }, filesyms: { short: 'F', arg: true },
    errsyms: { short: 'e' }, unused: { short: 'u' }, quiet: { short: 'q' }, root: { short: 'r' }, verbose: { short: 'v' },
    show: { short: 'n' }, 'dry-run': { short: 'n' }, 'symbol-prefix': { short: 'P', arg: true }, warn: { short: 'w' },
    'map': { short: 'm' }, version: { short: 'V' }, help: { short: 'h' },
  });
  const log = new Logger('depmod', Prio.WARNING, ctx.stderr);
  // getopt_long() printed its complaint; kmod's tools then just exit 1 (their "case '?'").
  if (g.error) {
    ctx.stderr(`depmod: ${g.error}\n`);
    return 1;
  }
  let quick = false;
  let basedir: string | undefined;
  let outdir: string | undefined;
  const configPaths: string[] = [];
  let symvers: string | undefined;
  let systemMap: string | undefined;
  let errsyms = false;
  let verbose = 0;
  let dryRun = false;
  for (const o of g.opts) {
    switch (o.name) {
      case 'a': break;
      case 'A': quick = true; break;
      case 'b': basedir = o.value; break;
      case 'o': outdir = o.value; break;
      case 'C': configPaths.push(o.value!); break;
      case 'E': symvers = o.value; break;
      case 'F': systemMap = o.value; break;
      case 'e': errsyms = true; break;
      case 'v': verbose++; break;
      case 'n': dryRun = true; break;
      case 'V': ctx.stdout(kmodVersionText()); return 0;
      case 'h': ctx.stdout(USAGE); return 0;
      default: break; // -u -q -r -P -w -m: accepted, no effect here
    }
  }
  const vfs = ctx.vfs;
  if (!vfs) throw new Error('depmod needs the file system');
  const cwd = ctx.cwd ?? '/';
  let release = RELEASE;
  let files: string[] | undefined;
  try {
    const ops = [...g.operands];
    if (ops.length > 0) {
      if (!/^\d+\.\d+/.test(ops[0]!)) {
        log.err(`Bad version passed ${ops[0]}`);
        return 1;
      }
      release = ops.shift()!;
    }
    if (ops.length > 0) files = ops.map((f) => vfs.resolve(f, cwd));
    if (symvers !== undefined && systemMap !== undefined) {
      log.fatal('-E and -F are mutually exclusive');
      return 1;
    }
    if (errsyms && symvers === undefined && systemMap === undefined) {
      log.warn('-e needs -E or -F');
      errsyms = false;
    }
    const base = basedir !== undefined ? vfs.resolve(basedir, cwd) : undefined;
    const r = await runDepmod(vfs, {
      dirname: moduleDirname(release, base),
      outdir: outdir !== undefined ? moduleDirname(release, vfs.resolve(outdir, cwd)) : undefined,
      release,
      log,
      configPaths: configPaths.length ? configPaths.map((c) => vfs.resolve(c, cwd)) : undefined,
      files,
      quick,
      dryRun,
      stdout: ctx.stdout,
      errsyms,
      systemMap: systemMap !== undefined ? vfs.resolve(systemMap, cwd) : undefined,
      symvers: symvers !== undefined ? vfs.resolve(symvers, cwd) : undefined,
      verbose: verbose > 0,
      progress: ctx.progress,
      timings: ctx.timings,
      pool: ctx.pool,
    });
    return r.status;
  } catch (e) {
    if (e instanceof FatalExit) return e.status;
    throw e;
  }
}
