// What the host thread and its CPU workers say to each other (threads.ts, cpu.ts). Messages carry the
// compiled modules and how each was linked, so a worker instantiates every module at the same memory
// and table bases (a function pointer means the same function on every thread). A worker's calls to
// the host go through its channel, a block of kernel memory: the worker writes the call and waits on the
// channel's state word; the host thread, woken through the doorbell word, runs the call and answers.

/** A module as a worker instantiates it: its place and how each import resolves. */
export interface LoadRecord {
  type: 'load';
  name: string;
  compiled: WebAssembly.Module;
  base: number;
  tableBase: number;
  /** env function imports: owner ('vmlinux' or a module name; null: an unresolved weak symbol). */
  env: [string, string | null][];
  /** GOT.mem and GOT.func entries: their values. */
  got: [string, number][];
}

/** The table's changes a worker mirrors: a function given a slot (by owner and export name), slots freed. */
export interface SlotRecord { type: 'slot'; slot: number; owner: string; name: string }
export interface ReleaseRecord { type: 'release'; start: number; n: number }
export interface GoneRecord { type: 'gone'; name: string }

/** The log a worker replays, in order; each record has its number (the generation after it) and the host table's length then. */
export type LogEvent = LoadRecord | SlotRecord | ReleaseRecord | GoneRecord;
export type LogRecord = LogEvent & { gen: number; tableLength: number };

export interface BootMessage {
  type: 'boot';
  memory: WebAssembly.Memory;
  vmlinux: { compiled: WebAssembly.Module; base: number; tableBase: number; got: [string, number][] };
  /** vmlinux's host imports, by name: the worker proxies them (but for the ones it does itself). */
  hostImports: string[];
  /** The host table's length now, and the log's generation the boot log brings the worker to. */
  tableLength: number;
  gen: number;
  /** What happened so far, as records (loads in load order, then slots). */
  log: LogRecord[];
  /** Kernel memory addresses: the worker's channel, the doorbell, the log generation word. */
  channel: number;
  doorbell: number;
  genWord: number;
  /**
   * Address of an f64 in kernel memory: the kernel clock is timeOrigin + now() + it, in ms (the worker
   * reads the clock itself); 0: the clock is the host's (a test's fake clock), asked through the channel.
   */
  clockOffset: number;
  /** No Atomics.waitAsync on the host thread: the worker also posts 'ding' after each call. */
  ding: boolean;
}

/** Run a kernel thread: vmlinux's lkm_kthread_entry(task) on the stack below stackTop. */
export interface RunMessage { type: 'run'; task: number; stackTop: number; stackBottom: number }

export type ToCpu = BootMessage | RunMessage | LogRecord;

// ---- the channel (CHANNEL_SIZE bytes of kernel memory per worker) --------------------------------

export const CHANNEL_SIZE = 4096;
export const CH = {
  state: 0, // IDLE, CALL (the worker wrote a call), BUSY (the host runs it), DONE (the answer is there)
  op: 4,
  argc: 8,
  bigints: 12, // bit i: argument i is an i64 (BigInt)
  args: 16, // 8 × 8 bytes
  result: 80,
  resultKind: 88, // 0 undefined, 1 number, 2 bigint, 3 the call threw
  textLen: 92,
  text: 128, // UTF-8 text of a call with a text argument (an Oops report)
} as const;
export const IDLE = 0, CALL = 1, BUSY = 2, DONE = 3;
export const MAX_ARGS = 8;

/** Calls of the worker runtime itself (after vmlinux's host imports in the op numbering). */
export const CPU_CALLS = ['__thread_done', '__oops', '__dump_stack'] as const;
