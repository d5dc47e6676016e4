// The link step: a module's objects (and its NAME.mod.o) → NAME.ko with wasm-ld, or a user program with clang's
// driver; skipped while the link record's key (compiler, argv, input hashes) and the output's hash still match.

import { sections } from '../wasm/reader.js';
import { stripModuleSignature } from '../wasm/module-signature.js';
import { BuildError, type ModuleSpec } from './build-types.js';
import { CACHE_FORMAT, type Compiled, type UnitContext } from './context.js';
import { readJson } from './host.js';
import { duplicateEntryPoints, sha256hex } from './modpost.js';
import { join } from './paths.js';
import { OUT_DIR } from './runner.js';
import { linkArgs, userLinkArgs } from './toolchain.js';

/** A link's record (NAME.ko.json). */
interface LinkRecord { format: number; key: string; hash: string }

export interface Linked { ok: boolean; linked: boolean; size?: number }

/**
 * Links `objs` into OUTDIR/NAME.ko (a user program: OUTDIR/PROG, with the lkm user runtime) unless the recorded
 * link is still valid.
 */
export async function linkModule(ctx: UnitContext, mod: ModuleSpec, objs: Compiled[], exports: string[], runtime?: Compiled): Promise<Linked> {
  try {
    return await linkOnce(ctx, mod, objs, exports, runtime);
  } finally {
    ctx.env.progress?.step(ctx.user ? mod.name : `${mod.name}.ko`);
  }
}

async function linkOnce(ctx: UnitContext, mod: ModuleSpec, objs: Compiled[], exports: string[], runtime?: Compiled): Promise<Linked> {
  const file = ctx.user ? mod.name : `${mod.name}.ko`;
  const koPath = join(ctx.unit.outDir, file);
  const recPath = join(ctx.unit.cacheDir, `${file}.json`);
  const out = `${OUT_DIR}/${file}`;
  const args = ctx.user
    ? userLinkArgs(mod.ldflags ?? [], objs.map((c) => c.path), runtime!.path, out)
    : linkArgs(exports, objs.map((c) => c.path), out);
  if (runtime) objs = [...objs, runtime];
  const key = await sha256hex(JSON.stringify({ format: CACHE_FORMAT, cc: ctx.env.compilerId, args, inputs: objs.map((c) => c.hash) }));
  const rec = await readJson<LinkRecord>(ctx.env.host, recPath);
  if (rec?.format === CACHE_FORMAT && rec.key === key) {
    const ko = await ctx.env.host.readFile(koPath);
    // A module signed after its link (--sign, CONFIG_MODULE_SIG_ALL) is still the linker's output.
    if (ko && (await sha256hex(stripModuleSignature(ko))) === rec.hash) {
      ctx.result.stats.linkSkipped++;
      return { ok: true, linked: false, size: ko.length };
    }
  }
  const files: Record<string, Uint8Array> = {};
  for (const c of objs) {
    const b = await ctx.env.host.readFile(c.path);
    if (!b) throw new BuildError(`lkm build: error: ${c.path} vanished from the build cache`);
    files[c.path] = b;
  }
  const runner = await ctx.runner();
  ctx.out(`  ${ctx.tag('LD')}  ${koPath}`);
  const tool = ctx.user ? 'clang' : 'wasm-ld';
  if (ctx.env.verbose) ctx.out(`${tool} ${args.join(' ')}`);
  const dup = ctx.module ? duplicateEntryPoints(objs) : '';
  if (dup) { ctx.err(dup); return { ok: false, linked: false }; }
  const res = await ctx.runTool(runner, { tool, args, files, outputs: [out] });
  ctx.err(res.stderr);
  const ko = res.files[out];
  if (res.status !== 0) return { ok: false, linked: false };
  if (!ko) { ctx.err(`lkm build: error: wasm-ld wrote no ${koPath}`); return { ok: false, linked: false }; }
  const first = sections(ko)[0];
  if (!ctx.user && first?.name !== 'dylink.0') {
    ctx.err(`lkm build: error: ${koPath}: the linker did not write a dylink.0 section first`);
    return { ok: false, linked: false };
  }
  ctx.result.stats.linked++;
  await ctx.env.host.writeFile(koPath, ko);
  await ctx.env.host.writeFile(recPath, JSON.stringify({ format: CACHE_FORMAT, key, hash: await sha256hex(ko) } satisfies LinkRecord));
  return { ok: true, linked: true, size: ko.length };
}
