// The syscall layer for a kernel in the same thread: /dev through the kernel's file API (`k.open`), /proc
// and /sys through the kernel's live views (content generated on each open, each write() a store), every
// other path through the VFS. Plain TypeScript (browser and Node).
//
// The VFS is asynchronous and a wasm program is not: ordinary files are read with the VFS's synchronous
// read (memory and host stores have one), written into a per-run overlay that later opens see, and written
// back when the program has ended (sync()). Directory listings of the VFS must be fetched before the run
// (prefetch(): the cwd and "/" by default). A kernel in a worker lifts these limits (docs/user-programs.md).

import type { Vfs } from '../vfs/vfs.js';
import {
  errnoName, pollNow, O_ACCMODE_MASK, O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_TRUNC, O_WRONLY, UserError,
  type DirEntry, type FileType, type KernelFile, type UserFile, type UserMemory, type UserStat, type UserSystem,
} from './system.js';

/** What the syscall layer needs of a kernel (Kernel implements it; `open` once its file API lands). */
export interface KernelLike {
  readFile(path: string): string;
  writeFile(path: string, data: string): void;
  readdir(path: string): string[];
  open?(path: string, flags: number): KernelFile;
  /** Where file systems are mounted (mount(2)): paths below them are the kernel's. */
  mountPoints?(): string[];
}

export interface KernelSystemOptions {
  kernel?: KernelLike;
  vfs?: Vfs;
  /** Opens device nodes (default: the kernel's `open`). Return undefined to fall through to the kernel/VFS. */
  devices?: (path: string, flags: number) => KernelFile | undefined;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

const within = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);
const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

/** A file whose content is a byte array (a /proc snapshot or an ordinary file), with a position. */
class BufferFile implements UserFile {
  pos = 0;
  private len: number;
  constructor(
    private data: Uint8Array,
    private readonly flags: number,
    /** Called after each write with the whole content and the bytes written. */
    private readonly onWrite: (content: Uint8Array, written: Uint8Array) => void,
    private readonly type: FileType = 'file',
  ) {
    this.len = data.length;
  }

  readInto(mem: UserMemory, ptr: number, count: number): number {
    if ((this.flags & O_ACCMODE_MASK) === O_WRONLY) throw new UserError('EBADF');
    const n = Math.max(0, Math.min(count, this.len - this.pos));
    if (n > 0) mem.view().set(this.data.subarray(this.pos, this.pos + n), ptr);
    this.pos += n;
    return n;
  }

  writeFrom(mem: UserMemory, ptr: number, count: number): number {
    if ((this.flags & O_ACCMODE_MASK) === 0) throw new UserError('EBADF');
    const bytes = mem.view().slice(ptr, ptr + count);
    if (this.flags & O_APPEND) this.pos = this.len;
    const end = this.pos + bytes.length;
    if (end > this.data.length) {
      // Grow by doubling (copy on first write too: the content may be shared with the store).
      const next = new Uint8Array(Math.max(end, this.data.length * 2, 256));
      next.set(this.data.subarray(0, this.len));
      this.data = next;
    }
    this.data.set(bytes, this.pos);
    this.len = Math.max(this.len, end);
    this.pos = end;
    this.onWrite(this.data.subarray(0, this.len), bytes);
    return bytes.length;
  }

  ioctl(): number { throw new UserError('ENOTTY'); }

  lseek(offset: number, whence: 0 | 1 | 2): number {
    const base = whence === 0 ? 0 : whence === 1 ? this.pos : this.len;
    const p = base + offset;
    if (p < 0) throw new UserError('EINVAL');
    this.pos = p;
    return p;
  }

  close(): void {}

  stat(): UserStat { return { type: this.type, size: this.len }; }
}

export class KernelSystem implements UserSystem {
  /** Ordinary files written during the run (path → content), written back by sync(). */
  private readonly overlay = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly dirs = new Map<string, DirEntry[]>();

  constructor(private readonly opts: KernelSystemOptions) {}

  private get kernel(): KernelLike | undefined { return this.opts.kernel; }

  private isKernelPath(p: string): boolean {
    return this.kernel !== undefined && (within(p, '/proc') || within(p, '/sys') || within(p, '/dev') ||
      (this.kernel.mountPoints?.() ?? []).some((d) => within(p, d)));
  }

  private device(p: string, flags: number): KernelFile | undefined {
    if (!within(p, '/dev') || p === '/dev') return undefined;
    const f = this.opts.devices?.(p, flags);
    if (f) return f;
    if (this.kernel?.open) return this.kernel.open(p, flags);
    return undefined;
  }

  /** poll(2) in-thread: the masks now; nothing could wake a wait on this thread, so one that would wait is EINTR. */
  poll(files: UserFile[], events: number[], timeoutMs: number): number[] {
    const masks = files.map((f, i) => pollNow(f, events[i]!));
    if (timeoutMs !== 0 && masks.every((m) => m === 0)) throw new UserError('EINTR');
    return masks;
  }

  /** Reads directory listings of the VFS ahead of the run (the program's synchronous readdir/stat use them). */
  async prefetch(paths: string[]): Promise<void> {
    const vfs = this.opts.vfs;
    if (!vfs) return;
    for (const p of paths) {
      if (this.isKernelPath(p) || this.dirs.has(p)) continue;
      try {
        const entries = await vfs.readdirTypes(p);
        this.dirs.set(p, entries.map((e) => ({ name: e.name, type: e.type })));
      } catch { /* not a directory */ }
    }
  }

  private readOrdinary(p: string): Uint8Array {
    const o = this.overlay.get(p);
    if (o) return o;
    if (this.removed.has(p)) throw new UserError('ENOENT');
    const vfs = this.opts.vfs;
    if (!vfs) throw new UserError('ENOENT');
    if (this.dirs.has(p)) throw new UserError('EISDIR');
    const b = vfs.readFileSync(p);
    if (!b) throw new UserError('EIO', `${p}: the file system cannot be read synchronously`);
    return b;
  }

  open(p: string, flags: number): UserFile {
    const dev = this.device(p, flags);
    if (dev) return dev;
    if (this.kernel && within(p, '/dev')) throw new UserError(p === '/dev' ? 'EISDIR' : 'ENOENT');
    if (this.isKernelPath(p)) {
      const k = this.kernel!;
      // Entries drivers made (proc_create, sysfs attributes, debugfs) run their file operations; the kernel's
      // own views (/proc/modules, /sys/module/…) are generated text.
      if (k.open) {
        try {
          return k.open(p, flags);
        } catch (e) {
          if (errnoName(e) !== 'ENOENT') throw e;
        }
      }
      if (flags & O_CREAT && flags & O_EXCL) throw new UserError('EEXIST');
      // Generated at open, like a seq_file's first read; every write() is a store (sysfs, /proc/sys).
      const content = (flags & O_ACCMODE_MASK) === O_WRONLY ? new Uint8Array(0) : enc.encode(k.readFile(p));
      return new BufferFile(content, flags, (_, written) => k.writeFile(p, dec.decode(written)));
    }
    let data: Uint8Array;
    try {
      data = this.readOrdinary(p);
      if (flags & O_CREAT && flags & O_EXCL) throw new UserError('EEXIST');
      if (flags & O_TRUNC && (flags & O_ACCMODE_MASK) !== 0) { data = new Uint8Array(0); this.store(p, data); }
    } catch (e) {
      if (errnoName(e) !== 'ENOENT' || !(flags & O_CREAT)) throw e;
      if (!this.isDir(parentOf(p))) throw new UserError('ENOENT');
      data = new Uint8Array(0);
      this.store(p, data);
    }
    return new BufferFile(data, flags, (content) => this.store(p, content));
  }

  private store(p: string, data: Uint8Array): void {
    this.overlay.set(p, data);
    this.removed.delete(p);
    const dir = this.dirs.get(parentOf(p));
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (dir && !dir.some((e) => e.name === name)) dir.push({ name, type: 'file' });
  }

  private isDir(p: string): boolean {
    try { return this.stat(p).type === 'dir'; } catch { return false; }
  }

  stat(p: string): UserStat {
    if (p === '/' || this.dirs.has(p)) return { type: 'dir', size: 0 };
    if (within(p, '/dev') && p !== '/dev' && this.opts.devices) return { type: 'chardev', size: 0 };
    if (this.isKernelPath(p)) {
      if (p === '/proc' || p === '/sys' || p === '/dev') return { type: 'dir', size: 0 };
      if (within(p, '/dev')) {
        const parent = parentOf(p);
        if (this.kernel!.readdir(parent).includes(p.slice(parent.length + 1))) {
          try {
            this.kernel!.readdir(p);
            return { type: 'dir', size: 0 };
          } catch {
            return { type: 'chardev', size: 0 };
          }
        }
        throw new UserError('ENOENT');
      }
      try {
        this.kernel!.readdir(p);
        return { type: 'dir', size: 0 };
      } catch (e) {
        if (errnoName(e) === 'ENOTDIR') return { type: 'file', size: 4096 };
        throw e;
      }
    }
    if (p === '/dev') return { type: 'dir', size: 0 };
    try {
      return { type: 'file', size: this.readOrdinary(p).length };
    } catch (e) {
      if (errnoName(e) === 'EISDIR') return { type: 'dir', size: 0 };
      throw e;
    }
  }

  readdir(p: string): DirEntry[] {
    if (this.isKernelPath(p)) return this.kernel!.readdir(p).map((name) => ({ name }));
    const d = this.dirs.get(p);
    if (d) return d.filter((e) => !this.removed.has(p === '/' ? `/${e.name}` : `${p}/${e.name}`));
    if (this.stat(p).type !== 'dir') throw new UserError('ENOTDIR');
    throw new UserError('EIO', `${p}: directory not available to the program (not prefetched)`);
  }

  mkdir(): void { throw new UserError('EROFS'); }
  rmdir(): void { throw new UserError('EROFS'); }
  rename(): void { throw new UserError('EXDEV'); }

  unlink(p: string): void {
    if (this.isKernelPath(p) || within(p, '/dev')) throw new UserError('EPERM');
    this.readOrdinary(p);
    this.overlay.delete(p);
    this.removed.add(p);
  }

  /** Writes the run's files back to the VFS. */
  async sync(): Promise<void> {
    const vfs = this.opts.vfs;
    if (!vfs) return;
    for (const [p, data] of this.overlay) await vfs.writeFile(p, data);
    for (const p of this.removed) await vfs.unlink(p).catch(() => {});
    this.overlay.clear();
    this.removed.clear();
  }
}
