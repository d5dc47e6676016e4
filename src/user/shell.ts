// Running user programs from the lkm shell: `./prog args`, `/path/prog`, or `prog` when the current directory
// has it. The program's stdout joins the pipeline (or a redirection) like any command's; stdin is what the
// pipeline or `<` gives. Plain TypeScript (browser and Node).

import type { KernelApi } from '../api/api.js';
import { LocalKernel } from '../api/local.js';
import type { Command } from '../shell/shell.js';
import { WorkerKernel } from '../worker/client.js';
import { KernelSystem, type KernelLike } from './kernel-system.js';
import { compileProgram, runProgram, type RunResult } from './run.js';
import { runProgramInWorker, type SpawnProgramWorker } from './worker-run.js';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** The in-thread kernel's synchronous file API (read at each run: a reboot replaces the Kernel). */
function syncKernel(k: KernelApi): KernelLike | undefined {
  return k instanceof LocalKernel ? k.kernel : undefined;
}

/** A worker kernel that can start program workers (WorkerKernel with its platform's programWorker). */
function workerKernel(k: KernelApi): { kernel: WorkerKernel; spawn: SpawnProgramWorker } | undefined {
  return k instanceof WorkerKernel && k.programWorker ? { kernel: k, spawn: k.programWorker } : undefined;
}

/** The shell's hook for names no builtin has (Shell.programs). */
export function programCommand(name: string): Command {
  return async (argv, io, sh) => {
    // `prog` alone runs ./prog when it exists (no PATH search of the emulated root).
    const path = sh.resolve(name);
    let bytes: Uint8Array;
    try {
      const st = await sh.fs.stat(path);
      if (!st) throw new Error('ENOENT');
      if (st.type === 'dir') { io.stderr(`lkm: ${name}: Is a directory\n`); return 126; }
      bytes = await sh.fs.readFile(path);
    } catch {
      io.stderr(`lkm: ${name}: ${name.includes('/') ? 'No such file or directory' : 'command not found'}\n`);
      return 127;
    }
    if (!WASM_MAGIC.every((b, i) => bytes[i] === b)) {
      io.stderr(`lkm: ${name}: cannot execute binary file: Exec format error\n`);
      return 126;
    }
    const kernel = syncKernel(sh.kernel);
    const wk = kernel ? undefined : workerKernel(sh.kernel);
    if (!kernel && !wk) {
      io.stderr(`lkm: ${name}: this kernel cannot run user programs (no program worker for its platform)\n`);
      return 126;
    }
    let module: WebAssembly.Module;
    try {
      module = await compileProgram(bytes);
    } catch (e) {
      io.stderr(`lkm: ${name}: cannot execute binary file: ${(e as Error).message}\n`);
      return 126;
    }
    // One decoder per stream: a UTF-8 character split across two write()s stays whole.
    const outDec = new TextDecoder();
    const errDec = new TextDecoder();
    const common = {
      argv: [name, ...argv.slice(1)],
      // The program starts in the shell's directory (lkm-user.c chdir()s to $PWD; `cd` does not update the variable).
      env: { ...Object.fromEntries(sh.env), PWD: sh.cwd },
      cwd: sh.cwd,
      stdout: (d: Uint8Array) => io.stdout(outDec.decode(d, { stream: true })),
      stderr: (d: Uint8Array) => io.stderr(errDec.decode(d, { stream: true })),
    };
    let r: RunResult;
    if (wk) {
      // Kernel in a worker: the program in a worker of its own, its system calls served from here. Its
      // stdin is the terminal's typed lines when the shell gives it the terminal; a signal (Ctrl-C, kill)
      // terminates its worker.
      const terminal = io.terminal;
      const stdin = terminal ? (max: number) => terminal.read(max, io.signal) : io.stdin;
      r = await runProgramInWorker(module, { ...common, stdin, signal: io.signal, kernel: wk.kernel, spawn: wk.spawn, vfs: sh.fs });
    } else {
      // In-thread: the program runs on this thread to its end, so nothing can reach it meanwhile — no
      // keyboard input (stdin is the pipeline's, else empty) and no signal; one sent before it starts
      // kills it at once.
      if (io.signal?.aborted) return 128;
      const system = new KernelSystem({ kernel, vfs: sh.fs });
      await system.prefetch(['/', sh.cwd]);
      r = await runProgram(module, { ...common, stdin: io.stdin, system });
    }
    const restOut = outDec.decode();
    const restErr = errDec.decode();
    if (restOut) io.stdout(restOut);
    if (restErr) io.stderr(restErr);
    // What bash prints for a signal: "Segmentation fault" (the shell, not the program). A signal the shell
    // sent (Ctrl-C, kill) is reported by the shell itself (a newline, or the job's notice).
    if (r.message && !io.signal?.aborted) io.stderr(`${r.message}\n`);
    return r.status;
  };
}
