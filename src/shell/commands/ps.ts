// ps [-e|-A] [-f] (procps): the processes of /proc. Kernel threads are the /proc/PID entries (their
// TTY is ?, and -f shows them in brackets as procps does for tasks without a command line); this
// shell and the ps it runs are the terminal's processes.

import type { Command } from '../shell.js';

const dec = new TextDecoder();

interface Proc { pid: number; ppid: number; tty: string; cmd: string; kthread: boolean }

async function kernelThreads(sh: Parameters<Command>[2]): Promise<Proc[]> {
  const out: Proc[] = [];
  let names: string[] = [];
  try { names = await sh.fs.readdir('/proc'); } catch { return out; }
  for (const n of names.filter((x) => /^\d+$/.test(x)).sort((a, b) => Number(a) - Number(b))) {
    try {
      const stat = dec.decode(await sh.fs.readFile(`/proc/${n}/stat`));
      const m = /^(\d+) \((.*)\) \S (-?\d+)/.exec(stat);
      if (m) out.push({ pid: Number(m[1]), ppid: Number(m[3]), tty: '?', cmd: m[2]!, kthread: true });
    } catch { /* it exited meanwhile */ }
  }
  return out;
}

export const psCommand: Command = async (argv, io, sh) => {
  let all = false, full = false;
  for (const a of argv.slice(1)) {
    if (!/^-[eAf]+$/.test(a)) {
      io.stderr(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n`);
      return 1;
    }
    if (/[eA]/.test(a)) all = true;
    if (a.includes('f')) full = true;
  }
  const shellPid = sh.pid;
  const procs: Proc[] = [{ pid: shellPid, ppid: 0, tty: 'pts/0', cmd: 'sh', kthread: false }];
  if (all) procs.push(...await kernelThreads(sh));
  procs.push({ pid: sh.nextCommandPid(), ppid: shellPid, tty: 'pts/0', cmd: full ? argv.join(' ') : 'ps', kthread: false });
  procs.sort((a, b) => a.pid - b.pid);
  if (full) {
    io.stdout('UID          PID    PPID  C STIME TTY          TIME CMD\n');
    for (const p of procs) {
      const cmd = p.kthread ? `[${p.cmd}]` : p.cmd;
      io.stdout(`${'root'.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 00:00 ${p.tty.padEnd(8)} 00:00:00 ${cmd}\n`);
    }
  } else {
    io.stdout('    PID TTY          TIME CMD\n');
    for (const p of procs) io.stdout(`${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} 00:00:00 ${p.cmd}\n`);
  }
  return 0;
};
