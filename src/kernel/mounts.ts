// The mount table (fs/namespace.c's half that resolves paths, and fs/proc_namespace.c): vmlinux makes
// the superblocks and vfsmounts (wasm/fs/namespace.c), the host keeps where each is attached and
// resolves paths through them. The kernel's own views are mounts too: proc at /proc, sysfs at /sys,
// devtmpfs at /dev and debugfs at /sys/kernel/debug are mounted at boot, and their trees are the views of
// files.ts and kernfs.ts; any other mount's tree is walked in C (wasm/fs/namei.c).

import { KernelError, EBUSY, EINVAL, ENOENT, ENOTDIR } from './errno.js';
import type { Kernel } from './kernel.js';
import { isErrPtr, KernelFile, userErrno } from './file.js';
import { withAutoload } from '../kmod/request.js';

/** mount(2) flags (Linux's values; wasm/include/uapi/linux/mount.h). */
export const MS = {
  RDONLY: 1, NOSUID: 2, NODEV: 4, NOEXEC: 8, SYNCHRONOUS: 16, REMOUNT: 32, MANDLOCK: 64, DIRSYNC: 128,
  NOSYMFOLLOW: 256, NOATIME: 1024, NODIRATIME: 2048, BIND: 4096, MOVE: 8192, REC: 16384, SILENT: 32768,
  POSIXACL: 1 << 16, UNBINDABLE: 1 << 17, PRIVATE: 1 << 18, SLAVE: 1 << 19, SHARED: 1 << 20,
  RELATIME: 1 << 21, I_VERSION: 1 << 23, STRICTATIME: 1 << 24, LAZYTIME: 1 << 25,
} as const;

/** umount2(2) flags. */
export const MNT_FORCE = 1, MNT_DETACH = 2;

/** The kernel's own file system types: a mount of one shows the view rooted at the path given here. */
export const VIEW_ROOTS: Readonly<Record<string, string>> = {
  proc: '/proc', sysfs: '/sys', devtmpfs: '/dev', debugfs: '/sys/kernel/debug',
};

/** Mounted at boot, in this order (/proc/mounts lists mounts in mount order). */
const BOOT_MOUNTS: [source: string, target: string, fstype: string][] = [
  ['proc', '/proc', 'proc'], ['sysfs', '/sys', 'sysfs'], ['devtmpfs', '/dev', 'devtmpfs'],
  ['debugfs', '/sys/kernel/debug', 'debugfs'],
];

export interface MountEntry {
  target: string;
  fstype: string;
  /** The struct vfsmount vmlinux made. */
  vfsmnt: number;
  /** For the kernel's own types: the view the mount shows. */
  view?: string;
}

/** Where a path leads: into a view (the view's own path for it), or into a mounted file system. */
export type Located = { mount: MountEntry; view: string } | { mount: MountEntry; rel: string };

/** What the mount point is, when the caller knows it (a worker kernel's caller stats its own files). */
export type TargetType = 'dir' | 'file' | null;

export interface MountOptions {
  /** The mount point's type in the caller's file system (null: it does not exist). */
  targetType?: TargetType;
}

/** stat(2) of a kernel path. */
export interface KernelStat {
  type: 'file' | 'dir';
  size: number;
  mtimeMs: number;
  /** Permission bits (files of mounted file systems). */
  mode?: number;
  ino?: number;
  nlink?: number;
  /** A device node: its type, number and mode. */
  rdev?: { type: 'c' | 'b'; major: number; minor: number; mode: number };
}

const S_IFMT = 0o170000, S_IFDIR = 0o040000;

/** Normalises an absolute path ('.', '..', repeated slashes); '..' stops at '/'. */
export function normalize(p: string): string {
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (!c || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return `/${out.join('/')}`;
}

const within = (p: string, dir: string) => dir === '/' || p === dir || p.startsWith(`${dir}/`);
const relative = (p: string, dir: string) => (p === dir ? '' : p.slice(dir === '/' ? 1 : dir.length + 1));

export class Mounts {
  /** In mount order. */
  readonly table: MountEntry[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly k: Kernel) {}

  /** The kernel's own mounts (Kernel.boot). */
  boot(): void {
    for (const [source, target, fstype] of BOOT_MOUNTS) this.attach(this.create(source, fstype, 0, ''), target, fstype);
  }

  /** Called after every mount and umount (a worker kernel tells its caller). */
  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Mount points, in mount order (each once). */
  points(): string[] {
    return [...new Set(this.table.map((m) => m.target))];
  }

  /**
   * The mount `path` (absolute, normalised) lies in: of the mounts whose mount point contains it, the one
   * mounted last (a later mount on a parent directory hides earlier ones below it).
   */
  private find(path: string): MountEntry | undefined {
    for (let i = this.table.length - 1; i >= 0; i--) if (within(path, this.table[i]!.target)) return this.table[i];
    return undefined;
  }

  locate(path: string): Located | undefined {
    const p = normalize(path);
    const m = this.find(p);
    if (!m) return undefined;
    const rel = relative(p, m.target);
    if (m.view) return { mount: m, view: rel ? (m.view === '/' ? `/${rel}` : `${m.view}/${rel}`) : m.view };
    return { mount: m, rel };
  }

  /** The view path `path` leads to (undefined: not in a view). */
  viewPath(path: string): string | undefined {
    const at = this.locate(path);
    return at && 'view' in at ? at.view : undefined;
  }

  /** mount(2) that cannot wait: a type nobody registered starts modprobe for "fs-TYPE" and fails (ENODEV). */
  mount(source: string | null, target: string, fstype: string, flags = 0, data = '', opts: MountOptions = {}): void {
    const p = this.checkTarget(target, opts);
    this.graft(this.create(source, fstype, flags, data), p.path, fstype, p.type);
  }

  /** mount(2) as a system call that can wait: modprobe for "fs-TYPE" runs, is awaited, and the mount retried. */
  async mountAsync(source: string | null, target: string, fstype: string, flags = 0, data = '', opts: MountOptions = {}): Promise<void> {
    const p = this.checkTarget(target, opts);
    const mnt = await withAutoload(this.k, () => this.create(source, fstype, flags, data));
    this.graft(mnt, p.path, fstype, p.type);
  }

  /** umount2(2): EINVAL when `target` is not a mount point, EBUSY while files or mounts below use it. */
  umount(target: string, flags = 0): void {
    const p = normalize(target);
    const m = this.find(p);
    if (!m || m.target !== p) throw new KernelError(this.targetType(p, {}) === null ? ENOENT : EINVAL);
    const idx = this.table.indexOf(m);
    const below = this.table.slice(idx + 1).filter((c) => c.target !== p && within(c.target, p));
    if (below.length && !(flags & MNT_DETACH)) throw new KernelError(EBUSY);
    const k = this.k;
    const ret = k.run('umount', () => k.vm.lkm_umount(m.vfsmnt, flags));
    if (ret < 0) throw new KernelError(-ret);
    // A lazy umount takes everything below with it.
    for (const c of below.reverse()) {
      k.run('umount', () => k.vm.lkm_umount(c.vfsmnt, MNT_DETACH));
      this.table.splice(this.table.indexOf(c), 1);
    }
    this.table.splice(this.table.indexOf(m), 1);
    this.changed();
  }

  /** /proc/mounts (and /proc/self/mounts): one line per mount, in mount order (show_vfsmnt()). */
  procMounts(): string {
    const k = this.k;
    let out = '';
    for (const m of this.table) {
      const line = this.withStrings([m.target], 4096, ([mp], buf) => {
        const n = k.run('/proc/mounts', () => k.vm.lkm_mount_show(m.vfsmnt, mp!, buf, 4096));
        return n < 0 ? '' : new TextDecoder().decode(k.mem.bytes(buf, n));
      });
      out += line;
    }
    return out;
  }

  /** /proc/filesystems. */
  procFilesystems(): string {
    const k = this.k;
    const buf = k.scratchBuffer;
    const n = k.run('/proc/filesystems', () => k.vm.lkm_proc_filesystems(buf, 4096));
    return new TextDecoder().decode(k.mem.bytes(buf, n));
  }

  /** stat(2) of a path in a mounted file system (null: it does not exist). */
  statMounted(at: { mount: MountEntry; rel: string }): KernelStat | null {
    const k = this.k;
    return this.withStrings([at.rel], 40, ([path], st) => {
      const r = k.run('stat', () => k.vm.lkm_path_stat(at.mount.vfsmnt, path!, st));
      if (r === -ENOENT) return null;
      if (r < 0) throw new KernelError(-r);
      const mode = k.mem.u32(st);
      const dv = new DataView(k.mem.memory.buffer as ArrayBuffer);
      const size = Number(dv.getBigInt64(st + 16, true));
      const mtimeNs = Number(dv.getBigInt64(st + 24, true)) * 1e9 + Number(dv.getBigInt64(st + 32, true));
      // Inode times count from boot (no real-time clock in the kernel); ls wants wall-clock time.
      const mtimeMs = Date.now() - (k.nowNs() - mtimeNs) / 1e6;
      return {
        type: (mode & S_IFMT) === S_IFDIR ? 'dir' : 'file', size, mtimeMs, mode: mode & 0o7777,
        nlink: k.mem.u32(st + 4), ino: k.mem.u32(st + 8),
      };
    });
  }

  /** getdents(2) of a directory of a mounted file system (the directory's ->iterate_shared). */
  readdirMounted(at: { mount: MountEntry; rel: string }): string[] {
    const k = this.k;
    for (let size = 4096; ; size *= 4) {
      const r = this.withStrings([at.rel], size, ([path], buf) => {
        const n = k.run('readdir', () => k.vm.lkm_path_readdir(at.mount.vfsmnt, path!, buf, size));
        if (n < 0) throw new KernelError(-n);
        if (n > size) return undefined;
        return new TextDecoder().decode(k.mem.bytes(buf, n)).split('\0').slice(0, -1);
      });
      if (r) return r;
    }
  }

  /** open(2) of a file in a mounted file system (the file holds the mount until closed). */
  openMounted(at: { mount: MountEntry; rel: string }, path: string, flags: number): KernelFile {
    const k = this.k;
    const f = this.withStrings([at.rel], 0, ([rel]) =>
      k.run(`${path}: open`, () => k.vm.lkm_path_open(at.mount.vfsmnt, rel!, flags)) >>> 0);
    if (isErrPtr(f)) throw new KernelError(userErrno(-(f | 0)));
    return new KernelFile(k, path, f);
  }

  /** A reference on a mount for a file opened through it (views: C does this itself for other mounts). */
  hold(m: MountEntry): () => void {
    const k = this.k;
    k.vm.lkm_mntget(m.vfsmnt);
    // The last reference of a lazily unmounted mount takes its superblock down (->kill_sb).
    return () => k.run('umount', () => k.vm.lkm_mntput(m.vfsmnt));
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** What `path` is: 'dir', 'file', or null (does not exist). */
  private targetType(path: string, opts: MountOptions): TargetType {
    const at = this.locate(path);
    if (at) {
      if ('rel' in at) {
        if (!at.rel) return 'dir';
        return this.statMounted(at)?.type ?? null;
      }
      return this.k.stat(path)?.type ?? null;
    }
    if (opts.targetType !== undefined) return opts.targetType;
    return this.k.rootFsType ? this.k.rootFsType(path) : 'dir';
  }

  /** The mount point must exist (ENOENT, before anything else: path_mount() looks it up first). */
  private checkTarget(target: string, opts: MountOptions): { path: string; type: TargetType } {
    const path = normalize(target);
    const type = this.targetType(path, opts);
    if (type === null) throw new KernelError(ENOENT);
    return { path, type };
  }

  /** lkm_mount(): the type (autoloaded through get_fs_type()), its context and tree, a vfsmount. */
  private create(source: string | null, fstype: string, flags: number, data: string): number {
    const k = this.k;
    // mount(2) copies at most a page of data.
    const mnt = this.withStrings([fstype, source ?? '', data.slice(0, 4095)], 0, ([t, s, d]) =>
      k.run('mount', () => k.vm.lkm_mount(t!, source === null ? 0 : s!, flags >>> 0, data ? d! : 0)) >>> 0);
    if (isErrPtr(mnt)) throw new KernelError(-(mnt | 0));
    return mnt;
  }

  /** Attaches a new mount, or gives it back when the mount point is not a directory (graft_tree()). */
  private graft(vfsmnt: number, target: string, fstype: string, type: TargetType): void {
    if (type !== 'dir') {
      const k = this.k;
      k.run('umount', () => k.vm.lkm_umount(vfsmnt, 0));
      throw new KernelError(ENOTDIR);
    }
    this.attach(vfsmnt, target, fstype);
  }

  private attach(vfsmnt: number, target: string, fstype: string): void {
    const view = Object.prototype.hasOwnProperty.call(VIEW_ROOTS, fstype) ? VIEW_ROOTS[fstype] : undefined;
    this.table.push({ target, fstype, vfsmnt, view });
    this.changed();
  }

  /**
   * Runs `fn` with `extra` zeroed bytes (a result buffer) and the strings, NUL-terminated, in kernel
   * memory; frees them after.
   */
  private withStrings<T>(strs: string[], extra: number, fn: (ptrs: number[], extraPtr: number) => T): T {
    const enc = new TextEncoder();
    const bytes = strs.map((s) => enc.encode(s));
    const k = this.k;
    const base = k.vm.lkm_region_alloc(extra + bytes.reduce((n, b) => n + b.length + 1, 0) + 16, 16);
    try {
      const ptrs: number[] = [];
      let at = base + extra;
      for (const b of bytes) {
        ptrs.push(at);
        k.mem.u8.set(b, at);
        k.mem.u8[at + b.length] = 0;
        at += b.length + 1;
      }
      return fn(ptrs, base);
    } finally {
      k.vm.lkm_region_free(base);
    }
  }
}
