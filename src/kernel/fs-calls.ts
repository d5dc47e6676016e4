// The file system calls of the library API: whole-file reads and writes of the kernel's views, open(2)
// (with the waits of a system call that can sleep), mknod(2) and stat(2). The views are files.ts, the
// mount table mounts.ts, open files file.ts.

import { KernelError, EEXIST, ENOENT, EPERM } from './errno.js';
import type { Kernel } from './kernel.js';
import { readKernelFile, writeKernelFile, listKernelDir, readKernelLink, readOpenedAsync, readOpenedBytesAsync, writeOpenedAsync, statKernelPath, opensKernelFile } from './files.js';
import { openPath, O_RDONLY, O_WRONLY, type KernelFile, type SleepOptions } from './file.js';
import { withAutoload } from './kmod.js';
import type { DeviceStat } from './devices.js';
import type { KernelStat } from './mounts.js';

export class FsCalls {
  constructor(private readonly k: Kernel) {}

  readFile(path: string): string {
    return readKernelFile(this.k, path);
  }

  writeFile(path: string, data: string): void {
    writeKernelFile(this.k, path, data);
  }

  readdir(path: string): string[] {
    return listKernelDir(this.k, path);
  }

  readlink(path: string): string {
    return readKernelLink(this.k, path);
  }

  open(path: string, flags = O_RDONLY): KernelFile {
    return openPath(this.k, path, flags);
  }

  /** open(2) that can wait: request_module() runs modprobe and is waited for (kmod.ts withAutoload), a sleeping open is parked. */
  openAsync(path: string, flags = O_RDONLY, opts: SleepOptions = {}): Promise<KernelFile> {
    return withAutoload(this.k, () => this.open(path, flags),
      (once) => this.k.waits.restartableObject(once, { signal: opts.signal, task: opts.task }));
  }

  async readFileAsync(path: string, opts: SleepOptions = {}): Promise<string> {
    if (!this.opensFile(path)) return this.readFile(path);
    // Every system call of this cat runs as the process that started it (jobs run concurrently).
    const o = { ...opts, task: opts.task ?? this.k.current };
    return readOpenedAsync(await this.openAsync(path, O_RDONLY, o), o);
  }

  async readBytesAsync(path: string, count: number, offset = 0, opts: SleepOptions = {}): Promise<Uint8Array> {
    if (!this.opensFile(path)) return new TextEncoder().encode(this.readFile(path)).slice(offset, offset + count);
    const o = { ...opts, task: opts.task ?? this.k.current };
    return readOpenedBytesAsync(await this.openAsync(path, O_RDONLY, o), count, offset, o);
  }

  /** `data` as text (echo) or bytes as they are (dd); a generated view takes text. */
  async writeFileAsync(path: string, data: string | Uint8Array, opts: SleepOptions = {}): Promise<void> {
    if (!this.opensFile(path)) return this.writeFile(path, typeof data === 'string' ? data : new TextDecoder().decode(data));
    const o = { ...opts, task: opts.task ?? this.k.current };
    await writeOpenedAsync(await this.openAsync(path, O_WRONLY, o), data, o);
  }

  /** Whether a whole-file read or write of `path` runs file operations (and so may sleep). */
  private opensFile(path: string): boolean {
    return this.k.mounts.viewPath(path)?.startsWith('/dev/') === true || opensKernelFile(this.k, path);
  }

  /** mknod(2) of a character or block device node under /dev (devtmpfs). */
  mknod(path: string, major: number, minor: number, mode = 0o600, type: 'c' | 'b' = 'c'): void {
    const dev = this.k.mounts.viewPath(path) ?? '';
    const name = dev.replace(/^\/dev\//, '');
    if (!dev.startsWith('/dev/') || !name) throw new KernelError(EPERM);
    if (this.k.devices.nodes.has(name)) throw new KernelError(EEXIST);
    this.k.devices.nodes.set(name, { type, rdev: ((major << 20) | minor) >>> 0, mode, ctimeMs: Date.now() });
  }

  /**
   * chmod(2): a device node's mode (devtmpfs), an entry kernel code made in /proc, sysfs or debugfs
   * (its C node's, which the next open checks); the views the host generates keep theirs (EPERM).
   */
  chmod(path: string, mode: number): void {
    const view = this.k.mounts.viewPath(path) ?? '';
    const node = view.startsWith('/dev/') ? this.k.devices.nodes.get(view.slice('/dev/'.length)) : undefined;
    if (node) { node.mode = (node.mode & ~0o7777) | (mode & 0o7777); return; }
    const p = view && this.k.kernfs.resolve(view);
    const made = p ? this.k.kernfs.nodes.get(p) : undefined;
    if (made && made.kind !== 'link') {
      this.k.run(`${p}: chmod`, () => (p.startsWith('/proc/') ? this.k.vm.lkm_proc_chmod(made.node, mode & 0o7777) : this.k.vm.lkm_kernfs_chmod(made.node, mode & 0o7777)));
      made.mode = (made.mode & ~0o7777) | (mode & 0o7777);
      return;
    }
    throw new KernelError(statKernelPath(this.k, path) ? EPERM : ENOENT);
  }

  /** stat(2) of a device node under /dev (undefined: no such node). */
  statDevice(path: string): DeviceStat | undefined {
    const dev = this.k.mounts.viewPath(path);
    return dev?.startsWith('/dev/') ? this.k.devices.stat(dev.slice('/dev/'.length)) : undefined;
  }

  stat(path: string): KernelStat | undefined {
    return statKernelPath(this.k, path);
  }
}
