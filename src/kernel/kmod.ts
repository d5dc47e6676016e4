// request_module(): the kernel runs `<modprobe_path> -q -- NAME` as a usermode helper and returns its
// exit status (kernel/module/kmod.c). Here the helper is whatever the session registered for the kernel
// (the lkm shell: the path names a command such as /sbin/modprobe). Driver code that needs a module on
// demand calls it: opening /dev with no driver → request_module("char-major-%d-%d"), mounting an unknown
// filesystem type → request_module("fs-%s").

import { EAGAIN, ENAMETOOLONG, ENOENT } from './errno.js';

/** Longest module name + 1 (MODULE_NAME_LEN of a 64-bit kernel, which kmod.c checks against). */
export const MODULE_NAME_LEN = 56;

export interface UsermodeHelper {
  /** Whether the program at `path` exists (exec would succeed). */
  exists(path: string): boolean;
  /** Runs argv (argv[0] is the program path) with the environment; resolves to its exit status. */
  run(argv: string[], env: Record<string, string>): Promise<number>;
}

const helpers = new WeakMap<object, UsermodeHelper>();

/** Registers how a kernel runs usermode helpers (one per session). */
export function setUsermodeHelper(kernel: object, helper: UsermodeHelper): void {
  helpers.set(kernel, helper);
}

export const USERMODE_ENV = { HOME: '/', TERM: 'linux', PATH: '/sbin:/usr/sbin:/bin:/usr/bin' };

interface Prepared { run: () => Promise<number>; }

/** The checks __request_module makes before it execs: -ENOENT, -ENAMETOOLONG, or the helper to run. */
function prepare(kernel: { modprobePath: string }, name: string): number | Prepared {
  const path = kernel.modprobePath;
  if (!path) return -ENOENT;
  if (name.length >= MODULE_NAME_LEN) return -ENAMETOOLONG;
  const helper = helpers.get(kernel);
  if (!helper || !helper.exists(path)) return -ENOENT;
  return { run: () => helper.run([path, '-q', '--', name], { ...USERMODE_ENV }) };
}

/**
 * request_module(name) (wait = true) / request_module_nowait(name) (wait = false): 0, a negative errno,
 * or modprobe's positive exit status. Without wait the result is known once the helper started: 0.
 */
export async function requestModule(kernel: { modprobePath: string }, name: string, wait = true): Promise<number> {
  const p = prepare(kernel, name);
  if (typeof p === 'number') return p;
  const running = p.run();
  if (!wait) {
    running.catch(() => {});
    return 0;
  }
  return running;
}

/**
 * For a synchronous caller (C code through a host import, which cannot wait for JavaScript): the
 * errors known before exec are returned at once; otherwise modprobe is started and `started` returned
 * (0, as request_module_nowait() does). `done` receives modprobe's exit status when it finishes.
 */
export function requestModuleNoWait(kernel: { modprobePath: string }, name: string, done?: (status: number) => void,
  started = 0): number {
  const p = prepare(kernel, name);
  if (typeof p === 'number') return p;
  const d = deferrals.get(kernel);
  if (d) {
    // Inside withAutoload(): a status this system call already waited for, else noted for it to wait on.
    const known = d.known.get(name);
    if (known !== undefined) return known;
    if (!d.needed.includes(name)) d.needed.push(name);
    return -EAGAIN;
  }
  p.run().then((s) => done?.(s), () => done?.(-ENOENT));
  return started;
}

/** While a withAutoload() call runs its synchronous kernel code: what request_module() from C answers. */
interface Deferral {
  /** Names modprobe already ran for during this system call, with its exit status. */
  known: Map<string, number>;
  /** Names C asked for during this attempt that have not run yet, in order. */
  needed: string[];
}

const deferrals = new WeakMap<object, Deferral>();

/** Attempts of one system call at most (each after a modprobe that ran to its end). */
const MAX_ATTEMPTS = 8;

/**
 * Runs a synchronous kernel call (an open(2) that may reach base_probe()'s request_module) so that the
 * modules it asks for are loaded before it gives up, as on Linux where the opener sleeps in
 * request_module(): each request_module() from C made during `fn` is answered -EAGAIN (a failed
 * request) and noted; if `fn` then fails, the first noted name runs as `modprobe -q -- NAME` and is
 * waited for, and `fn` runs again with request_module() answering that name with modprobe's exit
 * status. So each name runs exactly once, in the order C asks for them (char-major-M-N, then
 * char-major-M), and C sees the statuses a waiting request_module() would have returned. A call that
 * succeeds although it asked for a module (C that ignores the result) starts those modprobes without
 * waiting, as request_module_nowait() would have. `attempt` runs one attempt (default: `once()`); a
 * call that can sleep passes a runner that parks and reissues `once` (Kernel.openAsync).
 */
export async function withAutoload<T>(kernel: { modprobePath: string }, fn: () => T,
  attempt: (once: () => T) => T | Promise<T> = (once) => once()): Promise<T> {
  const known = new Map<string, number>();
  for (let n = 1; ; n++) {
    // The deferral covers exactly fn's synchronous kernel code: `attempt` may run `once` several times
    // (a call that sleeps is issued again when woken), and other system calls run in between.
    let needed: string[] = [];
    const once = (): T => {
      const d: Deferral = { known, needed: [] };
      needed = d.needed;
      const outer = deferrals.get(kernel);
      deferrals.set(kernel, d);
      try {
        return fn();
      } finally {
        restore(kernel, outer);
      }
    };
    let value: T;
    try {
      value = await attempt(once);
    } catch (e) {
      if (needed.length === 0 || n >= MAX_ATTEMPTS) throw e;
      const name = needed[0]!;
      known.set(name, await requestModule(kernel, name, true).catch(() => -ENOENT));
      continue;
    }
    for (const name of needed) requestModuleNoWait(kernel, name);
    return value;
  }
}

function restore(kernel: object, outer: Deferral | undefined): void {
  if (outer) deferrals.set(kernel, outer);
  else deferrals.delete(kernel);
}
