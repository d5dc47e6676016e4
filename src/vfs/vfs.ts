// The emulated file system: one tree made of mounts. "/" and any mount point are backing stores (a host
// directory in Node, memory in a browser or a test); /proc and /sys are the kernel's live views, read
// and written through the Kernel API. No Node imports: the same code runs in a browser.
//
// Layout a kmod user expects (created on demand, nothing here is required to exist):
//   /lib/modules/<release>/…   the module tree and depmod's files
//   /etc/modprobe.d/ /run/modprobe.d/ /usr/local/lib/modprobe.d/ /usr/lib/modprobe.d/ /lib/modprobe.d/
//   /etc/depmod.d/ …           depmod's configuration, same directory set
//   /proc/cmdline, /proc/modules, /proc/sys/kernel/modprobe, /sys/module/…   from the kernel
//   /dev                       the kernel's devtmpfs (device nodes; memory without a kernel). Reading or
//                              writing a node opens it with the kernel's openAsync: a node whose driver is
//                              missing gets it loaded through request_module's modprobe first.
//   any mount(2) mount point   the kernel's: a mounted file system's files, served by its module

import { KernelError } from '../kernel/errno.js';
import type { Backing, Stat } from './backing.js';
import { FsError, fsError } from './errors.js';
import { MemoryBacking } from './memory.js';
import { basename, dirname, isWithin, normalizePath, relativeTo } from './path.js';

/** What the file system needs from a kernel: its /proc and /sys views (Kernel implements this). */
export interface KernelView {
  readFile(path: string): string;
  writeFile(path: string, data: string): void;
  readdir(path: string): string[];
  /** readFile/writeFile as system calls that can wait (opening a device node may load its driver first). */
  readFileAsync?(path: string, opts?: { signal?: AbortSignal }): Promise<string>;
  writeFileAsync?(path: string, data: string, opts?: { signal?: AbortSignal }): Promise<void>;
  /** stat(2) of a device node under /dev. */
  statDevice?(path: string): { type: 'c' | 'b'; major: number; minor: number; mode: number; mtimeMs: number } | undefined;
  /** stat(2) of any path the kernel serves (undefined: none). */
  stat?(path: string): Stat | undefined;
  /** Where file systems are mounted (mount(2)): paths below them are the kernel's too. */
  mountPoints?(): string[];
}

interface Mount { at: string; backing: Backing; }

const enc = new TextEncoder();
const dec = new TextDecoder();
// /dev is the kernel's devtmpfs: nodes appear and go with device_create()/device_destroy() and mknod.
const KERNEL_DIRS = ['/proc', '/sys', '/dev'];
let tmpSeq = 0;

export class Vfs {
  private mounts: Mount[] = [];
  /** The kernel whose /proc and /sys are shown; without one, /proc and /sys come from the backing. */
  kernel: KernelView | undefined;
  /**
   * Mount points of a kernel behind the promise API (a worker kernel), each with its backing
   * (setKernelMounts); they win over the mounts above at the same depth.
   */
  private kernelMounts: Mount[] = [];

  constructor(root: Backing = new MemoryBacking(), opts: { kernel?: KernelView; dev?: boolean } = {}) {
    this.mounts.push({ at: '/', backing: root });
    this.kernel = opts.kernel;
    if (opts.dev !== false) this.mount('/dev', new MemoryBacking());
  }

  /** Mounts a backing store at a directory (a later mount over the same place hides the earlier one). */
  mount(at: string, backing: Backing): void {
    const p = normalizePath(at);
    this.mounts = this.mounts.filter((m) => m.at !== p);
    this.mounts.push({ at: p, backing });
    this.mounts.sort((a, b) => b.at.length - a.at.length);
  }

  /** Mount points, deepest first. */
  get mountPoints(): string[] {
    return this.mounts.map((m) => m.at);
  }

  /**
   * The mount(2) mount points of a kernel that is not called directly (a worker kernel): the places
   * where `backing(at)` serves the kernel's files. Called again whenever the kernel's mounts change.
   */
  setKernelMounts(points: string[], backing: (at: string) => Backing): void {
    const old = new Map(this.kernelMounts.map((m) => [m.at, m.backing]));
    this.kernelMounts = points.map((at) => ({ at: normalizePath(at), backing: old.get(normalizePath(at)) ?? backing(at) }));
    this.kernelMounts.sort((a, b) => b.at.length - a.at.length);
  }

  resolve(path: string, cwd = '/'): string {
    return normalizePath(path, cwd);
  }

  private isKernelPath(p: string): boolean {
    return this.kernel !== undefined && (KERNEL_DIRS.some((d) => isWithin(p, d)) ||
      (this.kernel.mountPoints?.() ?? []).some((d) => isWithin(p, d)));
  }

  private locate(path: string): { backing: Backing; rel: string; at: string } {
    const p = normalizePath(path);
    const m = this.mounts.find((x) => isWithin(p, x.at));
    const km = this.kernelMounts.find((x) => isWithin(p, x.at));
    const best = km && (!m || km.at.length >= m.at.length) ? km : m;
    if (!best) throw new Error('unreachable: "/" is always mounted');
    return { backing: best.backing, rel: `/${relativeTo(p, best.at)}`, at: best.at };
  }

  private kernelCall<T>(path: string, fn: (k: KernelView) => T): T {
    try {
      return fn(this.kernel!);
    } catch (e) {
      if (e instanceof KernelError) throw new FsError(e.code, e.errno, path);
      throw e;
    }
  }

  private async kernelCallAsync<T>(path: string, fn: (k: KernelView) => Promise<T>): Promise<T> {
    try {
      return await fn(this.kernel!);
    } catch (e) {
      if (e instanceof KernelError) throw new FsError(e.code, e.errno, path);
      throw e;
    }
  }

  /** Names of mount points directly below `p` (they exist even when the backing lacks the directory). */
  private mountChildren(p: string): string[] {
    const out: string[] = [];
    for (const m of this.mounts) {
      if (m.at !== p && isWithin(m.at, p)) out.push(relativeTo(m.at, p).split('/')[0]!);
    }
    for (const m of this.kernelMounts) if (m.at !== p && isWithin(m.at, p)) out.push(relativeTo(m.at, p).split('/')[0]!);
    if (this.kernel) {
      for (const d of [...KERNEL_DIRS, ...(this.kernel.mountPoints?.() ?? [])]) {
        if (d !== p && isWithin(d, p)) out.push(relativeTo(d, p).split('/')[0]!);
      }
    }
    return out;
  }

  /** `signal` interrupts a read that sleeps in a driver (the shell's Ctrl-C): it fails with EINTR. */
  async readFile(path: string, opts: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) {
      return enc.encode(await this.kernelCallAsync(p, async (k) => k.readFileAsync ? k.readFileAsync(p, opts) : k.readFile(p)));
    }
    const { backing, rel } = this.locate(p);
    try {
      return await backing.readFile(rel, opts);
    } catch (e) {
      throw relocate(e, p);
    }
  }

  /** readFile without waiting, when the backing can (undefined otherwise: use readFile). */
  readFileSync(path: string): Uint8Array | undefined {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) return undefined;
    const { backing, rel } = this.locate(p);
    if (!backing.readFileSync) return undefined;
    try {
      return backing.readFileSync(rel);
    } catch (e) {
      throw relocate(e, p);
    }
  }

  /** The host file behind `path` (a host directory's backing), for readers on other threads; else undefined. */
  hostFile(path: string): string | undefined {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) return undefined;
    const { backing, rel } = this.locate(p);
    return backing.hostFile?.(rel);
  }

  async readText(path: string): Promise<string> {
    return dec.decode(await this.readFile(path));
  }

  async writeFile(path: string, data: string | Uint8Array, opts: { signal?: AbortSignal } = {}): Promise<void> {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) {
      const text = typeof data === 'string' ? data : dec.decode(data);
      return this.kernelCallAsync(p, async (k) => k.writeFileAsync ? k.writeFileAsync(p, text, opts) : k.writeFile(p, text));
    }
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', p);
    try {
      await backing.writeFile(rel, typeof data === 'string' ? enc.encode(data) : data, opts);
    } catch (e) {
      throw relocate(e, p);
    }
  }

  /**
   * Writes a file so that readers see either the old or the new content, never a partial one: the data
   * goes to a temporary file in the same directory, which is then renamed over the target (depmod).
   */
  async writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
    const p = normalizePath(path);
    const tmp = `${dirname(p) === '/' ? '' : dirname(p)}/.${basename(p)}.${Date.now().toString(36)}${(tmpSeq++).toString(36)}.tmp`;
    await this.writeFile(tmp, data);
    try {
      await this.rename(tmp, p);
    } catch (e) {
      await this.unlink(tmp).catch(() => {});
      throw e;
    }
  }

  async readdir(path: string): Promise<string[]> {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) return this.kernelCall(p, (k) => k.readdir(p));
    const { backing, rel } = this.locate(p);
    const extra = this.mountChildren(p);
    let names: string[] = [];
    try {
      names = await backing.readdir(rel);
    } catch (e) {
      if (extra.length === 0) throw relocate(e, p);
    }
    return [...new Set([...names, ...extra])].sort();
  }

  /** Directory entries with their types (a stat per entry only when the backing cannot say). */
  async readdirTypes(path: string): Promise<{ name: string; type: 'file' | 'dir' | undefined }[]> {
    const p = normalizePath(path);
    const { backing, rel } = this.locate(p);
    if (this.isKernelPath(p) || !backing.readdirTypes || this.mountChildren(p).length > 0) {
      const names = await this.readdir(p);
      return Promise.all(names.map(async (name) => ({ name, type: (await this.stat(`${p === '/' ? '' : p}/${name}`))?.type })));
    }
    try {
      return await backing.readdirTypes(rel);
    } catch (e) {
      throw relocate(e, p);
    }
  }

  async stat(path: string): Promise<Stat | undefined> {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) {
      if (this.kernel!.stat) return this.kernelCall(p, (k) => k.stat!(p));
      if (KERNEL_DIRS.includes(p)) return { type: 'dir', size: 0, mtimeMs: 0 };
      if (this.kernel!.statDevice && isWithin(p, '/dev')) {
        const d = this.kernel!.statDevice(p);
        return d && { type: 'file', size: 0, mtimeMs: d.mtimeMs, rdev: d };
      }
      try {
        this.kernel!.readdir(p);
        return { type: 'dir', size: 0, mtimeMs: 0 };
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        if (e.code === 'ENOTDIR') return { type: 'file', size: 4096, mtimeMs: 0 };
        return undefined;
      }
    }
    const { backing, rel } = this.locate(p);
    const st = await backing.stat(rel).catch(() => undefined);
    if (st) return st;
    if (this.mountChildren(p).length > 0) return { type: 'dir', size: 0, mtimeMs: 0 };
    return undefined;
  }

  /**
   * stat without waiting, for the kernel's mount(2) checks (Kernel.rootFsType): a backing that cannot
   * answer synchronously says 'unknown'.
   */
  statSync(path: string): Stat | undefined | 'unknown' {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) return this.kernel!.stat ? this.kernel!.stat(p) : 'unknown';
    const { backing, rel } = this.locate(p);
    if (!backing.statSync) return 'unknown';
    const st = backing.statSync(rel);
    if (st) return st;
    if (this.mountChildren(p).length > 0) return { type: 'dir', size: 0, mtimeMs: 0 };
    return undefined;
  }

  async exists(path: string): Promise<boolean> {
    return (await this.stat(path)) !== undefined;
  }

  async isFile(path: string): Promise<boolean> {
    return (await this.stat(path))?.type === 'file';
  }

  async isDir(path: string): Promise<boolean> {
    return (await this.stat(path))?.type === 'dir';
  }

  async mkdir(path: string): Promise<void> {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) throw fsError('EPERM', p);
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', p);
    try {
      await backing.mkdir(rel);
    } catch (e) {
      throw relocate(e, p);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const f = normalizePath(from);
    const t = normalizePath(to);
    const a = this.locate(f);
    const b = this.locate(t);
    if (a.at !== b.at || this.isKernelPath(f) || this.isKernelPath(t)) throw fsError('EXDEV', t);
    if (a.backing.readOnly) throw fsError('EROFS', t);
    try {
      await a.backing.rename(a.rel, b.rel);
    } catch (e) {
      throw relocate(e, t);
    }
  }

  async unlink(path: string): Promise<void> {
    const p = normalizePath(path);
    if (this.isKernelPath(p)) throw fsError('EPERM', p);
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', p);
    try {
      await backing.unlink(rel);
    } catch (e) {
      throw relocate(e, p);
    }
  }

  /** Every regular file below `dir`, as paths relative to it, sorted (directories walked depth first). */
  async walk(dir: string, filter?: (rel: string) => boolean): Promise<string[]> {
    const root = normalizePath(dir);
    const out: string[] = [];
    const visit = async (rel: string): Promise<void> => {
      const abs = rel ? `${root === '/' ? '' : root}/${rel}` : root;
      let names: string[];
      try { names = await this.readdir(abs); } catch { return; }
      for (const n of names) {
        const r = rel ? `${rel}/${n}` : n;
        const st = await this.stat(`${abs === '/' ? '' : abs}/${n}`);
        if (st?.type === 'dir') await visit(r);
        else if (st?.type === 'file' && (!filter || filter(r))) out.push(r);
      }
    };
    await visit('');
    return out;
  }
}

/** Backing errors name the backing-relative path; report the full emulated path instead. */
function relocate(e: unknown, path: string): unknown {
  if (e instanceof FsError) return new FsError(e.code, e.errno, path);
  return e;
}
