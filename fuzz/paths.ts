// Target: file paths never leave the emulated root. A host directory is the root (`lkm shell --root DIR`,
// writable), with a sibling directory outside it holding a secret file, and host links planted inside
// the root that point out of it (an absolute host path, a relative `../`). Generated sequences of file
// operations over generated paths (`..` runs, `//`, the host's own absolute path, links made on the way)
// must each work or fail with an errno, never read the secret and never change anything outside the root.

import fc from 'fast-check';
import type { Backing } from '../src/vfs/backing.js';
import { FsError } from '../src/vfs/errors.js';
import { Vfs } from '../src/vfs/index.js';
import type { Tally } from './tally.js';

/** A fresh host root for one input, with the outside the input must not reach. */
export interface HostRoot {
  /** The root's backing (a writable host directory), emptied but for the planted links. */
  fresh(): Backing;
  /** The host path of the root (a generated path may name it, as a user could type it). */
  readonly hostDir: string;
  /** The secret's text (no read may return it). */
  readonly secret: string;
  /** Throws when anything outside the root differs from how it was set up. */
  checkOutside(): void;
}

/** A file beside the secret whose name no generated path has: listing it means a walk got out. */
export const OUTSIDE_MARKER = 'outside-marker-7f3a';

const OPS = ['readFile', 'writeFile', 'mkdir', 'symlink', 'unlink', 'rename', 'readdir', 'stat', 'realpath', 'rmdir', 'chmod', 'link'] as const;
type Op = typeof OPS[number];

function pathArb(hostDir: string) {
  const hostSegs = hostDir.split('/').filter(Boolean);
  const seg = fc.constantFrom('..', '..', '.', '', 'a', 'b', 'escape', 'up', 'outside', 'secret', 'root', ...hostSegs);
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.boolean(), fc.array(seg, { minLength: 1, maxLength: 7 })).map(([abs, s]) => (abs ? '/' : '') + s.join('/')) },
    { weight: 1, arbitrary: fc.constantFrom(`${hostDir}/../outside/secret`, `${hostDir}/escape/secret`, '/up/secret', '/escape/secret', '../../outside/secret') },
  );
}

export function pathsProperty(root: HostRoot, tally: Tally) {
  const path = pathArb(root.hostDir);
  const step = fc.tuple(fc.constantFrom(...OPS), path, path);
  return fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
    const fs = new Vfs(root.fresh(), { dev: false });
    // An input counts under its first failing operation ("rename EXDEV"), or as "all worked".
    let outcome = 'all worked';
    for (const [op, p, q] of steps) {
      const r = await run(fs, op, p, q, root.secret);
      if (r !== 'ok' && outcome === 'all worked') outcome = `${op} ${r}`;
    }
    root.checkOutside();
    tally.add(outcome);
  });
}

/** One operation: "ok" or the errno name it failed with; anything else thrown is a failure of the target. */
async function run(fs: Vfs, op: Op, p: string, q: string, secret: string): Promise<string> {
  try {
    switch (op) {
      case 'readFile': {
        const text = new TextDecoder().decode(await fs.readFile(p));
        if (text.includes(secret)) throw new Error(`read the secret through ${p}`);
        break;
      }
      case 'writeFile': await fs.writeFile(p, 'x'); break;
      case 'mkdir': await fs.mkdir(p); break;
      case 'symlink': await fs.symlink(q, p); break;
      case 'unlink': await fs.unlink(p); break;
      case 'rename': await fs.rename(p, q); break;
      case 'readdir': if ((await fs.readdir(p)).includes(OUTSIDE_MARKER)) throw new Error(`listed the outside through ${p}`); break;
      case 'stat': await fs.stat(p); break;
      case 'realpath': {
        const r = await fs.realpath(p);
        if (!r.startsWith('/')) throw new Error(`realpath ${p} gave ${r}`);
        break;
      }
      case 'rmdir': await fs.rmdir(p); break;
      case 'chmod': await fs.chmod(p, 0o777); break;
      case 'link': await fs.link(p, q); break;
    }
    return 'ok';
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
}
