// A per-build memo of file contents, hashes and directory trees: each file is read and hashed once per build,
// however many objects include it.

import { walk, type BuildHost } from './host.js';
import { sha256hex } from './modpost.js';

/** Per-build memo of file contents and hashes, and of directory trees to mount. */
export class Files {
  private readonly data = new Map<string, Promise<Uint8Array | undefined>>();
  private readonly hashes = new Map<string, Promise<string | undefined>>();
  private readonly trees = new Map<string, Promise<string[]>>();
  constructor(readonly host: BuildHost) {}
  read(path: string): Promise<Uint8Array | undefined> {
    let p = this.data.get(path);
    if (!p) { p = this.host.readFile(path); this.data.set(path, p); }
    return p;
  }
  hash(path: string): Promise<string | undefined> {
    let p = this.hashes.get(path);
    if (!p) { p = this.read(path).then((b) => (b ? sha256hex(b) : undefined)); this.hashes.set(path, p); }
    return p;
  }
  /** Files under `dir` to mount; `sourcesOnly` keeps names that C code includes (.h, .c, .inc, .def, ...). */
  tree(dir: string, sourcesOnly: boolean): Promise<string[]> {
    const key = `${sourcesOnly ? 's' : 'a'}:${dir}`;
    let p = this.trees.get(key);
    if (!p) {
      const accept = sourcesOnly ? (n: string) => /\.(h|c|inc|def|tbl|x|hh|hpp|S)$/.test(n) : undefined;
      p = walk(this.host, dir, { files: 4000, depth: 6, accept });
      this.trees.set(key, p);
    }
    return p;
  }
  /** Forget a path (after writing it). */
  forget(path: string): void { this.data.delete(path); this.hashes.delete(path); }
}
