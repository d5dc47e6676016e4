// A CPU worker: the kernel's code instantiated again on another thread against the same memory, with
// its own function table and stack pointer, running one kernel thread at a time (threads.ts starts
// it). vmlinux's host imports become calls to the host thread through the channel (cpu-protocol.ts),
// except what the worker does itself: blocking (an atomic wait on kernel memory), a thread's exit, and
// its stack dump. After every call to the host and every wait, the worker catches up with modules
// loaded or unloaded meanwhile, so a pointer it is handed never names a function it lacks.

import {
  CH, CALL, DONE, IDLE, MAX_ARGS, CPU_CALLS,
  type BootMessage, type LogRecord, type LoadRecord, type RunMessage, type ToCpu,
} from './cpu-protocol.js';
import { wasmFrames } from './oops.js';

/** What the worker's entry script gives: messages to the host, and a synchronous read of the next one. */
export interface CpuEnv {
  post(msg: unknown): void;
  /** The next queued message, without waiting (Node: receiveMessageOnPort); undefined if none or unsupported. */
  receive?: () => ToCpu | undefined;
}

/** kthread_exit(): unwinds the thread's stack back to the worker's entry. */
class ThreadExit extends Error {}

export class Cpu {
  private readonly memory: WebAssembly.Memory;
  private readonly table = new WebAssembly.Table({ initial: 1, element: 'anyfunc' });
  private readonly sp = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
  private readonly instances = new Map<string, WebAssembly.Instance>();
  private i32: Int32Array;
  private dv: DataView;
  private gen = 0;
  private readonly pending: ToCpu[] = [];
  private readonly ops = new Map<string, number>();
  private vm!: { lkm_kthread_entry(task: number): number };

  constructor(private readonly boot: BootMessage, private readonly env: CpuEnv) {
    this.memory = boot.memory;
    this.i32 = new Int32Array(this.memory.buffer);
    this.dv = new DataView(this.memory.buffer);
    [...boot.hostImports, ...CPU_CALLS].forEach((n, i) => this.ops.set(n, i));
    this.instantiateVmlinux();
    for (const r of boot.log) this.apply({ ...r, gen: this.gen + 1 } as LogRecord);
    this.gen = boot.gen;
  }

  private views(): void {
    if (this.i32.buffer.byteLength !== this.memory.buffer.byteLength) {
      this.i32 = new Int32Array(this.memory.buffer);
      this.dv = new DataView(this.memory.buffer);
    }
  }

  private instantiateVmlinux(): void {
    const boot = this.boot, v = boot.vmlinux;
    const got = new Map(v.got.map(([n, x]) => [n, new WebAssembly.Global({ value: 'i32', mutable: true }, x)]));
    const gotProxy = new Proxy({}, {
      get: (_t, name: string) => got.get(name) ?? new WebAssembly.Global({ value: 'i32', mutable: true }, 0),
    });
    this.growTable(boot.tableLength);
    const inst = new WebAssembly.Instance(v.compiled, {
      env: this.envFor(v.base, v.tableBase),
      'GOT.mem': gotProxy, 'GOT.func': gotProxy, host: this.hostImports(),
    });
    this.instances.set('vmlinux', inst);
    this.vm = inst.exports as never;
  }

  private envFor(base: number, tableBase: number): Record<string, WebAssembly.ImportValue> {
    return {
      memory: this.memory,
      __indirect_function_table: this.table,
      __stack_pointer: this.sp,
      __memory_base: new WebAssembly.Global({ value: 'i32', mutable: false }, base),
      __table_base: new WebAssembly.Global({ value: 'i32', mutable: false }, tableBase),
    };
  }

  private growTable(length: number): void {
    if (this.table.length < length) this.table.grow(length - this.table.length);
  }

  /** vmlinux's host imports on this thread: proxies to the host thread, and the ones done here. */
  private hostImports(): Record<string, Function> {
    const out: Record<string, Function> = {};
    for (const name of this.boot.hostImports) {
      const op = this.ops.get(name)!;
      out[name] = (...args: unknown[]) => this.call(op, args);
    }
    out.block = (word: number, expected: number, timeoutNs: bigint) => {
      const t = Number(timeoutNs);
      this.views();
      Atomics.wait(this.i32, (word >>> 0) >> 2, expected | 0, t < 0 ? Infinity : t / 1e6);
      this.catchUp();
    };
    out.thread_exit = () => { throw new ThreadExit(); };
    const at = this.boot.clockOffset;
    if (at) {
      // The kernel clock without a call to the host thread: the same epoch time plus the host's offset.
      out.clock_ns = () => {
        this.views();
        return BigInt(Math.round((performance.timeOrigin + performance.now() + this.dv.getFloat64(at, true)) * 1e6));
      };
    }
    out.dump_stack = () => {
      this.call(this.ops.get('__dump_stack')!, [], JSON.stringify(wasmFrames(new Error().stack)));
    };
    return out;
  }

  /** A call to the host thread through the channel; waits for the answer. */
  call(op: number, args: unknown[], text?: string): unknown {
    this.views();
    const c = this.boot.channel, i32 = this.i32, dv = this.dv;
    if (args.length > MAX_ARGS) throw new RangeError(`host call with ${args.length} arguments`);
    let bigints = 0;
    args.forEach((a, i) => {
      if (typeof a === 'bigint') { bigints |= 1 << i; dv.setBigInt64(c + CH.args + 8 * i, a, true); }
      else dv.setFloat64(c + CH.args + 8 * i, Number(a), true);
    });
    dv.setInt32(c + CH.op, op, true);
    dv.setInt32(c + CH.argc, args.length, true);
    dv.setInt32(c + CH.bigints, bigints, true);
    if (text !== undefined) {
      const b = new TextEncoder().encode(text).subarray(0, 4096 - CH.text);
      new Uint8Array(this.memory.buffer).set(b, c + CH.text);
      dv.setInt32(c + CH.textLen, b.length, true);
    } else dv.setInt32(c + CH.textLen, -1, true);
    Atomics.store(i32, c >> 2, CALL);
    const d = this.boot.doorbell >> 2;
    Atomics.add(i32, d, 1);
    Atomics.notify(i32, d);
    if (this.boot.ding) this.env.post({ type: 'ding' });
    for (let s; (s = Atomics.load(i32, c >> 2)) !== DONE;) Atomics.wait(i32, c >> 2, s);
    const kind = dv.getInt32(c + CH.resultKind, true);
    const r = kind === 2 ? dv.getBigInt64(c + CH.result, true) : dv.getFloat64(c + CH.result, true);
    Atomics.store(i32, c >> 2, IDLE);
    if (kind === 3) throw new WebAssembly.RuntimeError(`host call ${[...this.ops.keys()][op]} failed on the host thread`);
    this.catchUp();
    return kind === 0 ? undefined : r;
  }

  /** Replays the log records the host wrote since this worker last looked (its generation word). */
  private catchUp(): void {
    const want = Atomics.load(this.i32, this.boot.genWord >> 2);
    while (this.gen < want) {
      const m = this.env.receive?.();
      if (!m) return; // no synchronous receive here: the records arrive as messages when idle
      this.onMessage(m);
    }
  }

  onMessage(m: ToCpu | { type: 'ding' }): void {
    if (m.type === 'run') { this.pending.push(m); if (this.pending.length === 1) this.runPending(); return; }
    if (m.type === 'boot' || m.type === 'ding') return;
    this.apply(m);
  }

  private apply(r: LogRecord): void {
    if (r.gen <= this.gen) return;
    this.gen = r.gen;
    this.growTable(r.tableLength);
    if (r.type === 'load') this.load(r);
    else if (r.type === 'slot') {
      const fn = this.instances.get(r.owner)?.exports[r.name];
      if (typeof fn === 'function') this.table.set(r.slot, fn as never);
    } else if (r.type === 'release') {
      for (let i = r.start; i < r.start + r.n && i < this.table.length; i++) this.table.set(i, null);
    } else this.instances.delete(r.name);
  }

  private load(r: LoadRecord): void {
    const env = this.envFor(r.base, r.tableBase);
    for (const [name, owner] of r.env) {
      const fn = owner ? this.instances.get(owner)?.exports[name] : undefined;
      env[name] = (typeof fn === 'function' ? fn : () => {
        throw new WebAssembly.RuntimeError(`null function: ${r.name} called unresolved weak symbol ${name}`);
      }) as WebAssembly.ImportValue;
    }
    const got: Record<string, WebAssembly.Global> = {};
    for (const [name, v] of r.got) got[name] = new WebAssembly.Global({ value: 'i32', mutable: true }, v);
    const inst = new WebAssembly.Instance(r.compiled, { env, 'GOT.mem': got, 'GOT.func': got });
    this.instances.set(r.name, inst);
  }

  private runPending(): void {
    while (this.pending.length) {
      const m = this.pending[0] as RunMessage;
      this.runThread(m);
      this.pending.shift();
    }
  }

  private runThread(m: RunMessage): void {
    this.catchUp();
    this.sp.value = m.stackTop;
    let oopsed = 0;
    try {
      this.vm.lkm_kthread_entry(m.task);
    } catch (e) {
      if (!(e instanceof ThreadExit)) {
        oopsed = 1;
        const err = e as Error;
        const report = { message: err.message ?? String(e), stack: err.stack ?? '', sp: this.sp.value as number, name: err.name };
        try { this.call(this.ops.get('__oops')!, [m.task], JSON.stringify(report)); } catch { /* the host is gone */ }
      }
    }
    this.call(this.ops.get('__thread_done')!, [m.task, oopsed]);
  }
}

/** The worker's side of the protocol: boot on the first message, then runs what the host sends. */
export function startCpu(env: CpuEnv, onMessage: (fn: (m: ToCpu) => void) => void): void {
  let cpu: Cpu | undefined;
  onMessage((m) => {
    if (m.type === 'boot') { cpu = new Cpu(m, env); env.post({ type: 'ready' }); return; }
    cpu?.onMessage(m);
  });
}
