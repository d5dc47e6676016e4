// isolate: 'none': the kernel on the caller's thread behind the same promise-returning API as the
// worker kernel. No watchdog (module code that never returns blocks the caller).

import { Kernel, type ModuleInfo } from './kernel.js';
import { KernelError, ENOENT } from './errno.js';
import type { LoadOptions } from './load.js';
import type { LogListener, LogRecord, PrintkRing } from './printk.js';
import { runAsProcess, type KernelApi, type KernelBootOptions, type LogView, type ScriptOp } from './api.js';
import type { BatchResult } from '../worker/protocol.js';

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

export class LocalKernel implements KernelApi {
  readonly isolate = 'none' as const;
  readonly log = new LocalLog();
  /** The process the next calls run as (set by asProcess). */
  comm: string | undefined;

  private readonly mountWatchers = new Set<(points: string[]) => void>();

  private constructor(public kernel: Kernel, private readonly opts: KernelBootOptions) {
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

  private static bootKernel(opts: KernelBootOptions): Promise<Kernel> {
    return Kernel.boot({ vmlinux: opts.vmlinux, cmdline: opts.cmdline, readFile: opts.readFile, console: opts.console });
  }

  /** Runs `fn` as the current process when asProcess() set one (captured when the call starts). */
  private as<T>(fn: () => T): T {
    const comm = this.comm;
    return comm ? this.kernel.asProcess(comm, fn) : fn();
  }

  async insmod(file: Uint8Array | string, params?: string | string[], opts?: LoadOptions): Promise<ModuleInfo> {
    const comm = this.comm;
    let bytes: Uint8Array;
    if (typeof file === 'string') {
      if (!this.opts.readFile) throw new KernelError(ENOENT, `cannot read ${file}: no file system attached`);
      bytes = await this.opts.readFile(file);
    } else bytes = file;
    const k = this.kernel;
    const load = () => k.insmod(bytes, params, opts);
    const m = await (comm ? k.asProcess(comm, load) : load());
    return k.lsmod().find((x) => x.name === m.name)!;
  }

  async rmmod(name: string, opts?: { force?: boolean }) { this.as(() => this.kernel.rmmod(name, opts)); }
  async lsmod() { return this.kernel.lsmod(); }
  async dmesg(opts?: { clear?: boolean; level?: number[]; time?: boolean }) { return this.kernel.dmesg(opts); }
  async readFile(path: string, opts?: { signal?: AbortSignal }) { return this.as(() => this.kernel.readFileAsync(path, opts)); }
  async writeFile(path: string, data: string, opts?: { signal?: AbortSignal }) { await this.as(() => this.kernel.writeFileAsync(path, data, opts)); }
  async mknod(path: string, major: number, minor: number, mode?: number) { this.kernel.mknod(path, major, minor, mode); }
  async statDevice(path: string) { return this.kernel.statDevice(path); }
  async stat(path: string) { return this.kernel.stat(path); }
  async mount(source: string | null, target: string, fstype: string, flags?: number, data?: string) {
    const targetType = this.kernel.rootFsType ? undefined : await this.opts.pathType?.(target);
    await this.as(() => this.kernel.mountAsync(source, target, fstype, flags, data, { targetType }));
  }
  async umount(target: string, flags?: number) { this.as(() => this.kernel.umount(target, flags)); }

  watchMounts(l: (points: string[]) => void): () => void {
    this.mountWatchers.add(l);
    l(this.kernel.mountPoints());
    return () => this.mountWatchers.delete(l);
  }
  async readdir(path: string) { return this.kernel.readdir(path); }
  async symbols() { return this.kernel.symbols(); }
  async tainted() { return this.kernel.taintMask; }

  asProcess<T>(comm: string, fn: () => T): T {
    return runAsProcess(this, comm, fn);
  }

  async batch(ops: ScriptOp[], opts: { stopOnError?: boolean } = {}): Promise<BatchResult[]> {
    const out: BatchResult[] = [];
    for (const op of ops) {
      try {
        const run = async (): Promise<unknown> => {
          switch (op.op) {
            case 'insmod': return this.insmod(op.args[0], op.args[1], op.args[2]);
            case 'rmmod': return this.rmmod(...op.args);
            case 'lsmod': return this.lsmod();
            case 'readFile': return this.readFile(...op.args);
            case 'writeFile': return this.writeFile(...op.args);
            case 'readdir': return this.readdir(...op.args);
            case 'symbols': return this.symbols();
            case 'tainted': return this.tainted();
            case 'mknod': return this.mknod(...op.args);
            case 'statDevice': return this.statDevice(...op.args);
            case 'stat': return this.stat(...op.args);
            case 'mount': return this.mount(op.args[0], op.args[1], op.args[2], op.args[3], op.args[4]);
            case 'umount': return this.umount(...op.args);
          }
        };
        out.push({ ok: true, value: await (op.comm ? this.asProcess(op.comm, run) : run()) });
      } catch (e) {
        out.push({ ok: false, error: e as Error });
        if (opts.stopOnError) break;
      }
    }
    return out;
  }

  async reboot(): Promise<void> {
    this.kernel = await LocalKernel.bootKernel(this.opts);
    this.attach(this.kernel);
  }

  async close(): Promise<void> {}
}
