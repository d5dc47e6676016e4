// A host directory as a backing store of the emulated file system (src/vfs): `--root DIR` as "/",
// `--modules DIR` as /lib/modules/<release>. A read-only host directory (the host's own "/" when no
// --root is given) is shown as it is, and writes land in a memory overlay, so a session never changes
// the host outside the directories it was given. Paths arrive normalised, so `..` cannot climb out.
//
// Symbolic links in the host directory are links of the emulated file system: lstat and readlink show
// them and the Vfs resolves them inside the emulated root (an absolute target is the emulated root's,
// never the host's), so every path that reaches the host calls below has no link in it. A link made in a
// writable directory is a real host link with the same target text; in a read-only one, it is kept in
// the memory overlay like any other write.

import { promises as fsp, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Backing, Stat } from './backing.js';
import { FsError, fsError } from './errors.js';
import { MemoryBacking } from './memory.js';
import { basename, dirname, normalizePath } from './path.js';
import { errnoByName } from '../kernel/errno.js';

export class HostBacking implements Backing {
  private readonly overlay = new MemoryBacking();
  /** Overlay paths that hide a host file (removed or renamed away in a read-only session). */
  private readonly whiteouts = new Set<string>();
  /** Modes chmod gave host entries in this session (a writable directory's files get them on the host too). */
  private readonly modes = new Map<string, number>();

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

  /** The overlay's own entry at `p` when it hides the host's (a file or a link written in this session). */
  private overlayEntry(p: string): Stat | undefined {
    if (this.writable) return undefined;
    const o = this.overlay.lstatSync(p);
    return o && o.type !== 'dir' ? o : undefined;
  }

  lstatSync(path: string): Stat | undefined {
    const p = normalizePath(path);
    const o = this.overlayEntry(p);
    if (o) return o;
    if (this.whiteouts.has(p)) return undefined;
    try {
      return this.withMode(p, hostStat(lstatSync(this.hostPath(p))));
    } catch {
      const o = this.writable ? undefined : this.overlay.lstatSync(p);
      return o && this.withMode(p, o);
    }
  }

  async lstat(path: string): Promise<Stat | undefined> {
    return this.lstatSync(path);
  }

  readlinkSync(path: string): string {
    const p = normalizePath(path);
    if (this.overlayEntry(p)) return this.overlay.readlinkSync(p);
    if (this.whiteouts.has(p)) throw fsError('ENOENT', p);
    try {
      return readlinkSync(this.hostPath(p), 'utf8');
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  async readlink(path: string): Promise<string> {
    return this.readlinkSync(path);
  }

  async symlink(target: string, path: string): Promise<void> {
    const p = normalizePath(path);
    if (!this.writable) {
      if (this.lstatSync(p)) throw fsError('EEXIST', p);
      if (this.lstatSync(dirname(p))?.type !== 'dir') throw fsError('ENOENT', p);
      await this.overlay.mkdir(dirname(p));
      this.whiteouts.delete(p);
      return this.overlay.symlink(target, p);
    }
    try {
      await fsp.symlink(target, this.hostPath(p));
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  async link(existing: string, path: string): Promise<void> {
    const e = normalizePath(existing);
    const p = normalizePath(path);
    // A read-only host's files cannot get a second name in memory that stays the same file.
    if (!this.writable) throw fsError('EPERM', p);
    try {
      await fsp.link(this.hostPath(e), this.hostPath(p));
    } catch (err) {
      throw asFsError(err, p);
    }
  }

  async rmdir(path: string): Promise<void> {
    const p = normalizePath(path);
    if (this.writable) {
      try {
        await fsp.rmdir(this.hostPath(p));
      } catch (e) {
        throw asFsError(e, p);
      }
      return;
    }
    if ((await this.readdir(p)).length > 0) throw fsError('ENOTEMPTY', p);
    if (this.overlay.statSync(p)?.type === 'dir') await this.overlay.rmdir(p);
    if (await fsp.lstat(this.hostPath(p)).then(() => true, () => false)) this.whiteouts.add(p);
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

  async readdirTypes(path: string): Promise<{ name: string; type: 'file' | 'dir' | 'symlink' | undefined }[]> {
    if (!this.writable) {
      const names = await this.readdir(path);
      return names.map((name) => ({ name, type: this.lstatSync(`${normalizePath(path)}/${name}`)?.type }));
    }
    const p = normalizePath(path);
    // Synchronous on purpose: a tree walk (depmod over thousands of directories) pays one thread-pool
    // round trip per directory otherwise, and a readdir of one directory is quick.
    try {
      // A link is reported as one: the Vfs follows it inside the emulated root.
      const out = readdirSync(this.hostPath(p), { withFileTypes: true }).map((e) => ({
        name: e.name,
        type: e.isDirectory() ? 'dir' as const : e.isFile() ? 'file' as const : e.isSymbolicLink() ? 'symlink' as const : undefined,
      }));
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      throw asFsError(e, p);
    }
  }

  /** The entry at `p` (the Vfs resolved the links on the way; one at the end is itself, as lstat). */
  async stat(path: string): Promise<Stat | undefined> {
    const p = normalizePath(path);
    const o = await this.inOverlay(p);
    if (o && o.type !== 'dir') return o;
    if (this.whiteouts.has(p)) return undefined;
    try {
      return this.withMode(p, hostStat(await fsp.lstat(this.hostPath(p))));
    } catch {
      return o && this.withMode(p, o);
    }
  }

  statSync(path: string): Stat | undefined {
    return this.lstatSync(path);
  }

  private withMode(p: string, st: Stat): Stat {
    const mode = this.modes.get(p);
    return mode === undefined || st.type === 'symlink' ? st : { ...st, mode };
  }

  async chmod(path: string, mode: number): Promise<void> {
    const p = normalizePath(path);
    // A file written in this session keeps its mode in the overlay; directories and host files here.
    if (this.overlayEntry(p)) return this.overlay.chmod(p, mode);
    if (!this.lstatSync(p)) throw fsError('ENOENT', p);
    if (this.writable) {
      try {
        await fsp.chmod(this.hostPath(p), mode);
      } catch (e) {
        throw asFsError(e, p);
      }
    }
    this.modes.set(p, mode & 0o7777);
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
    const mode = this.modes.get(f);
    this.modes.delete(t);
    if (mode !== undefined) this.modes.set(t, mode);
    if (this.writable) {
      try {
        await fsp.rename(this.hostPath(f), this.hostPath(t));
      } catch (e) {
        throw asFsError(e, f);
      }
      return;
    }
    const st = this.lstatSync(f);
    if (!st) throw fsError('ENOENT', f);
    if (st.type === 'symlink') {
      const target = this.readlinkSync(f);
      if (this.lstatSync(t)) await this.unlink(t);
      await this.symlink(target, t);
    } else {
      const data = await this.readFile(f);
      if (this.lstatSync(t)?.type === 'symlink') await this.unlink(t);
      await this.writeFile(t, data);
    }
    await this.unlink(f);
  }

  async unlink(path: string): Promise<void> {
    const p = normalizePath(path);
    this.modes.delete(p);
    if (this.writable) {
      try {
        await fsp.unlink(this.hostPath(p));
      } catch (e) {
        throw asFsError(e, p);
      }
      return;
    }
    const inOverlay = this.overlayEntry(p) !== undefined;
    if (inOverlay) await this.overlay.unlink(p);
    else if (this.lstatSync(p)?.type === 'dir') throw fsError('EISDIR', p);
    const onHost = !this.whiteouts.has(p) && await fsp.lstat(this.hostPath(p)).then(() => true, () => false);
    if (!inOverlay && !onHost) throw fsError('ENOENT', p);
    if (onHost) this.whiteouts.add(p);
  }
}

/**
 * A host lstat as the emulated file system's Stat (a link's size is the length of its target text; the
 * permission bits are the host file's, so ls -l and test -x see an executable as one).
 */
function hostStat(st: Stats): Stat {
  return {
    type: st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'file', size: st.size, mtimeMs: st.mtimeMs,
    ...(st.nlink > 1 && !st.isDirectory() ? { nlink: st.nlink } : {}),
    ...(st.isSymbolicLink() ? {} : { mode: st.mode & 0o7777 }),
  };
}

function asFsError(e: unknown, path: string): FsError {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  return new FsError(code, errnoByName(code) ?? 5, path);
}
