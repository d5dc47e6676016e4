// Node-only: the build's file access on the real file system, and where things are (repo root, @yowasp/clang).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildHost, DirEntry } from './host.js';

const missing = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
};

let tmpCounter = 0;

export const nodeHost: BuildHost = {
  async readFile(path) {
    try {
      const b = await readFile(path);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  },
  async writeFile(path, data) {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${++tmpCounter}`;
    await writeFile(tmp, data);
    await rename(tmp, path);
  },
  async listDir(path) {
    try {
      const entries = await readdir(path, { withFileTypes: true });
      return entries.map((e): DirEntry => {
        let dir = e.isDirectory();
        if (e.isSymbolicLink()) {
          try { dir = statSync(join(path, e.name)).isDirectory(); } catch { dir = false; }
        }
        return { name: e.name, dir };
      });
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  },
  async remove(path) {
    await rm(path, { force: true });
  },
};

let root: string | undefined;

/** The lkm-wasm checkout this code runs from (src/kbuild/ or dist/src/kbuild/ below it). */
export function repoRoot(): string {
  if (root) return root;
  let d = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lkm-wasm') return (root = d);
      } catch { /* keep looking */ }
    }
    const up = dirname(d);
    if (up === d) throw new Error('lkm build: cannot find the lkm-wasm package root');
    d = up;
  }
}

export interface YowaspInfo { version: string; bundleUrl: string }
let yowasp: YowaspInfo | undefined;

/** Version and entry point of @yowasp/clang, found without loading it. */
export function yowaspInfo(): YowaspInfo {
  if (yowasp) return yowasp;
  const req = createRequire(join(repoRoot(), 'package.json'));
  const bundle = req.resolve('@yowasp/clang');
  let d = dirname(bundle);
  let version = 'unknown';
  for (let i = 0; i < 4; i++) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg)) {
      const p = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (p.name === '@yowasp/clang') { version = p.version ?? version; break; }
    }
    d = dirname(d);
  }
  return (yowasp = { version, bundleUrl: pathToFileURL(bundle).href });
}
