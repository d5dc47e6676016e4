// How the page reaches its kernel.
//
// Worker mode (the default where the page is cross-origin isolated): the whole session (kernel, file
// system, shell: session.ts) runs in a module Web Worker behind comlink. The worker announces every entry
// into module code and its return (Kernel.onModuleCode); a timer on the page's thread fires when module
// code has not returned after the watchdog time. Then, as src/worker/client.ts does for a bare kernel:
// Linux's soft lockup record is added to the log, the kernel is marked tainted L, the worker is
// terminated (a thread spinning in wasm cannot be interrupted otherwise) and the calls in flight fail.
// The kernel stays hung (commands answer that it is) until reboot(), which boots a new kernel in a new
// worker with the files the page wrote (the module tree comes from the site data again).
//
// Why not bootKernel({ isolate: 'worker' }) from src/worker: that puts only the kernel in the worker and
// leaves the shell on the caller's side, and the shell and the tools call the synchronous Kernel API.
// Once they take the promise API (KernelApi), this file is the one place to change.
//
// Single-thread mode (not cross-origin isolated, or ?isolate=none): the same session on the page's own
// thread, no watchdog.

import * as Comlink from 'comlink';
import type { LogRecord } from '../kernel/printk.js';
import { kernelTaintString, TAINT } from '../kernel/taint.js';
import { UTS_RELEASE, UTS_VERSION } from '../kernel/kernel.js';
import { LabSession, type DirEntry, type LabApi, type LabEvents, type LabState, type ModuleCodeEntry } from './session.js';
import type { SiteData } from './site-types.js';

export interface Lockup {
  seconds: number;
  comm: string;
  pid: number;
  module: string | undefined;
  function: string;
}

export interface LabHooks extends LabEvents {
  /** The watchdog fired: its records are in the log (hooks.log got them); the kernel is hung. */
  lockup(l: Lockup): void;
  /** A new kernel booted. */
  rebooted(): void;
}

export interface Lab {
  readonly mode: 'worker' | 'single-thread';
  readonly watchdogMs: number;
  /** Set after a soft lockup, until reboot(). */
  readonly hung: Lockup | undefined;
  run(line: string): Promise<{ status: number; cwd: string }>;
  state(): Promise<LabState>;
  log(): Promise<LogRecord[]>;
  list(path: string): Promise<DirEntry[]>;
  read(path: string, limit?: number): Promise<{ text: string; error?: string }>;
  put(path: string, data: Uint8Array): Promise<void>;
  complete(line: string): Promise<string[]>;
  reboot(): Promise<void>;
}

/** A call that was running when the watchdog fired, or made while the kernel is hung. */
export class KernelHungError extends Error {
  override name = 'KernelHungError';
  constructor(message: string, readonly lockup: Lockup | undefined) { super(message); }
}

export async function openLab(site: SiteData, hooks: LabHooks, opts: { worker: boolean; watchdogMs: number; cmdline?: string }): Promise<Lab> {
  if (!opts.worker) {
    let s = new LabSession();
    await s.boot(site, { cmdline: opts.cmdline }, hooks);
    const written = new Map<string, Uint8Array>();
    return {
      mode: 'single-thread', watchdogMs: 0, hung: undefined,
      run: (l) => s.run(l), state: () => s.state(), log: () => s.log(), list: (p) => s.list(p),
      read: (p, n) => s.read(p, n), complete: (l) => s.complete(l),
      put: (p, d) => { written.set(p, d); return s.put(p, d); },
      async reboot() {
        s = new LabSession();
        await s.boot(site, { cmdline: opts.cmdline, files: Object.fromEntries(written) }, hooks);
        hooks.rebooted();
      },
    };
  }
  const lab = new WorkerLab(site, hooks, opts.watchdogMs, opts.cmdline);
  await lab.start();
  return lab;
}

/** The C function behind a Kernel.run() label ("hello: init" → init_module), as src/worker/client.ts names it. */
function entryName(what: string): string {
  const phase = what.includes(': ') ? what.slice(what.indexOf(': ') + 2) : what;
  const known: Record<string, string> = {
    init: 'init_module', exit: 'cleanup_module', constructors: '__wasm_call_ctors', relocation: '__wasm_apply_data_relocs',
    instantiate: '__wasm_init_memory', parse_args: 'parse_args', destroy_params: 'destroy_params',
    'sysfs param read': 'param_attr_show', 'sysfs param write': 'param_attr_store',
  };
  return known[phase] ?? phase;
}

interface Pending { reject(e: Error): void; }

class WorkerLab implements Lab {
  readonly mode = 'worker' as const;
  hung: Lockup | undefined;
  private worker!: Worker;
  private remote!: Comlink.Remote<LabApi>;
  /** Files the page wrote (compiled modules): restored after a reboot. */
  private readonly written = new Map<string, Uint8Array>();
  private generation = 0;
  private entered: (ModuleCodeEntry & { timer: ReturnType<typeof setTimeout> }) | undefined;
  private pending = new Set<Pending>();
  private lastState: LabState | undefined;
  private seq = 0;

  constructor(private readonly site: SiteData, private readonly hooks: LabHooks, readonly watchdogMs: number, private readonly cmdline?: string) {}

  async start(): Promise<void> {
    const gen = ++this.generation;
    this.hung = undefined;
    this.worker = new Worker(new URL('./kernel-worker.ts', import.meta.url), { type: 'module', name: 'lkm-kernel' });
    this.remote = Comlink.wrap<LabApi>(this.worker);
    const live = () => gen === this.generation;
    const events: LabEvents = {
      output: (t, s) => { if (live()) this.hooks.output(t, s); },
      log: (r) => { if (live()) { this.seq = r.seq; this.hooks.log(r); } },
      changed: () => { if (live()) this.hooks.changed(); },
      moduleCode: (e) => { if (live()) this.moduleCode(e); },
    };
    await this.track(this.remote.boot(this.site, { cmdline: this.cmdline, files: Object.fromEntries(this.written) }, Comlink.proxy(events)));
  }

  private moduleCode(e: ModuleCodeEntry | undefined): void {
    if (this.entered) clearTimeout(this.entered.timer);
    this.entered = undefined;
    if (!e) return;
    const timer = setTimeout(() => this.softLockup(), Math.max(0, this.watchdogMs - Math.max(0, Date.now() - e.at)));
    this.entered = { ...e, timer };
  }

  /** kernel/watchdog.c's report (the same records src/worker/client.ts writes), then taint L and hung. */
  private softLockup(): void {
    const e = this.entered;
    if (!e || this.hung) return;
    this.entered = undefined;
    this.worker.terminate();
    this.generation++;
    const ms = Date.now() - e.at;
    const seconds = Math.round(ms / 1000);
    const colon = e.what.indexOf(': ');
    const module = colon > 0 ? e.what.slice(0, colon) : undefined;
    const fn = entryName(e.what);
    const where = module ? `${fn} [${module}]` : fn;
    const tsNs = e.tsNs + ms * 1e6;
    const lines: [number, string][] = [
      [0, `watchdog: BUG: soft lockup - CPU#0 stuck for ${seconds}s! [${e.comm}:${e.pid}]`],
      [4, e.modules],
      [4, `CPU: 0 UID: 0 PID: ${e.pid} Comm: ${e.comm} ${kernelTaintString(e.taint)} ${UTS_RELEASE} ${UTS_VERSION}`],
      [4, 'Hardware name: lkm-wasm WebAssembly virtual machine'],
      [4, `RIP: ${where}`],
      [4, 'Call Trace:'],
      [4, ' <TASK>'],
      [4, ` ${where}`],
      [4, ' </TASK>'],
    ];
    for (const [level, text] of lines) this.hooks.log({ seq: ++this.seq, level, tsNs, text });
    const lockup: Lockup = { seconds, comm: e.comm, pid: e.pid, module, function: fn };
    this.hung = lockup;
    const taintMask = e.taint | (1 << TAINT.SOFTLOCKUP);
    if (this.lastState) this.lastState = { ...this.lastState, taintMask, taint: kernelTaintString(taintMask) };
    this.hooks.lockup(lockup);
    const err = new KernelHungError(`watchdog: BUG: soft lockup - CPU#0 stuck for ${seconds}s! [${e.comm}:${e.pid}]`, lockup);
    const all = [...this.pending];
    this.pending.clear();
    for (const p of all) p.reject(err);
  }

  private hungError(): KernelHungError {
    const l = this.hung;
    return new KernelHungError(`the kernel is hung after a soft lockup${l?.module ? ` in module ${l.module}` : ''}: type \`reboot\` (or press Alt+R)`, l);
  }

  /** A promise that also fails when the watchdog fires before it settles. */
  private track<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { reject };
      this.pending.add(entry);
      p.then((v) => { if (this.pending.delete(entry)) resolve(v); }, (e) => { if (this.pending.delete(entry)) reject(e); });
    });
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    if (this.hung) return Promise.reject(this.hungError());
    return this.track(fn());
  }

  run(line: string) { return this.call(() => this.remote.run(line)); }
  async state() {
    if (this.hung && this.lastState) return this.lastState;
    this.lastState = await this.call(() => this.remote.state());
    return this.lastState;
  }
  log() { return this.call(() => this.remote.log()); }
  list(path: string) { return this.call(() => this.remote.list(path)); }
  read(path: string, limit?: number) { return this.call(() => this.remote.read(path, limit)); }
  put(path: string, data: Uint8Array) {
    this.written.set(path, data);
    return this.call(() => this.remote.put(path, data));
  }
  complete(line: string) { return this.call(() => this.remote.complete(line)); }

  async reboot(): Promise<void> {
    if (this.entered) clearTimeout(this.entered.timer);
    this.entered = undefined;
    this.worker.terminate();
    const all = [...this.pending];
    this.pending.clear();
    for (const p of all) p.reject(new KernelHungError('kernel rebooted', undefined));
    this.lastState = undefined;
    await this.start();
    this.hooks.rebooted();
  }
}
