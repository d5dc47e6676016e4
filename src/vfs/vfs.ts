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
//
// Symbolic links are followed here, component by component, as Linux's path walk does (at most 40 per
// lookup, then ELOOP): an absolute target starts again at the emulated root (a chroot: never the host's
// "/"), a relative one at the link's directory, and '..' after a link climbs from where the link led.
// Backings only store links (lstat, readlink, symlink); kernel views have none, and a mount point or a
// directory on the way to one is always a directory.

import { KernelError } from '../kernel/errno.js';
import type { Backing, Stat } from './backing.js';
import { FsError, fsError } from './errors.js';
import { MemoryBacking } from './memory.js';
import { basename, dirname, isWithin, normalizePath, relativeTo } from './path.js';
import { textToBytes } from './text.js';

/** What the file system needs from a kernel: its /proc and /sys views (Kernel implements this). */
export interface KernelView {
  readFile(path: string): string;
  writeFile(path: string, data: string): void;
  readdir(path: string): string[];
  /** readlink(2) of a link in a kernel view (a sysfs link); EINVAL when the path is no link. */
  readlink?(path: string): string;
  /** readFile/writeFile as system calls that can wait (opening a device node may load its driver first). */
  readFileAsync?(path: string, opts?: { signal?: AbortSignal }): Promise<string>;
  /** Up to `count` bytes after `offset` by read(2)s, as they are (a device that streams gives only those). */
  readBytesAsync?(path: string, count: number, offset?: number, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
  writeFileAsync?(path: string, data: string | Uint8Array, opts?: { signal?: AbortSignal }): Promise<void>;
  /** stat(2) of a device node under /dev. */
  statDevice?(path: string): { type: 'c' | 'b'; major: number; minor: number; mode: number; mtimeMs: number } | undefined;
  /** stat(2) of any path the kernel serves (undefined: none). */
  stat?(path: string): Stat | undefined;
  /** Where file systems are mounted (mount(2)): paths below them are the kernel's too. */
  mountPoints?(): string[];
  /** chmod(2) of a path the kernel serves (a device node). */
  chmod?(path: string, mode: number): void | Promise<void>;
}

interface Mount { at: string; backing: Backing; }

const enc = new TextEncoder();
const dec = new TextDecoder();
// /dev is the kernel's devtmpfs: nodes appear and go with device_create()/device_destroy() and mknod.
const KERNEL_DIRS = ['/proc', '/sys', '/dev'];
/** Links followed in one lookup before ELOOP (Linux's MAXSYMLINKS). */
export const MAX_SYMLINKS = 40;
let tmpSeq = 0;

/** A directory entry with its type after following a link (`link`: the entry is one). */
/** What stat (links followed) gives: a file or a directory. */
export type FollowedStat = Stat & { type: 'file' | 'dir' };

export interface DirEntry { name: string; type: 'file' | 'dir' | undefined; link?: boolean }

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

  /** True when the component at `p` cannot be a link: a kernel view's, a mount point or a directory leading to one. */
  private noLinks(p: string): boolean {
    if (p === '/' || this.isKernelPath(p)) return true;
    if (this.mounts.some((m) => isWithin(m.at, p)) || this.kernelMounts.some((m) => isWithin(m.at, p))) return true;
    return (this.kernel?.mountPoints?.() ?? []).some((d) => isWithin(normalizePath(d), p));
  }

  /**
   * The path walk: yields each component that may be a link and gets its target text back (undefined: no
   * link), returns the path with every link resolved (the last one too when `followLast`, or when the
   * path ends with '/'). Components that do not exist are left for the operation to report.
   */
  private *pathWalk(path: string, followLast: boolean): Generator<string, string, string | undefined> {
    const parts: string[] = [];
    const todo = path.split('/').reverse();
    const follow = followLast || /\/\.?$/.test(path);
    let links = 0;
    while (todo.length) {
      const seg = todo.pop()!;
      if (!seg || seg === '.') continue;
      if (seg === '..') { parts.pop(); continue; }
      const cur = `/${parts.length ? `${parts.join('/')}/` : ''}${seg}`;
      if ((!follow && todo.every((t) => t === '')) || this.noLinks(cur)) { parts.push(seg); continue; }
      const target = yield cur;
      if (target === undefined) { parts.push(seg); continue; }
      if (++links > MAX_SYMLINKS) throw fsError('ELOOP', normalizePath(path));
      if (target === '') throw fsError('ENOENT', normalizePath(path));
      if (target.startsWith('/')) parts.length = 0;
      todo.push(...target.split('/').reverse());
    }
    return `/${parts.join('/')}`;
  }

  /** The target text of the link at `p` (a resolved directory plus one name), or undefined. */
  private async linkAt(p: string): Promise<string | undefined> {
    const { backing, rel } = this.locate(p);
    if (!backing.lstat) return undefined;
    const st = backing.lstatSync ? backing.lstatSync(rel) : await backing.lstat(rel);
    if (st?.type !== 'symlink') return undefined;
    return backing.readlinkSync ? backing.readlinkSync(rel) : backing.readlink!(rel);
  }

  /** linkAt without waiting; 'unknown' when the backing cannot answer synchronously. */
  private linkAtSync(p: string): string | undefined | 'unknown' {
    const { backing, rel } = this.locate(p);
    if (!backing.lstat) return undefined;
    if (!backing.lstatSync || !backing.readlinkSync) return 'unknown';
    return backing.lstatSync(rel)?.type === 'symlink' ? backing.readlinkSync(rel) : undefined;
  }

  /** `path` with its links resolved (the last component's too unless `followLast` is false). */
  async realpath(path: string, followLast = true): Promise<string> {
    const g = this.pathWalk(path, followLast);
    let r = g.next();
    while (!r.done) r = g.next(await this.linkAt(r.value));
    return r.value;
  }

  /** realpath without waiting; undefined when a backing on the way cannot answer synchronously. */
  realpathSync(path: string, followLast = true): string | undefined {
    const g = this.pathWalk(path, followLast);
    let r = g.next();
    while (!r.done) {
      const t = this.linkAtSync(r.value);
      if (t === 'unknown') return undefined;
      r = g.next(t);
    }
    return r.value;
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
    const given = normalizePath(path);
    const p = await this.realpath(path);
    if (this.isKernelPath(p)) {
      return enc.encode(await this.kernelCallAsync(given, async (k) => k.readFileAsync ? k.readFileAsync(p, opts) : k.readFile(p)));
    }
    const { backing, rel } = this.locate(p);
    try {
      return await backing.readFile(rel, opts);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /**
   * Up to `count` bytes of a file after its first `offset` (dd, od -N, hexdump -n): a kernel file by
   * read(2)s, so a device that never ends (/dev/zero) is read only that far and its bytes come as they
   * are; other files are read whole and cut.
   */
  async readRange(path: string, count: number, offset = 0, opts: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const given = normalizePath(path);
    const p = await this.realpath(path);
    if (this.isKernelPath(p)) {
      const k = this.kernel!;
      if (!k.readBytesAsync) return (await this.readFile(p, opts)).slice(offset, offset + count);
      return this.kernelCallAsync(given, () => k.readBytesAsync!(p, count, offset, opts));
    }
    const { backing, rel } = this.locate(p);
    try {
      if (backing.readRange) return await backing.readRange(rel, count, offset, opts);
      return (await backing.readFile(rel, opts)).slice(offset, offset + count);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /** readFile without waiting, when the backing can (undefined otherwise: use readFile). */
  readFileSync(path: string): Uint8Array | undefined {
    const p = this.realpathSync(path);
    if (p === undefined || this.isKernelPath(p)) return undefined;
    const { backing, rel } = this.locate(p);
    if (!backing.readFileSync) return undefined;
    try {
      return backing.readFileSync(rel);
    } catch (e) {
      throw relocate(e, normalizePath(path));
    }
  }

  /** The host file behind `path` (a host directory's backing), for readers on other threads; else undefined. */
  hostFile(path: string): string | undefined {
    let p: string | undefined;
    try { p = this.realpathSync(path); } catch { return undefined; }
    if (p === undefined || this.isKernelPath(p)) return undefined;
    const { backing, rel } = this.locate(p);
    return backing.hostFile?.(rel);
  }

  async readText(path: string): Promise<string> {
    return dec.decode(await this.readFile(path));
  }

  async writeFile(path: string, data: string | Uint8Array, opts: { signal?: AbortSignal } = {}): Promise<void> {
    const given = normalizePath(path);
    // A write through a link writes its target (created when the link dangles, as open(O_CREAT) does).
    const p = await this.realpath(path);
    if (this.isKernelPath(p)) {
      // A driver gets the bytes as they are (the stream text's escaped bytes too: text.ts).
      const bytes = typeof data === 'string' ? textToBytes(data) : data;
      return this.kernelCallAsync(given, async (k) => k.writeFileAsync ? k.writeFileAsync(p, bytes, opts) : k.writeFile(p, dec.decode(bytes)));
    }
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', given);
    try {
      await backing.writeFile(rel, typeof data === 'string' ? textToBytes(data) : data, opts);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /**
   * Writes a file so that readers see either the old or the new content, never a partial one: the data
   * goes to a temporary file in the same directory, which is then renamed over the target (depmod).
   */
  async writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
    // rename(2) replaces the name: a link there is replaced by the file, as depmod's renameat does.
    const p = await this.realpath(path, false);
    const tmp = `${dirname(p) === '/' ? '' : dirname(p)}/.${basename(p)}.${Date.now().toString(36)}${(tmpSeq++).toString(36)}.tmp`;
    await this.writeFile(tmp, data);
    try {
      await this.rename(tmp, p);
    } catch (e) {
      await this.unlink(tmp).catch(() => {});
      throw e;
    }
  }

  /** Names in a directory (links among them, as they are). */
  async readdir(path: string): Promise<string[]> {
    const given = normalizePath(path);
    const p = await this.realpath(path);
    if (this.isKernelPath(p)) return this.kernelCall(given, (k) => k.readdir(p));
    const { backing, rel } = this.locate(p);
    const extra = this.mountChildren(p);
    let names: string[] = [];
    try {
      names = await backing.readdir(rel);
    } catch (e) {
      if (extra.length === 0) throw relocate(e, given);
    }
    return [...new Set([...names, ...extra])].sort();
  }

  /**
   * Directory entries with their types after following links, as stat gives them (undefined for a link
   * that leads nowhere); a stat per entry only for links and when the backing cannot say.
   */
  async readdirTypes(path: string): Promise<DirEntry[]> {
    const given = normalizePath(path);
    const p = await this.realpath(path);
    const { backing, rel } = this.locate(p);
    const child = (name: string) => `${p === '/' ? '' : p}/${name}`;
    if (this.isKernelPath(p) || !backing.readdirTypes || this.mountChildren(p).length > 0) {
      const names = await this.readdir(p);
      return Promise.all(names.map(async (name) => {
        const link = (await this.lstat(child(name)))?.type === 'symlink';
        const type = (await this.stat(child(name)).catch(() => undefined))?.type as DirEntry['type'];
        return link ? { name, type, link } : { name, type };
      }));
    }
    let entries: { name: string; type: 'file' | 'dir' | 'symlink' | undefined }[];
    try {
      entries = await backing.readdirTypes(rel);
    } catch (e) {
      throw relocate(e, given);
    }
    return Promise.all(entries.map(async ({ name, type }) => type !== 'symlink' ? { name, type }
      : { name, type: (await this.stat(child(name)).catch(() => undefined))?.type as DirEntry['type'], link: true }));
  }

  /** stat(2): follows links (ELOOP for a loop); undefined when nothing is there. */
  async stat(path: string): Promise<FollowedStat | undefined> {
    return this.statAt(await this.realpath(path));
  }

  /** lstat(2): a link is itself ('symlink', size: the length of its target text). */
  async lstat(path: string): Promise<Stat | undefined> {
    const p = await this.realpath(path, false);
    if (this.noLinks(p)) return this.statAt(p);
    const { backing, rel } = this.locate(p);
    if (!backing.lstat) return this.statAt(p);
    const st = await backing.lstat(rel).catch(() => undefined);
    return st?.type === 'symlink' ? st : this.statAt(p, st);
  }

  /** readlink(2): the target text of a link (EINVAL when `path` is no link, ENOENT when nothing is there). */
  async readlink(path: string): Promise<string> {
    const given = normalizePath(path);
    const p = await this.realpath(path, false);
    // A kernel view's links are the kernel's to read (it also follows them when resolving paths).
    if (this.isKernelPath(p) && this.kernel?.readlink) return this.kernelCall(given, (k) => k.readlink!(p));
    const { backing, rel } = this.locate(p);
    if (backing.kernelReadlink) {
      try {
        return await backing.kernelReadlink(rel);
      } catch (e) {
        throw relocate(e, given);
      }
    }
    const t = this.noLinks(p) ? undefined : await this.linkAt(p).catch(() => undefined);
    if (t !== undefined) return t;
    throw fsError((await this.statAt(p)) ? 'EINVAL' : 'ENOENT', given);
  }

  /** symlink(2): a link at `path` (not followed) whose text is `target`, kept as written. */
  async symlink(target: string, path: string): Promise<void> {
    const given = normalizePath(path);
    const p = await this.realpath(path, false);
    if (target === '') throw fsError('ENOENT', given);
    if (await this.lstat(p)) throw fsError('EEXIST', given);
    if (this.isKernelPath(p)) throw fsError('EPERM', given);
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', given);
    if (!backing.symlink) throw fsError('EPERM', given);
    try {
      await backing.symlink(target, rel);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /** link(2): `path` becomes a second name of `existing` (neither followed when a link); same mount only. */
  async link(existing: string, path: string): Promise<void> {
    const given = normalizePath(path);
    const e = await this.realpath(existing, false);
    const p = await this.realpath(path, false);
    const st = await this.lstat(e);
    if (!st) throw fsError('ENOENT', normalizePath(existing));
    if (await this.lstat(p)) throw fsError('EEXIST', given);
    if (st.type === 'dir' || this.isKernelPath(e) || this.isKernelPath(p)) throw fsError('EPERM', given);
    const a = this.locate(e);
    const b = this.locate(p);
    if (a.at !== b.at) throw fsError('EXDEV', given);
    if (a.backing.readOnly) throw fsError('EROFS', given);
    if (!a.backing.link) throw fsError('EPERM', given);
    try {
      await a.backing.link(a.rel, b.rel);
    } catch (err) {
      throw relocate(err, given);
    }
  }

  /** rmdir(2): an empty directory (not a mount point: EBUSY). */
  async rmdir(path: string): Promise<void> {
    const given = normalizePath(path);
    const p = await this.realpath(path, false);
    if (this.isKernelPath(p)) throw fsError('EPERM', given);
    const st = await this.lstat(p);
    if (!st) throw fsError('ENOENT', given);
    if (st.type !== 'dir') throw fsError('ENOTDIR', given);
    const { backing, rel, at } = this.locate(p);
    if (at === p || this.mountChildren(p).length > 0) throw fsError('EBUSY', given);
    if (backing.readOnly) throw fsError('EROFS', given);
    if (!backing.rmdir) throw fsError('EPERM', given);
    try {
      await backing.rmdir(rel);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /**
   * chmod(2): the permission bits of what `path` leads to (links followed). A device node's are the
   * kernel's (KernelView.chmod); the kernel's other views refuse (EPERM).
   */
  async chmod(path: string, mode: number): Promise<void> {
    const given = normalizePath(path);
    const p = await this.realpath(path);
    if (!(await this.statAt(p))) throw fsError('ENOENT', given);
    if (this.isKernelPath(p)) {
      if (!this.kernel!.chmod) throw fsError('EPERM', given);
      return this.kernelCallAsync(given, async (k) => k.chmod!(p, mode));
    }
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', given);
    if (!backing.chmod) throw fsError('EPERM', given);
    try {
      await backing.chmod(rel, mode);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /** stat of a path whose links are resolved. */
  private async statAt(p: string, known?: Stat): Promise<FollowedStat | undefined> {
    if (this.isKernelPath(p)) {
      if (this.kernel!.stat) return this.kernelCall(p, (k) => k.stat!(p)) as FollowedStat | undefined;
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
    const st = known ?? await backing.stat(rel).catch(() => undefined);
    // A link here was replaced after the walk resolved it: nothing to follow now.
    if (st && st.type !== 'symlink') return st as FollowedStat;
    if (this.mountChildren(p).length > 0) return { type: 'dir', size: 0, mtimeMs: 0 };
    return undefined;
  }

  /**
   * stat without waiting, for the kernel's mount(2) checks (Kernel.rootFsType): a backing that cannot
   * answer synchronously says 'unknown'.
   */
  statSync(path: string): FollowedStat | undefined | 'unknown' {
    let p: string | undefined;
    try { p = this.realpathSync(path); } catch { return undefined; }
    if (p === undefined) return 'unknown';
    if (this.isKernelPath(p)) return this.kernel!.stat ? this.kernel!.stat(p) as FollowedStat | undefined : 'unknown';
    const { backing, rel } = this.locate(p);
    if (!backing.statSync) return 'unknown';
    const st = backing.statSync(rel);
    if (st && st.type !== 'symlink') return st as FollowedStat;
    if (this.mountChildren(p).length > 0) return { type: 'dir', size: 0, mtimeMs: 0 };
    return undefined;
  }

  /** False for a link that leads nowhere or into a loop, as test -e says. */
  async exists(path: string): Promise<boolean> {
    return (await this.stat(path).catch(() => undefined)) !== undefined;
  }

  async isFile(path: string): Promise<boolean> {
    return (await this.stat(path).catch(() => undefined))?.type === 'file';
  }

  async isDir(path: string): Promise<boolean> {
    return (await this.stat(path).catch(() => undefined))?.type === 'dir';
  }

  /** mkdir -p (a link on the way is followed; one at the end is EEXIST, as mkdir(2) says). */
  async mkdir(path: string): Promise<void> {
    const given = normalizePath(path);
    const p = await this.mkdirPath(path);
    if (this.isKernelPath(p)) throw fsError('EPERM', given);
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', given);
    try {
      await backing.mkdir(rel);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /** The directory mkdir -p creates: links followed; one left at the end (dangling, or to a file) is EEXIST. */
  private async mkdirPath(path: string): Promise<string> {
    const p = await this.realpath(path);
    const st = await this.lstat(p);
    if (st && st.type !== 'dir') throw fsError('EEXIST', normalizePath(path));
    return p;
  }

  /** rename(2): the names themselves move (a link is renamed, not its target). */
  async rename(from: string, to: string): Promise<void> {
    const f = await this.realpath(from, false);
    const t = await this.realpath(to, false);
    const given = normalizePath(to);
    const a = this.locate(f);
    const b = this.locate(t);
    if (a.at !== b.at || this.isKernelPath(f) || this.isKernelPath(t)) throw fsError('EXDEV', given);
    if (a.backing.readOnly) throw fsError('EROFS', given);
    try {
      await a.backing.rename(a.rel, b.rel);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /** unlink(2): removes the name (a link, not its target). */
  async unlink(path: string): Promise<void> {
    const given = normalizePath(path);
    const p = await this.realpath(path, false);
    if (this.isKernelPath(p)) throw fsError('EPERM', given);
    const { backing, rel } = this.locate(p);
    if (backing.readOnly) throw fsError('EROFS', given);
    try {
      await backing.unlink(rel);
    } catch (e) {
      throw relocate(e, given);
    }
  }

  /**
   * Every regular file below `dir`, as paths relative to it, sorted (directories walked depth first);
   * links are followed, a directory already on the way down is not entered again.
   */
  async walk(dir: string, filter?: (rel: string) => boolean): Promise<string[]> {
    const root = normalizePath(dir);
    const out: string[] = [];
    const visit = async (rel: string, up: Set<string>): Promise<void> => {
      const abs = rel ? `${root === '/' ? '' : root}/${rel}` : root;
      const real = await this.realpath(abs).catch(() => abs);
      if (up.has(real)) return;
      let names: string[];
      try { names = await this.readdir(abs); } catch { return; }
      for (const n of names) {
        const r = rel ? `${rel}/${n}` : n;
        const st = await this.stat(`${abs === '/' ? '' : abs}/${n}`).catch(() => undefined);
        if (st?.type === 'dir') await visit(r, new Set([...up, real]));
        else if (st?.type === 'file' && (!filter || filter(r))) out.push(r);
      }
    };
    await visit('', new Set());
    return out;
  }
}

/** Backing errors name the backing-relative path; report the full emulated path instead. */
function relocate(e: unknown, path: string): unknown {
  if (e instanceof FsError) return new FsError(e.code, e.errno, path);
  return e;
}
