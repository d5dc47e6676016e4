// The syscall layer across threads: a program that runs in one thread (its own worker) and a kernel that
// runs in another. The program side (ChannelSystem) is a UserSystem whose every call writes a request into
// a SharedArrayBuffer and blocks in Atomics.wait until the kernel side answers; the kernel side
// (serveChannel) waits with Atomics.waitAsync, so the kernel's thread keeps running its event loop, and
// answers each request with a synchronous UserSystem (KernelSystem over the kernel in that thread).
//
// The program's memory is not shared: read/write data and ioctl arguments go through the channel's data
// area (a bounce buffer; a read or write moves at most DATA_MAX bytes per call, a short count as Linux
// allows). An ioctl's pointer argument is copied in and out by the size its command encodes (_IOC_SIZE of
// _IOR/_IOW/_IOWR); `_IO` commands pass their argument as a value.
//
// Layout: Int32 header [state, jsonLength, jsonInData], then JSON_MAX bytes of request/response JSON, then
// DATA_MAX bytes of data. state: 0 idle, 1 request posted, 2 response posted. jsonInData: 1 when a long
// response without data (a directory listing) was written in the data area.

import { ioctlArgBytes } from '../api/ioctl.js';
import {
  errnoName, pollNow, UserError, type DirEntry, type UserFile, type UserMemory, type UserStat, type UserSystem,
} from './system.js';

const HEADER = 16;
const JSON_MAX = 64 * 1024;
export const DATA_MAX = 256 * 1024;
const IDLE = 0, REQUEST = 1, RESPONSE = 2;

/** A new channel's shared memory. */
export function createChannel(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER + JSON_MAX + DATA_MAX);
}

/** A system call as it crosses the channel (and, forwarded, the kernel worker's boundary). */
export type SyscallRequest =
  | { op: 'open'; path: string; flags: number }
  | { op: 'stat' | 'readdir' | 'mkdir' | 'unlink' | 'rmdir'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'read'; fh: number; count: number }
  | { op: 'write'; fh: number; count: number }
  | { op: 'ioctl'; fh: number; cmd: number; arg: number; size: number }
  | { op: 'lseek'; fh: number; offset: number; whence: 0 | 1 | 2 }
  | { op: 'close' | 'fstat'; fh: number }
  /** poll(2): each file's revents; waits up to `timeout` ms (-1: no limit) while none is ready. */
  | { op: 'poll'; fhs: number[]; events: number[]; timeout: number }
  /** Up to `count` bytes of the program's stdin (the caller's stdin callback); 0 bytes: end of input. */
  | { op: 'stdin'; count: number };
type Request = SyscallRequest;

/** `killed`: a non-errno error (its message; `name` its class name, KernelOops for an Oops in the call). */
interface Response { ok?: unknown; errno?: string; message?: string; killed?: string; name?: string }

class Views {
  readonly state: Int32Array;
  readonly json: Uint8Array;
  readonly data: Uint8Array;
  constructor(sab: SharedArrayBuffer) {
    this.state = new Int32Array(sab, 0, 4);
    this.json = new Uint8Array(sab, HEADER, JSON_MAX);
    this.data = new Uint8Array(sab, HEADER + JSON_MAX, DATA_MAX);
  }
  /**
   * A request or response. A response that does not fit the JSON area (a long directory listing) goes in
   * the data area when `spill` (responses that carry no data): state[2] = 1.
   */
  writeJson(v: unknown, spill = false): void {
    const b = new TextEncoder().encode(JSON.stringify(v));
    if (b.length <= JSON_MAX) {
      this.json.set(b);
      this.state[2] = 0;
    } else if (spill && b.length <= DATA_MAX) {
      this.data.set(b);
      this.state[2] = 1;
    } else throw new UserError('E2BIG');
    this.state[1] = b.length;
  }
  readJson<T>(): T {
    // TextDecoder refuses views of shared memory: copy first.
    const from = this.state[2] === 1 ? this.data : this.json;
    return JSON.parse(new TextDecoder().decode(from.slice(0, this.state[1]))) as T;
  }
}

// Atomics.waitAsync (ES2024; in Node 16+ and Chromium) is not in this project's TypeScript lib.
const waitAsync = (Atomics as unknown as {
  waitAsync(a: Int32Array, i: number, v: number, t?: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

/** The program's side: a UserSystem that blocks on the channel (a worker thread, or Node's main thread). */
export class ChannelSystem implements UserSystem {
  private readonly v: Views;
  constructor(sab: SharedArrayBuffer) { this.v = new Views(sab); }

  call<T>(req: Request, dataIn?: Uint8Array): T {
    const v = this.v;
    v.writeJson(req);
    if (dataIn) v.data.set(dataIn);
    Atomics.store(v.state, 0, REQUEST);
    Atomics.notify(v.state, 0);
    while (Atomics.load(v.state, 0) === REQUEST) Atomics.wait(v.state, 0, REQUEST);
    const res = v.readJson<Response>();
    if (res.killed !== undefined) {
      const e = new Error(res.killed);
      if (res.name) e.name = res.name;
      throw e;
    }
    if (res.errno) throw new UserError(res.errno, res.message ?? res.errno);
    return res.ok as T;
  }

  /** Bytes the kernel side left in the data area. */
  data(n: number): Uint8Array { return this.v.data.subarray(0, n); }

  open(path: string, flags: number): UserFile {
    const { fh } = this.call<{ fh: number }>({ op: 'open', path, flags });
    return new ChannelFile(this, fh);
  }
  stat(path: string): UserStat { return this.call({ op: 'stat', path }); }
  readdir(path: string): DirEntry[] { return this.call({ op: 'readdir', path }); }
  mkdir(path: string): void { this.call({ op: 'mkdir', path }); }
  unlink(path: string): void { this.call({ op: 'unlink', path }); }
  rmdir(path: string): void { this.call({ op: 'rmdir', path }); }
  rename(from: string, to: string): void { this.call({ op: 'rename', from, to }); }
  poll(files: UserFile[], events: number[], timeout: number): number[] {
    const fhs = files.map((f) => (f instanceof ChannelFile ? f.fh : -1));
    return this.call({ op: 'poll', fhs, events, timeout });
  }

  /** stdin read on the serving side (a StdinSource callback for runModule). */
  stdin(max: number): Uint8Array | null {
    const n = this.call<number>({ op: 'stdin', count: Math.min(max, DATA_MAX) });
    return n > 0 ? this.data(n).slice() : null;
  }
}

class ChannelFile implements UserFile {
  constructor(private readonly ch: ChannelSystem, readonly fh: number) {}

  readInto(mem: UserMemory, ptr: number, count: number): number {
    const n = this.ch.call<number>({ op: 'read', fh: this.fh, count: Math.min(count, DATA_MAX) });
    if (n > 0) mem.view().set(this.ch.data(n), ptr);
    return n;
  }

  writeFrom(mem: UserMemory, ptr: number, count: number): number {
    const c = Math.min(count, DATA_MAX);
    return this.ch.call<number>({ op: 'write', fh: this.fh, count: c }, mem.view().subarray(ptr, ptr + c));
  }

  ioctl(cmd: number, arg: number, mem: UserMemory): number {
    const { size, out } = ioctlArgBytes(cmd);
    const view = mem.view();
    if (size > 0 && (arg < 0 || arg + size > view.length)) throw new UserError('EFAULT');
    const r = this.ch.call<number>({ op: 'ioctl', fh: this.fh, cmd, arg, size }, size > 0 ? view.subarray(arg, arg + size) : undefined);
    if (size > 0 && out) mem.view().set(this.ch.data(size), arg);
    return r;
  }

  lseek(offset: number, whence: 0 | 1 | 2): number { return this.ch.call({ op: 'lseek', fh: this.fh, offset, whence }); }
  close(): void { this.ch.call({ op: 'close', fh: this.fh }); }
  stat(): UserStat { return this.ch.call({ op: 'fstat', fh: this.fh }); }
}

export interface ChannelServer {
  /** Resolves when stop() was called. */
  readonly done: Promise<void>;
  stop(): void;
}

/**
 * Answers one request; `data` is the channel's data area (request data in, response data out). May be
 * asynchronous: the program waits either way. Throws an errno error (UserError, KernelError) for a failed
 * call; any other error kills the program.
 */
export type ChannelHandler = (req: SyscallRequest, data: Uint8Array) => unknown;

/** A ChannelHandler over a synchronous UserSystem, with its own table of open files. */
export function systemHandler(system: UserSystem): ChannelHandler & { closeAll(): void } {
  const files = new Map<number, UserFile>();
  let nextFh = 1;
  const file = (fh: number) => {
    const f = files.get(fh);
    if (!f) throw new UserError('EBADF');
    return f;
  };
  const handle = (req: Request, data: Uint8Array): unknown => {
    const bounce: UserMemory = { view: () => data };
    switch (req.op) {
      case 'open': {
        const fh = nextFh++;
        files.set(fh, system.open(req.path, req.flags));
        return { fh };
      }
      case 'stat': return system.stat(req.path);
      case 'readdir': return system.readdir(req.path);
      case 'mkdir': return system.mkdir(req.path);
      case 'unlink': return system.unlink(req.path);
      case 'rmdir': return system.rmdir(req.path);
      case 'rename': return system.rename(req.from, req.to);
      case 'read': return file(req.fh).readInto(bounce, 0, req.count);
      case 'write': return file(req.fh).writeFrom(bounce, 0, req.count);
      case 'ioctl': return file(req.fh).ioctl(req.cmd, req.size > 0 ? 0 : req.arg, bounce);
      case 'lseek': return file(req.fh).lseek(req.offset, req.whence);
      case 'fstat': return file(req.fh).stat?.() ?? { type: 'chardev', size: 0 };
      case 'close': {
        const f = file(req.fh);
        files.delete(req.fh);
        return f.close();
      }
      case 'poll': {
        const open = req.fhs.map(file);
        return system.poll ? system.poll(open, req.events, req.timeout) : open.map((f, i) => pollNow(f, req.events[i]!));
      }
      case 'stdin': return 0;
    }
  };
  return Object.assign(handle, {
    closeAll() {
      for (const f of files.values()) { try { f.close(); } catch { /* closing at exit */ } }
      files.clear();
    },
  });
}

/**
 * The kernel's side: answers the channel's requests with `system` (synchronous, in this thread) until stop().
 * Needs Atomics.waitAsync (Node 16+, Chromium); the thread's event loop keeps running between requests.
 */
export function serveChannel(sab: SharedArrayBuffer, system: UserSystem): ChannelServer {
  const h = systemHandler(system);
  const server = serveChannelWith(sab, h);
  return { done: server.done.then(() => h.closeAll()), stop: () => server.stop() };
}

/** Serves the channel with a handler (which may be asynchronous) until stop(). */
export function serveChannelWith(sab: SharedArrayBuffer, handle: ChannelHandler): ChannelServer {
  const v = new Views(sab);
  let stopped = false;
  const answer = async (): Promise<void> => {
    let res: Response;
    try {
      const r = handle(v.readJson<Request>(), v.data);
      res = { ok: (r instanceof Promise ? await r : r) ?? null };
    } catch (e) {
      const name = errnoName(e);
      res = name ? { errno: name, message: (e as Error).message }
        : { killed: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : undefined };
    }
    try {
      // Only responses without data may spill into the data area (read/ioctl responses leave data there).
      v.writeJson(res, !(typeof res.ok === 'number'));
    } catch {
      v.writeJson({ errno: 'E2BIG', message: 'system call result too large for the channel' });
    }
    Atomics.store(v.state, 0, RESPONSE);
    Atomics.notify(v.state, 0);
  };
  let wake: (() => void) | undefined;
  // A pending Atomics.waitAsync does not keep a Node thread alive; a timer does (until stop()).
  const keepAlive = setInterval(() => {}, 1 << 30);
  const done = (async () => {
    while (!stopped) {
      const s = Atomics.load(v.state, 0);
      if (s === REQUEST) { await answer(); continue; }
      // Idle, or our response not yet taken: wait for the state to change (or stop()).
      const w = waitAsync(v.state, 0, s, 50);
      const stop = new Promise<void>((r) => { wake = r; });
      await Promise.race([w.async ? w.value : Promise.resolve(), stop]);
    }
    clearInterval(keepAlive);
  })();
  return { done, stop() { stopped = true; wake?.(); } };
}
