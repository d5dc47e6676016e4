// modprobe(8), as kmod's tools/modprobe.c: name resolution, dependencies and soft dependencies,
// configuration, install/remove commands, dry runs, removal, and kmod's messages and exit codes.

import { EEXIST, ENOENT, strerror, EINVAL } from '../kernel/errno.js';
import { KernelOops } from '../kernel/kernel.js';
import { showConfig } from '../kmod/config.js';
import { KmodContext, type KModule } from '../kmod/context.js';
import { FatalExit, Logger, Prio } from '../kmod/log.js';
import { probeInsert, removeModule, type ProbeEnv } from '../kmod/probe.js';
import type { KmodToolContext } from './context.js';
import { getopt } from './getopt.js';
import { kmodVersionText } from './version.js';
import { moduleDirname, RELEASE } from './module-dir.js';
import { readModuleMetadata } from '../wasm/metadata.js';
import { OOPS_EXIT } from './insmod.js';

const USAGE = `Usage:
\tmodprobe [options] [-i] [-b] modulename
\tmodprobe [options] -a [-i] [-b] modulename [modulename...]
\tmodprobe [options] -r [-i] modulename
\tmodprobe [options] -r -a [-i] modulename [modulename...]
\tmodprobe [options] -c
\tmodprobe [options] --dump-modversions filename
Management Options:
\t-a, --all                   Consider every non-argument to
\t                            be a module name to be inserted
\t                            or removed (-r)
\t-r, --remove                Remove modules instead of inserting
\t    --remove-dependencies   Deprecated: use --remove-holders
\t    --remove-holders        Also remove module holders (use together with -r)
\t-w, --wait <MSEC>           When removing a module, wait up to MSEC for
\t                            module's refcount to become 0 so it can be
\t                            removed (use together with -r)
\t    --first-time            Fail if module already inserted or removed
\t-i, --ignore-install        Ignore install commands
\t-i, --ignore-remove         Ignore remove commands
\t-b, --use-blacklist         Apply blacklist to resolved alias.
\t-f, --force                 Force module insertion or removal.
\t                            implies --force-modversions and
\t                            --force-vermagic
\t    --force-modversion      Ignore module's version
\t    --force-vermagic        Ignore module's version magic

Query Options:
\t-R, --resolve-alias         Only lookup and print alias and exit
\t-D, --show-depends          Only print module dependencies and exit
\t-c, --showconfig            Print out known configuration and exit
\t-c, --show-config           Same as --showconfig
\t    --show-modversions      Dump module symbol version and exit
\t    --dump-modversions      Same as --show-modversions
\t    --show-exports          Only print module exported symbol versions and exit

General Options:
\t-n, --dry-run               Do not execute operations, just print out
\t-n, --show                  Same as --dry-run
\t-C, --config=FILE           Use FILE instead of default search paths
\t-d, --dirname=DIR           Use DIR as filesystem root for /lib/modules
\t-S, --set-version=VERSION   Use VERSION instead of \`uname -r\`
\t-s, --syslog                print to syslog, not stderr
\t-q, --quiet                 disable messages
\t-v, --verbose               enables more messages
\t-V, --version               show version
\t-h, --help                  show this help
`;

/** Nesting of modprobe through install commands is cut off here (a real system would fork forever). */
const MAX_NESTING = 32;
let nesting = 0;

/** Joins module parameters as kmod's options_from_array: a value with a space is quoted. */
export function optionsFromArgs(args: string[]): string {
  return args.map((a) => {
    const eq = a.indexOf('=');
    if (eq < 0) return a;
    const v = a.slice(eq + 1);
    if (v.startsWith('"') || v.startsWith("'") || !v.includes(' ')) return a;
    return `${a.slice(0, eq + 1)}"${v}"`;
  }).join(' ');
}

export async function modprobe(argv: string[], ctx: KmodToolContext): Promise<number> {
  const envOpts = (ctx.env?.MODPROBE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
  const g = getopt([...envOpts, ...argv], 'arw:RibfDcnC:d:S:sqvVh', {
    all: { short: 'a' }, remove: { short: 'r' }, 'remove-dependencies': { name: 'remove-dependencies' },
    'remove-holders': { name: 'remove-holders' }, wait: { short: 'w', arg: true }, 'first-time': { name: 'first-time' },
    'ignore-install': { short: 'i' }, 'ignore-remove': { short: 'i' }, 'use-blacklist': { short: 'b' }, force: { short: 'f' },
    'force-modversion': { name: 'force-modversion' }, 'force-vermagic': { name: 'force-vermagic' },
    'resolve-alias': { short: 'R' }, 'show-alias': { short: 'R' }, 'show-depends': { short: 'D' },
    showconfig: { short: 'c' }, 'show-config': { short: 'c' }, 'show-modversions': { name: 'show-modversions' },
    'dump-modversions': { name: 'show-modversions' }, 'show-exports': { name: 'show-exports' },
    'dry-run': { short: 'n' }, show: { short: 'n' }, config: { short: 'C', arg: true }, dirname: { short: 'd', arg: true },
    'set-version': { short: 'S', arg: true }, syslog: { short: 's' }, quiet: { short: 'q' }, verbose: { short: 'v' },
    version: { short: 'V' }, help: { short: 'h' },
  });
  const log = new Logger('modprobe', Prio.WARNING, ctx.stderr);
  // getopt_long() printed its complaint; kmod's tools then just exit 1 (their "case '?'").
  if (g.error) {
    ctx.stderr(`modprobe: ${g.error}\n`);
    return 1;
  }
  const f = {
    all: false, remove: false, removeHolders: false, waitMs: 0, firstTime: false, ignoreCommands: false,
    useBlacklist: false, force: false, forceModversion: false, forceVermagic: false, lookupOnly: false,
    showDepends: false, showConfig: false, showModversions: false, showExports: false, dryRun: false,
    configPaths: [] as string[], dirname: undefined as string | undefined, release: RELEASE, quiet: false, verbose: 0,
  };
  for (const o of g.opts) {
    switch (o.name) {
      case 'a': f.all = true; break;
      case 'r': f.remove = true; break;
      case 'remove-dependencies': case 'remove-holders': f.removeHolders = true; break;
      case 'w': {
        const n = Number(o.value);
        if (!Number.isInteger(n) || n < 0) { log.err(`unexpected wait value '${o.value}'.`); return 1; }
        f.waitMs = n;
        break;
      }
      case 'first-time': f.firstTime = true; break;
      case 'i': f.ignoreCommands = true; break;
      case 'b': f.useBlacklist = true; break;
      case 'f': f.force = true; break;
      case 'force-modversion': f.forceModversion = true; break;
      case 'force-vermagic': f.forceVermagic = true; break;
      case 'R': f.lookupOnly = true; break;
      case 'D': f.showDepends = true; break;
      case 'c': f.showConfig = true; break;
      case 'show-modversions': f.showModversions = true; break;
      case 'show-exports': f.showExports = true; break;
      case 'n': f.dryRun = true; break;
      case 'C': f.configPaths.push(o.value!); break;
      case 'd': f.dirname = o.value; break;
      case 'S': f.release = o.value!; break;
      case 's': break;
      case 'q': f.quiet = true; break;
      case 'v': f.verbose++; break;
      case 'V': ctx.stdout(kmodVersionText()); return 0;
      case 'h': ctx.stdout(USAGE); return 0;
    }
  }
  log.quiet = f.quiet;
  log.maxPrio = Math.min(Prio.DEBUG, Prio.WARNING + f.verbose);
  const vfs = ctx.vfs;
  if (!vfs) throw new Error('modprobe needs the file system');
  const cwd = ctx.cwd ?? '/';
  const args = g.operands;
  const doShow = f.showDepends || f.dryRun || f.verbose > 0;
  const stdout = ctx.stdout;

  try {
    if (!f.showConfig && args.length === 0) {
      log.err('missing parameters. See -h.');
      return 1;
    }
    const dirname = moduleDirname(f.release, f.dirname !== undefined ? vfs.resolve(f.dirname, cwd) : undefined);
    const kctx = await KmodContext.open(vfs, {
      dirname, log, configPaths: f.configPaths.length ? f.configPaths.map((c) => vfs.resolve(c, cwd)) : undefined,
    });

    if (f.showConfig) {
      let out = showConfig(kctx.config);
      out += '\n# End of configuration files. Dumping indexes now:\n\n';
      for (const [p, m] of kctx.index.dumpAliases()) out += `alias ${p} ${m}\n`;
      for (const [s, m] of [...kctx.index.dumpSymbols()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out += `alias symbol:${s} ${m}\n`;
      stdout(out);
      return 0;
    }
    if (f.showModversions || f.showExports) {
      const arg = args[0]!;
      let mod: KModule | undefined;
      const abs = vfs.resolve(arg, cwd);
      if (await vfs.isFile(abs)) mod = kctx.moduleFromPath(abs);
      else {
        const m = kctx.module(arg.replace(/-/g, '_'));
        if (m.path) mod = m;
      }
      if (!mod) {
        log.fatal(`Module ${arg} not found.`);
        return 1;
      }
      if (f.showModversions) {
        // A wasm module has no __versions section: kmod's answer for a module without one.
        log.fatal(`could not get modversions of ${arg}: ${strerror(ENOENT)}`);
        return 1;
      }
      let meta;
      try {
        meta = readModuleMetadata(await vfs.readFile(mod.path!));
      } catch {
        log.fatal(`could not get symbols of ${arg}: ${strerror(EINVAL)}`);
        return 1;
      }
      let out = '';
      for (const s of [...meta.exports, ...meta.gplExports]) out += `0x00000000\t${s}\n`;
      stdout(out);
      return 0;
    }

    const env: ProbeEnv = {
      kernel: ctx.kernel ?? noKernel,
      log,
      show: doShow ? stdout : undefined,
      dryRun: f.dryRun || f.showDepends,
      ignoreLoaded: f.showDepends,
      ignoreCommands: f.ignoreCommands,
      firstTime: f.firstTime,
      useBlacklist: f.useBlacklist,
      force: f.force,
      forceModversion: f.forceModversion,
      forceVermagic: f.forceVermagic,
      waitMs: f.waitMs,
      system: async (cmd, extra) => {
        if (!ctx.system) { log.err('no shell to run commands'); return 127; }
        if (nesting >= MAX_NESTING) { log.err(`too many nested modprobe calls running '${cmd}'`); return 1; }
        nesting++;
        try {
          return await ctx.system(cmd, { MODPROBE: 'modprobe', ...ctx.env, ...extra }, { stdout: ctx.stdout, stderr: ctx.stderr });
        } finally {
          nesting--;
        }
      },
    };

    const notFound = (name: string) => {
      if (f.all) log.warn(`Module ${name} not found in directory ${dirname}`);
      else log.fatal(`Module ${name} not found in directory ${dirname}`);
    };

    /** A path argument (/… or ./…) is the module file itself; anything else is looked up. */
    const resolve = async (name: string): Promise<KModule[] | undefined> => {
      if (name.startsWith('/') || name.startsWith('./')) {
        const abs = vfs.resolve(name, cwd);
        if (!(await vfs.isFile(abs))) {
          log.fatal(`Failed to get module from path ${name}: ${strerror(ENOENT)}`);
          return undefined;
        }
        return [kctx.moduleFromPath(abs)];
      }
      return kctx.lookup(name);
    };

    const insert = async (name: string, extra: string | undefined): Promise<number> => {
      const list = await resolve(name);
      if (list === undefined) return -EINVAL;
      if (list.length === 0) {
        notFound(name);
        return -ENOENT;
      }
      let err = 0;
      for (const mod of list) {
        if (f.lookupOnly) { stdout(`${mod.name}\n`); err = 0; continue; }
        err = await probeInsert(env, mod, extra);
        if (err >= 0) err = 0;
        else if (err === -EEXIST) log.err(`could not insert '${mod.name}': Module already in kernel`);
        else if (err === -ENOENT) log.err(`could not insert '${mod.name}': Unknown symbol in module, or unknown parameter (see dmesg)`);
        else log.err(`could not insert '${mod.name}': ${strerror(-err)}`);
      }
      return err;
    };

    const remove = async (name: string): Promise<number> => {
      const list = await resolve(name);
      if (list === undefined) return -EINVAL;
      if (list.length === 0) {
        log.fatal(`Module ${name} not found.`);
        return -ENOENT;
      }
      let err = 0;
      for (const mod of list) {
        err = await removeModule(env, mod, { dependencies: true, ignoreBuiltin: false, holders: f.removeHolders, quietInuse: false });
        if (err < 0) break;
      }
      return err;
    };

    let err = 0;
    if (f.remove) {
      for (const a of f.all ? args : args.slice(0, 1)) {
        const r = await remove(a);
        if (r < 0) err = r;
      }
    } else if (f.all) {
      for (const a of args) {
        const r = await insert(a, undefined);
        if (r < 0) err = r;
      }
    } else {
      err = await insert(args[0]!, args.length > 1 ? optionsFromArgs(args.slice(1)) : undefined);
    }
    return err >= 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof FatalExit) return e.status;
    if (e instanceof KernelOops) {
      ctx.stderr('Segmentation fault\n');
      return OOPS_EXIT;
    }
    throw e;
  }
}

const noKernel = {
  async insmod(): Promise<never> { throw new Error('modprobe: no kernel attached'); },
  rmmod(): never { throw new Error('modprobe: no kernel attached'); },
};
