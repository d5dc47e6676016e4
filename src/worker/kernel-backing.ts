// /proc or /sys of a kernel behind the promise API (a worker kernel) as a backing store of the emulated
// file system: the Vfs mounts it where it would otherwise call a synchronous in-thread kernel.

import { KernelError } from '../kernel/errno.js';
import type { Backing, Stat } from '../vfs/backing.js';
import { FsError, fsError } from '../vfs/errors.js';
import type { KernelApi } from './api.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

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

  async readFile(path: string): Promise<Uint8Array> {
    return enc.encode(await this.call(path, (k, p) => k.readFile(p)));
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await this.call(path, (k, p) => k.writeFile(p, dec.decode(data)));
  }

  async readdir(path: string): Promise<string[]> {
    return this.call(path, (k, p) => k.readdir(p));
  }

  async stat(path: string): Promise<Stat | undefined> {
    if (path === '/') return { type: 'dir', size: 0, mtimeMs: 0 };
    if (this.at === '/dev') {
      // devtmpfs: a node (its number and mode for ls -l), or nothing.
      const d = await this.kernel().statDevice(this.abs(path));
      return d && { type: 'file', size: 0, mtimeMs: d.mtimeMs, rdev: d };
    }
    try {
      await this.readdir(path);
      return { type: 'dir', size: 0, mtimeMs: 0 };
    } catch (e) {
      if (e instanceof FsError && e.code === 'ENOTDIR') return { type: 'file', size: 4096, mtimeMs: 0 };
      if (e instanceof FsError) return undefined;
      throw e;
    }
  }

  async mkdir(path: string): Promise<void> { throw fsError('EPERM', this.abs(path)); }
  async rename(_from: string, to: string): Promise<void> { throw fsError('EPERM', this.abs(to)); }
  async unlink(path: string): Promise<void> { throw fsError('EPERM', this.abs(path)); }
}
