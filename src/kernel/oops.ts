// Faults in module code. A wasm trap becomes an Oops record modelled on Linux's (x86 die()): what
// happened, the CPU/PID/taint header, a call trace of module functions (from the engine's stack trace,
// which carries the wasm name section's names) and the list of loaded modules.
//
// Two faults do not trap in wasm and are found by guards the kernel checks after every call into
// module code (Kernel.run):
//   - the NULL page: addresses 0–65535 are never allocated (vmlinux's data starts at 64 KiB). They are
//     filled with POISON_BYTE; a store there changes the poison and is reported as Linux reports a
//     NULL pointer dereference, with the lowest changed address. Loads are not detected, but a pointer
//     loaded from there is 0x6b6b6b6b, beyond the end of memory (1 GiB at most), so dereferencing it traps.
//   - the bottom of the kernel stack (STACK_GUARD bytes): a C stack that grew into it overflowed.

export interface Frame {
  /** Module name as the wasm name section knows it (the linked file name, e.g. "hello.ko"). */
  wasmModule: string;
  func: string;
  funcIndex: number;
}

const FRAME = /at (?:(\S+) )?\(?wasm:\/\/wasm\/([^:]+?)(?:-[0-9a-f]{8})?:wasm-function\[(\d+)\]/;

/** The wasm frames of an engine stack trace, innermost first. */
export function wasmFrames(stack: string | undefined): Frame[] {
  if (!stack) return [];
  const out: Frame[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const wasmModule = m[2]!;
    let func = m[1] ?? '';
    if (func.startsWith(`${wasmModule}.`)) func = func.slice(wasmModule.length + 1);
    out.push({ wasmModule, func, funcIndex: Number(m[3]) });
  }
  return out;
}

/** Linux POISON_FREE: a pointer read from the NULL page is 0x6b6b6b6b, which is out of bounds. */
export const POISON_BYTE = 0x6b;
/** Bytes at the bottom of the kernel stack that must never be written (the "guard page"). */
export const STACK_GUARD = 16 * 1024;

export type FaultKind =
  | 'divide' | 'invalid-opcode' | 'page-fault' | 'null-call' | 'bad-call' | 'stack-overflow'
  | 'null-deref' | 'other';

/** What the Oops header says about one fault. */
export interface Fault {
  kind: FaultKind;
  /** Lines before the "Oops:" line (BUG: …, #PF: …). */
  pre: string[];
  /** The die() string and error code: "divide error" and 0 give "Oops: divide error: 0000 [#n] SMP". */
  die?: string;
  code: number;
  /** CR2 for page faults. */
  cr2?: number;
}

const hex16 = (n: number) => (n >>> 0).toString(16).padStart(16, '0');

/** Classifies an engine trap (V8, SpiderMonkey and JavaScriptCore wordings). */
export function classifyTrap(message: string, stack?: { sp: number; bottom: number; top: number }): Fault {
  if (/divide by zero|division by zero|integer overflow|remainder by zero/i.test(message)) {
    return { kind: 'divide', pre: [], die: 'divide error', code: 0 };
  }
  if (stack && stack.sp < stack.bottom) return stackOverflow(stack.sp, stack);
  if (/call stack|stack overflow|too much recursion|Maximum call stack/i.test(message)) {
    return stackOverflow(stack?.sp ?? 0, stack);
  }
  if (/out of bounds memory|memory access out of bounds|index out of bounds.*memory/i.test(message)) {
    return {
      kind: 'page-fault', code: 0,
      pre: ['BUG: unable to handle page fault for address: beyond the end of kernel memory',
        '#PF: supervisor access in kernel mode', '#PF: error_code(0x0000) - not-present page'],
    };
  }
  if (/indirect call to null|null function$|uninitialized element|called unresolved weak symbol/i.test(message)) {
    return {
      kind: 'null-call', code: 0x10, cr2: 0,
      pre: [`BUG: kernel NULL pointer dereference, address: ${hex16(0)}`,
        '#PF: supervisor instruction fetch in kernel mode', '#PF: error_code(0x0010) - not-present page'],
    };
  }
  if (/null function or function signature mismatch/i.test(message)) {
    // V8 does not say which of the two it was.
    return { kind: 'bad-call', pre: ['CFI failure (target: NULL or a function of another type)'], die: 'invalid opcode', code: 0 };
  }
  if (/signature mismatch|indirect call/i.test(message)) {
    return { kind: 'bad-call', pre: ['CFI failure (target: a function of another type)'], die: 'invalid opcode', code: 0 };
  }
  if (/table index is out of bounds|table index out of bounds|invalid index into function table/i.test(message)) {
    return {
      kind: 'page-fault', code: 0x10,
      pre: ['BUG: unable to handle page fault for address: (function pointer beyond the function table)',
        '#PF: supervisor instruction fetch in kernel mode', '#PF: error_code(0x0010) - not-present page'],
    };
  }
  if (/unreachable/i.test(message)) return { kind: 'invalid-opcode', pre: [], die: 'invalid opcode', code: 0 };
  return { kind: 'other', pre: [], die: message, code: 0 };
}

function stackOverflow(sp: number, stack?: { bottom: number; top: number }): Fault {
  const range = stack ? ` (stack is ${hex16(stack.bottom)}..${hex16(stack.top)})` : '';
  return { kind: 'stack-overflow', pre: [`BUG: TASK stack guard page was hit at ${hex16(sp)}${range}`], die: 'stack guard page', code: 0 };
}

/** A store into the NULL page found after the call returned. */
export function nullDeref(addr: number): Fault {
  return {
    kind: 'null-deref', code: 0x2, cr2: addr,
    pre: [`BUG: kernel NULL pointer dereference, address: ${hex16(addr)}`,
      '#PF: supervisor write access in kernel mode', '#PF: error_code(0x0002) - not-present page'],
  };
}

/** The "Oops: …" line: die string and error code, or just the code for page faults. */
export function oopsLine(f: Fault, counter: number): string {
  const code = f.code.toString(16).padStart(4, '0');
  return f.die ? `Oops: ${f.die}: ${code} [#${counter}] SMP` : `Oops: ${code} [#${counter}] SMP`;
}

/** The first line of the Oops, from the engine's trap message (kept for callers of the old API). */
export function oopsHeadline(message: string): string {
  const f = classifyTrap(message);
  return f.pre[0] ?? oopsLine(f, 1);
}

/** First address in [start, end) that does not hold the poison, or -1. */
export type PoisonScan = (start: number, end: number) => number;

/** The NULL page and stack guard of one address space. */
export class Guards {
  private armed = false;
  private readonly scan: PoisonScan;

  constructor(
    private readonly memory: WebAssembly.Memory,
    /** End of the NULL page (exclusive). */
    readonly nullEnd: number,
    /** [bottom, top) of the kernel stack; the lowest STACK_GUARD bytes are the guard. */
    readonly stack: { bottom: number; top: number },
    /** A fast scan (vmlinux's lkm_poison_check, ~20× faster than JavaScript on shared memory). */
    scan?: PoisonScan,
  ) {
    this.scan = scan ?? ((start, end) => {
      const i = firstChanged(this.view(start, end));
      return i < 0 ? -1 : start + i;
    });
  }

  private view(start: number, end: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, start, end - start);
  }

  /** Fills the NULL page and the stack guard with poison. */
  arm(): void {
    this.view(0, this.nullEnd).fill(POISON_BYTE);
    this.view(this.stack.bottom, this.stack.bottom + STACK_GUARD).fill(POISON_BYTE);
    this.armed = true;
  }

  /**
   * The first fault the guards show (lowest changed NULL-page address first), re-poisoning what was
   * written so the next check starts clean.
   */
  check(): Fault | undefined {
    if (!this.armed) this.arm();
    // The NULL page and the guard are adjacent: one scan, then which one it was.
    const first = this.scan(0, this.stack.bottom + STACK_GUARD);
    if (first < 0) return undefined;
    const guard = first >= this.stack.bottom ? first : this.scan(this.stack.bottom, this.stack.bottom + STACK_GUARD);
    this.arm();
    // A write into the guard is a stack overflow (its deepest address), even if it reached the NULL page.
    if (guard >= 0) return stackOverflow(guard, this.stack);
    return nullDeref(first);
  }
}

/** Index of the first byte that is not POISON_BYTE, or -1. Compares 4 bytes at a time. */
function firstChanged(u8: Uint8Array): number {
  const words = new Uint32Array(u8.buffer, u8.byteOffset, u8.length >>> 2);
  const p = POISON_BYTE * 0x01010101;
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== p) {
      for (let j = i * 4; j < i * 4 + 4; j++) if (u8[j] !== POISON_BYTE) return j;
    }
  }
  return -1;
}
