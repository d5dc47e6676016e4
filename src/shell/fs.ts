// The file system a shell or a tool sees: /proc and /sys are the kernel's live views, everything else
// comes from a backing store (a host directory in Node, memory or fetched files in a browser).

import { KernelError, strerror } from '../kernel/errno.js';
import type { Kernel } from '../kernel/kernel.js';

export interface Stat { type: 'file' | 'dir'; }

/** A store of ordinary files. Paths are absolute, '/'-separated, inside the emulated root. */
export interface Backing {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<Stat | undefined>;
}

/** An error with the errno code name in `code`, as Node's fs errors carry it. */
export class FsError extends Error {
  constructor(readonly code: string, readonly errno: number, path: string) {
    super(`${path}: ${strerror(errno)}`);
  }
}


/** Collapses '.', '..' and slashes; never climbs above '/' (paths stay inside the emulated root). */
export function normalizePath(p: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

const isKernelPath = (p: string) => p === '/proc' || p.startsWith('/proc/') || p === '/sys' || p.startsWith('/sys/');

export class KernelFs {
  constructor(readonly kernel: Kernel, readonly backing: Backing) {}

  private kernelCall<T>(path: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof KernelError) throw new FsError(e.code, e.errno, path);
      throw e;
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    if (isKernelPath(path)) return new TextEncoder().encode(this.kernelCall(path, () => this.kernel.readFile(path)));
    return this.backing.readFile(path);
  }

  async readText(path: string): Promise<string> {
    return new TextDecoder().decode(await this.readFile(path));
  }

  async writeFile(path: string, data: string): Promise<void> {
    if (isKernelPath(path)) return this.kernelCall(path, () => this.kernel.writeFile(path, data));
    return this.backing.writeFile(path, new TextEncoder().encode(data));
  }

  async readdir(path: string): Promise<string[]> {
    if (path === '/') {
      const names = new Set(await this.backing.readdir('/').catch(() => []));
      names.add('proc');
      names.add('sys');
      return [...names].sort();
    }
    if (isKernelPath(path)) return this.kernelCall(path, () => this.kernel.readdir(path));
    return this.backing.readdir(path);
  }

  async stat(path: string): Promise<Stat | undefined> {
    if (path === '/') return { type: 'dir' };
    if (isKernelPath(path)) {
      try { this.kernel.readdir(path); return { type: 'dir' }; } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        if (e.code === 'ENOTDIR') return { type: 'file' };
        return undefined;
      }
    }
    return this.backing.stat(path);
  }
}
