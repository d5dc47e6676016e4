// isolate: 'none': the kernel on the caller's thread behind the same promise-returning API as the
// worker kernel (its calls run by calls.ts, as in the worker). No watchdog (module code that never
// returns blocks the caller).

import { Kernel, type ModuleInfo } from '../kernel/kernel.js';
import { KernelError, ENOENT } from '../kernel/errno.js';
import type { LoadOptions } from '../kernel/load.js';
import type { LogListener, LogRecord, PrintkRing } from '../kernel/printk.js';
import { forwardCalls, runAsProcess, type ForwardedCalls, type KernelApi, type KernelBootOptions, type LogView, type ScriptOp } from './api.js';
import { runCall, type BatchOp, type BatchResult } from './calls.js';

/**
 * The kernel's own ring seen through a seq offset that keeps growing across reboots, with subscribers
 * that stay subscribed when a reboot replaces the ring (as the worker kernel's LogMirror does).
 */
class LocalLog implements LogView {
  private base = 0;
  private ring!: PrintkRing;
  private listeners = new Set<LogListener>();
  /** Records of the boot before the last reboot. */
  previousBoot: LogRecord[] = [];

  attach(ring: PrintkRing): void {
    if (this.ring) {
      this.previousBoot = this.read();
      this.base = this.seq;
    }
    this.ring = ring;
    ring.subscribe((r) => { for (const l of this.listeners) l(this.map(r)); });
  }

  private map(r: LogRecord): LogRecord { return this.base ? { ...r, seq: r.seq + this.base } : r; }
  get seq(): number { return this.base + this.ring.seq; }
  read(): LogRecord[] { return this.ring.read().map((r) => this.map(r)); }
  since(seq: number): LogRecord[] { return this.ring.since(seq - this.base).map((r) => this.map(r)); }
  flush(): void { this.ring.flush(); }
  clear(): void { this.ring.clear(); }
  subscribe(l: LogListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export interface LocalKernel extends ForwardedCalls {}

export class LocalKernel implements KernelApi {
  readonly isolate = 'none' as const;
  readonly log = new LocalLog();
  /** The process the next calls run as (set by asProcess). */
  comm: string | undefined;

  private readonly mountWatchers = new Set<(points: string[]) => void>();

  /**
   * `opts` undefined: a kernel the caller booted and also drives directly (a Node session's Vfs reads its
   * files): processes are then the kernel's own (asProcess is Kernel.asProcess), and it cannot be rebooted.
   */
  private constructor(public kernel: Kernel, private readonly opts: KernelBootOptions | undefined) {
    this.attach(kernel);
  }

  /** A (new) kernel: its log, and its mount table for watchMounts(). */
  private attach(kernel: Kernel): void {
    this.log.attach(kernel.log);
    const tell = () => { for (const l of this.mountWatchers) l(kernel.mountPoints()); };
    kernel.mounts.subscribe(tell);
    tell();
  }

  static async boot(opts: KernelBootOptions): Promise<LocalKernel> {
    return new LocalKernel(await LocalKernel.bootKernel(opts), opts);
  }

  /** The promise API over a kernel the caller booted itself (see the constructor). */
  static over(kernel: Kernel): LocalKernel {
    return new LocalKernel(kernel, undefined);
  }

  private static bootKernel(opts: KernelBootOptions): Promise<Kernel> {
    return Kernel.boot({
      vmlinux: opts.vmlinux, cmdline: opts.cmdline, trustedKeys: opts.trustedKeys, moduleSigForce: opts.moduleSigForce,
      readFile: opts.readFile, console: opts.console, spawnCpu: opts.spawnCpu,
    });
  }

  get rebootable(): boolean { return this.opts !== undefined; }

  /** Runs a call, as the current process when asProcess() set one (captured when the call starts). */
  private async call(op: BatchOp, signal?: AbortSignal): Promise<unknown> {
    const comm = op.comm ?? this.comm;
    return runCall(this.kernel, comm ? { ...op, comm } as BatchOp : op, signal);
  }

  async insmod(file: Uint8Array | string, params?: string | string[], opts?: LoadOptions): Promise<ModuleInfo> {
    const comm = this.comm;
    let bytes: Uint8Array;
    if (typeof file === 'string') {
      const read = this.opts?.readFile;
      if (!read) throw new KernelError(ENOENT, `cannot read ${file}: no file system attached`);
      bytes = await read(file);
    } else bytes = file;
    return this.call({ op: 'insmod', args: [bytes, params, opts], comm }) as Promise<ModuleInfo>;
  }

  async dmesg(opts?: { clear?: boolean; level?: number[]; time?: boolean }) { return this.kernel.dmesg(opts); }
  readFile(path: string, opts: { signal?: AbortSignal } = {}) { return this.call({ op: 'readFile', args: [path] }, opts.signal) as Promise<string>; }
  readBytes(path: string, count: number, offset = 0, opts: { signal?: AbortSignal } = {}) {
    return this.call({ op: 'readBytes', args: [path, count, offset] }, opts.signal) as Promise<Uint8Array>;
  }
  async writeFile(path: string, data: string, opts: { signal?: AbortSignal } = {}) { await this.call({ op: 'writeFile', args: [path, data] }, opts.signal); }
  async writeBytes(path: string, data: Uint8Array, opts: { signal?: AbortSignal } = {}) { await this.call({ op: 'writeBytes', args: [path, data] }, opts.signal); }
  async mount(source: string | null, target: string, fstype: string, flags?: number, data?: string) {
    const comm = this.comm;
    const targetType = this.kernel.rootFsType ? undefined : await this.opts?.pathType?.(target);
    await this.call({ op: 'mount', args: [source, target, fstype, flags, data, { targetType }], comm });
  }

  watchMounts(l: (points: string[]) => void): () => void {
    this.mountWatchers.add(l);
    l(this.kernel.mountPoints());
    return () => this.mountWatchers.delete(l);
  }

  asProcess<T>(comm: string, fn: () => T): T {
    return this.opts ? runAsProcess(this, comm, fn) : this.kernel.asProcess(comm, fn);
  }

  async batch(ops: ScriptOp[], opts: { stopOnError?: boolean } = {}): Promise<BatchResult[]> {
    const out: BatchResult[] = [];
    for (const op of ops) {
      try {
        const run = op.op === 'insmod' ? () => this.insmod(op.args[0], op.args[1], op.args[2]) : () => this.call(op);
        // call() runs an operation as op.comm itself; insmod (a path is read first) takes it from asProcess.
        out.push({ ok: true, value: await (op.comm && op.op === 'insmod' ? this.asProcess(op.comm, run) : run()) });
      } catch (e) {
        out.push({ ok: false, error: e as Error });
        if (opts.stopOnError) break;
      }
    }
    return out;
  }

  async reboot(): Promise<void> {
    if (!this.opts) throw new Error('the in-thread kernel cannot be rebooted');
    // The old kernel's threads go with it (their workers would run on in its memory).
    this.kernel.threads.shutdown();
    this.kernel = await LocalKernel.bootKernel(this.opts);
    this.attach(this.kernel);
  }

  /** A kernel it booted itself goes with it: its threads' workers are stopped (one it was given is the giver's). */
  async close(): Promise<void> {
    if (this.opts) this.kernel.threads.shutdown();
  }
}

forwardCalls(LocalKernel);

/** The promise API of `k`: an in-thread Kernel behind LocalKernel.over, a KernelApi as it is. */
export function kernelApi(k: Kernel | KernelApi): KernelApi {
  return k instanceof Kernel ? LocalKernel.over(k) : k;
}
