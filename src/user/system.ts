// The syscall layer of a user program: what its WASI imports call. Synchronous, because a wasm program cannot
// wait for a promise: the in-thread implementation (KernelSystem) answers directly; a kernel in a worker
// answers through a SharedArrayBuffer + Atomics.wait channel that implements the same interface on the
// program's side (see docs/user-programs.md, "Workers").

/** A user address space: the program's linear memory (view() again after anything that can grow it). */
export interface UserMemory {
  view(): Uint8Array;
}

/**
 * An open file as the kernel's file API returns it (`k.open(path, flags)`): the same shape for device nodes,
 * /proc and /sys files and ordinary files. Errors are thrown as objects with an errno name in `code`
 * (KernelError, FsError, UserError).
 */
export interface KernelFile {
  /** Bytes read into mem[ptr, ptr+count) (0 = end of file). */
  readInto(mem: UserMemory, ptr: number, count: number): number;
  /** Bytes written from mem[ptr, ptr+count). */
  writeFrom(mem: UserMemory, ptr: number, count: number): number;
  /** `arg` is a user pointer or a plain value. */
  ioctl(cmd: number, arg: number, mem: UserMemory): number;
  lseek(offset: number, whence: 0 | 1 | 2): number;
  close(): void;
  /**
   * The same calls for a caller that can wait (a kernel file: a driver that sleeps parks the call until
   * woken, docs/driver-api.md "Sleeping"); the synchronous ones fail with EINTR where these would sleep.
   */
  readIntoAsync?(mem: UserMemory, ptr: number, count: number, opts?: { signal?: AbortSignal }): Promise<number>;
  writeFromAsync?(mem: UserMemory, ptr: number, count: number, opts?: { signal?: AbortSignal }): Promise<number>;
  ioctlAsync?(cmd: number, arg: number, mem: UserMemory, opts?: { signal?: AbortSignal }): Promise<number>;
  /** The driver's poll mask now (Linux EPOLL* bits); files without one are always ready (DEFAULT_POLLMASK). */
  poll?(events: number): number;
  /** Waits until the mask has one of `events` (or `timeoutMs` passes: 0). */
  pollAsync?(events: number, timeoutMs?: number, opts?: { signal?: AbortSignal }): Promise<number>;
}

/** What poll(2) reports for a file without a poll method: readable and writable. */
export const DEFAULT_POLLMASK = 0x1 | 0x4 | 0x40 | 0x100;
/** The bits poll(2) reports whether asked or not: EPOLLERR, EPOLLHUP, EPOLLNVAL. */
export const POLL_ALWAYS = 0x8 | 0x10 | 0x20;

/** One file's poll mask now, limited to what was asked (and the bits always reported). */
export function pollNow(f: KernelFile, events: number): number {
  return (f.poll ? f.poll(events) : DEFAULT_POLLMASK) & (events | POLL_ALWAYS);
}

export type FileType = 'file' | 'dir' | 'chardev';

export interface UserStat {
  type: FileType;
  size: number;
}

/** An open file of the syscall layer; `stat` tells fstat() what it is (a character device when absent). */
export interface UserFile extends KernelFile {
  stat?(): UserStat;
}

export interface DirEntry {
  name: string;
  type?: FileType;
}

/** Linux open(2) flags, as the kernel's file API takes them. */
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o200000;

/** Everything a program can ask of the system. Paths are absolute and normalised. Errors: see KernelFile. */
export interface UserSystem {
  open(path: string, flags: number): UserFile;
  stat(path: string): UserStat;
  readdir(path: string): DirEntry[];
  mkdir(path: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  /**
   * poll(2) over open files: each one's revents (Linux EPOLL* bits). Waits up to `timeoutMs` (-1: no limit)
   * when none is ready, where the system can wait; where it cannot (in-thread), EINTR instead.
   */
  poll?(files: UserFile[], events: number[], timeoutMs: number): number[];
  /** After the program ended: write back what an asynchronous store could not take at once. */
  sync?(): Promise<void>;
}

/** An error with an errno name (`ENOENT`), like KernelError and FsError. */
export class UserError extends Error {
  constructor(readonly code: string, message = code) {
    super(message);
  }
}

/** The errno name of an error thrown by the syscall layer, or undefined when it is not an errno error. */
export function errnoName(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** The access mode bits of open flags (O_RDONLY, O_WRONLY, O_RDWR). */
export const O_ACCMODE_MASK = 3;
