// Target: depmod -a over generated module trees with malformed files: real modules beside mutated ones,
// random bytes and empty files named .ko, directories named .ko, links (to modules, dangling, in loops),
// the same module name at two places. depmod never throws; every message it prints is one of kmod's;
// modules.dep names only files of the tree (or reached through its links), every dependency it lists has its own line, no line twice;
// a second run writes the same files.

import fc from 'fast-check';
import { depmod } from '../src/tools/depmod.js';
import { MemoryBacking, Vfs } from '../src/vfs/index.js';
import { mutatedKo } from './ko-mutate.js';
import type { Tally } from './tally.js';

const REL = '6.12.0-lkm-wasm';
const MODDIR = `/lib/modules/${REL}`;
const OUTPUTS = ['modules.dep', 'modules.alias', 'modules.softdep', 'modules.symbols', 'modules.devname', 'modules.lkm.bin'];

/** kmod's depmod messages for a tree it can still index. */
const MESSAGE = /^depmod: (ERROR: failed to load symbols from .+: .+|WARNING: .+|ERROR: could not open .+: .+|ERROR: fstatat\(\d+, .+\): .+|ERROR: .+\/modules\.order:\d+ corrupted line misses '\\n'|ERROR: Found \d+ modules in dependency cycles!|ERROR: Cycle detected: .+)$/;

type Entry =
  | { kind: 'module'; base: number }
  | { kind: 'mutated'; bytes: Uint8Array }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'dir' }
  | { kind: 'link'; target: string };

const dirArb = fc.constantFrom('kernel', 'kernel/drivers', 'extra', 'updates', 'kernel/a/b', 'build', 'source', '');
const nameArb = fc.oneof(fc.constantFrom('x.ko', 'y.ko', 'hello.ko', 'z.ko.xz', 'w.ko.gz', 'notes.txt', 'modules.order', '.ko', 'a b.ko', 'é.ko'),
  fc.stringMatching(/^[a-z_-]{1,6}\.ko$/));

function entryArb(bases: readonly Uint8Array[]): fc.Arbitrary<Entry> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.nat({ max: bases.length - 1 }).map((base): Entry => ({ kind: 'module', base })) },
    { weight: 3, arbitrary: mutatedKo(bases).map((m): Entry => ({ kind: 'mutated', bytes: m.bytes })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes): Entry => ({ kind: 'bytes', bytes })) },
    { weight: 1, arbitrary: fc.constant<Entry>({ kind: 'dir' }) },
    { weight: 1, arbitrary: fc.constantFrom('x.ko', '../x.ko', '/lib/modules', '.', 'loop.ko', 'missing.ko', `${MODDIR}/kernel/x.ko`).map((target): Entry => ({ kind: 'link', target })) },
  );
}

export function depmodTreeProperty(bases: readonly Uint8Array[], tally: Tally) {
  const tree = fc.array(fc.tuple(dirArb, nameArb, entryArb(bases)), { minLength: 1, maxLength: 8 });
  return fc.asyncProperty(tree, async (entries) => {
    const vfs = new Vfs(new MemoryBacking(), { dev: false });
    await vfs.mkdir('/lib');
    await vfs.mkdir('/lib/modules');
    await vfs.mkdir(MODDIR);
    for (const [dir, name, e] of entries) {
      const d = dir ? `${MODDIR}/${dir}` : MODDIR;
      const path = `${d}/${name}`;
      if (await vfs.lstat(path)) continue;
      await mkdirs(vfs, d);
      if (e.kind === 'dir') await vfs.mkdir(path);
      else if (e.kind === 'link') await vfs.symlink(e.target, path);
      else await vfs.writeFile(path, e.kind === 'module' ? bases[e.base]! : e.bytes);
    }
    const first = await run(vfs);
    for (const line of first.stderr) if (!MESSAGE.test(line)) throw new Error(`not a kmod message: ${JSON.stringify(line)}`);
    if (first.status !== 0) throw new Error(`depmod exited ${first.status}: ${first.stderr.join('\n')}`);
    await checkDep(vfs, first.out.get('modules.dep')!);
    const second = await run(vfs);
    for (const f of OUTPUTS) {
      if (!same(first.out.get(f), second.out.get(f))) throw new Error(`${f} differs on a second run`);
    }
    const lines = first.out.get('modules.dep')!.length ? (first.out.get('modules.dep') as string).split('\n').filter(Boolean).length : 0;
    tally.add(lines === 0 ? 'no module indexed' : first.stderr.length ? 'indexed with errors' : 'indexed');
  });
}

async function mkdirs(vfs: Vfs, dir: string): Promise<void> {
  let p = '';
  for (const seg of dir.split('/').filter(Boolean)) {
    p += `/${seg}`;
    const st = await vfs.lstat(p);
    if (!st) await vfs.mkdir(p);
  }
}

async function run(vfs: Vfs): Promise<{ status: number; stderr: string[]; out: Map<string, string | Uint8Array> }> {
  let err = '';
  const status = await depmod(['-a', REL], { vfs, cwd: '/', stdout: () => {}, stderr: (t) => { err += t; } });
  const out = new Map<string, string | Uint8Array>();
  for (const f of OUTPUTS) {
    const b = await vfs.readFile(`${MODDIR}/${f}`);
    out.set(f, f.endsWith('.bin') ? b : new TextDecoder().decode(b));
  }
  return { status, stderr: err.split('\n').filter(Boolean), out };
}

/**
 * modules.dep: each line "PATH: DEP…", once; PATH a file of the tree or one reached through links (kmod
 * follows links to directories as it scans); every DEP has a line of its own.
 */
async function checkDep(vfs: Vfs, text: string | Uint8Array): Promise<void> {
  const keys = new Set<string>();
  const deps: string[] = [];
  for (const line of (text as string).split('\n').filter(Boolean)) {
    const m = /^([^:]+):(.*)$/.exec(line);
    if (!m) throw new Error(`modules.dep line ${JSON.stringify(line)}`);
    if (keys.has(m[1]!)) throw new Error(`${m[1]} twice in modules.dep`);
    if ((await vfs.stat(`${MODDIR}/${m[1]}`))?.type !== 'file') throw new Error(`modules.dep names ${m[1]}, which is no file of the tree`);
    keys.add(m[1]!);
    deps.push(...m[2]!.split(' ').filter(Boolean));
  }
  for (const d of deps) if (!keys.has(d)) throw new Error(`dependency ${d} has no line in modules.dep`);
}

function same(a: string | Uint8Array | undefined, b: string | Uint8Array | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}
