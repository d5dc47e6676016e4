// WASI preview1 for a user program on @bjorn3/browser_wasi_shim: the shim provides args, environ, clocks,
// random, poll and the fd table; the files are ours (Fd subclasses over the syscall layer, UserSystem).
// fd_read/fd_write on kernel files go straight between the driver and the program's memory (readInto/
// writeFrom with the iovec pointers: the driver's copy_to_user writes into the program's buffer).

import { Fd, wasi } from '@bjorn3/browser_wasi_shim';
import { wasiErrno } from './errno.js';
import {
  errnoName, O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_NONBLOCK, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY,
  type DirEntry, type FileType, type UserFile, type UserMemory, type UserSystem,
} from './system.js';

const RIGHT_FD_READ = 1n << 1n;
const RIGHT_FD_WRITE = 1n << 6n;

const FILETYPE: Record<FileType, number> = {
  file: wasi.FILETYPE_REGULAR_FILE, dir: wasi.FILETYPE_DIRECTORY, chardev: wasi.FILETYPE_CHARACTER_DEVICE,
};

/** Thrown out of a syscall for an error that is not an errno: the process is killed (status 137). */
export class ProcessKilled extends Error {
  constructor(readonly reason: unknown) {
    super(`killed: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** Runs a syscall: an errno error becomes a WASI errno, anything else kills the process. */
export function guard<T>(fn: () => T): T | { errno: number } {
  try {
    return fn();
  } catch (e) {
    const name = errnoName(e);
    if (name) return { errno: wasiErrno(name) };
    if (e instanceof ProcessKilled) throw e;
    throw new ProcessKilled(e);
  }
}
const isErr = (v: unknown): v is { errno: number } => typeof v === 'object' && v !== null && 'errno' in v && Object.keys(v).length === 1;

/** Resolves a path relative to a directory (absolute when it starts with '/'); '.' and '..' collapsed. */
export function resolvePath(dir: string, path: string): string {
  const parts = path.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const s of path.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return `/${parts.join('/')}`;
}

let nextIno = 100n;

/** An open file of the syscall layer. */
export class FileFd extends Fd {
  readonly ino = nextIno++;
  constructor(readonly file: UserFile, readonly flags: number) { super(); }

  override fd_read(size: number): { ret: number; data: Uint8Array } {
    const buf = new Uint8Array(size);
    const mem: UserMemory = { view: () => buf };
    const r = guard(() => this.file.readInto(mem, 0, size));
    if (isErr(r)) return { ret: r.errno, data: new Uint8Array(0) };
    return { ret: 0, data: buf.subarray(0, r) };
  }

  override fd_write(data: Uint8Array): { ret: number; nwritten: number } {
    const r = guard(() => this.file.writeFrom({ view: () => data }, 0, data.length));
    if (isErr(r)) return { ret: r.errno, nwritten: 0 };
    return { ret: 0, nwritten: r };
  }

  override fd_seek(offset: bigint, whence: number): { ret: number; offset: bigint } {
    const r = guard(() => this.file.lseek(Number(offset), whence as 0 | 1 | 2));
    if (isErr(r)) return { ret: r.errno, offset: 0n };
    return { ret: 0, offset: BigInt(r) };
  }

  override fd_tell(): { ret: number; offset: bigint } { return this.fd_seek(0n, 1); }

  /** pread(2)/pwrite(2): at `offset`, the file position left where it was (ESPIPE where there is none). */
  private at<T extends { ret: number }>(offset: bigint, fn: () => T, failed: (errno: number) => T): T {
    const saved = this.fd_seek(0n, 1);
    if (saved.ret) return failed(saved.ret);
    const moved = this.fd_seek(offset, 0);
    if (moved.ret) return failed(moved.ret);
    try { return fn(); } finally { this.fd_seek(saved.offset, 0); }
  }

  override fd_pread(size: number, offset: bigint): { ret: number; data: Uint8Array } {
    return this.at(offset, () => this.fd_read(size), (ret) => ({ ret, data: new Uint8Array(0) }));
  }

  override fd_pwrite(data: Uint8Array, offset: bigint): { ret: number; nwritten: number } {
    return this.at(offset, () => this.fd_write(data), (ret) => ({ ret, nwritten: 0 }));
  }

  override fd_close(): number {
    const r = guard(() => this.file.close());
    return isErr(r) ? r.errno : 0;
  }

  private type(): { type: FileType; size: number } {
    return this.file.stat?.() ?? { type: 'chardev', size: 0 };
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    const r = guard(() => this.type());
    if (isErr(r)) return { ret: r.errno, fdstat: null };
    const st = new wasi.Fdstat(FILETYPE[r.type], this.flags & O_APPEND ? wasi.FDFLAGS_APPEND : 0);
    st.fs_rights_base = RIGHT_FD_READ | RIGHT_FD_WRITE | 0x1fffffffn;
    return { ret: 0, fdstat: st };
  }

  override fd_filestat_get(): { ret: number; filestat: wasi.Filestat | null } {
    const r = guard(() => this.type());
    if (isErr(r)) return { ret: r.errno, filestat: null };
    return { ret: 0, filestat: new wasi.Filestat(this.ino, FILETYPE[r.type], BigInt(r.size)) };
  }
}

/** An open directory (the preopened "/" and anything opened with O_DIRECTORY). */
export class DirFd extends Fd {
  private entries?: DirEntry[];
  constructor(readonly sys: UserSystem, readonly path: string, readonly preopen = false) { super(); }

  override fd_prestat_get(): { ret: number; prestat: wasi.Prestat | null } {
    if (!this.preopen) return { ret: wasi.ERRNO_BADF, prestat: null };
    return { ret: 0, prestat: wasi.Prestat.dir(this.path) };
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    const st = new wasi.Fdstat(wasi.FILETYPE_DIRECTORY, 0);
    st.fs_rights_base = 0x1fffffffn;
    st.fs_rights_inherited = 0x1fffffffn;
    return { ret: 0, fdstat: st };
  }

  override fd_filestat_get(): { ret: number; filestat: wasi.Filestat | null } {
    return { ret: 0, filestat: new wasi.Filestat(1n, wasi.FILETYPE_DIRECTORY, 0n) };
  }

  override fd_readdir_single(cookie: bigint): { ret: number; dirent: wasi.Dirent | null } {
    if (cookie === 0n) {
      const r = guard(() => this.sys.readdir(this.path));
      if (isErr(r)) return { ret: r.errno, dirent: null };
      this.entries = [{ name: '.', type: 'dir' }, { name: '..', type: 'dir' }, ...r];
    }
    const list = this.entries ?? [];
    const e = list[Number(cookie)];
    if (!e) return { ret: 0, dirent: null };
    const type = e.type ? FILETYPE[e.type] : wasi.FILETYPE_UNKNOWN;
    return { ret: 0, dirent: new wasi.Dirent(cookie + 1n, BigInt(Number(cookie) + 2), e.name, type) };
  }

  override path_filestat_get(_flags: number, path: string): { ret: number; filestat: wasi.Filestat | null } {
    const r = guard(() => this.sys.stat(resolvePath(this.path, path)));
    if (isErr(r)) return { ret: r.errno, filestat: null };
    return { ret: 0, filestat: new wasi.Filestat(3n, FILETYPE[r.type], BigInt(r.size)) };
  }

  override path_open(
    _dirflags: number, path: string, oflags: number, rights: bigint, _inheriting: bigint, fdflags: number,
  ): { ret: number; fd_obj: Fd | null } {
    const p = resolvePath(this.path, path);
    const read = (rights & RIGHT_FD_READ) !== 0n;
    const write = (rights & RIGHT_FD_WRITE) !== 0n;
    let flags = write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY;
    if (oflags & wasi.OFLAGS_CREAT) flags |= O_CREAT;
    if (oflags & wasi.OFLAGS_EXCL) flags |= O_EXCL;
    if (oflags & wasi.OFLAGS_TRUNC) flags |= O_TRUNC;
    if (fdflags & wasi.FDFLAGS_APPEND) flags |= O_APPEND;
    if (fdflags & wasi.FDFLAGS_NONBLOCK) flags |= O_NONBLOCK;
    if (oflags & wasi.OFLAGS_DIRECTORY) {
      const st = guard(() => this.sys.stat(p));
      if (isErr(st)) return { ret: st.errno, fd_obj: null };
      if (st.type !== 'dir') return { ret: wasi.ERRNO_NOTDIR, fd_obj: null };
      return { ret: 0, fd_obj: new DirFd(this.sys, p) };
    }
    // A directory opened without O_DIRECTORY (open(".", O_RDONLY), opendir's fallback).
    if (!write && !(oflags & wasi.OFLAGS_CREAT)) {
      const st = guard(() => this.sys.stat(p));
      if (!isErr(st) && st.type === 'dir') return { ret: 0, fd_obj: new DirFd(this.sys, p) };
    }
    const f = guard(() => this.sys.open(p, flags | (oflags & wasi.OFLAGS_DIRECTORY ? O_DIRECTORY : 0)));
    if (isErr(f)) return { ret: f.errno, fd_obj: null };
    return { ret: 0, fd_obj: new FileFd(f, flags) };
  }

  private simple(fn: () => void): number {
    const r = guard(fn);
    return isErr(r) ? r.errno : 0;
  }

  override path_create_directory(path: string): number { return this.simple(() => this.sys.mkdir(resolvePath(this.path, path))); }
  override path_unlink_file(path: string): number { return this.simple(() => this.sys.unlink(resolvePath(this.path, path))); }
  override path_remove_directory(path: string): number { return this.simple(() => this.sys.rmdir(resolvePath(this.path, path))); }
}

/** stdin from a string/bytes or a callback (called with the wanted size; null or empty = end of input). */
export type StdinSource = string | Uint8Array | ((max: number) => Uint8Array | string | null);

export class StdinFd extends Fd {
  private buf: Uint8Array;
  private eof = false;
  constructor(private readonly source: StdinSource | undefined) {
    super();
    this.buf = typeof source === 'string' ? new TextEncoder().encode(source) : source instanceof Uint8Array ? source : new Uint8Array(0);
    if (typeof source !== 'function') this.eof = true;
  }

  override fd_read(size: number): { ret: number; data: Uint8Array } {
    if (this.buf.length === 0 && !this.eof && typeof this.source === 'function') {
      const got = this.source(size);
      if (got === null || got.length === 0) this.eof = true;
      else this.buf = typeof got === 'string' ? new TextEncoder().encode(got) : got;
    }
    const n = Math.min(size, this.buf.length);
    const data = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return { ret: 0, data };
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    const st = new wasi.Fdstat(wasi.FILETYPE_CHARACTER_DEVICE, 0);
    st.fs_rights_base = RIGHT_FD_READ;
    return { ret: 0, fdstat: st };
  }
}

/** stdout/stderr: every write goes to the callback at once (streaming). */
export class OutputFd extends Fd {
  constructor(private readonly write: (data: Uint8Array) => void) { super(); }

  override fd_write(data: Uint8Array): { ret: number; nwritten: number } {
    this.write(data.slice());
    return { ret: 0, nwritten: data.length };
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    const st = new wasi.Fdstat(wasi.FILETYPE_CHARACTER_DEVICE, 0);
    st.fs_rights_base = RIGHT_FD_WRITE;
    return { ret: 0, fdstat: st };
  }

  override fd_filestat_get(): { ret: number; filestat: wasi.Filestat | null } {
    return { ret: 0, filestat: new wasi.Filestat(2n, wasi.FILETYPE_CHARACTER_DEVICE, 0n) };
  }
}
