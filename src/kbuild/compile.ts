// The compile step: one C file → one cached object with its modpost facts (src/kbuild/README.md "Compiling").
// The object is reused while its record's key (compiler, flags) and every dependency's hash still match.

import { readObject, type ObjectInfo } from '../wasm/objects.js';
import type { ModuleSpec, ObjectSpec } from './build-types.js';
import { CACHE_FORMAT, type Compiled, type UnitContext } from './context.js';
import { readJson } from './host.js';
import { filterOut } from './kbuild.js';
import { sha256hex } from './modpost.js';
import { basename, dirname, isInside, join, normalize } from './paths.js';
import { OUT_DIR } from './runner.js';
import { COLOR_CFLAGS, COMMON_CFLAGS, compileArgs, kbuildCflags, USER_CFLAGS, userIncludeFlags, VFS_OVERLAY, vfsOverlay } from './toolchain.js';

/** An object's cache record (MOD/OBJ.o.json). */
interface ObjRecord {
  format: number;
  key: string;
  deps: [string, string][];
  hash: string;
  info: ObjectInfo;
}

/** An object's path in the cache: `..` components become `__`, so every object stays inside it. */
const cacheName = (p: string) => p.split('/').map((s) => (s === '..' ? '__' : s)).join('/');

/** Parses a make dependency file (`target: a b \` …) into its prerequisites. */
export function parseDepfile(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const out: string[] = [];
  for (const line of joined.split('\n')) {
    const colon = line.search(/:(\s|$)/);
    if (colon < 0) continue;
    const rest = line.slice(colon + 1);
    let cur = '';
    for (let i = 0; i < rest.length; i++) {
      const ch = rest[i]!;
      if (ch === '\\' && i + 1 < rest.length && (rest[i + 1] === ' ' || rest[i + 1] === '#')) { cur += rest[++i]; continue; }
      if (ch === '$' && rest[i + 1] === '$') { cur += '$'; i++; continue; }
      if (ch === ' ' || ch === '\t') { if (cur) out.push(cur); cur = ''; continue; }
      cur += ch;
    }
    if (cur) out.push(cur);
  }
  return [...new Set(out)];
}

/** Files to mount for a compile: the kernel headers, the module directory and every -I directory. */
async function mount(ctx: UnitContext, src: string, dir: string, flags: string[]): Promise<Record<string, Uint8Array>> {
  const dirs = [ctx.headersDir, dir];
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    const m = /^(?:-I|-iquote|-isystem|-idirafter)(.*)$/.exec(f);
    if (!m) continue;
    const d = m[1] || flags[i + 1];
    if (d?.startsWith('/') && !dirs.some((x) => isInside(x, d))) dirs.push(normalize(d));
  }
  const paths = new Set<string>([src]);
  // The kernel headers whole; module and -I directories only for files C code includes (a module built from a
  // busy directory, `lkm build ~/x.c`, must not mount everything next to it).
  for (const d of dirs) for (const p of await ctx.files.tree(d, d !== ctx.headersDir)) paths.add(p);
  for (let i = 0; i < flags.length; i++) if (flags[i] === '-include' && flags[i + 1]?.startsWith('/')) paths.add(flags[i + 1]!);
  await addQuotedIncludes(ctx, paths);
  const files: Record<string, Uint8Array> = {};
  await Promise.all([...paths].map(async (p) => {
    const b = await ctx.files.read(p);
    if (b) files[p] = b;
  }));
  return files;
}

/**
 * Quoted includes that leave the mounted directories (`#include "../include/x.h"`): resolved from the
 * including file's directory as gcc does, mounted if the host has them, and scanned in turn.
 */
async function addQuotedIncludes(ctx: UnitContext, paths: Set<string>): Promise<void> {
  const queue = [...paths].filter((p) => !isInside(ctx.headersDir, p));
  const dec = new TextDecoder();
  while (queue.length) {
    const p = queue.pop()!;
    if (!/\.(c|h|inc|def|S)$/.test(p)) continue;
    const text = await ctx.files.read(p);
    if (!text) continue;
    for (const m of dec.decode(text).matchAll(/^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gm)) {
      const target = m[1]!.startsWith('/') ? normalize(m[1]!) : normalize(join(dirname(p), m[1]!));
      if (paths.has(target) || !(await ctx.files.read(target))) continue;
      paths.add(target);
      queue.push(target);
    }
  }
}

/** The clang flags of one object: kbuild's (or a user program's) line, then its own additions and removals. */
function objectCflags(ctx: UnitContext, mod: ModuleSpec, o: ObjectSpec): string[] {
  if (ctx.user) return filterOut([...USER_CFLAGS, ...userIncludeFlags(ctx.env.includeDir), ...o.add], o.remove);
  const modname = ctx.module ? mod.name.replace(/-/g, '_') : basename(o.obj, '.o').replace(/-/g, '_');
  const modfile = ctx.module ? undefined : o.obj.replace(/\.o$/, '');
  const base = kbuildCflags({ includeDir: ctx.env.includeDir, modname, basename: basename(o.obj, '.o').replace(/-/g, '_'), module: ctx.module, modfile });
  return filterOut([...COMMON_CFLAGS, ...base, ...o.add], o.remove);
}

/** Compiles one object unless its cache record is still valid. */
export async function compileObject(ctx: UnitContext, mod: ModuleSpec, o: ObjectSpec, label: string): Promise<Compiled> {
  const rel = `${mod.name}/${cacheName(o.obj)}`;
  const objPath = join(ctx.unit.cacheDir, rel);
  const recPath = `${objPath}.json`;
  const out = `${OUT_DIR}/${rel}`;
  const dep = `${out.replace(/\.o$/, '')}.d`;
  const cflags = objectCflags(ctx, mod, o);
  const args = compileArgs(cflags, o.src, out, dep);
  const key = await sha256hex(JSON.stringify({ format: CACHE_FORMAT, cc: ctx.env.compilerId, args }));
  ctx.result.stats.objects++;

  const rec = await readJson<ObjRecord>(ctx.env.host, recPath);
  if (rec?.format === CACHE_FORMAT && rec.key === key) {
    const same = await Promise.all(rec.deps.map(async ([p, h]) => (await ctx.files.hash(p)) === h));
    if (same.every(Boolean)) {
      const obj = await ctx.env.host.readFile(objPath);
      if (obj && (await sha256hex(obj)) === rec.hash) {
        ctx.result.stats.cacheHits++;
        return { ok: true, cached: true, path: objPath, hash: rec.hash, info: rec.info };
      }
    }
  }

  const files = await mount(ctx, o.src, mod.dir, cflags);
  const runner = await ctx.runner();
  let runArgs = ctx.env.color ? [...args, ...COLOR_CFLAGS] : args;
  if (!runner.realFs) {
    files[VFS_OVERLAY] = vfsOverlay(Object.keys(files));
    runArgs = [...runArgs, '-ivfsoverlay', VFS_OVERLAY];
  }
  ctx.out(`  ${ctx.tag('CC')}  ${label}`);
  if (ctx.env.verbose) ctx.out(`clang ${runArgs.join(' ')}`);
  const res = await ctx.runTool(runner, { tool: 'clang', args: runArgs, files, outputs: [out, dep], compile: { src: o.src, out, dep } });
  ctx.err(res.stderr);
  const bin = res.files[out];
  const empty: Compiled = { ok: false, cached: false, path: objPath, hash: '', info: { ksymtab: [], ksymtabGpl: [], defined: [], undefined: [] } };
  if (res.status !== 0) return empty;
  if (!bin) { ctx.err(`lkm build: error: clang wrote no ${label}`); return empty; }
  ctx.result.stats.compiled++;
  const deps: [string, string][] = [];
  const depText = res.files[dep] ? new TextDecoder().decode(res.files[dep]) : '';
  for (const p of parseDepfile(depText)) {
    const content = files[p] ?? (await ctx.files.read(p));
    if (content) deps.push([p, await sha256hex(content)]);
  }
  if (!deps.some(([p]) => p === o.src)) { ctx.err(`lkm build: error: no dependency list for ${label}`); return empty; }
  const info = readObject(bin);
  const hash = await sha256hex(bin);
  await ctx.env.host.writeFile(objPath, bin);
  const record: ObjRecord = { format: CACHE_FORMAT, key, deps, hash, info };
  await ctx.env.host.writeFile(recPath, JSON.stringify(record));
  return { ok: true, cached: false, path: objPath, hash, info };
}
