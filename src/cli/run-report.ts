// What went wrong in an `lkm run`, from the kernel's state rather than its printed log: the Oopses and WARNs
// a phase added to /sys/kernel/oops_count and warn_count, the soft lockup bit (L) of the taint mask, the
// leak reports the kernel keeps, rmmod's status.
// Each problem is one line on stderr and an exit status; the exit statuses are ordered by severity.

import { TAINT, TAINT_FLAGS } from '../kernel/taint.js';
import type { ModuleLeak } from '../kernel/module-list.js';

export const RUN_STATUS = { OK: 0, FAILED: 1, EXEC: 3, LEAK: 4, WARN: 5, RMMOD: 6, OOPS: 7, LOCKUP: 8 } as const;

export interface Problem {
  status: number;
  /** The stderr line, without "lkm run: " and the newline. */
  text: string;
  /** A WARN or a leak under --allow-warn: reported, not failing. */
  allowed?: boolean;
}

/** Where a phase ran: "module hello: … in init", "… while the --exec commands ran". */
export interface Phase { module?: string; where: string }

const letter = (bit: number) => TAINT_FLAGS.find((f) => f.bit === bit)!.set;
const subject = (p: Phase) => (p.module ? `module ${p.module}: ` : '');

/** What the kernel says about faults so far: its taint mask, /sys/kernel/warn_count and oops_count. */
export interface FaultMarks { taint: number; warns: number; oopses: number }

/**
 * The problems a phase caused, from the marks before and after it: Oopses and WARNs by their counts (each
 * one counts, also after the taint bit is set), a soft lockup by the L bit (the kernel hung: no more counts).
 */
export function phaseProblems(before: FaultMarks, after: FaultMarks, phase: Phase): Problem[] {
  const out: Problem[] = [];
  const at = `${subject(phase)}`;
  if (after.taint & ~before.taint & (1 << TAINT.SOFTLOCKUP)) {
    out.push({ status: RUN_STATUS.LOCKUP, text: `${at}soft lockup ${phase.where} (kernel tainted ${letter(TAINT.SOFTLOCKUP)}; the kernel hung, nothing was unloaded)` });
  }
  const counted: [number, string, string, number, number][] = [
    [after.oopses - before.oopses, 'Oops', 'Oopses', TAINT.DIE, RUN_STATUS.OOPS],
    [after.warns - before.warns, 'WARNING', 'WARNINGs', TAINT.WARN, RUN_STATUS.WARN],
  ];
  for (const [n, one, many, bit, status] of counted) {
    if (n > 0) out.push({ status, text: `${at}${n === 1 ? one : `${n} ${many}`} ${phase.where} (kernel tainted ${letter(bit)})` });
  }
  return out;
}

export function leakProblem(l: ModuleLeak): Problem {
  const n = `${l.allocations} allocation${l.allocations === 1 ? '' : 's'}`;
  return { status: RUN_STATUS.LEAK, text: `module ${l.module}: leak: ${n} (${l.bytes} bytes) not freed at unload` };
}

export function rmmodProblem(module: string, status: number, state: string | undefined): Problem {
  const left = state ? `; still loaded (${state})` : '';
  return { status: RUN_STATUS.RMMOD, text: `module ${module}: rmmod failed (exit status ${status})${left}` };
}

export function execProblem(status: number): Problem {
  return { status: RUN_STATUS.EXEC, text: `--exec commands failed (exit status ${status})` };
}

/** --allow-warn: WARNs and leaks stay on stderr, marked, and no longer count. */
export function allowWarnings(problems: Problem[]): Problem[] {
  return problems.map((p) => (p.status === RUN_STATUS.WARN || p.status === RUN_STATUS.LEAK ? { ...p, allowed: true } : p));
}

/** The stderr lines and the exit status: the highest status among the problems that count. */
export function verdict(problems: Problem[], base: number): { lines: string; status: number } {
  let status = base;
  let lines = '';
  for (const p of problems) {
    lines += `lkm run: ${p.text}${p.allowed ? ' [allowed by --allow-warn]' : ''}\n`;
    if (!p.allowed) status = Math.max(status, p.status);
  }
  return { lines, status };
}
