// What modprobe does with the modules a lookup found: libkmod's probe list (dependencies deepest first,
// soft dependencies around each, visited once), insertion through the Kernel API, install commands,
// and modprobe's removal (post softdeps, holders, the module, one pass over unused dependencies, pre
// softdeps).

import { KernelError, EAGAIN, EBUSY, EEXIST, ENOENT, strerror } from '../kernel/errno.js';
import type { KModule } from './context.js';
import type { Logger } from './log.js';

/** The part of the Kernel API modprobe uses (the in-thread Kernel and the promise API both provide it). */
export interface KmodKernel {
  insmod(bytes: Uint8Array, params: string, opts: { ignoreVermagic?: boolean; ignoreModversions?: boolean }): Promise<unknown>;
  rmmod(name: string, opts: { force?: boolean }): void | Promise<void>;
}

export interface ProbeEnv {
  kernel: KmodKernel;
  log: Logger;
  /** print_action / SHOW: set when showing (-n, -D, -v). */
  show?: (line: string) => void;
  dryRun: boolean;
  ignoreLoaded: boolean;
  ignoreCommands: boolean;
  firstTime: boolean;
  useBlacklist: boolean;
  forceVermagic: boolean;
  forceModversion: boolean;
  force: boolean;
  /** -w: milliseconds to wait for a module to become unused. */
  waitMs: number;
  quietInuse?: boolean;
  /** Runs an install/remove command through the shell; resolves to its exit status. */
  system(cmd: string, env: Record<string, string>): Promise<number>;
}

/** Positive "not an error" results of probe (kmod's KMOD_PROBE_APPLY_BLACKLIST*). */
export const PROBE_BLACKLISTED = 0x10000;

/** Errno-style result: 0, a positive flag, or -errno. */
export type Err = number;

/** libkmod's module_options_concat: config options, a space, then the command-line options (if any). */
function concatOptions(a: string, b: string | undefined): string {
  if (a) return `${a} ${b ?? ''}`;
  return b ?? '';
}

/** libkmod's probe list of `mod`. */
function probeList(mod: KModule, ignoreCmd: boolean): KModule[] {
  mod.ctx.resetMarks();
  const list: KModule[] = [];
  const fillSoftdep = (m: KModule) => {
    const { pre, post } = m.softdeps();
    for (const p of pre) visit(p, false, false);
    list.push(m);
    m.ignoreCmd = pre.length > 0 || post.length > 0;
    for (const p of post) visit(p, false, false);
  };
  const visit = (m: KModule, required: boolean, ignorecmd: boolean) => {
    if (m.visited) return;
    m.visited = true;
    const deps = m.dependencies();
    if (required) {
      m.required = true;
      for (const d of deps) d.required = true;
    }
    for (const d of deps) fillSoftdep(d);
    if (ignorecmd) {
      list.push(m);
      m.ignoreCmd = true;
    } else fillSoftdep(m);
  };
  visit(mod, true, ignoreCmd);
  return list;
}

/** Inserts one module file through the kernel. */
async function insertModule(env: ProbeEnv, m: KModule, options: string): Promise<Err> {
  const path = m.path;
  if (!path) {
    env.log.err(`could not find module by name='${m.name}'`);
    return -ENOENT;
  }
  let bytes: Uint8Array;
  try {
    bytes = await m.ctx.vfs.readFile(path);
  } catch (e) {
    return -((e as { errno?: number }).errno ?? ENOENT);
  }
  try {
    await env.kernel.insmod(bytes, options, {
      ignoreVermagic: env.force || env.forceVermagic,
      ignoreModversions: env.force || env.forceModversion,
    });
    return 0;
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    env.log.info(`Failed to insert module '${path}': ${strerror(e.errno)}`);
    return -e.errno;
  }
}

/** Runs an install or remove command (`$CMDLINE_OPTS` replaced), as modprobe's command_do. */
async function commandDo(env: ProbeEnv, m: KModule, type: 'install' | 'remove', cmd: string): Promise<Err> {
  if (env.dryRun) return 0;
  const status = await env.system(cmd, { MODPROBE_MODULE: m.name });
  if (status !== 0) {
    env.log.err(`Error running ${type} command for ${m.name}`);
    return -status;
  }
  return 0;
}

/** kmod_module_probe_insert_module. `extra` are the command-line options (for `mod` only). */
export async function probeInsert(env: ProbeEnv, mod: KModule, extra: string | undefined): Promise<Err> {
  if (!env.ignoreLoaded && await mod.inKernel()) return env.firstTime ? -EEXIST : 0;
  if ((mod.alias !== undefined || env.useBlacklist) && mod.isBlacklisted) return PROBE_BLACKLISTED;

  const list = probeList(mod, env.ignoreCommands);
  let err: Err = 0;
  for (const m of list) {
    if (!env.ignoreLoaded && await m.inKernel()) {
      env.log.debug(`Ignoring module '${m.name}': already loaded`);
      err = 0;
      continue;
    }
    const options = concatOptions(m.options, m === mod ? extra : undefined);
    const cmd = m.installCommand;
    if (cmd !== undefined && !m.ignoreCmd) {
      env.show?.(`install ${cmd} ${options}\n`);
      if (!env.dryRun) err = await commandDo(env, m, 'install', cmd.split('$CMDLINE_OPTS').join(options));
    } else {
      const path = m.path;
      if (path) env.show?.(`insmod ${path} ${options}\n`);
      else if (await m.initstate() === 'builtin') env.show?.(`builtin ${m.name}\n`);
      if (!env.dryRun) err = await insertModule(env, m, options);
    }
    if (err === -EEXIST && m === mod && env.firstTime) break;
    if (err === -EEXIST || !m.required) err = 0;
    else if (err < 0) break;
  }
  return err;
}

export interface RemoveFlags { dependencies: boolean; ignoreBuiltin: boolean; holders: boolean; quietInuse: boolean; }

async function removeModuleNow(env: ProbeEnv, m: KModule): Promise<Err> {
  env.show?.(`rmmod ${m.name}\n`);
  if (env.dryRun) return 0;
  const deadline = Date.now() + env.waitMs;
  let interval = 1;
  for (;;) {
    try {
      await env.kernel.rmmod(m.name, { force: env.force });
      return 0;
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      if (e.errno === EAGAIN && env.waitMs > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, interval));
        interval = Math.min(interval * 2, 1000);
        continue;
      }
      env.log.err(`could not remove '${m.name}': ${strerror(e.errno)}`);
      return -e.errno;
    }
  }
}

/** modprobe's rmmod_do_module. */
export async function removeModule(env: ProbeEnv, mod: KModule, flags: RemoveFlags): Promise<Err> {
  let pre: KModule[] = [];
  let post: KModule[] = [];
  let cmd: string | undefined;
  if (!env.ignoreCommands) {
    ({ pre, post } = mod.softdeps());
    cmd = mod.removeCommand;
  }
  if (cmd === undefined && !env.ignoreLoaded) {
    const state = await mod.initstate();
    if (state === undefined) {
      if (env.firstTime) {
        env.log.fatal(`Module ${mod.name} is not in kernel.`);
        return -ENOENT;
      }
      return 0;
    }
    if (state === 'builtin') {
      if (flags.ignoreBuiltin) return 0;
      env.log.fatal(`Module ${mod.name} is builtin.`);
      return -ENOENT;
    }
  }
  await removeList(env, [...post].reverse(), false);

  if (flags.holders) {
    const err = await removeList(env, await mod.holders(), true);
    if (err < 0) return err;
  }

  if (cmd === undefined && !env.ignoreLoaded && env.waitMs === 0) {
    const usage = await mod.refcnt();
    if (usage !== undefined && usage > 0) {
      if (!flags.quietInuse) env.log.fatal(`Module ${mod.name} is in use.`);
      return -EBUSY;
    }
  }

  let err: Err;
  if (cmd === undefined) err = await removeModuleNow(env, mod);
  else {
    env.show?.(`remove ${cmd}\n`);
    err = await commandDo(env, mod, 'remove', cmd);
  }
  if (err < 0) return err;

  if (flags.dependencies) await removeList(env, mod.dependencies(), false);
  await removeList(env, [...pre].reverse(), false);
  return 0;
}

/** Removes each module of a list (unused ones only, quietly), in list order. */
async function removeList(env: ProbeEnv, list: KModule[], stopOnErrors: boolean): Promise<Err> {
  for (const m of list) {
    const r = await removeModule(env, m, { dependencies: false, ignoreBuiltin: true, holders: false, quietInuse: true });
    if (r < 0 && stopOnErrors) return r;
  }
  return 0;
}
