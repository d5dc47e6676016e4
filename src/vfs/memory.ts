// An in-memory tree: the browser's file system, test fixtures, /dev, and the overlay that keeps a
// read-only host root unchanged.

import type { Backing, Stat } from './backing.js';
import { fsError } from './errors.js';
import { basename, dirname, normalizePath } from './path.js';

interface Node { data?: Uint8Array; children?: Map<string, Node>; mtimeMs: number; }

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
    if (!n.children) throw fsError('ENOTDIR', path);
    return n;
  }

  /** Synchronous write with mkdir -p, for building fixtures. */
  putSync(path: string, content: string | Uint8Array): void {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), true);
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    dir.children!.set(basename(p), { data, mtimeMs: this.tick() });
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.readFileSync(path);
  }

  readFileSync(path: string): Uint8Array {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    if (!n.data) throw fsError('EISDIR', path);
    return n.data;
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), false);
    const old = dir.children!.get(basename(p));
    if (old?.children) throw fsError('EISDIR', path);
    dir.children!.set(basename(p), { data, mtimeMs: this.tick() });
  }

  async readdir(path: string): Promise<string[]> {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    if (!n.children) throw fsError('ENOTDIR', path);
    return [...n.children.keys()].sort();
  }

  async readdirTypes(path: string): Promise<{ name: string; type: 'file' | 'dir' | undefined }[]> {
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', path);
    if (!n.children) throw fsError('ENOTDIR', path);
    return [...n.children.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, c]) => ({ name, type: c.children ? 'dir' as const : 'file' as const }));
  }

  async stat(path: string): Promise<Stat | undefined> {
    return this.statSync(path);
  }

  statSync(path: string): Stat | undefined {
    const n = this.node(path);
    if (!n) return undefined;
    return n.children
      ? { type: 'dir', size: 0, mtimeMs: n.mtimeMs }
      : { type: 'file', size: n.data!.length, mtimeMs: n.mtimeMs };
  }

  async mkdir(path: string): Promise<void> {
    this.dirNode(path, true);
  }

  async rename(from: string, to: string): Promise<void> {
    const f = normalizePath(from);
    const src = this.dirNode(dirname(f), false);
    const n = src.children!.get(basename(f));
    if (!n) throw fsError('ENOENT', from);
    const t = normalizePath(to);
    const dst = this.dirNode(dirname(t), false);
    src.children!.delete(basename(f));
    dst.children!.set(basename(t), n);
  }

  async unlink(path: string): Promise<void> {
    const p = normalizePath(path);
    const dir = this.dirNode(dirname(p), false);
    const n = dir.children!.get(basename(p));
    if (!n) throw fsError('ENOENT', path);
    if (n.children) throw fsError('EISDIR', path);
    dir.children!.delete(basename(p));
  }
}
