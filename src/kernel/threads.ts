// Kernel threads on CPU workers, the host thread's half (cpu.ts is the worker's). A kthread_create()
// gets a worker (a pooled idle one, or a new one the platform adapter starts), which instantiates
// vmlinux and every loaded module again on the shared memory at the same bases, and runs the thread.
// Loads, unloads and new table slots are sent to every worker as log records, before anything could
// hand a worker a pointer into them. A worker's host calls arrive through its channel; the host thread
// serves them when idle (Atomics.waitAsync on the doorbell), while it spins (cpu_relax) and while it
// blocks (host.block).

import type { Kernel } from './kernel.js';
import type { Module } from './module.js';
import { classifyTrap, wasmFrames, type Frame } from './oops.js';
import { EAGAIN } from './errno.js';
import { TASK_STRUCT, THREAD_INFO, THREAD_SIZE } from './abi.js';
import {
  CH, CALL, BUSY, DONE, CHANNEL_SIZE, CPU_CALLS,
  type BootMessage, type LogEvent, type LogRecord, type LoadRecord,
} from './cpu-protocol.js';

/** A CPU worker as the platform adapter starts it (Node worker_threads, a Web Worker). */
export interface CpuPort {
  post(msg: unknown): void;
  onMessage(fn: (msg: { type: string }) => void): void;
  terminate(): void;
}
export type SpawnCpu = () => CpuPort;

interface CpuWorker { port: CpuPort; channel: number; thread: KThread | undefined }

/** A kernel thread as ps shows it. */
export interface KThread {
  task: number;
  pid: number;
  comm: string;
  cpu: number;
  stackBottom: number;
  worker: CpuWorker;
}

/** Idle workers kept for the next thread (starting one costs a few milliseconds). */
const POOL = 4;
/** The longest a blocked host thread waits before it looks at timers and words no one notifies. */
const SLICE_MS = 10;

export class Threads {
  private readonly workers: CpuWorker[] = [];
  private readonly idle: CpuWorker[] = [];
  /** Threads alive, by task_struct address. */
  readonly byTask = new Map<number, KThread>();
  private host: Record<string, Function> | undefined;
  private opNames: string[] = [];
  private gen = 0;
  private genWord = 0;
  private doorbell = 0;
  private clockOffset = 0;
  private listening = false;
  private warned = false;
  /** Export functions → [owner, name], for the slot records. */
  private readonly owners = new WeakMap<Function, [string, string]>();
  private readonly unplaced: [number, Function][] = [];

  constructor(private readonly k: Kernel, private readonly spawnCpu: SpawnCpu | undefined) {}

  /** Whether kernel threads can run here (a platform adapter starts workers). */
  get available(): boolean { return this.spawnCpu !== undefined; }

  /** Kernel threads alive, oldest first. */
  list(): KThread[] { return [...this.byTask.values()]; }

  /** kill(2) of a kernel thread: send_sig() (the thread ignores what it did not allow); false: no such thread. */
  kill(pid: number, sig: number): boolean {
    const t = this.list().find((x) => x.pid === pid);
    if (!t) return false;
    this.k.run('kill', () => this.k.vm.lkm_kthread_kill(t.task, sig));
    return true;
  }

  private get i32(): Int32Array { return this.k.mem.words; }

  // ---- host imports ------------------------------------------------------------------------------

  /** host.thread_create(task, stack_top): the thread's pid, or -EAGAIN without workers. */
  create(task: number, stackTop: number): number {
    const k = this.k;
    if (!this.spawnCpu) {
      if (!this.warned) k.printk('\x013kthread: no CPU workers here (no SharedArrayBuffer or no worker adapter): kernel threads cannot run\n');
      this.warned = true;
      return -EAGAIN;
    }
    const comm = k.mem.cstring(task + TASK_STRUCT.comm, 16);
    const pid = k.tasks.spawn(comm).pid;
    const stackBottom = stackTop - THREAD_SIZE;
    const worker = this.idle.pop() ?? this.spawn();
    const t: KThread = { task, pid, comm, cpu: k.mem.u32(stackBottom + THREAD_INFO.cpu), stackBottom, worker };
    worker.thread = t;
    this.byTask.set(task, t);
    worker.port.post({ type: 'run', task, stackTop, stackBottom });
    this.listen();
    k.watchdog.arm();
    return pid;
  }

  /**
   * host.block(word, expected, timeout_ns) on the host thread: waits while the word holds `expected`,
   * serving the workers' calls meanwhile (a thread it waits for may need one), and running due timers
   * unless this is only a poll (timeout 0, from cpu_relax()).
   */
  block(word: number, expected: number, timeoutNs: number): void {
    const d = this.doorbell >> 2;
    const end = timeoutNs < 0 ? Infinity : performance.now() + timeoutNs / 1e6;
    for (;;) {
      const i32 = this.i32;
      const seen = d ? Atomics.load(i32, d) : 0;
      this.service();
      if (timeoutNs !== 0) { this.k.runTimers(); this.k.softirqs.runNested(); }
      if (Atomics.load(this.i32, word >> 2) !== expected) return;
      const left = end - performance.now();
      if (left <= 0) return;
      if (d) Atomics.wait(this.i32, d, seen, Math.min(left, SLICE_MS));
      else Atomics.wait(this.i32, word >> 2, expected, Math.min(left, SLICE_MS));
    }
  }

  // ---- the log the workers replay ----------------------------------------------------------------

  /** A module was instantiated: every worker instantiates it too (before its init can start threads). */
  moduleLoaded(mod: Module): void {
    if (!this.workers.length) return;
    this.noteOwner(mod.name, mod.instance!);
    this.append(this.loadRecord(mod));
    this.placeSlots();
  }

  moduleGone(mod: Module): void {
    if (this.workers.length) this.append({ type: 'gone', name: mod.name });
  }

  private loadRecord(mod: Module): LoadRecord {
    const link = mod.link!;
    return {
      type: 'load', name: mod.name, compiled: mod.compiled, base: mod.base, tableBase: mod.tableBase,
      env: link.env, got: [...link.got].map(([n, g]) => [n, g.value as number]),
    };
  }

  private append(r: LogEvent): void {
    const rec = { ...r, gen: ++this.gen, tableLength: this.k.mem.table.length } as LogRecord;
    for (const w of this.workers) w.port.post(rec);
    Atomics.store(this.i32, this.genWord >> 2, this.gen);
  }

  private noteOwner(owner: string, instance: WebAssembly.Instance | Record<string, unknown>): void {
    const exp = instance instanceof WebAssembly.Instance ? instance.exports : instance;
    for (const [name, fn] of Object.entries(exp)) if (typeof fn === 'function') this.owners.set(fn, [owner, name]);
  }

  /** Slots given to functions whose owner the workers know by now. */
  private placeSlots(): void {
    for (let i = 0; i < this.unplaced.length;) {
      const [slot, fn] = this.unplaced[i]!;
      const o = this.owners.get(fn);
      if (!o) { i++; continue; }
      this.unplaced.splice(i, 1);
      this.append({ type: 'slot', slot, owner: o[0], name: o[1] });
    }
  }

  // ---- workers -----------------------------------------------------------------------------------

  private spawn(): CpuWorker {
    const k = this.k;
    if (!this.workers.length) this.startLog();
    const channel = k.vm.lkm_region_alloc(CHANNEL_SIZE, 64);
    const port = this.spawnCpu!();
    const w: CpuWorker = { port, channel, thread: undefined };
    port.onMessage((m) => { if (m.type === 'ding') this.service(); });
    port.post(this.bootMessage(channel));
    this.workers.push(w);
    return w;
  }

  /** The first worker: the words it shares with the host, and the owners of every function with a slot. */
  private startLog(): void {
    const k = this.k;
    this.doorbell = k.vm.lkm_host_doorbell_addr();
    this.genWord = k.vm.lkm_region_alloc(4, 4);
    if (k.clock.realTime) {
      this.clockOffset = k.vm.lkm_region_alloc(8, 8);
      const publish = () => k.mem.dv.setFloat64(this.clockOffset, k.clock.epochOffsetMs()!, true);
      publish();
      k.clock.onIdle = publish;
    }
    this.host = k.hostFns;
    this.opNames = [...k.vmlinuxMetadata.imports.filter((i) => i.module === 'host').map((i) => i.name), ...CPU_CALLS];
    this.noteOwner('vmlinux', k.vm as unknown as Record<string, unknown>);
    for (const m of k.modules) if (m.instance) this.noteOwner(m.name, m.instance);
    k.mem.onSlot = (slot, fn) => {
      if (!this.workers.length) return;
      this.unplaced.push([slot, fn]);
      this.placeSlots();
    };
    k.mem.onRelease = (start, n) => { if (this.workers.length) this.append({ type: 'release', start, n }); };
  }

  private bootMessage(channel: number): BootMessage {
    const k = this.k;
    const log: LogRecord[] = [];
    const tableLength = k.mem.table.length;
    // Oldest first: a module's imports resolve to modules instantiated before it.
    for (const m of [...k.modules].reverse()) {
      if (m.instance && m.link) log.push({ ...this.loadRecord(m), gen: 0, tableLength });
    }
    for (const [fn, slot] of k.mem.slots()) {
      const o = this.owners.get(fn);
      if (o) log.push({ type: 'slot', slot, owner: o[0], name: o[1], gen: 0, tableLength });
    }
    return {
      type: 'boot', memory: k.mem.memory, tableLength, log, gen: this.gen,
      vmlinux: { compiled: k.vmlinuxCompiled, base: k.vmlinuxBase, tableBase: k.vmlinuxTableBase, got: k.vmlinuxGot },
      hostImports: this.opNames.slice(0, this.opNames.length - CPU_CALLS.length),
      channel, doorbell: this.doorbell, genWord: this.genWord, clockOffset: this.clockOffset,
      ding: typeof (Atomics as { waitAsync?: unknown }).waitAsync !== 'function',
    };
  }

  /** While threads live, the host thread wakes for their calls (the doorbell). */
  private listen(): void {
    const waitAsync = (Atomics as unknown as { waitAsync?: (a: Int32Array, i: number, v: number) => { async: boolean; value: Promise<string> | string } }).waitAsync;
    if (this.listening || !this.byTask.size || !waitAsync) return;
    const i32 = this.i32, d = this.doorbell >> 2;
    // The doorbell first, then the calls: a call made after the read changes the doorbell, so the wait
    // below returns at once instead of missing it.
    const seen = Atomics.load(i32, d);
    this.service();
    this.listening = true;
    const r = waitAsync(i32, d, seen);
    const go = () => { this.listening = false; this.listen(); };
    if (r.async) void (r.value as Promise<string>).then(go);
    else queueMicrotask(go);
  }

  /** Runs every call a worker has waiting. */
  service(): void {
    if (!this.workers.length) return;
    for (const w of this.workers) {
      if (Atomics.compareExchange(this.i32, w.channel >> 2, CALL, BUSY) === CALL) this.serve(w);
    }
  }

  private serve(w: CpuWorker): void {
    const k = this.k, dv = k.mem.dv, c = w.channel;
    const op = this.opNames[dv.getInt32(c + CH.op, true)] ?? '';
    const argc = dv.getInt32(c + CH.argc, true), bigints = dv.getInt32(c + CH.bigints, true);
    const args: (number | bigint)[] = [];
    for (let i = 0; i < argc; i++) {
      args.push(bigints & (1 << i) ? dv.getBigInt64(c + CH.args + 8 * i, true) : dv.getFloat64(c + CH.args + 8 * i, true));
    }
    const textLen = dv.getInt32(c + CH.textLen, true);
    const text = textLen >= 0 ? new TextDecoder().decode(k.mem.bytes(c + CH.text, textLen)) : '';
    let kind = 0;
    let result: unknown;
    try {
      if (op === '__thread_done') this.threadDone(w, Number(args[0]) >>> 0, Number(args[1]));
      else if (op === '__oops') this.threadOops(w, text);
      else if (op === '__dump_stack') this.threadStack(w, JSON.parse(text) as Frame[]);
      else result = this.host![op]!(...args);
    } catch (e) {
      kind = 3;
      k.printk(`\x013kthread: host call ${op} of ${w.thread?.comm ?? '?'} failed: ${(e as Error).message}\n`);
    }
    if (kind !== 3) {
      if (typeof result === 'bigint') { kind = 2; dv.setBigInt64(c + CH.result, result, true); }
      else if (typeof result === 'number' || typeof result === 'boolean') { kind = 1; dv.setFloat64(c + CH.result, Number(result), true); }
    }
    dv.setInt32(c + CH.resultKind, kind, true);
    Atomics.store(this.i32, c >> 2, DONE);
    Atomics.notify(this.i32, c >> 2);
  }

  /** The thread's worker returned (or its thread died in an Oops): reap it, and the worker is idle again. */
  private threadDone(w: CpuWorker, task: number, oopsed: number): void {
    const k = this.k;
    if (oopsed) k.vm.lkm_kthread_died(task);
    k.vm.lkm_kthread_reap(task);
    this.byTask.delete(task);
    w.thread = undefined;
    if (this.idle.length < POOL) this.idle.push(w);
    else this.retire(w);
    // The listener's wait ends, and with no thread left it is not renewed (nothing keeps the host awake).
    if (!this.byTask.size) Atomics.notify(this.i32, this.doorbell >> 2);
  }

  private retire(w: CpuWorker): void {
    w.port.terminate();
    this.workers.splice(this.workers.indexOf(w), 1);
    this.k.vm.lkm_region_free(w.channel);
  }

  /** Runs `fn` as the thread (Oops and dump_stack headers name it and its CPU). */
  private asThread<T>(w: CpuWorker, fn: () => T): T {
    const t = w.thread;
    if (!t) return fn();
    const k = this.k;
    const cpu = k.traps.cpu;
    k.traps.cpu = t.cpu;
    try {
      return k.tasks.runAsTask({ comm: t.comm, pid: t.pid }, fn);
    } finally {
      k.traps.cpu = cpu;
    }
  }

  /** An Oops in a kernel thread: printed as Linux prints it; the thread dies, the others run on. */
  private threadOops(w: CpuWorker, text: string): void {
    const t = w.thread;
    const r = JSON.parse(text) as { message: string; stack: string; sp: number };
    const range = t ? { bottom: t.stackBottom, top: t.stackBottom + THREAD_SIZE } : { bottom: 0, top: 0 };
    this.asThread(w, () => {
      const fault = classifyTrap(r.message, { sp: r.sp, ...range });
      this.k.traps.oops(fault, t?.comm ?? 'kthread', wasmFrames(r.stack), r.message);
    });
  }

  private threadStack(w: CpuWorker, frames: Frame[]): void {
    this.asThread(w, () => this.k.traps.dumpStack(frames));
  }

  /** Stops every worker (the kernel goes away). Threads still running are killed with them. */
  shutdown(): void {
    for (const w of this.workers) w.port.terminate();
    this.workers.length = 0;
    this.idle.length = 0;
    this.byTask.clear();
  }
}
