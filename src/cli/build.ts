// `lkm build`: builds kernel modules from a Kbuild/Makefile directory or from single C files.
// Parses arguments, calls src/kbuild, prints. Exit status: 0 built (or up to date), 1 build failed, 2 usage.

import { statSync } from 'node:fs';
import {
  buildDir, buildFiles, closeBuildPool, preferBaselineCompiler, type BuildOptions, type BuildResult,
} from '../kbuild/build.node.js';
import { consoleBuildOutput } from '../kbuild/console.js';
import { stderrColor } from './color.js';

export const USAGE = `usage: lkm build [DIR | FILE.c... | --user PROG.c...] [-o OUTDIR] [-j N] [-v] [VAR=value...]

Builds the modules of DIR's Kbuild (or Makefile, read like kbuild: obj-m, NAME-objs, NAME-y, ccflags-y,
CFLAGS_file.o, ...) into OUTDIR/NAME.ko (default DIR, default DIR is the current directory), and its user
programs (userprogs, userprogs-always-y, PROG-objs, userccflags) into OUTDIR/PROG (WASI commands).
With FILE.c arguments, builds one module per file, named after it.

  -u, --user            the FILE.c arguments are user programs: OUTDIR/PROG per file (run: lkm exec PROG)
  -o, --output OUTDIR   where to write NAME.ko and Module.symvers
  -j, --jobs N          parallel compiler workers (default: number of cores)
  -v, --verbose         print the compiler and linker command lines (also V=1)
      --sign            sign the modules with build/certs/signing_key.pem (made on first use), as
                        CONFIG_MODULE_SIG_ALL=y does (also as VAR=value, in the environment or Kbuild)
  VAR=value             make variables, e.g. M=DIR, KBUILD_EXTRA_SYMBOLS=../a/Module.symvers
  -h, --help            this text

Environment: LKM_CC=emcc builds with emscripten's LLVM instead of @yowasp/clang;
KBUILD_EXTRA_SYMBOLS as in kbuild. Build cache: OUTDIR/.lkm-cache/.
`;

class UsageError extends Error {}

interface Parsed { paths: string[]; opts: BuildOptions & { user?: boolean } }

function parse(argv: string[]): Parsed | 'help' {
  const paths: string[] = [];
  const vars: Record<string, string> = {};
  const opts: BuildOptions & { user?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      if (!a.startsWith('--') && a.length > 2) return a.slice(2);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option '${name}' needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '-v' || a === '--verbose') opts.verbose = true;
    else if (a === '-u' || a === '--user') opts.user = true;
    else if (a === '--sign') opts.sign = true;
    else if (a === '-o' || a.startsWith('-o') || a === '--output' || a.startsWith('--output=')) opts.outDir = value(a.startsWith('--') ? '--output' : '-o');
    else if (a === '-j' || a.startsWith('-j') || a === '--jobs' || a.startsWith('--jobs=')) {
      const n = Number(value(a.startsWith('--') ? '--jobs' : '-j'));
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`invalid job count '${argv[i]}'`);
      opts.jobs = n;
    } else if (a === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else if (/^[A-Za-z_][A-Za-z0-9_-]*=/.test(a)) {
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
    } else paths.push(a);
  }
  if (vars.V === '1') opts.verbose = true;
  if (vars.M !== undefined) {
    paths.push(vars.M);
    delete vars.M;
  }
  if (vars.KBUILD_EXTRA_SYMBOLS !== undefined) {
    // Paths relative to the current directory (kbuild would take them relative to the kernel tree).
    opts.extraSymbols = vars.KBUILD_EXTRA_SYMBOLS.split(/\s+/).filter(Boolean);
    delete vars.KBUILD_EXTRA_SYMBOLS;
  }
  opts.vars = vars;
  return { paths, opts };
}

function isDir(p: string): boolean | undefined {
  try { return statSync(p).isDirectory(); } catch { return undefined; }
}

export async function main(argv: string[]): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`lkm build: ${e.message}\nTry 'lkm build --help'.\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { paths, opts } = parsed;
  // `lkm build` is a one-shot process: baseline-compiled clang starts much faster (see preferBaselineCompiler).
  preferBaselineCompiler();
  opts.color = stderrColor();
  const output = consoleBuildOutput();
  opts.log = output.log;
  opts.progress = output.progress;

  for (const p of paths) {
    if (isDir(p) === undefined) {
      process.stderr.write(`lkm build: error: ${p}: No such file or directory\n`);
      return 1;
    }
  }
  const dirs = paths.filter((p) => isDir(p));
  if (opts.user && (dirs.length > 0 || paths.length === 0)) {
    process.stderr.write(`lkm build: --user takes C files (one program per file)\nTry 'lkm build --help'.\n`);
    return 2;
  }
  if (dirs.length > 1 || (dirs.length === 1 && paths.length > 1)) {
    process.stderr.write(`lkm build: give either one directory or C files, not ${paths.join(' ')}\nTry 'lkm build --help'.\n`);
    return 2;
  }
  let result: BuildResult;
  try {
    result = paths.length > 0 && dirs.length === 0 ? await buildFiles(paths, opts) : await buildDir(dirs[0] ?? '.', opts);
  } finally {
    output.end();
    await closeBuildPool();
  }
  return result.ok ? 0 : 1;
}
