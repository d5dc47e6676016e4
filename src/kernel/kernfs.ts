// The entries kernel code creates in the pseudo file systems: /proc (procfs.c), /sys (sysfs.c,
// kobject.c) and /sys/kernel/debug (debugfs.c). vmlinux keeps the trees (Linux's structures, checks
// and messages) and announces every entry through host.kernfs; this registry maps paths to those
// entries so that files.ts can list them next to the built-in views and k.open() can open them.
// When a module unloads, entries that still use its code or data are reported and removed.

import { KernelError, EISDIR, ENOENT } from './errno.js';

const ELOOP = 40;
import type { Kernel } from './kernel.js';
import { ModuleState, type Module } from './module.js';
import { KernelFile, isErrPtr, userErrno } from './file.js';
import { normalize } from './mounts.js';

export type KfKind = 'file' | 'dir' | 'link';

export interface KfNode {
  kind: KfKind;
  /** The C object: a struct proc_dir_entry (under /proc) or a struct kernfs_node. */
  node: number;
  mode: number;
  /** Symlinks: the target, absolute or relative to the link's directory. */
  target?: string;
  /** The module whose code or data the entry uses (from the hints C passed). */
  owner?: Module;
}

/** host.kernfs operations (wasm/fs/kernfs/kernfs-internal.h). */
export const KF_ADD_FILE = 0, KF_ADD_DIR = 1, KF_ADD_LINK = 2, KF_REMOVE = 3;

const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export class KernFs {
  /** path → entry. */
  readonly nodes = new Map<string, KfNode>();
  /** directory path → names of the entries in it (insertion order). */
  private readonly children = new Map<string, Set<string>>();

  constructor(private readonly k: Kernel) {}

  /** host.kernfs: an entry appeared or went (with everything below it). */
  hostOp(op: number, path: string, node: number, mode: number, hint1: number, hint2: number): number {
    if (op === KF_REMOVE) {
      this.remove(path);
      return 0;
    }
    const kind: KfKind = op === KF_ADD_DIR ? 'dir' : op === KF_ADD_LINK ? 'link' : 'file';
    const e: KfNode = { kind, node, mode };
    if (kind === 'link') e.target = this.k.mem.cstring(hint1);
    else if (kind === 'file') e.owner = this.ownerOf(hint1) ?? this.ownerOf(hint2);
    this.nodes.set(path, e);
    const dir = parentOf(path);
    let set = this.children.get(dir);
    if (!set) this.children.set(dir, (set = new Set()));
    set.add(baseOf(path));
    return 0;
  }

  private remove(path: string): void {
    this.children.get(parentOf(path))?.delete(baseOf(path));
    this.nodes.delete(path);
    const prefix = `${path}/`;
    for (const p of [...this.nodes.keys()]) if (p.startsWith(prefix)) this.nodes.delete(p);
    for (const p of [...this.children.keys()]) if (p === path || p.startsWith(prefix)) this.children.delete(p);
  }

  /** The module a data address or function pointer (table index) belongs to. */
  ownerOf(addr: number): Module | undefined {
    addr >>>= 0;
    if (!addr) return undefined;
    for (const m of this.k.modules) {
      if (m.state === ModuleState.UNFORMED) continue;
      if (addr < this.k.mem.table.length) {
        if ((addr >= m.tableBase && addr < m.tableBase + m.tableSize) || m.extraSlots.includes(addr)) return m;
      } else if (addr >= m.base && addr < m.base + m.memSize) {
        return m;
      }
    }
    return undefined;
  }

  /** Names in a directory registered here (empty when none). */
  list(dir: string): string[] {
    return [...(this.children.get(dir) ?? [])];
  }

  /** True when `dir` has registered entries (or is one). */
  hasDir(dir: string): boolean {
    return this.nodes.get(dir)?.kind === 'dir' || (this.children.get(dir)?.size ?? 0) > 0;
  }

  /**
   * Resolves symlinks among the components of `path` that are registered here. Returns the path to
   * look up (possibly outside this registry, e.g. a /proc symlink to a built-in view).
   */
  resolve(path: string, depth = 0): string {
    if (depth > 40) throw new KernelError(ELOOP);
    const parts = path.split('/').filter(Boolean);
    let at = '';
    for (let i = 0; i < parts.length; i++) {
      at += `/${parts[i]}`;
      const e = this.nodes.get(at);
      if (e?.kind === 'link') {
        const t = e.target!;
        const base = t.startsWith('/') ? t : `${parentOf(at)}/${t}`;
        const rest = parts.slice(i + 1).join('/');
        return this.resolve(normalize(rest ? `${base}/${rest}` : base), depth + 1);
      }
    }
    return at || '/';
  }

  /** open(2) of a registered file; `onClose` runs when it is closed. */
  open(path: string, flags: number, onClose?: () => void): KernelFile {
    const p = this.resolve(path);
    const e = this.nodes.get(p);
    if (!e) throw new KernelError(ENOENT);
    if (e.kind === 'dir') throw new KernelError(EISDIR);
    const k = this.k;
    const proc = p.startsWith('/proc/');
    const f = k.run(`${p}: open`, () => (proc ? k.vm.lkm_proc_open(e.node, flags) : k.vm.lkm_kernfs_open(e.node, flags))) >>> 0;
    if (isErrPtr(f)) throw new KernelError(userErrno(-(f | 0)));
    return new KernelFile(k, p, f, onClose);
  }

  /**
   * At unload (after exit()): entries that still use the module's code or data would call into freed
   * memory. Linux leaves them and the next access oopses; here each is reported and removed.
   */
  moduleGone(m: Module): void {
    const left = [...this.nodes].filter(([, e]) => e.owner === m).sort(([a], [b]) => b.length - a.length);
    for (const [path, e] of left) {
      if (!this.nodes.has(path)) continue;
      this.k.printk(`\x014${m.name}: ${path} not removed at unload: removing it\n`);
      const k = this.k;
      k.run(`${m.name}: remove ${path}`, () => (path.startsWith('/proc/') ? k.vm.lkm_proc_remove(e.node) : k.vm.lkm_kernfs_remove(e.node)));
      this.remove(path);
    }
  }
}
