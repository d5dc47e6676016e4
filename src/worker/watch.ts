// The watchdog's shared state: the worker writes, on every entry into module code, when it entered and
// what runs there; the caller's thread reads it (the worker may be stuck and unable to post anything).
//
// Layout of the SharedArrayBuffer: Int32 [0] 1 while in module code, [1] entry counter, [2] length of the
// info JSON, [3] the caller's answer to a synchronous question (usermode helper exists: 1 yes, 2 no);
// [4] bytes used in the log area; Float64 [3] (byte 24) entry time (Date.now()); bytes 32–8191: the info
// JSON; bytes from 8192: the log area, printk records not yet posted to the caller, one JSON per line (if
// the worker gets stuck, the caller reads them from here).

import type { LogRecord } from '../kernel/printk.js';

export interface EntryInfo {
  /** The Kernel.run label: "spin: init". */
  what: string;
  /** The function called (Kernel.entryPoint): spin_init, and its module. */
  func: string;
  module?: string;
  comm: string;
  pid: number;
  /** "Modules linked in: …" at entry. */
  modules: string;
  /** Taint mask at entry. */
  taint: number;
}

const INFO = 32;
const LOG = 8192;
export const WATCH_BYTES = 128 * 1024;
const enc = new TextEncoder();
const dec = new TextDecoder();

export class WatchState {
  private readonly i32: Int32Array;
  private readonly f64: Float64Array;
  private readonly u8: Uint8Array;

  constructor(readonly sab: SharedArrayBuffer) {
    this.i32 = new Int32Array(sab, 0, 6);
    this.f64 = new Float64Array(sab, 24, 1);
    this.u8 = new Uint8Array(sab);
  }

  /** Worker: module code starts. */
  enter(info: EntryInfo, at = Date.now()): void {
    let b = enc.encode(JSON.stringify(info));
    if (b.length > LOG - INFO) b = enc.encode(JSON.stringify({ ...info, modules: 'Modules linked in: …' }));
    this.u8.set(b, INFO);
    Atomics.store(this.i32, 2, b.length);
    this.f64[0] = at;
    Atomics.add(this.i32, 1, 1);
    Atomics.store(this.i32, 0, 1);
  }

  /** Worker: keeps a record that is not posted yet; false when the log area is full (post now). */
  keep(r: LogRecord): boolean {
    const b = enc.encode(`${JSON.stringify(r)}\n`);
    const used = Atomics.load(this.i32, 4);
    if (LOG + used + b.length > this.u8.length) return false;
    this.u8.set(b, LOG + used);
    Atomics.store(this.i32, 4, used + b.length);
    return true;
  }

  /** Worker: the kept records were posted. */
  posted(): void {
    Atomics.store(this.i32, 4, 0);
  }

  /** Caller: records the worker kept but never posted (it is stuck). */
  unposted(): LogRecord[] {
    const used = Atomics.load(this.i32, 4);
    return dec.decode(this.u8.slice(LOG, LOG + used)).split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogRecord);
  }

  /** Worker: module code returned. */
  leave(): void {
    Atomics.store(this.i32, 0, 0);
  }

  /** Worker: waits for the caller's answer to a question just posted (0 when it does not come in time). */
  awaitAnswer(timeoutMs: number): number {
    Atomics.wait(this.i32, 3, 0, timeoutMs);
    return Atomics.exchange(this.i32, 3, 0);
  }

  /** Caller: answers the worker's question. */
  answer(v: number): void {
    Atomics.store(this.i32, 3, v);
    Atomics.notify(this.i32, 3);
  }

  /** Caller: the entry in progress, if any. */
  current(): { seq: number; at: number; info: () => EntryInfo } | undefined {
    if (Atomics.load(this.i32, 0) !== 1) return undefined;
    const seq = Atomics.load(this.i32, 1);
    const at = this.f64[0]!;
    const len = Atomics.load(this.i32, 2);
    return { seq, at, info: () => JSON.parse(dec.decode(this.u8.slice(INFO, INFO + len))) as EntryInfo };
  }
}
