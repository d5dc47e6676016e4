// The command line of `lkm run`: options anywhere before `--`, the target, the module parameters.

import { UsageError } from './usage.js';

export const RUN_USAGE = `Usage: lkm run [OPTIONS] FILE.c|DIR|FILE.ko [param=value …]

Builds FILE.c or DIR's Kbuild/Makefile if needed, boots a kernel, loads the module(s) (the parameters go to
the last one), runs the --exec commands, unloads, and prints the kernel log the run produced.

  -e, --exec CMDS   shell commands run between load and unload (the shell of \`lkm shell -c\`, with
  -c CMDS           bash's set -e: the first failing command ends them); may be given more than once
      --allow-warn  a WARN or a leak at unload is reported but does not fail the run
  -h, --help        this text

Exit status (when several things go wrong, the highest wins):
  0  loaded, ran and unloaded cleanly     5  a WARN (kernel tainted W)
  1  build failed, no such file, or       6  rmmod failed (the module is still loaded)
     insmod failed (init returned error)  7  an Oops (kernel tainted D)
  2  usage error                          8  a soft lockup (tainted L; the kernel hung)
  3  an --exec command failed
  4  memory leaked at unload
`;

export interface RunOptions {
  target: string;
  params: string[];
  exec: string[];
  allowWarn: boolean;
}

/** 'help' for -h; throws UsageError for what cannot be run. */
export function parseRunArgs(argv: string[]): RunOptions | 'help' {
  const words: string[] = [];
  const exec: string[] = [];
  let allowWarn = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { words.push(...argv.slice(i + 1)); break; }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--allow-warn') { allowWarn = true; continue; }
    const eq = a.startsWith('--exec=') ? a.slice(7) : undefined;
    if (eq !== undefined) { exec.push(eq); continue; }
    if (a === '-e' || a === '-c' || a === '--exec') {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option '${a}' needs a value`);
      exec.push(v);
      continue;
    }
    if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    words.push(a);
  }
  const [target, ...params] = words;
  if (target === undefined) throw new UsageError('missing FILE.c, DIR or FILE.ko');
  return { target, params, exec, allowWarn };
}
