// /proc or /sys of a kernel behind the promise API (a worker kernel) as a backing store of the emulated
// file system: the Vfs mounts it where it would otherwise call a synchronous in-thread kernel, and at
// every place the kernel mounted a file system (mirrorKernelMounts).

import { KernelError } from '../kernel/errno.js';
import type { Backing, Stat } from './backing.js';
import type { Vfs } from './vfs.js';
import { isWithin } from './path.js';
import { FsError, fsError } from './errors.js';
import type { KernelApi } from '../api/api.js';

const enc = new TextEncoder();

export class KernelBacking implements Backing {
  /** `at`: the mount point ("/proc" or "/sys"); backing paths are relative to it. */
  constructor(private readonly kernel: () => KernelApi, private readonly at: string) {}

  private abs(path: string): string {
    return path === '/' ? this.at : `${this.at}${path}`;
  }

  private async call<T>(path: string, fn: (k: KernelApi, p: string) => Promise<T>): Promise<T> {
    const p = this.abs(path);
    try {
      return await fn(this.kernel(), p);
    } catch (e) {
      if (e instanceof KernelError) throw new FsError(e.code, e.errno, p);
      throw e;
    }
  }

  async readFile(path: string, opts: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    return enc.encode(await this.call(path, (k, p) => k.readFile(p, opts)));
  }

  async readRange(path: string, count: number, offset: number, opts: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    return this.call(path, (k, p) => k.readBytes(p, count, offset, opts));
  }

  async writeFile(path: string, data: Uint8Array, opts: { signal?: AbortSignal } = {}): Promise<void> {
    await this.call(path, (k, p) => k.writeBytes(p, data, opts));
  }

  async readdir(path: string): Promise<string[]> {
    return this.call(path, (k, p) => k.readdir(p));
  }

  async kernelReadlink(path: string): Promise<string> {
    return this.call(path, (k, p) => k.readlink(p));
  }

  /** The kernel's stat: device nodes with their numbers, files of mounted file systems with their modes. */
  async stat(path: string): Promise<Stat | undefined> {
    return this.call(path, (k, p) => k.stat(p));
  }

  async chmod(path: string, mode: number): Promise<void> {
    await this.call(path, (k, p) => k.chmod(p, mode));
  }

  async mkdir(path: string): Promise<void> { throw fsError('EPERM', this.abs(path)); }
  async rename(_from: string, to: string): Promise<void> { throw fsError('EPERM', this.abs(to)); }
  async unlink(path: string): Promise<void> { throw fsError('EPERM', this.abs(path)); }
}

/** The kernel's own views, mounted as KernelBackings by the session itself. */
const VIEWS = ['/proc', '/sys', '/dev'];

/**
 * Keeps `fs` showing the kernel's mounts: each mount point outside the views gets a KernelBacking (the
 * kernel resolves paths below it), and goes when it is unmounted.
 */
export function mirrorKernelMounts(fs: Vfs, kernel: KernelApi, current: () => KernelApi): () => void {
  return kernel.watchMounts((points) => {
    fs.setKernelMounts(points.filter((p) => !VIEWS.some((v) => isWithin(p, v))), (at) => new KernelBacking(current, at));
  });
}
