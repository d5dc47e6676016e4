// A backing store: ordinary files, directories and symbolic links under one mount point. Paths given to a
// backing are normalised and relative to its mount ("/" is the mount point itself). A backing never
// follows a symbolic link itself: the Vfs resolves every path component first (inside the emulated root)
// and hands the backing paths whose components are no links; `stat` of a link is the link itself.

export interface Stat {
  /** 'symlink' only from a backing's (and the Vfs's) lstat. */
  type: 'file' | 'dir' | 'symlink';
  size: number;
  /** Modification time in milliseconds (depmod -A compares them). */
  mtimeMs: number;
  /** A device node (under /dev): its type, number and permission bits. */
  rdev?: { type: 'c' | 'b'; major: number; minor: number; mode: number };
  /** Permission bits, when the store has them (host files, chmod, mounted file systems); else ls -l assumes 0644/0755. */
  mode?: number;
  /** Hard links to a file, when the store counts them (ls -l assumes 1). */
  nlink?: number;
}

export interface Backing {
  /** `signal` interrupts a read that sleeps (a kernel file system's device read): EINTR. */
  readFile(path: string, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
  /**
   * Synchronous read, for bulk readers (depmod reads thousands of small files; one synchronous read
   * costs a fraction of an asynchronous one in Node). Optional.
   */
  readFileSync?(path: string): Uint8Array;
  /** Up to `count` bytes after `offset`, when the store reads parts (a kernel's devices). Optional. */
  readRange?(path: string, count: number, offset: number, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
  /** Creates or replaces a file; the parent directory must exist. */
  writeFile(path: string, data: Uint8Array, opts?: { signal?: AbortSignal }): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /** readdir with each entry's type, when the store knows it without a stat per entry. */
  readdirTypes?(path: string): Promise<{ name: string; type: 'file' | 'dir' | 'symlink' | undefined }[]>;
  stat(path: string): Promise<Stat | undefined>;
  /** stat without waiting (mount(2) checks its mount point with it). Optional. */
  statSync?(path: string): Stat | undefined;
  /** mkdir -p. */
  mkdir(path: string): Promise<void>;
  /** rename(2): atomic replacement of `to` inside one backing. */
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /**
   * Symbolic links (a store without them has none of these). lstat: the entry itself, a link as
   * 'symlink' (size: the length of its target text); readlink: the target text as written.
   */
  lstat?(path: string): Promise<Stat | undefined>;
  lstatSync?(path: string): Stat | undefined;
  readlink?(path: string): Promise<string>;
  /** readlink(2) of a store that resolves its own links (a kernel's view: no lstat, links followed inside). */
  kernelReadlink?(path: string): Promise<string>;
  readlinkSync?(path: string): string;
  /** symlink(2): a new link at `path` whose text is `target` (EEXIST when `path` exists). */
  symlink?(target: string, path: string): Promise<void>;
  /** link(2): a second name for the file at `existing` (inside this store). */
  link?(existing: string, path: string): Promise<void>;
  /** rmdir(2): removes an empty directory. */
  rmdir?(path: string): Promise<void>;
  /** chmod(2) of the entry at `path` (permission bits, 0o7777); stat then reports them as `mode`. */
  chmod?(path: string, mode: number): Promise<void>;
  /** The host file that holds `path`, when the store is a host directory and the file is there (Node). */
  hostFile?(path: string): string | undefined;
  /** True when writes are refused (EROFS). */
  readonly readOnly?: boolean;
}
