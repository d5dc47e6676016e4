// Building one unit (modules, vmlinux, or user programs), independent of Node: every object compiled in
// parallel, then modpost, then per module NAME.mod.c and the link. File access goes through BuildHost and tool
// runs through ToolRunner, so a browser drives the same code with its own file store and a Web Worker pool.

import {
  BuildError, type BuildEnv, type BuildResult, type ModuleResult, type ModuleSpec, type ObjectSpec, type UnitSpec,
} from './build-types.js';
import { compileObject } from './compile.js';
import { UnitContext, type Compiled } from './context.js';
import { sameBytes } from './host.js';
import { linkModule } from './link.js';
import { definedWithPrefix, modC, srcversion } from './modpost.js';
import { runModpost } from './modpost-step.js';
import { join, relative } from './paths.js';

/** Builds every module of a unit: compile (cached), modpost, NAME.mod.c, link (cached). */
export async function buildUnit(unit: UnitSpec, env: BuildEnv): Promise<BuildResult> {
  const names = new Set<string>();
  for (const m of unit.modules) {
    if (names.has(m.name)) throw new BuildError(`lkm build: error: two modules are called ${m.name}`);
    names.add(m.name);
  }
  return run(new UnitContext(unit, env));
}

async function run(ctx: UnitContext): Promise<BuildResult> {
  const { unit } = ctx;
  const r = ctx.result;
  // 1. Every object, in parallel (the runner queues).
  const tCompile = Date.now();
  ctx.env.progress?.add(unit.modules.reduce((n, m) => n + m.objects.length + 1, 0));
  const compiled = await Promise.all(unit.modules.map((m) =>
    Promise.all(m.objects.map(async (o) => {
      const c = await compileObject(ctx, m, o, join(m.dir, o.obj));
      ctx.env.progress?.step(o.obj);
      return c;
    }))));
  r.stats.compileMs = Date.now() - tCompile;
  const failed = unit.modules.filter((_, i) => compiled[i]!.some((c) => !c.ok));
  for (const m of unit.modules) {
    const i = unit.modules.indexOf(m);
    r.modules.push({
      name: m.name, modname: m.name.replace(/-/g, '_'), path: join(unit.outDir, ctx.user ? m.name : `${m.name}.ko`), ok: !failed.includes(m),
      linked: false, exports: [], imports: [], depends: [],
      objects: m.objects.map((o, j) => ({ obj: o.obj, src: o.src, cached: compiled[i]![j]!.cached, ok: compiled[i]![j]!.ok })),
    });
  }
  if (failed.length) {
    for (const m of failed) {
      const i = unit.modules.indexOf(m);
      const bad = m.objects.filter((_, j) => !compiled[i]![j]!.ok).map((o) => o.obj);
      ctx.fail(`lkm build: error: ${ctx.user ? 'program' : 'module'} ${m.name} failed (${bad.join(', ')})`);
    }
    return ctx.finish();
  }

  if (ctx.user) return linkPrograms(ctx, compiled);

  // 2. modpost: exports, imports, depends, warnings, Module.symvers.
  const infos = compiled.map((cs) => cs.map((c) => c.info));
  const devErrors = await runModpost(ctx, infos);

  // 3. Per module: NAME.mod.c (modules), then link.
  const tLink = Date.now();
  await Promise.all(unit.modules.map(async (m, i) => {
    const mr = r.modules[i]!;
    const objs = [...compiled[i]!];
    let exports = mr.exports.map((e) => e.name);
    if (ctx.module) {
      const errs = devErrors.get(m.name) ?? [];
      if (errs.length) {
        mr.ok = false;
        for (const e of errs) ctx.fail(e);
        ctx.fail(`lkm build: error: module ${m.name} failed (modpost)`);
        return;
      }
      const c = await compileModC(ctx, m, mr);
      if (!c.ok) { mr.ok = false; ctx.fail(`lkm build: error: module ${m.name} failed (${m.name}.mod.o)`); return; }
      objs.push(c);
    } else {
      for (const s of definedWithPrefix(infos[i]!, 'lkm_')) if (!exports.includes(s)) exports.push(s);
    }
    exports = [...new Set(exports)];
    const l = await linkModule(ctx, m, objs, exports);
    mr.linked = l.linked;
    if (l.size !== undefined) mr.size = l.size;
    if (!l.ok) { mr.ok = false; ctx.fail(`lkm build: error: module ${m.name} failed (${m.name}.ko)`); }
  }));
  r.stats.linkMs = Date.now() - tLink;
  return ctx.finish();
}

/** Writes the module's NAME.mod.c (srcversion, aliases, depends; only when its text changed) and compiles it. */
async function compileModC(ctx: UnitContext, m: ModuleSpec, mr: ModuleResult): Promise<Compiled> {
  const sources = await Promise.all(m.objects.map(async (o) => ({ name: relative(m.dir, o.src), content: (await ctx.files.read(o.src))! })));
  mr.srcversion = await srcversion(sources);
  const modPath = join(ctx.unit.cacheDir, m.name, `${m.name}.mod.c`);
  const text = modC({ srcversion: mr.srcversion, aliases: mr.aliases ?? [], depends: mr.depends });
  if (!sameBytes(await ctx.files.read(modPath), text)) {
    await ctx.env.host.writeFile(modPath, text);
    ctx.files.forget(modPath);
  }
  const modObj: ObjectSpec = { obj: `${m.name}.mod.o`, src: modPath, add: [], remove: [] };
  return compileObject(ctx, m, modObj, join(ctx.unit.outDir, `${m.name}.mod.o`));
}

/** User programs: the lkm runtime object (compiled once, cached), then one link per program. */
async function linkPrograms(ctx: UnitContext, compiled: Compiled[][]): Promise<BuildResult> {
  const { unit } = ctx;
  const r = ctx.result;
  const userDir = ctx.env.userDir;
  if (!userDir) { ctx.fail('lkm build: error: no user runtime directory (wasm/user) configured'); return ctx.finish(); }
  const rtSpec: ModuleSpec = { name: '.lkm-user', dir: userDir, objects: [] };
  const rtObj: ObjectSpec = { obj: 'lkm-user.o', src: join(userDir, 'lkm-user.c'), add: [], remove: [] };
  const rt = await compileObject(ctx, rtSpec, rtObj, join(userDir, 'lkm-user.o'));
  if (!rt.ok) { ctx.fail('lkm build: error: the user runtime (wasm/user/lkm-user.c) failed to compile'); return ctx.finish(); }
  const tLink = Date.now();
  await Promise.all(unit.modules.map(async (m, i) => {
    const mr = r.modules[i]!;
    mr.modname = m.name;
    const l = await linkModule(ctx, m, compiled[i]!, [], rt);
    mr.linked = l.linked;
    if (l.size !== undefined) mr.size = l.size;
    if (!l.ok) { mr.ok = false; ctx.fail(`lkm build: error: program ${m.name} failed (link)`); }
  }));
  r.stats.linkMs = Date.now() - tLink;
  return ctx.finish();
}
