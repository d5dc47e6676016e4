// An in-memory tree: the browser's file system, test fixtures, /dev, and the overlay that keeps a
// read-only host root unchanged. Files, directories and symbolic links (followed by the Vfs, not here);
// a file can have several names (hard links share its node).

import type { Backing, Stat } from './backing.js';
import { fsError } from './errors.js';
import { basename, dirname, normalizePath } from './path.js';

interface Node {
  data?: Uint8Array;
  children?: Map<string, Node>;
  /** A symbolic link's target text. */
  link?: string;
  mtimeMs: number;
  /** Names of a file (hard links). */
  nlink?: number;
  /** Permission bits set by chmod (none: the defaults ls assumes). */
  mode?: number;
}

const enc = new TextEncoder();

export class MemoryBacking implements Backing {
  private readonly root: Node = { children: new Map(), mtimeMs: 0 };
  private clock = 0;

  /** Files to start with: path → content (string or bytes); parent directories are created. */
  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [p, c] of Object.entries(files)) this.putSync(p, c);
  }

  /** Modification times increase with every write, so "newer than" is well defined without a clock. */
  private tick(): number {
    this.clock = Math.max(this.clock + 1, Date.now());
    return this.clock;
  }

  private node(path: string): Node | undefined {
    let n: Node | undefined = this.root;
    for (const seg of normalizePath(path).split('/').filter(Boolean)) {
      n = n?.children?.get(seg);
      if (!n) return undefined;
    }
    return n;
  }

  private dirNode(path: string, create: boolean): Node {
    let n = this.root;
    for (const seg of normalizePath(path).split('/').filter(Boolean)) {
      if (!n.children) throw fsError('ENOTDIR', path);
      let c = n.children.get(seg);
      if (!c) {
        if (!create) throw fsError('ENOENT', path);
        c = { children: new Map(), mtimeMs: this.tick() };
        n.children.set(seg, c);
      }
      n = c;
    }
    if (!n.children) throw fsError(n.link === undefined || create ? 'ENOTDIR' : 'ENOENT', path);
    return n;
  }

  /** Synchronous write with mkdir -p, for building fixtures. */
  putSync(path: string, content: string | Uint8Array): void {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), true);
    const data = typeof content === 'string' ? enc.encode(content) : content;
    dir.children!.set(basename(p), { data, mtimeMs: this.tick() });
  }

  /** Synchronous symlink with mkdir -p, for building fixtures. */
  symlinkSync(target: string, path: string): void {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), true);
    if (dir.children!.has(basename(p))) throw fsError('EEXIST', path);
    dir.children!.set(basename(p), { link: target, mtimeMs: this.tick() });
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.readFileSync(path);
  }

  readFileSync(path: string): Uint8Array {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    if (n.link !== undefined) throw fsError('ELOOP', path);
    if (!n.data) throw fsError('EISDIR', path);
    return n.data;
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), false);
    const old = dir.children!.get(basename(p));
    if (old?.children) throw fsError('EISDIR', path);
    if (old?.link !== undefined) throw fsError('ELOOP', path);
    // The same node: every hard link to it sees the new content.
    if (old) {
      old.data = data;
      old.mtimeMs = this.tick();
    } else dir.children!.set(basename(p), { data, mtimeMs: this.tick() });
  }

  async readdir(path: string): Promise<string[]> {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    if (!n.children) throw fsError('ENOTDIR', path);
    return [...n.children.keys()].sort();
  }

  async readdirTypes(path: string): Promise<{ name: string; type: 'file' | 'dir' | 'symlink' | undefined }[]> {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    if (!n.children) throw fsError('ENOTDIR', path);
    return [...n.children.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, c]) => ({ name, type: c.children ? 'dir' as const : c.link !== undefined ? 'symlink' as const : 'file' as const }));
  }

  async stat(path: string): Promise<Stat | undefined> {
    return this.statSync(path);
  }

  statSync(path: string): Stat | undefined {
    const n = this.node(path);
    if (!n) return undefined;
    const mode = n.mode === undefined ? {} : { mode: n.mode };
    if (n.children) return { type: 'dir', size: 0, mtimeMs: n.mtimeMs, ...mode };
    if (n.link !== undefined) return { type: 'symlink', size: enc.encode(n.link).length, mtimeMs: n.mtimeMs };
    return { type: 'file', size: n.data!.length, mtimeMs: n.mtimeMs, ...(n.nlink && n.nlink > 1 ? { nlink: n.nlink } : {}), ...mode };
  }

  async lstat(path: string): Promise<Stat | undefined> {
    return this.statSync(path);
  }

  lstatSync(path: string): Stat | undefined {
    return this.statSync(path);
  }

  async readlink(path: string): Promise<string> {
    return this.readlinkSync(path);
  }

  readlinkSync(path: string): string {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    if (n.link === undefined) throw fsError('EINVAL', path);
    return n.link;
  }

  async symlink(target: string, path: string): Promise<void> {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), false);
    if (dir.children!.has(basename(p))) throw fsError('EEXIST', path);
    dir.children!.set(basename(p), { link: target, mtimeMs: this.tick() });
  }

  async link(existing: string, path: string): Promise<void> {
    const n = this.node(existing);
    if (!n) throw fsError('ENOENT', existing);
    if (n.children) throw fsError('EPERM', existing);
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), false);
    if (dir.children!.has(basename(p))) throw fsError('EEXIST', path);
    if (n.link === undefined) n.nlink = (n.nlink ?? 1) + 1;
    dir.children!.set(basename(p), n);
  }

  async mkdir(path: string): Promise<void> {
    this.dirNode(path, true);
  }

  async chmod(path: string, mode: number): Promise<void> {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    n.mode = mode & 0o7777;
  }

  async rmdir(path: string): Promise<void> {
    const p = normalizePath(path);
    if (p === '/') throw fsError('EBUSY', path);
    const dir = this.dirNode(dirname(p), false);
    const n = dir.children!.get(basename(p));
    if (!n) throw fsError('ENOENT', path);
    if (!n.children) throw fsError('ENOTDIR', path);
    if (n.children.size > 0) throw fsError('ENOTEMPTY', path);
    dir.children!.delete(basename(p));
  }

  async rename(from: string, to: string): Promise<void> {
    const f = normalizePath(from);
    const src = this.dirNode(dirname(f), false);
    const n = src.children!.get(basename(f));
    if (!n) throw fsError('ENOENT', from);
    const t = normalizePath(to);
    const dst = this.dirNode(dirname(t), false);
    const old = dst.children!.get(basename(t));
    if (old === n) return;
    src.children!.delete(basename(f));
    if (old?.nlink) old.nlink--;
    dst.children!.set(basename(t), n);
  }

  async unlink(path: string): Promise<void> {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), false);
    const n = dir.children!.get(basename(p));
    if (!n) throw fsError('ENOENT', path);
    if (n.children) throw fsError('EISDIR', path);
    if (n.nlink) n.nlink--;
    dir.children!.delete(basename(p));
  }
}
