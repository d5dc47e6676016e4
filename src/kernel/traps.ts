// Calls into wasm code and what happens when one faults (arch/x86/kernel/traps.c, dumpstack.c): a trap
// or a store into a guard becomes an Oops record in the log (taint D) and a KernelOops error, and the
// kernel stays usable. Classifying traps and the guards themselves are oops.ts.

import type { Kernel } from './kernel.js';
import { wasmFrames, classifyTrap, oopsLine, Guards, POISON_BYTE, type Fault, type FaultKind, type Frame } from './oops.js';
import { kernelStack, VMLINUX_BASE } from './memory.js';
import { kernelTaintString, TAINT } from './taint.js';
import { UTS_RELEASE, UTS_VERSION } from './release.js';
import { THREAD_INFO } from './abi.js';

/** Thrown when module code faults: the Oops is in the log, and the operation that ran it failed. */
export class KernelOops extends Error {
  override name = 'KernelOops';
  constructor(message: string, readonly module: string | undefined, readonly frames: Frame[],
    readonly kind: FaultKind = 'other') {
    super(message);
  }
}

export class Traps {
  /**
   * Observes calls into wasm code (the worker's watchdog): called with what runs when the outermost
   * call starts, and with undefined when it returns.
   */
  onModuleCode: ((what: string | undefined) => void) | undefined;
  private runDepth = 0;
  /** The CPU the code that faults runs on (a kernel thread's, while its Oops is printed). */
  cpu = 0;
  private guards: Guards | undefined;
  private dieCounter = 0;

  constructor(private readonly k: Kernel) {}

  /**
   * Calls into wasm code. A trap becomes an Oops in the log (taint D) and a KernelOops error; the
   * shadow stack pointer is restored so the kernel stays usable. When the outermost call returns, the
   * NULL page and the stack guard are checked (oops.ts): a store there is an Oops too.
   */
  run<T>(what: string, fn: () => T): T {
    const k = this.k;
    const sp = k.stackPointer.value as number;
    const outer = this.runDepth++ === 0;
    if (!this.guards) {
      const scan = (k.vm as unknown as { lkm_poison_check?: (s: number, e: number, p: number) => number }).lkm_poison_check;
      this.guards = new Guards(k.mem.memory, VMLINUX_BASE, kernelStack(),
        scan && ((s, e) => scan(s, e, POISON_BYTE)));
      this.guards.arm();
    }
    // Traces of module → kernel → module chains are deeper than V8's default of 10 frames.
    const limit = Error.stackTraceLimit;
    if (outer && limit < 32) Error.stackTraceLimit = 32;
    try {
      if (outer) this.onModuleCode?.(what);
      // A new system call: the task runs and has registered no sleep (signal_pending() is false).
      if (outer) k.vm.lkm_syscall_begin();
      const r = fn();
      if (outer) {
        const f = this.guards.check();
        if (f) throw this.oops(f, what, []);
        // irq exit: softirq work raised during the call runs now, before the caller goes on.
        if (k.softirqs.isPending) k.softirqs.runNested();
      }
      return r;
    } catch (e) {
      const spAtTrap = k.stackPointer.value as number;
      k.stackPointer.value = sp;
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        if (outer) this.guards.check(); // re-poison whatever the faulting code wrote there
        const fault = classifyTrap(e.message, { sp: spAtTrap, ...kernelStack() });
        throw this.oops(fault, what, wasmFrames(e.stack), e.message);
      }
      throw e;
    } finally {
      if (outer) Error.stackTraceLimit = limit;
      if (--this.runDepth === 0) this.onModuleCode?.(undefined);
    }
  }

  /**
   * die(): prints the Oops record (Linux's x86 order: header, CPU line, RIP, call trace, modules,
   * CR2, end marker), then taints D. Without engine frames (a guard found the fault after the call
   * returned) the trace names the entry point that was called.
   */
  oops(fault: Fault, what: string, frames: Frame[], message?: string): KernelOops {
    const k = this.k;
    const top = frames[0];
    const owner = top ? k.moduleOfWasmName(top.wasmModule) : k.moduleList.find(what.split(':')[0] ?? '');
    const ep = this.entryPoint(what);
    const entry = ep.module ? `${ep.func} [${ep.module}]` : ep.func;
    for (const l of fault.pre) k.printk(`\x011${l}\n`);
    k.printk(`\x014${oopsLine(fault, ++this.dieCounter)}\n`);
    k.printk(`\x014${this.cpuLine()}\n`);
    k.printk('\x014Hardware name: lkm-wasm WebAssembly virtual machine\n');
    k.printk(`\x014RIP: ${top ? this.describeFrame(top) : entry}\n`);
    k.printk('\x014Call Trace:\n');
    k.printk('\x014 <TASK>\n');
    if (frames.length) for (const f of frames) k.printk(`\x014 ${this.describeFrame(f)}\n`);
    else k.printk(`\x014 ${entry}\n`);
    k.printk('\x014 </TASK>\n');
    k.printk(`\x014${k.moduleList.linkedIn()}\n`);
    if (fault.cr2 !== undefined) k.printk(`\x014CR2: ${(fault.cr2 >>> 0).toString(16).padStart(16, '0')}\n`);
    k.printk(`\x014---[ end trace 0000000000000000 ]---\n`);
    k.taints.add(TAINT.DIE);
    k.vm.lkm_make_task_dead();
    this.noteAtomicDeath();
    const why = message ?? fault.pre[0] ?? oopsLine(fault, this.dieCounter);
    return new KernelOops(`${what}: ${why}`, owner?.name, frames, fault.kind);
  }

  /**
   * make_task_dead(): a task that dies with preemption disabled (it held a spinlock when it faulted) is
   * noted, and the CPU's preemption count reset so the kernel stays usable.
   */
  private noteAtomicDeath(): void {
    const k = this.k;
    const info = k.symtab.get('lkm_host_thread_info')?.addr;
    if (!info) return;
    const at = info + THREAD_INFO.preempt_count;
    const count = k.mem.dv.getInt32(at, true);
    if (count === 0) return;
    k.printk(`\x016note: ${k.current.comm}[${k.current.pid}] exited with preempt_count ${count}\n`);
    k.mem.dv.setInt32(at, 0, true);
  }

  /** dump_stack(): the CPU line and a call trace of `frames`. */
  dumpStack(frames: Frame[]): void {
    const k = this.k;
    k.printk(`\x014${this.cpuLine()}\n`);
    k.printk('\x014Hardware name: lkm-wasm WebAssembly virtual machine\n');
    k.printk('\x014Call Trace:\n');
    k.printk('\x014 <TASK>\n');
    for (const f of frames) k.printk(`\x014 ${this.describeFrame(f)}\n`);
    k.printk('\x014 </TASK>\n');
  }

  /**
   * The function a Kernel.run() label calls, by its name-section name when the module has it:
   * "hello: init" → { func: 'hello_init', module: 'hello' } (else init_module); "sysfs param write" →
   * { func: 'param_attr_store' }.
   */
  entryPoint(what: string): { func: string; module?: string } {
    const colon = what.indexOf(': ');
    if (colon < 0) return { func: ENTRY_EXPORTS[what] ?? what };
    const module = what.slice(0, colon);
    const phase = what.slice(colon + 2);
    const m = this.k.byName.get(module);
    // A system call on a file ("/dev/x: read") enters through vmlinux's fs/ code, not a module export.
    if (!m) return { func: FILE_ENTRIES[phase] ?? ENTRY_EXPORTS[phase] ?? phase };
    const exportName = ENTRY_EXPORTS[phase] ?? phase;
    const fn = (m?.instance?.exports as Record<string, unknown> | undefined)?.[exportName];
    const named = m && typeof fn === 'function' ? this.k.names.name(m, Number(fn.name)) : undefined;
    return { func: named ?? exportName, module };
  }

  cpuLine(): string {
    const k = this.k;
    return `CPU: ${this.cpu} UID: 0 PID: ${k.current.pid} Comm: ${k.current.comm} ${kernelTaintString(k.taints.mask)} ${UTS_RELEASE} ${UTS_VERSION}`;
  }

  /** "func+0x0/0x0 [module]" as a call trace line; offsets are not known in wasm, only functions. */
  describeFrame(f: Frame): string {
    const m = this.k.moduleOfWasmName(f.wasmModule);
    const name = f.func || `wasm-function[${f.funcIndex}]`;
    return m ? `${name} [${m.name}]` : name;
  }
}

/** vmlinux's entry points for the system calls on open files (wasm/fs/file.c). */
const FILE_ENTRIES: Record<string, string> = {
  open: 'lkm_file_open', read: 'lkm_file_read', write: 'lkm_file_write', llseek: 'lkm_file_llseek',
  ioctl: 'lkm_file_ioctl', poll: 'lkm_file_poll', release: 'lkm_file_release',
};

/** The export (or kernel function) behind a Kernel.run() label's phase: "init" → init_module. */
const ENTRY_EXPORTS: Record<string, string> = {
  init: 'init_module', exit: 'cleanup_module', constructors: '__wasm_call_ctors', relocation: '__wasm_apply_data_relocs',
  instantiate: '__wasm_init_memory', parse_args: 'parse_args', destroy_params: 'destroy_params',
  'sysfs param read': 'param_attr_show', 'sysfs param write': 'param_attr_store',
};
