// Planning: the Kbuild/Makefile of a directory (or a list of C files) → the modules and programs to build,
// as kbuild reads them (src/kbuild/README.md "Reading Kbuild/Makefile").

import type { ModuleSpec, ObjectSpec } from './build-types.js';
import { readText, walk, type BuildHost } from './host.js';
import { MakeError, objectFlags, parseKbuild, shellWords, type Kbuild } from './kbuild.js';
import { basename, dirname, extname, join, normalize, resolve } from './paths.js';

export interface PlanOptions {
  /** make command-line variables (`lkm build DIR FOO=bar`). */
  vars?: Record<string, string>;
  /** Environment variables visible to the makefile (kbuild reads e.g. KBUILD_EXTRA_SYMBOLS from there). */
  environment?: Record<string, string>;
}

export interface Plan {
  modules: ModuleSpec[];
  /** User programs (kbuild `userprogs`, or `lkm build --user FILE.c`). */
  programs: ModuleSpec[];
  extraSymbols: string[];
  warnings: string[];
  errors: string[];
  /** The Kbuild/Makefile files read. */
  files: string[];
  /** CONFIG_MODULE_SIG_ALL=y in the top Kbuild's variables (set there, on the command line or in the environment). */
  signAll?: boolean;
}

const KBUILD_FILES = ['Kbuild', 'Makefile', 'makefile', 'GNUmakefile'];

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (const ch of pattern) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Reads the Kbuild (or Makefile) of `dir` like kbuild, following `obj-m += sub/` into subdirectories. */
export async function planDir(host: BuildHost, dir: string, opts: PlanOptions = {}): Promise<Plan> {
  const plan: Plan = { modules: [], programs: [], extraSymbols: [], warnings: [], errors: [], files: [] };
  await planInto(plan, host, normalize(dir), opts, true, []);
  return plan;
}

async function planInto(plan: Plan, host: BuildHost, dir: string, opts: PlanOptions, top: boolean, inherited: string[]): Promise<void> {
  let file: string | undefined;
  let text: string | undefined;
  for (const f of KBUILD_FILES) {
    text = await readText(host, join(dir, f));
    if (text !== undefined) { file = join(dir, f); break; }
  }
  if (file === undefined || text === undefined) {
    plan.errors.push(`lkm build: error: no Kbuild or Makefile in ${dir}`);
    return;
  }
  plan.files.push(file);
  let listing: string[] | undefined;
  if (text.includes('wildcard')) listing = await walk(host, dir, { files: 5000, depth: 4 });
  // `include` files are read between evaluations: evaluate, read what was asked for, evaluate again.
  const included = new Map<string, string | null>();
  let kb: Kbuild;
  for (let round = 0; ; round++) {
    try {
      kb = parseKbuild(text, {
        file, dir, commandLine: opts.vars, environment: opts.environment,
        glob: (p) => {
          const re = globToRegExp(resolve(dir, p));
          return (listing ?? []).filter((f) => re.test(f));
        },
        include: (p) => included.get(p) ?? undefined,
      });
    } catch (e) {
      if (e instanceof MakeError) { plan.errors.push(e.message); return; }
      throw e;
    }
    const wanted = kb.includes.filter((p) => !included.has(p));
    if (wanted.length === 0 || round >= 8) break;
    for (const p of wanted) included.set(p, (await readText(host, p)) ?? null);
  }
  for (const p of kb.includes) {
    if (included.get(p) === null) plan.warnings.push(`${file}: included file ${p} does not exist (ignored)`);
  }
  plan.warnings.push(...kb.warnings);
  if (top && kb.vars.get('CONFIG_MODULE_SIG_ALL') === 'y') plan.signAll = true;
  for (const x of kb.extraSymbols) if (!plan.extraSymbols.includes(x)) plan.extraSymbols.push(x);
  if (kb.builtin.length && kb.modules.length === 0) {
    plan.warnings.push(`${file}: obj-y objects (${kb.builtin.join(' ')}) are built-in code; lkm build only builds modules (obj-m)`);
  }
  for (const m of kb.modules) {
    const objects: ObjectSpec[] = [];
    for (const obj of m.objects) {
      const stem = join(dir, obj.replace(/\.o$/, ''));
      const src = `${stem}.c`;
      if ((await host.readFile(src)) === undefined) {
        const asm = (await host.readFile(`${stem}.S`)) !== undefined;
        plan.errors.push(asm
          ? `lkm build: error: module ${m.name}: ${obj} comes from assembly (${stem}.S), which lkm build does not support`
          : `lkm build: error: module ${m.name}: no source ${src} for ${obj}`);
        continue;
      }
      const flags = objectFlags(kb, obj);
      objects.push({ obj, src, add: [...inherited, ...absolutizeIncludes(flags.add, dir)], remove: flags.remove });
    }
    plan.modules.push({ name: m.name, dir, objects });
  }
  for (const prog of kb.programs) {
    const objects: ObjectSpec[] = [];
    for (const obj of prog.objects) {
      const src = join(dir, `${obj.replace(/\.o$/, '')}.c`);
      if ((await host.readFile(src)) === undefined) {
        plan.errors.push(`lkm build: error: program ${prog.name}: no source ${src} for ${obj}`);
        continue;
      }
      objects.push({ obj, src, add: absolutizeIncludes(prog.cflags, dir), remove: [] });
    }
    plan.programs.push({ name: prog.name, dir, objects, ldflags: prog.ldflags });
  }
  // subdir-ccflags-y applies to this directory and every one below it.
  const down = [...inherited, ...absolutizeIncludes(shellWords(kb.vars.get('subdir-ccflags-y') ?? ''), dir)];
  for (const sub of kb.subdirs) await planInto(plan, host, join(dir, sub), opts, false, down);
  if (top && plan.modules.length === 0 && plan.programs.length === 0 && plan.errors.length === 0) {
    plan.errors.push(`lkm build: error: ${file}: no modules to build (obj-m is empty)`);
  }
}

/** Relative -I/-include/-iquote paths in ccflags are taken relative to the module directory. */
function absolutizeIncludes(flags: string[], dir: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    const m = /^(-I|-iquote|-isystem|-idirafter)(.+)$/.exec(f);
    // Absolute ones are normalised too: the compiler's virtual file system does not walk `..`.
    if (m) { out.push(m[1]! + resolve(dir, m[2]!)); continue; }
    if (/^(-I|-iquote|-isystem|-idirafter|-include)$/.test(f)) {
      // `-I$(UNSET)` leaves a bare -I: drop it rather than let it swallow the next flag.
      const v = flags[i + 1];
      if (v === undefined || v.startsWith('-')) continue;
      i++;
      out.push(f, f === '-include' && !v.startsWith('/') ? v : resolve(dir, v));
      continue;
    }
    out.push(f);
  }
  return out;
}

/** `lkm build a.c b.c`: one module per source file, named after it, in the file's directory. */
export async function planFiles(host: BuildHost, files: string[], opts: { user?: boolean } = {}): Promise<Plan> {
  const plan: Plan = { modules: [], programs: [], extraSymbols: [], warnings: [], errors: [], files: [] };
  const names = new Set<string>();
  for (const f of files) {
    const src = normalize(f);
    if (extname(src) !== '.c') { plan.errors.push(`lkm build: error: ${f}: not a C source (.c)`); continue; }
    if ((await host.readFile(src)) === undefined) { plan.errors.push(`lkm build: error: ${f}: No such file`); continue; }
    const name = basename(src, '.c');
    if (names.has(name)) { plan.errors.push(`lkm build: error: two sources make ${opts.user ? 'program' : 'module'} ${name}`); continue; }
    names.add(name);
    (opts.user ? plan.programs : plan.modules).push({ name, dir: dirname(src), objects: [{ obj: `${name}.o`, src, add: [], remove: [] }] });
  }
  return plan;
}
