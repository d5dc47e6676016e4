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
import { SIGNAL_TEXT, signalOf, signalStatus } from '../shell/signals.js';

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
  | { t: 'exit'; status: number; signal?: RunResult['signal']; message?: string; error?: string; errorName?: string };

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
  /** A string or bytes (given whole), or a callback asked on each read (it may wait: keyboard input). */
  stdin?: StdinSource | AsyncStdin;
  stdout?: (data: Uint8Array) => void;
  stderr?: (data: Uint8Array) => void;
  /** The process name its system calls run as (default argv[0]'s last part). */
  comm?: string;
  /**
   * Sends the program a signal (abort with its name as the reason, `ctl.abort('SIGINT')`; default
   * SIGKILL): the worker is terminated wherever the program is (in its own code or blocked in a system
   * call), the files it left open are closed, which interrupts a call parked in a driver (EINTR, its wait
   * queue entries go), and the result is 128 + the signal's number.
   */
  signal?: AbortSignal;
}

/** stdin read on the caller's side; it may wait (a terminal's next line). null or empty: end of file. */
export type AsyncStdin = (max: number) => Promise<Uint8Array | string | null>;

const enc = new TextEncoder();

/** Runs a program in its own worker against a worker kernel; resolves with its status when it ends. */
export async function runProgramInWorker(module: WebAssembly.Module, opts: WorkerRunOptions): Promise<RunResult> {
  const argv = opts.argv ?? ['prog'];
  const cwd = opts.cwd ?? '/';
  const sab = createChannel();
  const stdinFn = typeof opts.stdin === 'function' ? opts.stdin : undefined;
  const signal = opts.signal;
  const handler = forwardingHandler({
    kernel: opts.kernel, vfs: opts.vfs, stdin: stdinFn,
    comm: (opts.comm ?? argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1)).slice(0, 15),
  });
  if (signal?.aborted) return killedBy(signal);
  const server = serveChannelWith(sab, handler);
  const w = opts.spawn();
  let onAbort: (() => void) | undefined;
  try {
    const result = await new Promise<RunResult>((resolve) => {
      // The signal's default action: the worker dies where it is (a loop in the program's own code too).
      onAbort = () => { w.terminate(); resolve(killedBy(signal!)); };
      signal?.addEventListener('abort', onAbort);
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
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    w.terminate();
    server.stop();
    // Closing the program's files first interrupts a call still parked in a driver for it (a killed
    // program's read), so the channel's server is not left waiting for that call's answer.
    await handler.finish();
    // A killed program's last request may still be answering (a stdin callback that ignores the signal):
    // its answer goes to a channel nobody reads, and is not waited for.
    if (!signal?.aborted) await server.done;
  }
}

/** A program its signal terminated: 128 + the signal's number; the shell's word for it, as bash prints it. */
function killedBy(signal: AbortSignal): RunResult {
  const name = signalOf(signal);
  return { status: signalStatus(signal), signal: name as RunResult['signal'], message: name === 'SIGINT' ? undefined : SIGNAL_TEXT[name] };
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
