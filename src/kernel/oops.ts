// Faults in module code. A wasm trap becomes an Oops record modelled on Linux's: what happened, the
// CPU/PID/taint header, a call trace of module functions (from the engine's stack trace, which carries
// the wasm name section's names) and the list of loaded modules.

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

/** The first line of the Oops, from the engine's trap message. */
export function oopsHeadline(message: string): string {
  if (/divide by zero|division by zero/i.test(message)) return 'Oops: divide error: 0000 [#1] SMP';
  if (/out of bounds|memory access/i.test(message)) return 'BUG: unable to handle page fault for address: (out of bounds)';
  if (/null function|uninitialized element|null/i.test(message)) return 'BUG: kernel NULL pointer dereference (call through a NULL function pointer)';
  if (/signature mismatch|indirect call/i.test(message)) return 'Oops: invalid opcode: 0000 [#1] SMP (call through a function pointer of the wrong type)';
  if (/call stack|stack overflow|Maximum call stack/i.test(message)) return 'BUG: kernel stack overflow';
  if (/unreachable/i.test(message)) return 'Oops: invalid opcode: 0000 [#1] SMP';
  return `Oops: ${message} [#1] SMP`;
}
