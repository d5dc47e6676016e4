// `lkm run [OPTIONS] FILE.c|DIR|FILE.ko [params…]`: build if needed, insmod with the params, run the --exec
// commands, rmmod, and print the kernel log lines the run produced. The quickest way to try a module: one
// command, no VM — and a CI check: an Oops, a WARN, a leak, a soft lockup or a failed rmmod fails the run
// (run-report.ts), each named on stderr.

import { bootNodeKernel } from '../session/boot.node.js';
import { bootNodeWorkerKernel } from '../worker/boot.node.js';
import { normalizeModuleName } from '../kernel/module.js';
import { formatRecord } from '../kernel/printk.js';
import { TAINT } from '../kernel/taint.js';
import { normalizePath } from '../shell/fs.js';
import { indexModuleTree, openShell } from '../session/session.js';
import type { Shell } from '../session/shell.js';
import { parseRunArgs, RUN_USAGE, type RunOptions } from './run-options.js';
import {
  allowWarnings, execProblem, leakProblem, phaseProblems, rmmodProblem, RUN_STATUS, verdict, type FaultMarks, type Phase,
  type Problem,
} from './run-report.js';
import { stderrColor } from './color.js';
import { UsageError, usageError } from './usage.js';
import { modulesFor } from './targets.js';

const io = { stdin: '', stdout: (t: string) => { process.stdout.write(t); }, stderr: (t: string) => { process.stderr.write(t); } };

export async function main(argv: string[]): Promise<number> {
  let opts: RunOptions | 'help';
  try {
    opts = parseRunArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageError('run', e.message);
  }
  if (opts === 'help') {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  const modules = await modulesFor('lkm run', opts.target);
  if (!modules) return RUN_STATUS.FAILED;

  // Module code runs in a worker: a module that never returns is reported by the watchdog instead of hanging.
  const { kernel, fs } = process.env.LKM_ISOLATE === 'none' ? await bootNodeKernel() : await bootNodeWorkerKernel();
  const sh = openShell(kernel, fs, { io });
  sh.cwd = normalizePath(process.cwd());
  // The commands may modprobe the installed modules, as in `lkm shell -c`.
  if (opts.exec.length > 0) await indexModuleTree(sh, io);
  return new Run(sh, opts).go(modules);
}

/** One run on a booted kernel: its phases, what each left in the kernel's state, the log printed so far. */
class Run {
  private readonly problems: Problem[] = [];
  private marks: FaultMarks = { taint: 0, warns: 0, oopses: 0 };
  private printed: number;

  constructor(private readonly sh: Shell, private readonly opts: RunOptions) {
    this.printed = sh.kernel.log.seq;
  }

  private get hung(): boolean { return (this.marks.taint & (1 << TAINT.SOFTLOCKUP)) !== 0; }

  /** The kernel's fault marks now (a hung kernel reads no files: its counts stay as they were). */
  private async readMarks(): Promise<FaultMarks> {
    const k = this.sh.kernel;
    const taint = await k.tainted();
    if (taint & (1 << TAINT.SOFTLOCKUP)) return { ...this.marks, taint };
    const count = async (f: string) => Number(await k.readFile(`/sys/kernel/${f}`));
    return { taint, warns: await count('warn_count'), oopses: await count('oops_count') };
  }

  /** Runs one phase; what it added to the fault marks becomes its problems. */
  private async phase(p: Phase, fn: () => Promise<number>): Promise<number> {
    const status = await fn();
    const now = await this.readMarks();
    this.problems.push(...phaseProblems(this.marks, now, p));
    this.marks = now;
    return status;
  }

  /** The kernel log since the last call (stdout carries only the log and the commands' output). */
  private printLog(): void {
    const log = this.sh.kernel.log;
    log.flush();
    for (const r of log.since(this.printed)) for (const line of formatRecord(r)) process.stdout.write(`${line}\n`);
    this.printed = log.seq;
  }

  async go(modules: string[]): Promise<number> {
    const { sh, opts } = this;
    this.marks = await this.readMarks();
    const leaksBefore = (await sh.kernel.leaks()).length;
    let status = RUN_STATUS.OK as number;
    // Load in build order; the parameters go to the last module (the one on top of a stack).
    const loaded: string[] = [];
    for (const [i, path] of modules.entries()) {
      const args = i === modules.length - 1 ? opts.params : [];
      const name = moduleName(path);
      const s = await this.phase({ module: name, where: 'in init' }, () => sh.runArgv(['insmod', path, ...args], io));
      if (s !== 0) { status = RUN_STATUS.FAILED; break; }
      loaded.push(name);
    }
    if (status === RUN_STATUS.OK && !this.hung && opts.exec.length > 0) {
      this.printLog();
      sh.errexit = true;
      for (const cmds of opts.exec) {
        const s = await this.phase({ where: 'while the --exec commands ran' }, () => sh.run(cmds));
        if (s !== 0) { this.problems.push(execProblem(s)); break; }
        if (this.hung) break;
      }
    }
    for (const name of loaded.reverse()) {
      if (this.hung) break;
      const m = (await sh.kernel.lsmod()).find((x) => x.name === name);
      if (!m || m.permanent) continue;
      const s = await this.phase({ module: name, where: 'in exit' }, () => sh.runArgv(['rmmod', name], io));
      if (s === 0) continue;
      const left = this.hung ? undefined : (await sh.kernel.lsmod()).find((x) => x.name === name);
      this.problems.push(rmmodProblem(name, s, left?.state));
    }
    if (!this.hung) for (const l of (await sh.kernel.leaks()).slice(leaksBefore)) this.problems.push(leakProblem(l));
    this.printLog();
    const v = verdict(opts.allowWarn ? allowWarnings(this.problems) : this.problems, status);
    process.stderr.write(v.lines);
    return v.status;
  }
}

/** The module name insmod gives a file: its base name without .ko, '-' as '_'. */
function moduleName(path: string): string {
  return normalizeModuleName(path.slice(path.lastIndexOf('/') + 1).replace(/\.ko$/, ''));
}
