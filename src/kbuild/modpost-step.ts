// The modpost step of a unit, after every object compiled: each module's exports, imports and `depends=`, the
// modpost warnings, the device-table aliases (file2alias), and Module.symvers (src/kbuild/README.md "modpost").
// The rules themselves are in modpost.ts and file2alias.ts; this file feeds them the unit's objects.

import type { ObjectInfo } from '../wasm/objects.js';
import { customSections, nulStrings } from '../wasm/reader.js';
import type { UnitContext } from './context.js';
import { deviceTableAliases } from './file2alias.js';
import { readText, sameBytes } from './host.js';
import {
  formatSymvers, modpost, moduleExports, moduleImports, parseSymvers, type ExportedSymbol, type SymversEntry,
} from './modpost.js';
import { join } from './paths.js';

/** Exports (__ksymtab, __ksymtab_gpl) of a linked vmlinux.ko or module. */
export function ksymtabOf(ko: Uint8Array): ExportedSymbol[] {
  return [
    ...customSections(ko, '__ksymtab').flatMap(nulStrings).map((name) => ({ name, gpl: false })),
    ...customSections(ko, '__ksymtab_gpl').flatMap(nulStrings).map((name) => ({ name, gpl: true })),
  ];
}

async function vmlinuxExports(ctx: UnitContext): Promise<Set<string> | undefined> {
  if (ctx.unit.vmlinuxExports) return ctx.unit.vmlinuxExports;
  if (!ctx.unit.vmlinux) return undefined;
  const ko = await ctx.env.host.readFile(ctx.unit.vmlinux);
  if (!ko) return undefined;
  return new Set(ksymtabOf(ko).map((e) => e.name));
}

async function extraSymbols(ctx: UnitContext): Promise<SymversEntry[]> {
  const out: SymversEntry[] = [];
  for (const f of ctx.unit.extraSymbols ?? []) {
    const t = await readText(ctx.env.host, f);
    if (t === undefined) { ctx.warn(`WARNING: modpost: KBUILD_EXTRA_SYMBOLS: ${f}: No such file or directory`); continue; }
    out.push(...parseSymvers(t));
  }
  return out;
}

function fromHex(h: string): Uint8Array {
  const out = new Uint8Array(h.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Runs modpost over the unit's objects (`infos[i]`: the objects of module i) and fills in each module's result
 * (exports, imports, depends, aliases). Returns the file2alias errors by module name: such a module must fail.
 */
export async function runModpost(ctx: UnitContext, infos: ObjectInfo[][]): Promise<Map<string, string[]>> {
  const { unit } = ctx;
  const r = ctx.result;
  const devErrors = new Map<string, string[]>();
  const post = modpost({
    modules: unit.modules.map((m, i) => ({
      name: m.name, path: join(unit.outDir, `${m.name}.ko`), exports: moduleExports(infos[i]!), imports: moduleImports(infos[i]!),
    })),
    vmlinux: ctx.module ? await vmlinuxExports(ctx) : undefined,
    extra: ctx.module ? await extraSymbols(ctx) : [],
    kernel: !ctx.module,
  });
  r.warnings.push(...post.warnings);
  unit.modules.forEach((m, i) => {
    const mr = r.modules[i]!;
    mr.exports = moduleExports(infos[i]!);
    mr.imports = moduleImports(infos[i]!);
    mr.depends = post.depends.get(m.name) ?? [];
    if (ctx.module) {
      const tables = infos[i]!.flatMap((o) => o.devtables ?? []).map((t) => ({ symbol: t.name, data: fromHex(t.hex) }));
      const dev = deviceTableAliases(m.name, tables);
      mr.aliases = dev.aliases;
      r.warnings.push(...dev.warnings);
      devErrors.set(m.name, dev.errors);
    }
  });
  let symversChanged = false;
  if (unit.symvers) {
    const entries: SymversEntry[] = [...((await unit.symversPrefix) ?? [])];
    unit.modules.forEach((m, i) => {
      for (const e of r.modules[i]!.exports) entries.push({ symbol: e.name, module: join(unit.outDir, m.name), gpl: e.gpl });
    });
    const text = formatSymvers(entries);
    if (!sameBytes(await ctx.env.host.readFile(unit.symvers), text)) {
      await ctx.env.host.writeFile(unit.symvers, text);
      symversChanged = true;
    }
    r.symvers = unit.symvers;
  }
  const anyCompiled = r.stats.compiled > 0;
  if (ctx.module && (anyCompiled || symversChanged) && unit.symvers) ctx.out(`  MODPOST ${unit.symvers}`);
  // Like make: modpost's warnings show when it had something to do (they are always in the result).
  if (anyCompiled || symversChanged) for (const w of r.warnings) ctx.env.log?.(`${w}\n`, 'err');
  return devErrors;
}
