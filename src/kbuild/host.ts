// What the build needs from a file system (BuildHost), and the small helpers every step reads files with.
// A browser build gives its own file store; host.node.ts gives the real file system.

import { normalize } from './paths.js';

export interface DirEntry { name: string; dir: boolean }

/** File access of the build. Paths are absolute and '/'-separated. */
export interface BuildHost {
  /** File content, or undefined when it does not exist (or is a directory). */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Writes (replacing atomically), creating parent directories. */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Entries of a directory, or undefined when it does not exist. */
  listDir(path: string): Promise<DirEntry[] | undefined>;
  /** Removes a file if it exists. */
  remove(path: string): Promise<void>;
}

/** All file paths under `dir` (sorted), skipping hidden entries, node_modules and build outputs. */
export async function walk(host: BuildHost, dir: string, limit: { files: number; depth: number; accept?: (name: string) => boolean }): Promise<string[]> {
  const out: string[] = [];
  const visit = async (d: string, depth: number): Promise<void> => {
    const entries = await host.listDir(d);
    if (!entries) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (out.length >= limit.files) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = `${d === '/' ? '' : d}/${e.name}`;
      if (e.dir) { if (depth < limit.depth) await visit(p, depth + 1); }
      else if (!/\.(o|ko|wasm|cmd|a)$/.test(e.name) && (!limit.accept || limit.accept(e.name))) out.push(p);
    }
  };
  await visit(normalize(dir), 0);
  return out;
}

export async function readText(host: BuildHost, path: string): Promise<string | undefined> {
  const b = await host.readFile(path);
  return b && new TextDecoder().decode(b);
}

export async function readJson<T>(host: BuildHost, path: string): Promise<T | undefined> {
  const t = await readText(host, path);
  if (t === undefined) return undefined;
  try { return JSON.parse(t) as T; } catch { return undefined; }
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | string): boolean {
  const bb = typeof b === 'string' ? new TextEncoder().encode(b) : b;
  if (!a || a.length !== bb.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== bb[i]) return false;
  return true;
}
