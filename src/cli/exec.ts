// `lkm exec [--root DIR] [--modules DIR] [--insmod FILE.ko[=params]]... PROG [ARGS...]`: boots a kernel (in
// this thread), optionally loads modules, runs one user program with the terminal's stdin/stdout/stderr
// and exits with its status (139 and "Segmentation fault" on stderr for a trap).

import { readFileSync, readSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { bootNodeKernel } from '../node/kernel.js';
import { normalizePath } from '../shell/fs.js';
import { KernelSystem, runProgram } from '../user/index.js';
import { sessionOptions } from './tools.js';

export const USAGE = `usage: lkm exec [--root DIR] [--modules DIR] [--insmod MOD.ko[=PARAMS]]... PROG [ARGS...]

Runs a user program built by \`lkm build\` (userprogs, or --user PROG.c) against a freshly booted kernel:
/proc and /sys are the kernel's, /dev nodes its devices, other paths the emulated root (the host's "/"
read-only with writes kept in memory, or DIR with --root). --insmod loads a module first.
`;

export async function main(argvIn: string[]): Promise<number> {
  const { argv, root, modules } = sessionOptions(argvIn);
  const insmods: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') { process.stdout.write(USAGE); return 0; }
    if (a === '--insmod') { insmods.push(argv[++i] ?? ''); continue; }
    if (a.startsWith('--insmod=')) { insmods.push(a.slice(9)); continue; }
    if (a === '--') { i++; break; }
    if (a.startsWith('-')) { process.stderr.write(`lkm exec: unknown option '${a}'\n${USAGE}`); return 2; }
    break;
  }
  const [prog, ...args] = argv.slice(i);
  if (!prog) { process.stderr.write(USAGE); return 2; }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(resolve(prog)));
  } catch (e) {
    process.stderr.write(`lkm exec: ${prog}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}\n`);
    return 127;
  }
  const { kernel, fs } = await bootNodeKernel({ root, modules });
  for (const m of insmods) {
    const eq = m.indexOf('=');
    const file = eq < 0 ? m : m.slice(0, eq);
    try {
      await kernel.insmod(new Uint8Array(readFileSync(resolve(file))), eq < 0 ? '' : m.slice(eq + 1).replace(/,/g, ' '));
    } catch (e) {
      process.stderr.write(`lkm exec: insmod ${file}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const cwd = root === undefined ? normalizePath(process.cwd()) : '/';
  const system = new KernelSystem({ kernel, vfs: fs });
  await system.prefetch(['/', cwd]);
  const stdinFd = 0;
  const r = await runProgram(bytes, {
    argv: [prog, ...args],
    env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    cwd,
    system,
    stdin: (max) => {
      const buf = Buffer.alloc(Math.min(max, 65536));
      try {
        const n = readSync(stdinFd, buf);
        return n > 0 ? new Uint8Array(buf.buffer, buf.byteOffset, n) : null;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return null;
        if ((e as NodeJS.ErrnoException).code === 'EOF') return null;
        throw e;
      }
    },
    stdout: (d) => { writeSync(1, d); },
    stderr: (d) => { writeSync(2, d); },
  });
  if (r.message) writeSync(2, `${r.message}\n`);
  return r.status;
}
