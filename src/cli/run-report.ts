// What went wrong in an `lkm run`, from the kernel's state rather than its printed log: the taint bits a
// phase set (D an Oops, W a WARN, L a soft lockup), the leak reports the kernel keeps, rmmod's status.
// Each problem is one line on stderr and an exit status; the exit statuses are ordered by severity.

import { TAINT, TAINT_FLAGS } from '../kernel/taint.js';
import type { UnloadLeak } from '../kernel/module-list.js';

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

/** The problems a phase caused: the taint bits it set that mean an Oops, a WARN or a soft lockup. */
export function taintProblems(before: number, after: number, phase: Phase): Problem[] {
  const added = after & ~before;
  const out: Problem[] = [];
  const rows: [number, string, number][] = [
    [TAINT.SOFTLOCKUP, 'soft lockup', RUN_STATUS.LOCKUP],
    [TAINT.DIE, 'Oops', RUN_STATUS.OOPS],
    [TAINT.WARN, 'WARNING', RUN_STATUS.WARN],
  ];
  for (const [bit, what, status] of rows) {
    if (!(added & (1 << bit))) continue;
    const hung = bit === TAINT.SOFTLOCKUP ? '; the kernel hung, nothing was unloaded' : '';
    out.push({ status, text: `${subject(phase)}${what} ${phase.where} (kernel tainted ${letter(bit)}${hung})` });
  }
  return out;
}

export function leakProblem(l: UnloadLeak): Problem {
  const n = `${l.count} allocation${l.count === 1 ? '' : 's'}`;
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
