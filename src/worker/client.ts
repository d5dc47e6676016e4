// The caller's side of a kernel in a worker: the promise API (src/api/api.ts) over comlink, a mirror of
// the kernel log fed by the records the worker streams, and the watchdog.
//
// Watchdog: the worker records each entry into module code (Kernel.run: when, what runs, the process,
// the modules line and the taint mask) in a SharedArrayBuffer (watch.ts), and clears it on return. While
// calls are pending, a timer on the caller's thread looks at it; when module code has not returned after
// `watchdogMs`, the caller appends Linux's soft
// lockup record to its log, marks the kernel tainted L, terminates the worker (a thread spinning in
// wasm cannot be interrupted otherwise), and rejects the pending calls with a SoftLockupError naming the
// module. The kernel then stays "hung" (every call fails with KernelHungError, dmesg still works) until
// reboot() boots a new kernel in a new worker. Files are never in the worker (insmod(path) reads them
// on the caller's side), so nothing the caller holds is lost.

import * as Comlink from 'comlink';
import { UTS_RELEASE, UTS_VERSION, type ModuleInfo } from '../kernel/kernel.js';
import { KernelError, ENOENT } from '../kernel/errno.js';
import type { LoadOptions } from '../kernel/load.js';
import { formatRecord, type LogListener, type LogRecord } from '../kernel/printk.js';
import { TAINT, kernelTaintString } from '../kernel/taint.js';
import {
  DEFAULT_WATCHDOG_MS, forwardCalls, runAsProcess, type ForwardedCalls, type KernelApi, type KernelBootOptions, type LogView,
  type ScriptOp,
} from '../api/api.js';
import type { BatchOp, BatchResult } from '../api/calls.js';
import { isWorkerEvent, type KernelService, type WorkerEvent } from './protocol.js';
import { registerErrorTransfer } from './errors.js';
import type { UsermodeHelper } from '../kernel/kmod.js';
import { WATCH_BYTES, WatchState, type EntryInfo } from './watch.js';
import type { SyscallRequest } from '../user/channel.js';
import type { SyscallProcess, SyscallReply } from '../user/forward.js';
import type { SpawnProgramWorker } from '../user/worker-run.js';

/** A started worker, as the platform adapter (node.ts, browser.ts) gives it. */
export interface WorkerPort {
  /** For Comlink.wrap. */
  endpoint: Comlink.Endpoint;
  /** Every message the worker posts (comlink replies included; they are ignored here). */
  onMessage(l: (data: unknown) => void): void;
  /** The worker died on its own (an uncaught error, out of memory). */
  onExit(l: (why: string) => void): void;
  terminate(): void;
  /** Where the (stuck) worker is, innermost first, when the platform can tell (Node's inspector). */
  stack?(): Promise<{ func: string; module?: string }[] | undefined>;
  /** Node: keep the process alive only while calls are pending. */
  ref?(): void;
  unref?(): void;
}

export type SpawnWorker = () => WorkerPort;

/** What the watchdog saw: the soft lockup record's facts. */
export interface Lockup {
  /** Seconds module code had been running when the watchdog fired. */
  seconds: number;
  comm: string;
  pid: number;
  /** Module whose code did not return (undefined when the kernel itself was running). */
  module: string | undefined;
  /** The entry point that was called: the module's init or exit function, a parameter setter … */
  function: string;
  /** Where it was stuck, innermost first ("spin_forever [spin]"), when the platform could tell. */
  trace?: string[];
  /** The Kernel.run label: "spin: init". */
  what: string;
}

/** The call that ran module code which did not return within the watchdog time. */
export class SoftLockupError extends Error {
  override name = 'SoftLockupError';
  constructor(readonly lockup: Lockup) {
    super(`watchdog: BUG: soft lockup - CPU#0 stuck for ${lockup.seconds}s! [${lockup.comm}:${lockup.pid}]: ` +
      `${lockup.module ? `module ${lockup.module}` : 'the kernel'} did not return from ${lockup.function}` +
      `${lockup.trace?.[0] ? ` (stuck in ${lockup.trace[0]})` : ''}; the kernel is hung (call reboot())`);
  }
}

/** A call made while the kernel is hung (after a soft lockup) or stopped. */
export class KernelHungError extends Error {
  override name = 'KernelHungError';
  constructor(message: string, readonly lockup?: Lockup) { super(message); }
}

/** The caller's copy of the log: records streamed by the worker, plus the watchdog's own. */
export class LogMirror implements LogView {
  private records: LogRecord[] = [];
  private open: LogRecord | undefined;
  private listeners = new Set<LogListener>();
  private nextSeq = 0;
  private clearSeq = 0;
  /** Seq of the first record of the current boot: worker seq + base = mirror seq. */
  base = 0;
  /** Records of the boot before the last reboot (what pstore would keep). */
  previousBoot: LogRecord[] = [];
  onFlush: (() => void) | undefined;
  onClear: (() => void) | undefined;

  constructor(private readonly capacity = 1 << 14) {}

  get seq(): number { return this.nextSeq; }

  private store(r: LogRecord): void {
    const last = this.records[this.records.length - 1];
    if (last && last.seq === r.seq) this.records[this.records.length - 1] = r;
    else this.records.push(r);
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
    this.nextSeq = Math.max(this.nextSeq, r.seq + 1);
  }

  /** Records from the worker (worker seq numbers). */
  receive(records: LogRecord[], open?: LogRecord): void {
    for (const w of records) {
      const r = { ...w, seq: w.seq + this.base };
      const wasOpen = this.open?.seq === r.seq;
      if (wasOpen) this.open = undefined;
      // A record the caller already completed with flush() is not announced twice.
      const known = this.records.find((x) => x.seq === r.seq);
      this.store(r);
      if (!known || wasOpen) for (const l of this.listeners) l(r);
    }
    if (open) {
      const r = { ...open, seq: open.seq + this.base };
      this.open = r;
      this.store(r);
    }
  }

  /** A record made on the caller's side (the watchdog's). */
  append(level: number, text: string, tsNs: number): LogRecord {
    this.open = undefined;
    const r = { seq: this.nextSeq, level, tsNs, text };
    this.store(r);
    for (const l of this.listeners) l(r);
    return r;
  }

  read(): LogRecord[] { return this.records.filter((r) => r.seq >= this.clearSeq); }
  since(seq: number): LogRecord[] { return this.records.filter((r) => r.seq >= Math.max(seq, this.clearSeq)); }

  flush(): void {
    const r = this.open;
    this.open = undefined;
    if (r) for (const l of this.listeners) l(r);
    this.onFlush?.();
  }

  clear(): void {
    this.clearSeq = this.nextSeq;
    this.onClear?.();
  }

  subscribe(l: LogListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** A new boot: this boot's records move to previousBoot; seq numbers go on growing. */
  newBoot(): void {
    this.previousBoot = this.read();
    this.records = [];
    this.open = undefined;
    this.base = this.nextSeq;
    this.clearSeq = this.nextSeq;
  }
}

interface Pending { reject: (e: Error) => void; }

export interface WorkerKernel extends ForwardedCalls {}

export class WorkerKernel implements KernelApi {
  readonly isolate = 'worker' as const;
  readonly rebootable = true;
  readonly log = new LogMirror();
  /** Runs request_module()'s modprobe for the worker kernel (the session's shell); none: -ENOENT. */
  usermodeHelper: UsermodeHelper | undefined;
  /** The last soft lockup of this boot. */
  lockup: Lockup | undefined;
  /** Starts a user program's worker (set by the platform adapter: node.ts); the shell runs programs with it. */
  programWorker: SpawnProgramWorker | undefined;
  private port!: WorkerPort;
  private service!: Comlink.Remote<KernelService>;
  private generation = 0;
  private state: 'booting' | 'running' | 'hung' | 'closed' = 'booting';
  private watch = new WatchState(new SharedArrayBuffer(WATCH_BYTES));
  private poll: ReturnType<typeof setInterval> | undefined;
  private pending = new Set<Pending>();
  /** The process the next calls run as (set by asProcess). */
  comm: string | undefined;
  /** Taint mask as of the last entry into module code (for the lockup record and tainted() when hung). */
  private lastTaint = 0;
  private readonly watchdogMs: number;
  /** Boot time on the caller's clock, for the watchdog record's timestamp. */
  private bootAt = 0;
  /** The kernel's mount points, as the worker last posted them. */
  private mounted: string[] = [];
  private readonly mountWatchers = new Set<(points: string[]) => void>();

  private constructor(private readonly spawn: SpawnWorker, private readonly opts: KernelBootOptions) {
    this.watchdogMs = opts.watchdogMs ?? DEFAULT_WATCHDOG_MS;
    this.log.onFlush = () => { if (this.state === 'running') void this.service.flushLog(); };
    this.log.onClear = () => { if (this.state === 'running') void this.service.clearLog(); };
    if (opts.console) {
      const sink = opts.console;
      this.log.subscribe((r) => { if (r.level < 7) for (const line of formatRecord(r)) sink(line, r); });
    }
  }

  static async boot(spawn: SpawnWorker, opts: KernelBootOptions): Promise<WorkerKernel> {
    const k = new WorkerKernel(spawn, opts);
    await k.start();
    return k;
  }

  private async start(): Promise<void> {
    const gen = ++this.generation;
    this.state = 'booting';
    this.lockup = undefined;
    this.lastTaint = 0;
    this.bootAt = Date.now();
    const port = this.spawn();
    this.port = port;
    port.onMessage((data) => { if (gen === this.generation && isWorkerEvent(data)) this.event(data); });
    port.onExit((why) => {
      if (gen !== this.generation || this.state === 'closed' || this.state === 'hung') return;
      this.state = 'hung';
      this.failPending(new KernelHungError(`kernel worker exited: ${why}`));
    });
    port.unref?.();
    registerErrorTransfer();
    this.service = Comlink.wrap<KernelService>(port.endpoint);
    this.watch = new WatchState(new SharedArrayBuffer(WATCH_BYTES));
    await this.track(this.service.boot({
      vmlinux: this.opts.vmlinux, cmdline: this.opts.cmdline, trustedKeys: this.opts.trustedKeys,
      moduleSigForce: this.opts.moduleSigForce, watch: this.watch.sab,
    }));
    this.state = 'running';
  }

  private event(m: WorkerEvent): void {
    switch (m.lkm) {
      case 'log': this.log.receive(m.records, m.open); break;
      case 'mounts':
        this.mounted = m.points;
        for (const l of this.mountWatchers) l(m.points);
        break;
      case 'helper-exists': {
        let ok = false;
        try { ok = this.usermodeHelper?.exists(m.path) ?? false; } catch { /* no */ }
        this.watch.answer(ok ? 1 : 2);
        break;
      }
      case 'helper-run': {
        const gen = this.generation;
        const run = this.usermodeHelper ? this.usermodeHelper.run(m.argv, m.env).catch(() => -ENOENT) : Promise.resolve(-ENOENT);
        void run.then((status) => { if (gen === this.generation && this.state === 'running') void this.service.helperDone(m.id, status); });
        break;
      }
    }
  }

  /** Looks at the worker's watch state while calls are pending (watchdog_timer_fn's role). */
  private startPolling(): void {
    if (this.poll || this.watchdogMs <= 0) return;
    const period = Math.min(1000, Math.max(5, Math.floor(this.watchdogMs / 10)));
    this.poll = setInterval(() => {
      const cur = this.watch.current();
      if (cur && Date.now() - cur.at >= this.watchdogMs) this.softLockup(cur.at, cur.info());
    }, period);
    (this.poll as { unref?: () => void }).unref?.();
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
  }

  /** kernel/watchdog.c's report, on the caller's side (the worker is stuck), then taint L. */
  private async softLockup(at: number, info: EntryInfo): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'hung';
    const e = { ...info, at };
    this.stopPolling();
    const seconds = Math.round((Date.now() - e.at) / 1000);
    // Where it is stuck (Node: the inspector interrupts the loop), before the worker goes away.
    const stack = await this.port.stack?.().catch(() => undefined);
    this.port.terminate();
    // What the worker logged and could not post any more (module code printed, then looped).
    this.log.receive(this.watch.unposted());
    this.generation++; // messages still in flight from the dead worker are ignored
    const module = e.module;
    const fn = e.func;
    const where = module ? `${fn} [${module}]` : fn;
    const trace = stack?.map((f) => (f.module ? `${f.func} [${f.module}]` : f.func));
    const lockup: Lockup = { seconds, comm: e.comm, pid: e.pid, module, function: fn, what: e.what, trace };
    const ts = (Date.now() - this.bootAt) * 1e6;
    const lines: [number, string][] = [
      [0, `watchdog: BUG: soft lockup - CPU#0 stuck for ${seconds}s! [${e.comm}:${e.pid}]`],
      [4, e.modules],
      [4, `CPU: 0 UID: 0 PID: ${e.pid} Comm: ${e.comm} ${kernelTaintString(e.taint)} ${UTS_RELEASE} ${UTS_VERSION}`],
      [4, 'Hardware name: lkm-wasm WebAssembly virtual machine'],
      [4, `RIP: ${trace?.[0] ?? where}`],
      [4, 'Call Trace:'],
      [4, ' <TASK>'],
      ...(trace ?? [where]).map((t): [number, string] => [4, ` ${t}`]),
      [4, ' </TASK>'],
    ];
    for (const [level, text] of lines) this.log.append(level, text, ts);
    this.lastTaint = e.taint | (1 << TAINT.SOFTLOCKUP);
    this.lockup = lockup;
    this.state = 'hung';
    this.failPending(new SoftLockupError(lockup));
  }

  private failPending(e: Error): void {
    const all = [...this.pending];
    this.pending.clear();
    for (const p of all) p.reject(e);
    this.stopPolling();
    this.port.unref?.();
  }

  /** A promise that also fails when the kernel hangs or its worker dies before it settles. */
  private track<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { reject };
      if (this.pending.size === 0) { this.port.ref?.(); this.startPolling(); }
      this.pending.add(entry);
      const done = () => {
        this.pending.delete(entry);
        if (this.pending.size === 0) { this.port.unref?.(); this.stopPolling(); }
      };
      p.then((v) => { if (this.pending.has(entry)) { done(); resolve(v); } },
        (e) => { if (this.pending.has(entry)) { done(); reject(e); } });
    });
  }

  private check(): void {
    if (this.state === 'hung') {
      throw new KernelHungError(this.lockup
        ? `kernel is hung after a soft lockup in ${this.lockup.module ? `module ${this.lockup.module}` : 'the kernel'}: call reboot()`
        : 'kernel worker is gone: call reboot()', this.lockup);
    }
    if (this.state === 'closed') throw new KernelHungError('kernel is closed');
  }

  private nextAbortId = 1;

  /** `signal`: its abort interrupts the call in the worker (a device read that sleeps fails with EINTR). */
  private async call<T>(op: BatchOp, signal?: AbortSignal): Promise<T> {
    this.check();
    const comm = op.comm ?? this.comm;
    return this.abortable<T>(signal, (id) => this.service.call(comm ? { ...op, comm } as BatchOp : op, id));
  }

  /**
   * Sends a tracked call that `signal` can interrupt: it carries an abort id, and the signal's abort posts
   * abort(id), which makes the call fail with EINTR in the worker if it is parked on a wait queue.
   */
  private async abortable<T>(signal: AbortSignal | undefined, send: (id: number | undefined) => Promise<unknown>): Promise<T> {
    const id = signal ? this.nextAbortId++ : undefined;
    const service = this.service;
    // Posted after the call's own message (comlink keeps the order), so the worker knows the id by then.
    const onAbort = () => { if (this.state === 'running' && service === this.service) void service.abort(id!); };
    const sent = send(id);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort);
    try {
      return await this.track(sent) as T;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async bytesOf(file: Uint8Array | string): Promise<Uint8Array> {
    if (typeof file !== 'string') return file;
    if (!this.opts.readFile) throw new KernelError(ENOENT, `cannot read ${file}: no file system attached`);
    return this.opts.readFile(file);
  }

  async insmod(file: Uint8Array | string, params?: string | string[], opts?: LoadOptions): Promise<ModuleInfo> {
    const comm = this.comm;
    this.check();
    const bytes = await this.bytesOf(file);
    return this.call({ op: 'insmod', args: [bytes, params, opts], comm });
  }

  readFile(path: string, opts: { signal?: AbortSignal } = {}): Promise<string> { return this.call({ op: 'readFile', args: [path] }, opts.signal); }
  readBytes(path: string, count: number, offset = 0, opts: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    return this.call({ op: 'readBytes', args: [path, count, offset] }, opts.signal);
  }
  writeFile(path: string, data: string, opts: { signal?: AbortSignal } = {}): Promise<void> { return this.call({ op: 'writeFile', args: [path, data] }, opts.signal); }
  writeBytes(path: string, data: Uint8Array, opts: { signal?: AbortSignal } = {}): Promise<void> { return this.call({ op: 'writeBytes', args: [path, data] }, opts.signal); }

  /** mount(2): the mount point is looked at here (the caller's files), the rest in the worker. */
  async mount(source: string | null, target: string, fstype: string, flags?: number, data?: string): Promise<void> {
    const comm = this.comm;
    this.check();
    const targetType = await this.opts.pathType?.(target);
    return this.call({ op: 'mount', args: [source, target, fstype, flags, data, { targetType }], comm });
  }

  watchMounts(l: (points: string[]) => void): () => void {
    this.mountWatchers.add(l);
    l(this.mounted);
    return () => this.mountWatchers.delete(l);
  }

  /** The kernel's mount points as last reported (no round trip: user programs' paths are routed with it). */
  mountPoints(): string[] {
    return this.mounted;
  }

  async tainted(): Promise<number> {
    if (this.state === 'hung') return this.lastTaint;
    return this.call({ op: 'tainted', args: [] });
  }

  /** dmesg from the caller's copy of the log: it works while the kernel is hung. */
  async dmesg(opts: { clear?: boolean; level?: number[]; time?: boolean } = {}): Promise<string[]> {
    this.log.flush();
    const recs = this.log.read().filter((r) => !opts.level || opts.level.includes(r.level));
    if (opts.clear) this.log.clear();
    return recs.flatMap((r) => formatRecord(r, { time: opts.time }));
  }

  asProcess<T>(comm: string, fn: () => T): T {
    return runAsProcess(this, comm, fn);
  }

  async batch(ops: ScriptOp[], opts: { stopOnError?: boolean } = {}): Promise<BatchResult[]> {
    this.check();
    const comm = this.comm;
    const wire: BatchOp[] = [];
    for (const op of ops) {
      const c = op.comm ?? comm;
      if (op.op === 'insmod') wire.push({ op: 'insmod', args: [await this.bytesOf(op.args[0]), op.args[1], op.args[2]], comm: c });
      else wire.push(c ? { ...op, comm: c } : op);
    }
    return (await this.track(this.service.batch(wire, opts.stopOnError ?? false))).results;
  }

  /**
   * A user program's system call on a kernel path (src/user/forward.ts), as process `comm`: a tracked call
   * (the watchdog watches it; a hung kernel rejects it). `signal` interrupts it while it sleeps in a driver
   * (the reply is EINTR).
   */
  async syscall(req: SyscallRequest, data: Uint8Array | undefined, comm?: SyscallProcess, signal?: AbortSignal): Promise<SyscallReply> {
    this.check();
    const c = comm ?? this.comm;
    return this.abortable<SyscallReply>(signal, (id) => this.service.syscall(req, data, c, id));
  }

  /** Terminates the worker (hung or not) and boots a new kernel in a new one. */
  async reboot(): Promise<void> {
    this.generation++;
    this.port.terminate();
    this.failPending(new KernelHungError('kernel rebooted'));
    this.log.newBoot();
    await this.start();
  }

  async close(): Promise<void> {
    this.state = 'closed';
    this.generation++;
    this.failPending(new KernelHungError('kernel closed'));
    this.port.terminate();
  }
}

forwardCalls(WorkerKernel);
