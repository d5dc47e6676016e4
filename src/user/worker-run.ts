// A user program in its own worker, for a kernel in a worker: the program blocks in Atomics.wait on its
// channel (ChannelSystem), the caller's thread serves the channel (forwardingHandler: kernel paths to the
// kernel worker, ordinary files from the caller's VFS), stdout/stderr come back as messages while it runs.
// Neither the caller's thread nor the kernel's ever blocks on the program, so a system call that waits
// (a driver that sleeps, an autoloading open) cannot deadlock them. Platform-neutral: the adapter
// (node.ts: worker_threads) starts the worker and runs programWorkerMain() in it.

import type { Vfs } from '../vfs/vfs.js';
import { ChannelSystem, createChannel, serveChannelWith } from './channel.js';
import { forwardingHandler, type SyscallKernel } from './forward.js';
import { runModule, type RunResult } from './run.js';
import type { StdinSource } from './wasi.js';

/** The caller → program worker start message. */
export interface ProgramStart {
  module: WebAssembly.Module;
  sab: SharedArrayBuffer;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** stdin given whole (a shell pipeline's); absent: read through the channel. */
  stdin?: Uint8Array;
}

/** Program worker → caller messages. */
export type ProgramMessage =
  | { t: 'out' | 'err'; d: Uint8Array }
  | { t: 'exit'; status: number; signal?: 'SIGSEGV' | 'SIGKILL'; message?: string; error?: string; errorName?: string };

/** A started program worker, as the platform adapter gives it. */
export interface ProgramWorker {
  start(m: ProgramStart): void;
  onMessage(l: (m: ProgramMessage) => void): void;
  /** The worker died without an exit message. */
  onExit(l: (why: string) => void): void;
  terminate(): void;
}

export type SpawnProgramWorker = () => ProgramWorker;

export interface WorkerRunOptions {
  kernel: SyscallKernel;
  spawn: SpawnProgramWorker;
  vfs?: Vfs;
  argv?: string[];
  env?: Record<string, string>;
  cwd?: string;
  stdin?: StdinSource;
  stdout?: (data: Uint8Array) => void;
  stderr?: (data: Uint8Array) => void;
  /** The process name its system calls run as (default argv[0]'s last part). */
  comm?: string;
}

const enc = new TextEncoder();

/** Runs a program in its own worker against a worker kernel; resolves with its status when it ends. */
export async function runProgramInWorker(module: WebAssembly.Module, opts: WorkerRunOptions): Promise<RunResult> {
  const argv = opts.argv ?? ['prog'];
  const cwd = opts.cwd ?? '/';
  const sab = createChannel();
  const stdinFn = typeof opts.stdin === 'function' ? opts.stdin : undefined;
  const handler = forwardingHandler({
    kernel: opts.kernel, vfs: opts.vfs, stdin: stdinFn,
    comm: (opts.comm ?? argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1)).slice(0, 15),
  });
  const server = serveChannelWith(sab, handler);
  const w = opts.spawn();
  try {
    const result = await new Promise<RunResult>((resolve) => {
      w.onMessage((m) => {
        if (m.t === 'out') opts.stdout?.(m.d);
        else if (m.t === 'err') opts.stderr?.(m.d);
        else if (m.t === 'exit') {
          let error: Error | undefined;
          if (m.error !== undefined) {
            error = new Error(m.error);
            if (m.errorName) error.name = m.errorName;
          }
          resolve({ status: m.status, signal: m.signal, message: m.message, error });
        }
      });
      w.onExit((why) => resolve({ status: 137, signal: 'SIGKILL', message: 'Killed', error: new Error(`program worker: ${why}`) }));
      w.start({
        module, sab, argv, cwd, env: { PWD: cwd, ...(opts.env ?? {}) },
        stdin: typeof opts.stdin === 'string' ? enc.encode(opts.stdin)
          : opts.stdin instanceof Uint8Array ? opts.stdin : stdinFn ? undefined : new Uint8Array(0),
      });
    });
    return result;
  } finally {
    w.terminate();
    server.stop();
    await server.done;
    await handler.finish();
  }
}

/** The program worker's side: runs the program on a ChannelSystem, posts its output and its end. */
export function programWorkerMain(m: ProgramStart, post: (msg: ProgramMessage) => void): void {
  const system = new ChannelSystem(m.sab);
  let r: RunResult;
  try {
    r = runModule(m.module, {
      argv: m.argv, env: m.env, cwd: m.cwd, system,
      stdin: m.stdin ?? ((max) => system.stdin(max)),
      stdout: (d) => post({ t: 'out', d }),
      stderr: (d) => post({ t: 'err', d }),
    });
  } catch (e) {
    r = { status: 137, signal: 'SIGKILL', message: 'Killed', error: e };
  }
  const err = r.error instanceof Error ? r.error : r.error === undefined ? undefined : new Error(String(r.error));
  post({ t: 'exit', status: r.status, signal: r.signal, message: r.message, error: err?.message, errorName: err?.name });
}
