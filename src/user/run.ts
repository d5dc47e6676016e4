// Runs a user program (a wasm32-wasip1 command built by `lkm build`) against a syscall layer, in the calling
// thread: stdout/stderr stream through callbacks while it runs, the exit status comes back. A trap in the
// program is what a segfault is on Linux: status 139 (128 + SIGSEGV), "Segmentation fault".

import { WASI, WASIProcExit, type Fd } from '@bjorn3/browser_wasi_shim';
import { wasiErrno } from './errno.js';
import { DEFAULT_POLLMASK, POLL_ALWAYS, pollNow, type UserFile, type UserMemory, type UserSystem } from './system.js';

const POLLNVAL = 0x20;
import { DirFd, FileFd, guard, OutputFd, ProcessKilled, StdinFd, type StdinSource } from './wasi.js';

export interface RunOptions {
  /** argv, argv[0] included (default: ['prog']). */
  argv?: string[];
  /** Environment (PWD is set to `cwd` unless given). */
  env?: Record<string, string>;
  /** Working directory (absolute; default '/'). */
  cwd?: string;
  stdin?: StdinSource;
  stdout?: (data: Uint8Array) => void;
  stderr?: (data: Uint8Array) => void;
  /** The syscall layer. */
  system: UserSystem;
}

export interface RunResult {
  /** Exit status as a shell sees it: the exit code, or 128 + signal (139 for a trap, 137 when killed). */
  status: number;
  /**
   * 'SIGSEGV' for a trap or an Oops in a system call, 'SIGKILL' when a syscall failed with another non-errno
   * error; a signal sent to the program (runProgramInWorker's `signal`: 'SIGINT', 'SIGTERM', …).
   */
  signal?: 'SIGSEGV' | 'SIGKILL' | 'SIGINT' | 'SIGTERM' | (string & {});
  /** The shell's message for the signal ("Segmentation fault", "Killed"). */
  message?: string;
  /** The trap or error behind a signal. */
  error?: unknown;
}

const compiled = new WeakMap<Uint8Array, WebAssembly.Module>();

/** Compiles a program (cached per byte array). */
export async function compileProgram(bytes: Uint8Array): Promise<WebAssembly.Module> {
  let m = compiled.get(bytes);
  if (!m) {
    m = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    compiled.set(bytes, m);
  }
  return m;
}

/** Runs a program to its end. The module must be a WASI command (exports `_start` and `memory`). */
export async function runProgram(program: Uint8Array | WebAssembly.Module, opts: RunOptions): Promise<RunResult> {
  const module = program instanceof WebAssembly.Module ? program : await compileProgram(program);
  const result = runModule(module, opts);
  await opts.system.sync?.();
  return result;
}

/** The synchronous part of runProgram (no write-back of buffered files). */
export function runModule(module: WebAssembly.Module, opts: RunOptions): RunResult {
  const argv = opts.argv ?? ['prog'];
  const cwd = opts.cwd ?? '/';
  const env = { PWD: cwd, ...(opts.env ?? {}) };
  const fds: Fd[] = [
    new StdinFd(opts.stdin),
    new OutputFd(opts.stdout ?? (() => {})),
    new OutputFd(opts.stderr ?? (() => {})),
    new DirFd(opts.system, '/', true),
  ];
  const w = new WASI(argv, Object.entries(env).map(([k, v]) => `${k}=${v}`), fds, { debug: false });
  let memory: WebAssembly.Memory | undefined;
  const mem: UserMemory = { view: () => new Uint8Array(memory!.buffer) };
  const imports = w.wasiImport as Record<string, (...a: number[]) => number>;

  // Kernel files: read and write straight between the driver and the program's buffers.
  const wasiFd = { ...imports };
  const rw = (dir: 'read' | 'write') => (fd: number, iovs: number, iovsLen: number, outPtr: number): number => {
    const f = w.fds[fd];
    // stdout/stderr: one writev(2) is one write, as a pipe's is (two programs' lines do not interleave mid-line).
    if (dir === 'write' && f instanceof OutputFd) return writeGathered(f, new DataView(memory!.buffer), iovs, iovsLen, outPtr);
    if (!(f instanceof FileFd)) return (dir === 'read' ? imports.fd_read! : imports.fd_write!)(fd, iovs, iovsLen, outPtr);
    const dv = new DataView(memory!.buffer);
    let total = 0;
    for (let i = 0; i < iovsLen; i++) {
      const ptr = dv.getUint32(iovs + i * 8, true);
      const len = dv.getUint32(iovs + i * 8 + 4, true);
      if (len === 0) continue;
      const n = guard(() => (dir === 'read' ? f.file.readInto(mem, ptr, len) : f.file.writeFrom(mem, ptr, len)));
      if (typeof n !== 'number') {
        if (total > 0) break;
        return n.errno;
      }
      total += n;
      if (n < len) break;
    }
    new DataView(memory!.buffer).setUint32(outPtr, total, true);
    return 0;
  };
  wasiFd.fd_read = rw('read');
  wasiFd.fd_write = rw('write');

  const lkm = {
    /** ioctl(fd, request, arg) → result, or -errno (WASI numbering). */
    ioctl(fd: number, request: number, arg: number): number {
      const f = w.fds[fd];
      if (!(f instanceof FileFd)) return -(f ? wasi_ENOTTY : wasiErrno('EBADF'));
      const r = guard(() => f.file.ioctl(request >>> 0, arg >>> 0, mem));
      return typeof r === 'number' ? r : -r.errno;
    },
    /**
     * poll(fds, nfds, timeout) → ready count, or -errno. `fds` is an array of { int fd; short events;
     * short revents } with Linux's EPOLL* bits (lkm-user.c translates wasi-libc's). Files that are not
     * opened files (stdio) are always ready; a bad descriptor is POLLNVAL.
     */
    poll(fdsPtr: number, nfds: number, timeout: number): number {
      const at = (i: number) => fdsPtr + i * 8;
      const dv = () => new DataView(memory!.buffer);
      const revents: number[] = [];
      const files: UserFile[] = [];
      const events: number[] = [];
      const where: number[] = [];
      for (let i = 0; i < nfds; i++) {
        const fd = dv().getInt32(at(i), true);
        const ev = dv().getUint16(at(i) + 4, true);
        const f = w.fds[fd];
        if (fd < 0) revents.push(0);
        else if (f instanceof FileFd) { revents.push(0); files.push(f.file); events.push(ev); where.push(i); }
        else revents.push(f ? DEFAULT_POLLMASK & (ev | POLL_ALWAYS) : POLLNVAL);
      }
      if (files.length > 0) {
        const ready = revents.some((m) => m !== 0) ? 0 : timeout;
        const r = guard(() => opts.system.poll ? opts.system.poll(files, events, ready) : files.map((f, i) => pollNow(f, events[i]!)));
        if (!Array.isArray(r)) return -r.errno;
        where.forEach((i, j) => { revents[i] = r[j]!; });
      }
      revents.forEach((m, i) => dv().setUint16(at(i) + 6, m, true));
      return revents.filter((m) => m !== 0).length;
    },
  };

  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasiFd, lkm });
  memory = instance.exports.memory as WebAssembly.Memory;
  try {
    const status = w.start(instance as unknown as Parameters<WASI['start']>[0]);
    return { status: status & 0xff };
  } catch (e) {
    if (e instanceof WASIProcExit) return { status: e.code & 0xff };
    if (e instanceof ProcessKilled) {
      // An Oops in a system call kills the process with SIGSEGV, as Linux's make_task_dead() does.
      if (e.reason instanceof Error && e.reason.name === 'KernelOops') {
        return { status: 139, signal: 'SIGSEGV', message: 'Segmentation fault', error: e.reason };
      }
      return { status: 137, signal: 'SIGKILL', message: 'Killed', error: e.reason };
    }
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      return { status: 139, signal: 'SIGSEGV', message: 'Segmentation fault', error: e };
    }
    throw e;
  } finally {
    for (const f of w.fds) {
      if (f instanceof FileFd) guard(() => f.file.close());
    }
  }
}

const wasi_ENOTTY = wasiErrno('ENOTTY');

/** fd_write of all of `iovs` to an output as one chunk. */
function writeGathered(f: OutputFd, dv: DataView, iovs: number, iovsLen: number, outPtr: number): number {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < iovsLen; i++) {
    const len = dv.getUint32(iovs + i * 8 + 4, true);
    parts.push(new Uint8Array(dv.buffer, dv.getUint32(iovs + i * 8, true), len));
    total += len;
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { data.set(p, at); at += p.length; }
  f.fd_write(data);
  dv.setUint32(outPtr, total, true);
  return 0;
}
