// Open files on the kernel's device nodes: open(2), read(2), write(2), lseek(2), ioctl(2), poll, close(2).
// Each call runs the driver's C code through vmlinux's fs/ entry points (wasm/fs/file.c); user
// buffers are user memory (a separate address range), so a bad pointer gives EFAULT.

import { KernelError, EFAULT, EINTR, ENOENT, EBADF, ENOMEM } from './errno.js';
import { isRestartCode } from './wait.js';
import { ioctlTakesPointer } from './ioctl-cmd.js';
import type { Kernel } from './kernel.js';
import { S_IFBLK, USER_BASE, type UserMemory } from './devices.js';

export const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_NONBLOCK = 0o4000;


/** A pointer value returned by C: negative errnos come back as ERR_PTR (the top 4095 values). */
export function isErrPtr(p: number): boolean {
  return (p >>> 0) >= 0xfffff001;
}

/**
 * Options of the system calls that can sleep: `signal` interrupts a parked call (EINTR); `task` is the
 * process the call runs as, also when it is issued again after a sleep (default: the current process when
 * the call starts).
 */
export interface SleepOptions { signal?: AbortSignal; task?: { comm: string; pid: number } }

/** poll(2) events (EPOLLIN …) that always end a poll: errors and hang-ups. */
const POLL_ALWAYS = 0x08 | 0x10;

/**
 * An ioctl argument as the driver sees it: a buffer becomes a pointer to it; a number with user memory is a
 * pointer when the command's direction bits say so (_IOR/_IOW/_IOWR) or it is a legacy pointer command
 * (ioctl-cmd.ts), a value otherwise (_IO).
 */
function ioctlArg(cmd: number, arg: number | Uint8Array, mem?: UserMemory): { mem?: UserMemory; value: number } {
  if (arg instanceof Uint8Array) return { mem: { view: () => arg }, value: USER_BASE };
  return { mem, value: (mem && ioctlTakesPointer(cmd) ? USER_BASE + arg : arg) >>> 0 };
}

/** A negative result as user space sees it: restart codes never leave the kernel (EINTR). */
export function userErrno(e: number): number {
  return isRestartCode(e) ? EINTR : e;
}

export class KernelFile {
  private closed = false;
  /** Calls of this file parked on wait queues: close() interrupts them. */
  private readonly parked = new Set<AbortController>();

  /** `onClose`: runs after the release (a file opened through a mount gives the mount back). */
  constructor(private readonly k: Kernel, readonly path: string, private readonly file: number,
    private readonly onClose?: () => void) {}

  private check(): void {
    if (this.closed) throw new KernelError(EBADF);
  }

  private sys<T extends number | bigint>(what: string, mem: UserMemory | undefined, fn: () => T): T {
    this.check();
    const k = this.k;
    const call = () => k.run(`${this.path}: ${what}`, fn);
    const r = mem ? k.devices.withUser(mem, call) : call();
    if (Number(r) < 0) throw new KernelError(userErrno(-Number(r)));
    return r;
  }

  /**
   * A system call that can sleep: while the driver waits on a queue (returns -ERESTARTSYS having queued
   * the call), the call is parked and issued again when woken (src/kernel/wait.ts).
   */
  private async sysAsync<T extends number | bigint>(what: string, mem: UserMemory | undefined, fn: () => T,
    opts: SleepOptions = {}, final?: (r: T, a: { sleeping: boolean }) => boolean): Promise<T> {
    this.check();
    const k = this.k;
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    if (opts.signal?.aborted) ctl.abort();
    opts.signal?.addEventListener('abort', onAbort);
    this.parked.add(ctl);
    try {
      const r = await k.waits.restartable(() => {
        this.check();
        const call = () => k.run(`${this.path}: ${what}`, fn);
        return mem ? k.devices.withUser(mem, call) : call();
      }, { signal: ctl.signal, final, task: opts.task });
      if (Number(r) < 0) throw new KernelError(userErrno(-Number(r)));
      return r;
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      this.parked.delete(ctl);
    }
  }

  /** read(2) that can sleep (a driver's wait_event_interruptible() parks it until woken). */
  readIntoAsync(mem: UserMemory, ptr: number, count: number, opts: SleepOptions = {}): Promise<number> {
    return this.sysAsync('read', mem, () => this.k.vm.lkm_file_read(this.file, USER_BASE + ptr, count), opts);
  }

  async readAsync(count: number, opts: SleepOptions = {}): Promise<Uint8Array> {
    const buf = new Uint8Array(count);
    return buf.subarray(0, await this.readIntoAsync({ view: () => buf }, 0, count, opts));
  }

  writeFromAsync(mem: UserMemory, ptr: number, count: number, opts: SleepOptions = {}): Promise<number> {
    return this.sysAsync('write', mem, () => this.k.vm.lkm_file_write(this.file, USER_BASE + ptr, count), opts);
  }

  writeAsync(data: Uint8Array | string, opts: SleepOptions = {}): Promise<number> {
    const buf = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return this.writeFromAsync({ view: () => buf }, 0, buf.length, opts);
  }

  /** ioctl(2) that can sleep; arguments as ioctl(). */
  ioctlAsync(cmd: number, arg: number | Uint8Array = 0, mem?: UserMemory, opts: SleepOptions = {}): Promise<number> {
    const a = ioctlArg(cmd, arg, mem);
    return this.sysAsync('ioctl', a.mem, () => this.k.vm.lkm_file_ioctl(this.file, cmd >>> 0, a.value), opts);
  }

  /**
   * poll(2) of this file for `events` (EPOLLIN …): the mask as soon as it has one of them (or an error or
   * hang-up); until then the poll sleeps on the queues the driver's poll_wait() named. `timeoutMs`: 0
   * polls once, a number gives up after that long on the kernel clock (mask 0), undefined waits.
   */
  async pollAsync(events: number, timeoutMs?: number, opts: SleepOptions = {}): Promise<number> {
    const ready = (m: number) => (m & (events | POLL_ALWAYS)) !== 0;
    if (timeoutMs === 0) return this.poll(events) & (events | POLL_ALWAYS);
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    opts.signal?.addEventListener('abort', onAbort);
    const expire = timeoutMs === undefined ? undefined : this.k.timers.add(this.k.clock.nowMs() + timeoutMs, () => ctl.abort('timeout'));
    try {
      const m = await this.sysAsync('poll', undefined, () => this.k.vm.lkm_file_poll(this.file, events >>> 0, 1) | 0,
        { signal: ctl.signal, task: opts.task }, (mask, a) => ready(mask) || !a.sleeping);
      return m & (events | POLL_ALWAYS);
    } catch (e) {
      if (ctl.signal.reason === 'timeout' && !opts.signal?.aborted) return 0;
      throw e;
    } finally {
      expire?.();
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** read(2) into user memory at `ptr`: bytes read, 0 at end of file. */
  readInto(mem: UserMemory, ptr: number, count: number): number {
    return this.sys('read', mem, () => this.k.vm.lkm_file_read(this.file, USER_BASE + ptr, count));
  }

  /** read(2) into a fresh buffer of `count` bytes; returns the bytes read. */
  read(count: number): Uint8Array {
    const buf = new Uint8Array(count);
    return buf.subarray(0, this.readInto({ view: () => buf }, 0, count));
  }

  writeFrom(mem: UserMemory, ptr: number, count: number): number {
    return this.sys('write', mem, () => this.k.vm.lkm_file_write(this.file, USER_BASE + ptr, count));
  }

  write(data: Uint8Array | string): number {
    const buf = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return this.writeFrom({ view: () => buf }, 0, buf.length);
  }

  /**
   * ioctl(2). With a buffer, the argument is a pointer to it. With a number and user memory, the
   * command's direction bits say whether it is a pointer (_IOR/_IOW/_IOWR) or a value (_IO).
   */
  ioctl(cmd: number, arg: number | Uint8Array = 0, mem?: UserMemory): number {
    const a = ioctlArg(cmd, arg, mem);
    return this.sys('ioctl', a.mem, () => this.k.vm.lkm_file_ioctl(this.file, cmd >>> 0, a.value));
  }

  /** lseek(2): the new offset. */
  lseek(offset: number, whence: 0 | 1 | 2 = 0): number {
    return Number(this.sys('llseek', undefined, () => this.k.vm.lkm_file_llseek(this.file, BigInt(offset), whence)));
  }

  /** The poll mask (EPOLLIN …) the driver reports now (a poll that does not wait). */
  poll(events = 0xffff): number {
    return this.sys('poll', undefined, () => this.k.vm.lkm_file_poll(this.file, events >>> 0, 0) | 0);
  }

  close(): void {
    if (this.closed) return;
    // Calls of this file still parked are interrupted first (EINTR; their entries leave the queues).
    for (const ctl of this.parked) ctl.abort();
    try {
      this.sys('release', undefined, () => this.k.vm.lkm_file_release(this.file));
    } finally {
      this.closed = true;
      this.onClose?.();
    }
  }
}

/**
 * open(2): a file of a mounted file system, or, in the kernel's views, a device node (devtmpfs) or an
 * entry drivers made in /proc, /sys or /sys/kernel/debug. A file opened through a view's mount holds
 * that mount until it is closed (umount says EBUSY meanwhile), as every open file does on Linux.
 */
export function openPath(k: Kernel, path: string, flags: number): KernelFile {
  const at = k.mounts.locate(path);
  if (!at) throw new KernelError(ENOENT);
  if ('rel' in at) return k.mounts.openMounted(at, path, flags);
  const release = k.mounts.hold(at.mount);
  try {
    return at.view.startsWith('/dev/') ? openDevice(k, at.view, flags, release) : k.kernfs.open(at.view, flags, release);
  } catch (e) {
    release();
    throw e;
  }
}

/** open(2) of a device node: `path` names a node under /dev. */
export function openDevice(k: Kernel, path: string, flags: number, onClose?: () => void): KernelFile {
  const name = path.replace(/^\/dev\//, '');
  const node = k.devices.nodes.get(name);
  if (!node || !path.startsWith('/dev/')) throw new KernelError(ENOENT);
  const bytes = new TextEncoder().encode(name);
  const str = k.vm.lkm_region_alloc(bytes.length + 1, 1);
  if (!str) throw new KernelError(ENOMEM);
  let p: number;
  try {
    k.mem.u8.set(bytes, str);
    k.mem.u8[str + bytes.length] = 0;
    // The node's type travels in the mode's S_IFMT bits: a block node opens the disk (S_IFBLK).
    const mode = node.type === 'b' ? S_IFBLK | (node.mode & 0o7777) : node.mode;
    p = k.run(`${path}: open`, () => k.vm.lkm_file_open(node.rdev, flags, mode, str)) >>> 0;
  } finally {
    k.vm.lkm_region_free(str);
  }
  if (isErrPtr(p)) throw new KernelError(userErrno(-(p | 0)));
  if (p === 0) throw new KernelError(EFAULT);
  return new KernelFile(k, path, p, onClose);
}
