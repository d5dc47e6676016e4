// Open files on the kernel's device nodes: open(2), read(2), write(2), lseek(2), ioctl(2), poll, close(2).
// Each call runs the driver's C code through vmlinux's fs/ entry points (wasm/kernel/file.c); user
// buffers are user memory (a separate address range), so a bad pointer gives EFAULT.

import { KernelError, EFAULT, ENOENT } from './errno.js';
import type { Kernel } from './kernel.js';
import { USER_BASE, type UserMemory } from './devices.js';

export const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_NONBLOCK = 0o4000;

const IOC_DIRSHIFT = 30;

/** A pointer value returned by C: negative errnos come back as ERR_PTR (the top 4095 values). */
export function isErrPtr(p: number): boolean {
  return (p >>> 0) >= 0xfffff001;
}

export class KernelFile {
  private closed = false;

  /** `onClose`: runs after the release (a file opened through a mount gives the mount back). */
  constructor(private readonly k: Kernel, readonly path: string, private readonly file: number,
    private readonly onClose?: () => void) {}

  private check(): void {
    if (this.closed) throw new KernelError(9); // EBADF
  }

  private sys<T extends number | bigint>(what: string, mem: UserMemory | undefined, fn: () => T): T {
    this.check();
    const k = this.k;
    const call = () => k.run(`${this.path}: ${what}`, fn);
    const r = mem ? k.devices.withUser(mem, call) : call();
    if (Number(r) < 0) throw new KernelError(-Number(r));
    return r;
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
    let value: number;
    if (arg instanceof Uint8Array) {
      mem = { view: () => arg };
      value = USER_BASE;
    } else {
      value = mem && (cmd >>> IOC_DIRSHIFT) !== 0 ? USER_BASE + arg : arg >>> 0;
    }
    return this.sys('ioctl', mem, () => this.k.vm.lkm_file_ioctl(this.file, cmd >>> 0, value >>> 0));
  }

  /** lseek(2): the new offset. */
  lseek(offset: number, whence: 0 | 1 | 2 = 0): number {
    return Number(this.sys('llseek', undefined, () => this.k.vm.lkm_file_llseek(this.file, BigInt(offset), whence)));
  }

  /** The poll mask (EPOLLIN …) the driver reports. */
  poll(): number {
    return this.sys('poll', undefined, () => this.k.vm.lkm_file_poll(this.file));
  }

  close(): void {
    if (this.closed) return;
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
  const p = k.run(`${path}: open`, () => k.vm.lkm_file_open(node.rdev, flags, node.mode)) >>> 0;
  if (isErrPtr(p)) throw new KernelError(-(p | 0));
  if (p === 0) throw new KernelError(EFAULT);
  return new KernelFile(k, path, p, onClose);
}
