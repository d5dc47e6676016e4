// One-shot kmod tools: `lkm insmod|rmmod|lsmod|dmesg|modprobe …` boot a fresh kernel, run the tool, exit.
// `--root DIR` and `--modules DIR` (anywhere before `--`) choose the emulated root and the module tree,
// as for `lkm shell`. depmod and modinfo only read files: they run without a kernel (depmod shows a
// progress bar over a large tree on a terminal).

import { nodeVfs } from '../session/boot.node.js';
import { openSession } from '../session/session.node.js';
import { machinePool } from '../kmod/metadata-pool.node.js';
import { normalizePath } from '../shell/fs.js';
import { faultStatus } from '../shell/faults.js';
import { depmod } from '../tools/depmod.js';
import { modinfo } from '../tools/modinfo.js';

const out = { stdout: (t: string) => { process.stdout.write(t); }, stderr: (t: string) => { process.stderr.write(t); } };

/** Removes `--root DIR` / `--modules DIR` from a one-shot command line. */
export function sessionOptions(argv: string[]): { argv: string[]; root?: string; modules?: string } {
  const rest: string[] = [];
  let root: string | undefined;
  let modules: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { rest.push(...argv.slice(i)); break; }
    if (a === '--root' || a === '--modules') {
      const v = argv[++i];
      if (a === '--root') root = v; else modules = v;
    } else if (a.startsWith('--root=')) root = a.slice(7);
    else if (a.startsWith('--modules=')) modules = a.slice(10);
    else rest.push(a);
  }
  return { argv: rest, root, modules };
}

export async function runOneShot(argvIn: string[]): Promise<number> {
  // `lkm depmod -n | head`: a closed pipe ends the tool quietly, as SIGPIPE ends kmod's.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  const { argv, root, modules } = sessionOptions(argvIn);
  const name = argv[0]!;
  // depmod and modinfo only read (and write) files: no kernel to boot.
  if (name === 'depmod' || name === 'modinfo') {
    const vfs = nodeVfs({ root, modules });
    const ctx = { vfs, cwd: root === undefined ? normalizePath(process.cwd()) : '/', env: { ...process.env } as Record<string, string>, ...out };
    if (name === 'modinfo') return modinfo(argv.slice(1), ctx);
    // A large tree's metadata is parsed on a pool of threads where that is faster (machinePool()).
    const pool = machinePool();
    try {
      return await depmod(argv.slice(1), { ...ctx, pool, tty: process.stderr.isTTY ? { columns: process.stderr.columns } : undefined });
    } finally {
      await pool?.close();
    }
  }
  // Module code runs in a worker (the watchdog reports code that never returns); LKM_ISOLATE=none: this thread.
  const { sh } = await openSession({
    root, modules, io: out, isTTY: process.stderr.isTTY === true, isolate: process.env.LKM_ISOLATE === 'none' ? 'none' : 'worker',
  });
  if (root === undefined) sh.cwd = normalizePath(process.cwd());
  for (const [k, v] of Object.entries(process.env)) if (k === 'MODPROBE_OPTIONS' && v !== undefined) sh.env.set(k, v);
  const cmd = sh.commands[name];
  if (!cmd) throw new Error(`unknown tool ${name}`);
  try {
    return await cmd(argv, { stdin: '', ...out }, sh);
  } catch (e) {
    // A kernel that hung (the watchdog): "NAME: message", 1. The tool runs outside a process: no Oops here.
    const status = faultStatus(e, name, out.stderr, ['lockup', 'hung']);
    if (status === undefined) throw e;
    return status;
  }
}
