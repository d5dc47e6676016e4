// `lkm exec [--root DIR] [--modules DIR] [--insmod FILE.ko[=params]]... PROG [ARGS...]`: boots a kernel (in
// this thread), optionally loads modules, runs one user program with the terminal's stdin/stdout/stderr
// and exits with its status (139 and "Segmentation fault" on stderr for a trap).

import { readFileSync, readSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { bootNodeKernel } from '../session/boot.node.js';
import { normalizePath } from '../shell/fs.js';
import { KernelSystem, runProgram } from '../user/index.js';
import { sessionOptions } from './tools.js';

export const USAGE = `usage: lkm exec [--root DIR] [--modules DIR] [--insmod MOD.ko[=PARAMS]]... PROG [ARGS...]

Runs a user program built by \`lkm build\` (userprogs, or --user PROG.c) against a freshly booted kernel:
/proc and /sys are the kernel's, /dev nodes its devices, other paths the emulated root (the host's "/"
read-only with writes kept in memory, or DIR with --root). --insmod loads a module first.
`;

/** Where the program's streams go (the terminal by default; tests capture them). */
export interface ExecIo {
  stdout(data: Uint8Array | string): void;
  stderr(data: Uint8Array | string): void;
  /** Up to `max` bytes of input, null at end of input. */
  stdin(max: number): Uint8Array | null;
}

function terminalStdin(max: number): Uint8Array | null {
  const buf = Buffer.alloc(Math.min(max, 65536));
  try {
    const n = readSync(0, buf);
    return n > 0 ? new Uint8Array(buf.buffer, buf.byteOffset, n) : null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EOF') return null;
    throw e;
  }
}

// Synchronous writes: the program runs without returning to the event loop, and its output must stream.
const TERMINAL: ExecIo = {
  stdout: (d) => { if (typeof d === 'string') writeSync(1, d); else writeSync(1, d); },
  stderr: (d) => { if (typeof d === 'string') writeSync(2, d); else writeSync(2, d); },
  stdin: terminalStdin,
};

export async function main(argvIn: string[], io: ExecIo = TERMINAL): Promise<number> {
  const { argv, root, modules } = sessionOptions(argvIn);
  const insmods: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') { io.stdout(USAGE); return 0; }
    if (a === '--insmod') { insmods.push(argv[++i] ?? ''); continue; }
    if (a.startsWith('--insmod=')) { insmods.push(a.slice(9)); continue; }
    if (a === '--') { i++; break; }
    if (a.startsWith('-')) { io.stderr(`lkm exec: unknown option '${a}'\n${USAGE}`); return 2; }
    break;
  }
  const [prog, ...args] = argv.slice(i);
  if (!prog) { io.stderr(USAGE); return 2; }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(resolve(prog)));
  } catch (e) {
    io.stderr(`lkm exec: ${prog}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}\n`);
    return 127;
  }
  const { kernel, fs } = await bootNodeKernel({ root, modules });
  for (const m of insmods) {
    const eq = m.indexOf('=');
    const file = eq < 0 ? m : m.slice(0, eq);
    try {
      await kernel.insmod(new Uint8Array(readFileSync(resolve(file))), eq < 0 ? '' : m.slice(eq + 1).replace(/,/g, ' '));
    } catch (e) {
      io.stderr(`lkm exec: insmod ${file}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const cwd = root === undefined ? normalizePath(process.cwd()) : '/';
  const system = new KernelSystem({ kernel, vfs: fs });
  await system.prefetch(['/', cwd]);
  const r = await runProgram(bytes, {
    argv: [prog, ...args],
    env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    cwd,
    system,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
  });
  if (r.message) io.stderr(`${r.message}\n`);
  return r.status;
}
