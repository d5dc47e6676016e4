// The emulated file system's backing store in Node: a host directory as "/", with other host
// directories mounted over parts of it (the build's module tree at /lib/modules/<release>).
// Without --root the host's own "/" is visible read-only and writes land in memory, so a session
// never changes the host outside the directory it was given.

import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { FsError, normalizePath, type Backing, type Stat } from '../shell/fs.js';

export interface Mount { at: string; dir: string; }

export class HostBacking implements Backing {
  private overlay = new Map<string, Uint8Array>();

  constructor(readonly root: string, readonly writable: boolean, readonly mounts: Mount[] = []) {}

  /** Host path for an emulated path (already normalized, so it cannot climb out of its mount). */
  hostPath(path: string): string {
    const p = normalizePath(path);
    for (const m of this.mounts) {
      if (p === m.at || p.startsWith(`${m.at}/`)) return join(m.dir, p.slice(m.at.length));
    }
    return join(this.root, p);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const o = this.overlay.get(normalizePath(path));
    if (o) return o;
    try {
      return new Uint8Array(await fsp.readFile(this.hostPath(path)));
    } catch (e) {
      throw asFsError(e, path);
    }
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    if (!this.writable) {
      this.overlay.set(normalizePath(path), data);
      return;
    }
    try {
      await fsp.writeFile(this.hostPath(path), data);
    } catch (e) {
      throw asFsError(e, path);
    }
  }

  async readdir(path: string): Promise<string[]> {
    const p = normalizePath(path);
    const names = new Set<string>();
    try {
      for (const n of await fsp.readdir(this.hostPath(p))) names.add(n);
    } catch (e) {
      if (!this.mounts.some((m) => m.at.startsWith(`${p === '/' ? '' : p}/`))) throw asFsError(e, path);
    }
    // Mount points and overlay files show up in their parent directory.
    for (const m of this.mounts) {
      const rest = p === '/' ? m.at.slice(1) : m.at.startsWith(`${p}/`) ? m.at.slice(p.length + 1) : undefined;
      if (rest) names.add(rest.split('/')[0]!);
    }
    for (const f of this.overlay.keys()) {
      const dir = f.slice(0, f.lastIndexOf('/')) || '/';
      if (dir === p) names.add(f.slice(f.lastIndexOf('/') + 1));
    }
    return [...names].sort();
  }

  async stat(path: string): Promise<Stat | undefined> {
    const p = normalizePath(path);
    if (this.overlay.has(p)) return { type: 'file' };
    if (this.mounts.some((m) => m.at.startsWith(`${p === '/' ? '' : p}/`))) return { type: 'dir' };
    try {
      const st = await fsp.stat(this.hostPath(p));
      return { type: st.isDirectory() ? 'dir' : 'file' };
    } catch {
      return undefined;
    }
  }
}

function asFsError(e: unknown, path: string): FsError {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  const errno = { ENOENT: 2, EACCES: 13, EISDIR: 21, ENOTDIR: 20, EEXIST: 17, EROFS: 30 }[code] ?? 5;
  return new FsError(code, errno, path);
}
