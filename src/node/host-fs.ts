// A host directory as a backing store of the emulated file system (src/vfs): `--root DIR` as "/",
// `--modules DIR` as /lib/modules/<release>. A read-only host directory (the host's own "/" when no
// --root is given) is shown as it is, and writes land in a memory overlay, so a session never changes
// the host outside the directories it was given. Paths arrive normalised, so `..` cannot climb out.

import { promises as fsp, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Backing, Stat } from '../vfs/backing.js';
import { FsError, fsError } from '../vfs/errors.js';
import { MemoryBacking } from '../vfs/memory.js';
import { basename, dirname, normalizePath } from '../vfs/path.js';
import { errnoByName } from '../kernel/errno.js';

export class HostBacking implements Backing {
  private readonly overlay = new MemoryBacking();
  /** Overlay paths that hide a host file (removed or renamed away in a read-only session). */
  private readonly whiteouts = new Set<string>();

  /** `writable`: writes go to the host directory; otherwise to memory. */
  constructor(readonly dir: string, readonly writable: boolean) {}

  hostPath(path: string): string {
    return join(this.dir, normalizePath(path));
  }

  hostFile(path: string): string | undefined {
    const p = normalizePath(path);
    if (!this.writable) {
      if (this.whiteouts.has(p)) return undefined;
      try { this.overlay.readFileSync(p); return undefined; } catch { /* not in the overlay */ }
    }
    return this.hostPath(p);
  }

  private async inOverlay(p: string): Promise<Stat | undefined> {
    return this.writable ? undefined : this.overlay.stat(p);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const p = normalizePath(path);
    if (!this.writable) {
      if ((await this.overlay.stat(p))?.type === 'file') return this.overlay.readFile(p);
      if (this.whiteouts.has(p)) throw fsError('ENOENT', p);
    }
    try {
      const b = await fsp.readFile(this.hostPath(p));
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  readFileSync(path: string): Uint8Array {
    const p = normalizePath(path);
    if (!this.writable) {
      try { return this.overlay.readFileSync(p); } catch { /* not in the overlay */ }
      if (this.whiteouts.has(p)) throw fsError('ENOENT', p);
    }
    try {
      const b = readFileSync(this.hostPath(p));
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const p = normalizePath(path);
    if (!this.writable) {
      await this.overlay.mkdir(dirname(p));
      this.whiteouts.delete(p);
      return this.overlay.writeFile(p, data);
    }
    try {
      await fsp.writeFile(this.hostPath(p), data);
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  async readdir(path: string): Promise<string[]> {
    const p = normalizePath(path);
    const names = new Set<string>();
    let found = false;
    try {
      for (const n of await fsp.readdir(this.hostPath(p))) names.add(n);
      found = true;
    } catch (e) {
      if (this.writable) throw asFsError(e, p);
    }
    if (!this.writable && (await this.overlay.stat(p))?.type === 'dir') {
      for (const n of await this.overlay.readdir(p)) names.add(n);
      found = true;
    }
    if (!found) throw fsError('ENOENT', p);
    for (const w of this.whiteouts) if (dirname(w) === p) names.delete(basename(w));
    return [...names].sort();
  }

  async readdirTypes(path: string): Promise<{ name: string; type: 'file' | 'dir' | undefined }[]> {
    if (!this.writable) {
      const names = await this.readdir(path);
      return Promise.all(names.map(async (name) => ({ name, type: (await this.stat(`${normalizePath(path)}/${name}`))?.type })));
    }
    const p = normalizePath(path);
    // Synchronous on purpose: a tree walk (depmod over thousands of directories) pays one thread-pool
    // round trip per directory otherwise, and a readdir of one directory is quick.
    try {
      const out = readdirSync(this.hostPath(p), { withFileTypes: true }).map((e) => {
        let type: 'file' | 'dir' | undefined = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : undefined;
        if (e.isSymbolicLink()) {
          try {
            const st = statSync(join(this.hostPath(p), e.name));
            type = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
          } catch { type = undefined; }
        }
        return { name: e.name, type };
      });
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  async stat(path: string): Promise<Stat | undefined> {
    const p = normalizePath(path);
    const o = await this.inOverlay(p);
    if (o?.type === 'file') return o;
    if (this.whiteouts.has(p)) return undefined;
    try {
      const st = await fsp.stat(this.hostPath(p));
      return { type: st.isDirectory() ? 'dir' : 'file', size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      return o;
    }
  }

  statSync(path: string): Stat | undefined {
    const p = normalizePath(path);
    const o = this.writable ? undefined : this.overlay.statSync(p);
    if (o?.type === 'file') return o;
    if (this.whiteouts.has(p)) return undefined;
    try {
      const st = statSync(this.hostPath(p));
      return { type: st.isDirectory() ? 'dir' : 'file', size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      return o;
    }
  }

  async mkdir(path: string): Promise<void> {
    const p = normalizePath(path);
    if (!this.writable) return this.overlay.mkdir(p);
    try {
      await fsp.mkdir(this.hostPath(p), { recursive: true });
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const f = normalizePath(from);
    const t = normalizePath(to);
    if (this.writable) {
      try {
        await fsp.rename(this.hostPath(f), this.hostPath(t));
      } catch (e) {
        throw asFsError(e, f);
      }
      return;
    }
    const data = await this.readFile(f);
    await this.writeFile(t, data);
    await this.unlink(f);
  }

  async unlink(path: string): Promise<void> {
    const p = normalizePath(path);
    if (this.writable) {
      try {
        await fsp.unlink(this.hostPath(p));
      } catch (e) {
        throw asFsError(e, p);
      }
      return;
    }
    const inOverlay = (await this.overlay.stat(p))?.type === 'file';
    if (inOverlay) await this.overlay.unlink(p);
    const onHost = await fsp.stat(this.hostPath(p)).then(() => true, () => false);
    if (!inOverlay && !onHost) throw fsError('ENOENT', p);
    if (onHost) this.whiteouts.add(p);
  }
}

function asFsError(e: unknown, path: string): FsError {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  return new FsError(code, errnoByName(code) ?? 5, path);
}
