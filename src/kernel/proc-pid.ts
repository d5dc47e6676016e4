// /proc/PID of the kernel threads (fs/proc/base.c, array.c): comm, status and stat as Linux formats
// them, read from the thread's task_struct in kernel memory. Processes (the shell's commands) run one
// system call at a time on the host thread and have no /proc/PID here.

import type { Kernel } from './kernel.js';
import type { KThread } from './threads.js';
import { TASK_STRUCT } from './abi.js';

/** task_state_array (fs/proc/array.c): the letter and word of a task's state. */
function taskState(state: number): [string, string] {
  if (state === 0) return ['R', 'running'];
  if (state & 0x40) return ['P', 'parked'];
  if ((state & 0x402) === 0x402) return ['I', 'idle'];
  if (state & 1) return ['S', 'sleeping'];
  if (state & 2) return ['D', 'disk sleep'];
  return ['R', 'running'];
}

function threadOf(k: Kernel, pid: string): KThread | undefined {
  return k.threads.list().find((t) => String(t.pid) === pid);
}

/** The /proc entries named by PID: one directory per kernel thread alive. */
export function pidDirs(k: Kernel): string[] {
  return k.threads.list().map((t) => String(t.pid));
}

export function procPidEntry(k: Kernel, pid: string, file: string | undefined): { read?: () => string; dir?: () => string[] } | undefined {
  const t = threadOf(k, pid);
  if (!t) return undefined;
  const state = () => taskState(k.mem.u32(t.task + TASK_STRUCT.__state));
  switch (file) {
    case undefined: return { dir: () => ['comm', 'stat', 'status'] };
    case 'comm': return { read: () => `${t.comm}\n` };
    case 'status': return {
      read: () => {
        const [s, word] = state();
        return `Name:\t${t.comm}\nUmask:\t0000\nState:\t${s} (${word})\nTgid:\t${t.pid}\nNgid:\t0\nPid:\t${t.pid}\nPPid:\t0\n` +
          'TracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t64\nGroups:\t\nThreads:\t1\n' +
          `Cpus_allowed_list:\t${t.cpu}\n`;
      },
    };
    case 'stat': return {
      // pid (comm) state ppid pgrp session tty_nr tpgid flags, then counters this kernel does not keep (0),
      // num_threads 1, … and field 39, the CPU it last ran on.
      read: () => {
        const flags = k.mem.u32(t.task + TASK_STRUCT.flags);
        const fields = [t.pid, `(${t.comm})`, state()[0], 0, 0, 0, 0, -1, flags, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 1, 0, 0, 0, 0];
        while (fields.length < 38) fields.push(0);
        fields.push(t.cpu);
        while (fields.length < 52) fields.push(0);
        return `${fields.join(' ')}\n`;
      },
    };
    default: return undefined;
  }
}
