// How the page reaches its kernel. Worker mode (the default where the page is cross-origin isolated): the
// session runs in a Web Worker behind comlink and a watchdog on the page's thread bounds every call; a
// call that does not return in time is reported as Linux's soft-lockup watchdog does, the worker is
// terminated and a fresh kernel boots with the files the page wrote (the module tree is rebuilt from the
// site data). Single-thread mode (not cross-origin isolated, or ?isolate=none): the same session on the
// page's own thread, no watchdog.

import * as Comlink from 'comlink';
import type { LogRecord } from '../kernel/printk.js';
import { LabSession, type DirEntry, type LabApi, type LabEvents, type LabState } from './session.js';
import type { SiteData } from './site-types.js';

export interface LabHooks extends LabEvents {
  /** The watchdog fired: `report` is the kernel-style message; a new kernel is booting. */
  lockup(report: string[], tsNs: number): void;
  /** A new kernel booted (after a lockup or a reboot request). */
  rebooted(): void;
}

export interface Lab {
  readonly mode: 'worker' | 'single-thread';
  readonly watchdogMs: number;
  run(line: string): Promise<{ status: number; cwd: string }>;
  state(): Promise<LabState>;
  log(): Promise<LogRecord[]>;
  list(path: string): Promise<DirEntry[]>;
  read(path: string, limit?: number): Promise<{ text: string; error?: string }>;
  put(path: string, data: Uint8Array): Promise<void>;
  complete(line: string): Promise<string[]>;
  reboot(): Promise<void>;
}

export class WatchdogError extends Error {
  override name = 'WatchdogError';
}

export async function openLab(site: SiteData, hooks: LabHooks, opts: { worker: boolean; watchdogMs: number; cmdline?: string }): Promise<Lab> {
  if (!opts.worker) {
    let s = new LabSession();
    await s.boot(site, { cmdline: opts.cmdline }, hooks);
    return {
      mode: 'single-thread', watchdogMs: 0,
      run: (l) => s.run(l), state: () => s.state(), log: () => s.log(), list: (p) => s.list(p),
      read: (p, n) => s.read(p, n), put: (p, d) => s.put(p, d), complete: (l) => s.complete(l),
      async reboot() { s = new LabSession(); await s.boot(site, { cmdline: opts.cmdline }, hooks); hooks.rebooted(); },
    };
  }
  const lab = new WorkerLab(site, hooks, opts.watchdogMs, opts.cmdline);
  await lab.start();
  return lab;
}

class WorkerLab implements Lab {
  readonly mode = 'worker' as const;
  private worker!: Worker;
  private remote!: Comlink.Remote<LabApi>;
  /** Files the page wrote (compiled modules): restored after a reboot. */
  private readonly written = new Map<string, Uint8Array>();
  private booting: Promise<void> | undefined;
  /** The last printk record seen (the watchdog names the module that printed it). */
  private lastRecord: LogRecord | undefined;
  private pidGuess = 0;
  private bootMs = 0;
  /** Incremented per kernel worker: a call that outlived its worker only fails. */
  private generation = 0;

  constructor(private readonly site: SiteData, private readonly hooks: LabHooks, readonly watchdogMs: number, private readonly cmdline?: string) {}

  async start(): Promise<void> {
    this.generation++;
    this.worker = new Worker(new URL('./kernel-worker.ts', import.meta.url), { type: 'module', name: 'lkm-kernel' });
    this.remote = Comlink.wrap<LabApi>(this.worker);
    const events: LabEvents = {
      output: (t, s) => this.hooks.output(t, s),
      log: (r) => { this.lastRecord = r; this.hooks.log(r); },
      changed: () => this.hooks.changed(),
    };
    this.bootMs = performance.now();
    await this.remote.boot(this.site, { cmdline: this.cmdline, files: Object.fromEntries(this.written) }, Comlink.proxy(events));
  }

  /** Runs a call under the watchdog. */
  private async guard<T>(what: string, call: () => Promise<T>): Promise<T> {
    if (this.booting) await this.booting;
    const gen = this.generation;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = performance.now();
    const expired = new Promise<never>((_ok, fail) => {
      timer = setTimeout(() => fail(new WatchdogError(what)), this.watchdogMs);
    });
    try {
      return await Promise.race([call(), expired]);
    } catch (e) {
      if (e instanceof WatchdogError) {
        if (gen === this.generation && !this.booting) await this.lockup(what, performance.now() - started);
        else if (this.booting) await this.booting;
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private async lockup(what: string, ms: number): Promise<void> {
    this.worker.terminate();
    const comm = (what.trim().split(/[\s;|&]+/)[0] ?? 'sh').slice(0, 15) || 'sh';
    const ts = this.lastRecord ? this.lastRecord.tsNs + ms * 1e6 : (performance.now() - this.bootMs) * 1e6;
    const secs = Math.max(1, Math.round(ms / 1000));
    const mod = this.lastRecord?.text.match(/^([A-Za-z0-9_]+): /)?.[1];
    const report = [
      `watchdog: BUG: soft lockup - CPU#0 stuck for ${secs}s! [${comm}:${100 + ++this.pidGuess}]`,
      ...(mod ? [`Modules linked in: ${mod}(OE+)`] : []),
      `lkm: \`${what}\` did not return within ${this.watchdogMs / 1000}s; the kernel worker was stopped (tainted L) and a new kernel is booting`,
    ];
    this.hooks.lockup(report, ts);
    this.booting = this.start().then(() => { this.booting = undefined; this.hooks.rebooted(); });
    await this.booting;
  }

  run(line: string) { return this.guard(line, () => this.remote.run(line)); }
  state() { return this.guard('state', () => this.remote.state()); }
  log() { return this.guard('log', () => this.remote.log()); }
  list(path: string) { return this.guard(`ls ${path}`, () => this.remote.list(path)); }
  read(path: string, limit?: number) { return this.guard(`cat ${path}`, () => this.remote.read(path, limit)); }
  async put(path: string, data: Uint8Array) {
    this.written.set(path, data);
    return this.guard(`write ${path}`, () => this.remote.put(path, data));
  }
  complete(line: string) { return this.guard('complete', () => this.remote.complete(line)); }
  async reboot() {
    this.worker.terminate();
    this.booting = this.start().then(() => { this.booting = undefined; this.hooks.rebooted(); });
    await this.booting;
  }
}
