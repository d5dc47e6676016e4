// modinfo(8), as kmod's tools/modinfo.c: a module file, a module name or an alias; kmod's field order
// (filename, .modinfo in section order, parm lines last) and its column layout. A built-in module shows
// name, "(builtin)" and its entries from modules.builtin.modinfo.

import { strerror, ENOENT } from '../kernel/errno.js';
import { readModuleMetadata } from '../wasm/metadata.js';
import { signatureModinfo } from '../sig/modinfo.js';
import { KmodContext, type KModule } from '../kmod/context.js';
import { FatalExit, Logger, Prio } from '../kmod/log.js';
import { hasKmodExtension } from '../kmod/name.js';
import type { KmodToolContext } from './context.js';
import { getopt } from './getopt.js';
import { kmodVersionText } from './version.js';
import { moduleDirname, RELEASE } from './module-dir.js';

const USAGE = `Usage:
\tmodinfo [options] <modulename|filename> [args]
Options:
\t-a, --author                Print only 'author'
\t-d, --description           Print only 'description'
\t-l, --license               Print only 'license'
\t-p, --parameters            Print only 'parm'
\t-n, --filename              Print only 'filename'
\t-0, --null                  Use \\0 instead of \\n
\t-m, --modname               Handle argument as module name instead of alias or filename
\t-F, --field=FIELD           Print only provided FIELD
\t-k, --set-version=VERSION   Use VERSION instead of \`uname -r\`
\t-b, --basedir=DIR           Use DIR as filesystem root for /lib/modules
\t-V, --version               Show version
\t-h, --help                  Show this help
`;

interface Param { name: string; desc?: string; type?: string; }

/** The parm: lines, in kmod's order (each new name goes to the front of the list). */
export function collectParams(info: { key: string; value: string }[], log: Logger): Param[] {
  const list: Param[] = [];
  for (const { key, value } of info) {
    if (key !== 'parm' && key !== 'parmtype') continue;
    const colon = value.indexOf(':');
    if (colon < 0) {
      log.err(`Found invalid "${key}=${value}": missing ':'`);
      continue;
    }
    const name = value.slice(0, colon);
    let p = list.find((x) => x.name === name);
    if (!p) list.unshift((p = { name }));
    if (key === 'parm') p.desc = value.slice(colon + 1);
    else p.type = value.slice(colon + 1);
  }
  return list;
}

const field = (key: string) => `${key}:`.padEnd(16);

export async function modinfo(argv: string[], ctx: KmodToolContext): Promise<number> {
  const g = getopt(argv, 'adlpn0mF:k:b:Vh', {
    author: { short: 'a' }, description: { short: 'd' }, license: { short: 'l' }, parameters: { short: 'p' },
    filename: { short: 'n' }, null: { short: '0' }, modname: { short: 'm' }, field: { short: 'F', arg: true },
    'set-version': { short: 'k', arg: true }, basedir: { short: 'b', arg: true }, version: { short: 'V' }, help: { short: 'h' },
  });
  const log = new Logger('modinfo', Prio.ERR, ctx.stderr);
  // getopt_long() printed its complaint; kmod's tools then just exit 1 (their "case '?'").
  if (g.error) {
    ctx.stderr(`modinfo: ${g.error}\n`);
    return 1;
  }
  let fieldName: string | undefined;
  let sep = '\n';
  let byName = false;
  let release = RELEASE;
  let basedir: string | undefined;
  for (const o of g.opts) {
    switch (o.name) {
      case 'a': fieldName = 'author'; break;
      case 'd': fieldName = 'description'; break;
      case 'l': fieldName = 'license'; break;
      case 'p': fieldName = 'parm'; break;
      case 'n': fieldName = 'filename'; break;
      case '0': sep = '\0'; break;
      case 'm': byName = true; break;
      case 'F': fieldName = o.value; break;
      case 'k': release = o.value!; break;
      case 'b': basedir = o.value; break;
      case 'V': ctx.stdout(kmodVersionText()); return 0;
      case 'h': ctx.stdout(USAGE); return 0;
    }
  }
  if (g.operands.length === 0) {
    log.err('missing module or filename.');
    return 1;
  }
  const vfs = ctx.vfs;
  if (!vfs) throw new Error('modinfo needs the file system');
  const cwd = ctx.cwd ?? '/';
  const dirname = moduleDirname(release, basedir ? vfs.resolve(basedir, cwd) : undefined);
  let kctx: KmodContext;
  try {
    kctx = await KmodContext.open(vfs, { dirname, log, kcmdline: false });
  } catch (e) {
    if (e instanceof FatalExit) return e.status;
    throw e;
  }

  const show = async (mod: KModule): Promise<number> => {
    let out = '';
    const filename = mod.path;
    if (filename === undefined) {
      if (fieldName === undefined) out += `${field('name')}${mod.name}${sep}`;
      else if (fieldName === 'name') out += `${mod.name}${sep}`;
    }
    const shownName = filename ?? '(builtin)';
    if (fieldName === 'filename') { ctx.stdout(out + `${shownName}${sep}`); return 0; }
    if (fieldName === undefined) out += `${field('filename')}${shownName}${sep}`;
    let info: { key: string; value: string }[];
    try {
      if (filename === undefined) info = await mod.info();
      else {
        const bytes = await vfs.readFile(filename);
        const meta = readModuleMetadata(bytes);
        if (!meta.customSections.has('.modinfo')) throw Object.assign(new Error(), { errno: ENOENT });
        // kmod_module_get_info(): the .modinfo strings, then the signature's fields.
        info = [...meta.modinfo, ...signatureModinfo(bytes)];
      }
    } catch (e) {
      ctx.stdout(out);
      const errno = (e as { errno?: number }).errno ?? 22;
      if (filename === undefined && errno === ENOENT) return 0; // a built-in module, no modules.builtin.modinfo
      log.err(`could not get modinfo from '${mod.name}': ${strerror(errno)}`);
      return 1;
    }
    if (fieldName === 'parm') {
      for (const p of collectParams(info, log)) {
        if (p.desc === undefined) out += `${p.name}: (${p.type})${sep}`;
        else if (p.type !== undefined) out += `${p.name}:${p.desc} (${p.type})${sep}`;
        else out += `${p.name}:${p.desc}${sep}`;
      }
      ctx.stdout(out);
      return 0;
    }
    const params: { key: string; value: string }[] = [];
    for (const e of info) {
      if (fieldName !== undefined) {
        if (e.key === fieldName) out += `${e.value}${sep}`;
        continue;
      }
      if (e.key === 'parm' || e.key === 'parmtype') { params.push(e); continue; }
      out += sep === '\0' ? `${e.key}=${e.value}${sep}` : `${field(e.key)}${e.value}${sep}`;
    }
    if (fieldName === undefined) {
      for (const p of collectParams(params, log)) {
        if (p.desc === undefined) out += `${field('parm')}${p.name}:${p.type}${sep}`;
        else if (p.type !== undefined) out += `${field('parm')}${p.name}:${p.desc} (${p.type})${sep}`;
        else out += `${field('parm')}${p.name}:${p.desc}${sep}`;
      }
    }
    ctx.stdout(out);
    return 0;
  };

  let status = 0;
  for (const arg of g.operands) {
    if (byName) {
      // kmod_module_new_from_name_lookup: modules.dep, modules.builtin, then the built-in aliases.
      const name = arg.replace(/-/g, '_');
      const named = kctx.module(name);
      const m = named.path !== undefined || named.isBuiltin ? named : kctx.builtinAliasLookup(name)[0];
      if (m === undefined) {
        log.err(`Module name ${arg} not found.`);
        status = 1;
        continue;
      }
      status |= await show(m);
      continue;
    }
    const abs = vfs.resolve(arg, cwd);
    if (hasKmodExtension(arg) && await vfs.isFile(abs)) {
      status |= await show(kctx.moduleFromPath(abs));
      continue;
    }
    const found = kctx.lookup(arg);
    if (found === undefined) {
      log.err(`Module alias ${arg} not found.`);
      status = 1;
      continue;
    }
    if (found.length === 0) {
      log.err(`Module ${arg} not found.`);
      status = 1;
      continue;
    }
    for (const m of found) status |= await show(m);
  }
  return status ? 1 : 0;
}
