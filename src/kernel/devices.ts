// The device side of the kernel host: devtmpfs (/dev nodes), /sys/class, and user memory for
// copy_{to,from}_user. vmlinux's C (device.c, uaccess.c) reaches these through `host.*` imports.

import { EINVAL } from './errno.js';
import type { Kernel } from './kernel.js';

/** User pointers live at USER_BASE + offset into the current task's memory (linux/uaccess.h). */
export const USER_BASE = 0x80000000;

/** A user address space: a C program's linear memory, or a buffer a TypeScript caller passed. */
export interface UserMemory { view(): Uint8Array; }

export interface DevNode {
  type: 'c' | 'b';
  rdev: number;
  mode: number;
  /** When the node was made (wall clock, ms): its time in `ls -l`. */
  ctimeMs?: number;
}

/** stat(2) of a device node, as `ls -l` shows it. */
export interface DeviceStat { type: 'c' | 'b'; major: number; minor: number; mode: number; mtimeMs: number; }

/** S_IFBLK: a block node's type bits in the mode lkm_file_open gets. */
export const S_IFBLK = 0o60000;

export const MINORBITS = 20;
export const MKDEV = (major: number, minor: number) => ((major << MINORBITS) | minor) >>> 0;
export const MAJOR = (dev: number) => dev >>> MINORBITS;
export const MINOR = (dev: number) => dev & ((1 << MINORBITS) - 1);

export class Devices {
  /** devtmpfs: node name (path under /dev) → node. */
  readonly nodes = new Map<string, DevNode>();
  /** /sys/class: class → device name → dev_t (0 when the device has no number). */
  readonly classes = new Map<string, Map<string, number>>();
  /** The user memory of the system call in progress (innermost last). */
  private userStack: UserMemory[] = [];

  /** Runs `fn` with `mem` as the current task's user memory. */
  withUser<T>(mem: UserMemory, fn: () => T): T {
    this.userStack.push(mem);
    try { return fn(); } finally { this.userStack.pop(); }
  }

  /** copy_to_user/copy_from_user: bytes NOT copied (a pointer outside user memory copies nothing). */
  userCopy(k: Kernel, toUser: boolean, uaddr: number, kaddr: number, n: number): number {
    const mem = this.userStack[this.userStack.length - 1];
    if (!mem) return n;
    const user = mem.view();
    const off = uaddr - USER_BASE;
    if (off < 0 || off >= user.length) return n;
    const len = Math.min(n, user.length - off);
    if (toUser) user.set(k.mem.u8.subarray(kaddr, kaddr + len), off);
    else k.mem.u8.set(user.subarray(off, off + len), kaddr);
    return n - len;
  }

  /** host.class_dev: the /sys/class and /dev bookkeeping of device.c. */
  classDev(op: number, cls: string, dev: string, devt: number, mode: number): number {
    switch (op) {
      case 0: this.classes.set(cls, new Map()); return 0;
      case 1: this.classes.delete(cls); return 0;
      case 2:
        this.classes.get(cls)?.set(dev, devt);
        if (devt) this.nodes.set(dev, { type: 'c', rdev: devt, mode: mode || 0o600, ctimeMs: Date.now() });
        return 0;
      case 3:
        this.classes.get(cls)?.delete(dev);
        if (this.nodes.get(dev)?.rdev === devt) this.nodes.delete(dev);
        return 0;
      // A class device of device_add() (drivers/base/class.c): only its node, named by the class's devnode().
      case 5:
        this.nodes.set(dev, { type: 'c', rdev: devt, mode: mode || 0o600, ctimeMs: Date.now() });
        return 0;
      case 6:
        if (this.nodes.get(dev)?.rdev === devt) this.nodes.delete(dev);
        return 0;
      case 7: // add_disk: a block node (no class view: /sys/class/block is the block layer's own in sysfs)
        this.nodes.set(dev, { type: 'b', rdev: devt, mode: mode || 0o600, ctimeMs: Date.now() });
        return 0;
      case 4: {
        const n = this.nodes.get(dev);
        if (n) n.mode = mode;
        return 0;
      }
      default: return -EINVAL;
    }
  }

  /** The entries of devtmpfs directory `dir` ('' for /dev): nodes, and subdirectories of nodes named "DIR/NAME". */
  list(dir: string): string[] {
    const prefix = dir ? `${dir}/` : '';
    const names = new Set<string>();
    for (const n of this.nodes.keys()) if (n.startsWith(prefix)) names.add(n.slice(prefix.length).split('/')[0]!);
    return [...names].sort();
  }

  /** stat(2) of /dev/NAME. */
  stat(name: string): DeviceStat | undefined {
    const n = this.nodes.get(name);
    if (!n) return undefined;
    return { type: n.type, major: MAJOR(n.rdev), minor: MINOR(n.rdev), mode: n.mode & 0o7777, mtimeMs: n.ctimeMs ?? 0 };
  }

  /** `ls -l /dev` style listing: "crw------- 1 root root 10, 127 NAME". */
  longListing(name: string): string | undefined {
    const n = this.nodes.get(name);
    if (!n) return undefined;
    return `${n.type}${modeString(n.mode)} 1 root root ${String(MAJOR(n.rdev)).padStart(3)}, ${String(MINOR(n.rdev)).padStart(3)} ${name}`;
  }
}

function modeString(mode: number): string {
  const bits = 'rwxrwxrwx';
  let s = '';
  for (let i = 0; i < 9; i++) s += mode & (1 << (8 - i)) ? bits[i] : '-';
  return s;
}
