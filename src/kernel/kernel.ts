// The kernel: boot (memory, table, vmlinux, symbol table), the module list, taint state and the
// entry points every tool uses. Plain TypeScript with no Node or DOM imports.

import { readFunctionNames, readModuleMetadata, type ModuleMetadata } from '../wasm/metadata.js';
import { KernelError, ENOENT, EPERM } from './errno.js';
import { AddressSpace, KERNEL_STACK_SIZE, VMLINUX_BASE } from './memory.js';
import { Module, ModuleState, normalizeModuleName } from './module.js';
import { PrintkRing, formatRecord, type LogRecord } from './printk.js';
import { SymbolTable } from './symbols.js';
import { LOCKDEP_UNRELIABLE, TAINT, kernelTaintString, moduleTaintString } from './taint.js';
import { hostImports, ownerOfSlot } from './host.js';
import { wasmFrames, classifyTrap, oopsLine, Guards, POISON_BYTE, type Fault, type FaultKind, type Frame } from './oops.js';
import { loadModule, type LoadOptions } from './load.js';
import { deleteModule } from './unload.js';
import { readKernelFile, writeKernelFile, listKernelDir, readOpenedAsync, writeOpenedAsync, statKernelPath, opensKernelFile } from './files.js';
import { withAutoload } from '../kmod/request.js';
import { Devices, type DeviceStat } from './devices.js';
import { openPath, O_RDONLY, O_WRONLY, type KernelFile, type SleepOptions } from './file.js';
import { KernFs } from './kernfs.js';
import { Mounts, type KernelStat, type MountOptions, type TargetType } from './mounts.js';
import { KernelTimers, MS_PER_JIFFY, WaitQueues } from './wait.js';

export const UTS_RELEASE = '6.12.0-lkm-wasm';
export const UTS_VERSION = '#1 SMP PREEMPT_DYNAMIC';
export const UTS_MACHINE = 'wasm32';

export interface BootOptions {
  /** vmlinux.ko bytes (built from wasm/Kbuild). */
  vmlinux: Uint8Array;
  /** Kernel command line (/proc/cmdline): `module_blacklist=a,b`, `mod.param=v`, … */
  cmdline?: string;
  /** Monotonic clock in milliseconds; default performance.now(). */
  clockMs?: () => number;
  /** Fills a buffer with random bytes; default crypto.getRandomValues. */
  random?: (buf: Uint8Array) => void;
  /** Reads a file for `insmod(path)`; the Node and browser adapters provide one. */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Console: receives each completed record at or above the console loglevel. */
  console?: (line: string, record: LogRecord) => void;
}

/** What `lsmod` and the library API report for one module. */
export interface ModuleInfo {
  name: string;
  size: number;
  refcount: number;
  users: string[];
  state: 'Live' | 'Loading' | 'Unloading';
  taints: string;
  permanent: boolean;
}

/** Thrown when module code faults: the Oops is in the log, and the operation that ran it failed. */
export class KernelOops extends Error {
  override name = 'KernelOops';
  constructor(message: string, readonly module: string | undefined, readonly frames: Frame[],
    readonly kind: FaultKind = 'other') {
    super(message);
  }
}

interface VmlinuxExports {
  lkm_mm_init(heap: number): void;
  lkm_region_alloc(size: number, align: number): number;
  lkm_region_free(p: number): void;
  lkm_parse_params(mod: number, args: number): number;
  lkm_param_get(kp: number, buf: number): number;
  lkm_param_set(kp: number, val: number): number;
  lkm_kmem_orphan(mod: number): void;
  lkm_set_current_pid(pid: number): void;
  lkm_set_current_task(pid: number, comm: number): void;
  lkm_syscall_begin(): void;
  lkm_wait_cancel(entry: number): void;
  lkm_timer_fire(timer: number): void;
  lkm_file_open(devt: number, flags: number, mode: number): number;
  lkm_file_read(file: number, ubuf: number, count: number): number;
  lkm_file_write(file: number, ubuf: number, count: number): number;
  lkm_file_llseek(file: number, offset: bigint, whence: number): bigint;
  lkm_file_ioctl(file: number, cmd: number, arg: number): number;
  lkm_file_poll(file: number, events: number, wait: number): number;
  lkm_file_release(file: number): number;
  lkm_proc_devices(buf: number, size: number): number;
  lkm_destroy_params(mod: number): void;
  lkm_proc_open(pde: number, flags: number): number;
  lkm_kernfs_open(kn: number, flags: number): number;
  lkm_proc_remove(pde: number): void;
  lkm_kernfs_remove(kn: number): void;
  lkm_mount(fstype: number, source: number, flags: number, data: number): number;
  lkm_umount(mnt: number, flags: number): number;
  lkm_mount_show(mnt: number, mountpoint: number, buf: number, size: number): number;
  lkm_mntget(mnt: number): void;
  lkm_mntput(mnt: number): void;
  lkm_path_stat(mnt: number, path: number, st: number): number;
  lkm_path_readdir(mnt: number, path: number, buf: number, size: number): number;
  lkm_path_open(mnt: number, path: number, flags: number): number;
  lkm_proc_filesystems(buf: number, size: number): number;
  lkm_filesystems_module_gone(mod: number): void;
  kfree(p: number): void;
  __kmalloc?: (size: number, flags: number) => number;
}

export class Kernel {
  readonly mem = new AddressSpace();
  readonly symtab = new SymbolTable();
  /** devtmpfs, /sys/class and user memory (drivers). */
  readonly devices = new Devices();
  /** Entries kernel code made in /proc, /sys and /sys/kernel/debug. */
  readonly kernfs = new KernFs(this);
  /** The mount table: the kernel's views and mounted file systems (mounts.ts). */
  readonly mounts = new Mounts(this);
  /** Timers on the kernel clock (timeouts of sleeping calls; run due ones with runTimers()). */
  readonly timers = new KernelTimers(() => this.nowMs());
  /** System calls sleeping on wait queues (wait.ts). */
  readonly waits = new WaitQueues(this);
  /** How far kernel code moved the clock on by sleeping (msleep, udelay: wait.c), in ms. */
  private idleMs = 0;
  /**
   * What a path outside the kernel's mounts is in the session's file system ('dir', 'file', null: does
   * not exist), for mount(2)'s checks of its mount point. Unset (no file system attached): a directory.
   */
  rootFsType: ((path: string) => TargetType) | undefined;
  readonly log: PrintkRing;
  /** Newest first, as Linux's module list (and /proc/modules). */
  readonly modules: Module[] = [];
  readonly byName = new Map<string, Module>();
  /** __this_module address → module, for calls from C that pass THIS_MODULE. */
  readonly byThisModule = new Map<number, Module>();
  taintMask = 0;
  /** debug_locks: cleared by the first taint that makes lock debugging unreliable. */
  debugLocks = true;
  signatureNoticePrinted = false;
  modulesDisabled = false;
  modprobePath = '/sbin/modprobe';
  lastUnloaded: string | undefined;
  readonly cmdline: string;
  readonly blacklist: Set<string>;
  /** The process the current operation runs as (Comm/PID in Oops and WARN headers). */
  current = { comm: 'swapper/0', pid: 0 };
  private nextPid = 100;
  readonly stackPointer: WebAssembly.Global;
  vm!: VmlinuxExports;
  vmlinuxNames: Map<number, string> = new Map();
  vmlinuxWasmName = 'vmlinux.ko';
  private vmlinuxMeta!: ModuleMetadata;
  private readonly clockMs: () => number;
  private readonly bootMs: number;
  readonly random: (buf: Uint8Array) => void;
  readonly readFileHook?: (path: string) => Promise<Uint8Array>;
  /** Compiled modules by a cheap content hash; a hit is confirmed byte for byte. */
  private readonly compiled = new Map<string, { bytes: Uint8Array; module: WebAssembly.Module }[]>();
  private scratch = 0;

  private constructor(opts: BootOptions) {
    this.clockMs = opts.clockMs ?? (() => performance.now());
    this.bootMs = this.clockMs();
    this.random = opts.random ?? ((b) => { crypto.getRandomValues(b as Uint8Array<ArrayBuffer>); });
    this.readFileHook = opts.readFile;
    this.cmdline = opts.cmdline ?? '';
    this.blacklist = new Set(
      this.cmdline.split(/\s+/).filter((a) => a.startsWith('module_blacklist='))
        .flatMap((a) => a.slice('module_blacklist='.length).split(',')).filter(Boolean)
        .map(normalizeModuleName),
    );
    this.log = new PrintkRing(() => this.nowNs());
    if (opts.console) {
      const sink = opts.console;
      this.log.subscribe((r) => {
        if (r.level < this.log.console[0]) for (const line of formatRecord(r)) sink(line, r);
      });
    }
    this.stackPointer = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
  }

  /** Boots a kernel: memory, table, vmlinux and its symbol table. */
  static async boot(opts: BootOptions): Promise<Kernel> {
    const k = new Kernel(opts);
    await k.loadVmlinux(opts.vmlinux);
    k.printk(`\x015Linux version ${UTS_RELEASE} (lkm-wasm) (clang, wasm-ld) ${UTS_VERSION}\n`);
    k.printk(`\x016Command line: ${k.cmdline}\n`);
    k.mounts.boot();
    return k;
  }

  nowNs(): number {
    return Math.round(this.nowMs() * 1e6);
  }

  /** The kernel clock: ms since boot (the clock's time plus what kernel code slept, see idle()). */
  nowMs(): number {
    return this.clockMs() - this.bootMs + this.idleMs;
  }

  /**
   * Kernel code sleeps (msleep, udelay, an uninterruptible wait): nothing else can run meanwhile, so the
   * clock moves on by `ns` and the timers that fall due run.
   */
  idle(ns: number): void {
    if (ns > 0) this.idleMs += ns / 1e6;
    this.timers.run();
  }

  /** Fires the timers due by the kernel clock (with a fake clock: after moving it on). */
  runTimers(): number {
    return this.timers.run();
  }

  /** Pending `struct timer_list`s of C: address → disarm. */
  private readonly cTimers = new Map<number, () => void>();

  /** host.timer: arms a timer_list `delta` jiffies after the current jiffy (or disarms it: -1). */
  armTimer(timer: number, delta: number): void {
    this.cTimers.get(timer)?.();
    this.cTimers.delete(timer);
    if (delta < 0) return;
    const at = (Math.floor(this.nowMs() / MS_PER_JIFFY) + delta) * MS_PER_JIFFY;
    this.cTimers.set(timer, this.timers.add(at, () => {
      this.cTimers.delete(timer);
      try {
        this.run('timer', () => this.vm.lkm_timer_fire(timer));
      } catch (e) {
        if (!(e instanceof KernelOops)) throw e; // the Oops is in the log; the timer softirq goes on
      }
    }));
  }

  /** At unload: pending timers whose function is the module's are removed, with a warning. */
  moduleTimersGone(m: Module): void {
    for (const timer of [...this.cTimers.keys()]) {
      // struct timer_list (wasm32): entry (8 bytes), expires (4), function (4).
      const fn = this.mem.u32(timer + 12);
      if (ownerOfSlot(this, fn) !== m) continue;
      const name = this.functionName(m, Number((this.mem.table.get(fn) as Function & { name: string }).name)) ?? 'timer function';
      this.printk(`\x014${m.name}: timer ${name} still pending at unload: removed\n`);
      this.cTimers.get(timer)?.();
      this.cTimers.delete(timer);
    }
  }

  printk(text: string): void {
    this.log.log(text);
  }

  /** add_taint(): sets the kernel-wide bit; P, F and R also switch lock debugging off, once. */
  addTaint(bit: number): void {
    this.taintMask |= 1 << bit;
    if (LOCKDEP_UNRELIABLE.has(bit) && this.debugLocks) {
      this.debugLocks = false;
      this.printk('\x014Disabling lock debugging due to kernel taint\n');
    }
  }

  testTaint(bit: number): boolean {
    return (this.taintMask & (1 << bit)) !== 0;
  }

  /**
   * Compiles once per distinct content; instances are per load. The cache key is a fast 64-bit hash
   * (a cryptographic digest cost more than compiling a small module); equal bytes are checked on a hit.
   */
  async compile(bytes: Uint8Array): Promise<WebAssembly.Module> {
    const key = contentKey(bytes);
    const bucket = this.compiled.get(key) ?? [];
    const hit = bucket.find((e) => sameBytes(e.bytes, bytes));
    if (hit) return hit.module;
    const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    bucket.push({ bytes: bytes.slice(), module });
    this.compiled.set(key, bucket);
    return module;
  }

  private async loadVmlinux(bytes: Uint8Array): Promise<void> {
    const meta = readModuleMetadata(bytes);
    this.vmlinuxMeta = meta;
    const compiled = await this.compile(bytes);
    // Stack first: the kernel stack sits right above the NULL page and below vmlinux's data, so a C
    // stack that overflows runs into the poisoned guard and NULL page (checked after each call) and
    // then below address 0, which traps, instead of silently overwriting the kernel's data.
    const { bottom: stackBottom, top: stackTop } = this.stackRange;
    void stackBottom;
    const align = 2 ** meta.dylink.memoryAlign;
    const base = Math.ceil(stackTop / align) * align;
    const heap = Math.ceil((base + meta.dylink.memorySize) / 4096) * 4096;
    const pages = Math.ceil(heap / 65536) + 16;
    const have = this.mem.memory.buffer.byteLength / 65536;
    if (pages > have) this.mem.memory.grow(pages - have);
    this.stackPointer.value = stackTop;
    const tableBase = this.mem.allocSlots(meta.dylink.tableSize);
    const got = new Map<string, WebAssembly.Global>();
    const gotProxy = new Proxy({}, {
      get: (_t, name: string) => {
        let g = got.get(name);
        if (!g) { g = new WebAssembly.Global({ value: 'i32', mutable: true }, 0); got.set(name, g); }
        return g;
      },
    });
    const env: Record<string, WebAssembly.ImportValue> = {
      memory: this.mem.memory,
      __indirect_function_table: this.mem.table,
      __stack_pointer: this.stackPointer,
      __memory_base: new WebAssembly.Global({ value: 'i32', mutable: false }, base),
      __table_base: new WebAssembly.Global({ value: 'i32', mutable: false }, tableBase),
    };
    const instance = new WebAssembly.Instance(compiled, {
      env, 'GOT.mem': gotProxy, 'GOT.func': gotProxy, host: hostImports(this),
    });
    const exp = instance.exports as Record<string, unknown>;
    // vmlinux's own preemptible symbols (if any) point back into itself.
    for (const [name, g] of got) {
      const e = exp[name];
      if (typeof e === 'function') g.value = this.mem.addressOf(e);
      else if (e instanceof WebAssembly.Global) g.value = base + (e.value as number);
    }
    (exp.__wasm_apply_data_relocs as (() => void) | undefined)?.();
    (exp.__wasm_call_ctors as (() => void) | undefined)?.();
    this.vm = exp as unknown as VmlinuxExports;
    this.vm.lkm_mm_init(heap);
    // Subsystem init (the initcalls of the drivers core: the misc class and major, …).
    for (const [name, fn] of Object.entries(exp)) {
      if (name.startsWith('lkm_init_') && typeof fn === 'function') (fn as () => number)();
    }
    for (const [names, gplOnly] of [[meta.exports, false], [meta.gplExports, true]] as const) {
      for (const name of names) {
        const e = exp[name];
        if (e === undefined) continue;
        this.symtab.add({
          name, owner: null, gplOnly,
          fn: typeof e === 'function' ? e : undefined,
          addr: e instanceof WebAssembly.Global ? base + (e.value as number) : 0,
        });
      }
    }
    this.vmlinuxNames = readFunctionNames(bytes, meta);
    this.vmlinuxWasmName = wasmModuleName(bytes, meta) ?? 'vmlinux.ko';
    this.scratch = this.vm.lkm_region_alloc(4096, 16);
    this.commBuf = this.vm.lkm_region_alloc(16, 16);
  }

  private commBuf = 0;

  /** A 4 KiB kernel buffer for host → C calls (sysfs reads/writes). */
  get scratchBuffer(): number { return this.scratch; }

  /** Runs a new "process" (insmod, rmmod, a cat of a sysfs file) for Oops/WARN headers. */
  asProcess<T>(comm: string, fn: () => T): T {
    const saved = this.current;
    this.setCurrent({ comm, pid: this.nextPid++ });
    let async = false;
    try {
      const r = fn();
      if (r instanceof Promise) {
        async = true;
        return r.finally(() => this.setCurrent(saved)) as T;
      }
      return r;
    } finally {
      if (!async) this.setCurrent(saved);
    }
  }

  /**
   * Runs `fn` (synchronous) as `task`, an existing process: a parked system call is issued again as the
   * process that made it, whatever runs meanwhile (src/kernel/wait.ts).
   */
  runAsTask<T>(task: { comm: string; pid: number }, fn: () => T): T {
    const saved = this.current;
    if (saved === task) return fn();
    this.setCurrent(task);
    try {
      return fn();
    } finally {
      this.setCurrent(saved);
    }
  }

  private setCurrent(task: { comm: string; pid: number }): void {
    this.current = task;
    this.vm.lkm_set_current_pid(task.pid);
    this.mem.writeCString(this.commBuf, task.comm, 16);
    this.vm.lkm_set_current_task(task.pid, this.commBuf);
  }

  /**
   * Observes calls into wasm code (the worker's watchdog): called with what runs when the outermost
   * call starts, and with undefined when it returns.
   */
  onModuleCode: ((what: string | undefined) => void) | undefined;
  private runDepth = 0;
  private guards: Guards | undefined;
  private dieCounter = 0;

  /** [bottom, top) of the kernel's C stack: right above the NULL page, below vmlinux's data. */
  get stackRange(): { bottom: number; top: number } {
    return { bottom: VMLINUX_BASE, top: VMLINUX_BASE + KERNEL_STACK_SIZE };
  }

  /**
   * Calls into wasm code. A trap becomes an Oops in the log (taint D) and a KernelOops error; the
   * shadow stack pointer is restored so the kernel stays usable. When the outermost call returns, the
   * NULL page and the stack guard are checked (oops.ts): a store there is an Oops too.
   */
  run<T>(what: string, fn: () => T): T {
    const sp = this.stackPointer.value as number;
    const outer = this.runDepth++ === 0;
    if (!this.guards) {
      const scan = (this.vm as unknown as { lkm_poison_check?: (s: number, e: number, p: number) => number }).lkm_poison_check;
      this.guards = new Guards(this.mem.memory, VMLINUX_BASE, this.stackRange,
        scan && ((s, e) => scan(s, e, POISON_BYTE)));
      this.guards.arm();
    }
    // Traces of module → kernel → module chains are deeper than V8's default of 10 frames.
    const limit = Error.stackTraceLimit;
    if (outer && limit < 32) Error.stackTraceLimit = 32;
    try {
      if (outer) this.onModuleCode?.(what);
      // A new system call: the task runs and has registered no sleep (signal_pending() is false).
      if (outer) this.vm.lkm_syscall_begin();
      const r = fn();
      if (outer) {
        const f = this.guards.check();
        if (f) throw this.oops(f, what, []);
      }
      return r;
    } catch (e) {
      const spAtTrap = this.stackPointer.value as number;
      this.stackPointer.value = sp;
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        if (outer) this.guards.check(); // re-poison whatever the faulting code wrote there
        const fault = classifyTrap(e.message, { sp: spAtTrap, ...this.stackRange });
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
    const top = frames[0];
    const owner = top ? this.moduleOfWasmName(top.wasmModule) : this.findModule(what.split(':')[0] ?? '');
    const ep = this.entryPoint(what);
    const entry = ep.module ? `${ep.func} [${ep.module}]` : ep.func;
    for (const l of fault.pre) this.printk(`\x011${l}\n`);
    this.printk(`\x014${oopsLine(fault, ++this.dieCounter)}\n`);
    this.printk(`\x014${this.cpuLine()}\n`);
    this.printk('\x014Hardware name: lkm-wasm WebAssembly virtual machine\n');
    this.printk(`\x014RIP: ${top ? this.describeFrame(top) : entry}\n`);
    this.printk('\x014Call Trace:\n');
    this.printk('\x014 <TASK>\n');
    if (frames.length) for (const f of frames) this.printk(`\x014 ${this.describeFrame(f)}\n`);
    else this.printk(`\x014 ${entry}\n`);
    this.printk('\x014 </TASK>\n');
    this.printk(`\x014${this.modulesLinkedIn()}\n`);
    if (fault.cr2 !== undefined) this.printk(`\x014CR2: ${(fault.cr2 >>> 0).toString(16).padStart(16, '0')}\n`);
    this.printk(`\x014---[ end trace 0000000000000000 ]---\n`);
    this.addTaint(TAINT.DIE);
    const why = message ?? fault.pre[0] ?? oopsLine(fault, this.dieCounter);
    return new KernelOops(`${what}: ${why}`, owner?.name, frames, fault.kind);
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
    const m = this.byName.get(module);
    // A system call on a file ("/dev/x: read") enters through vmlinux's fs/ code, not a module export.
    if (!m) return { func: FILE_ENTRIES[phase] ?? ENTRY_EXPORTS[phase] ?? phase };
    const exportName = ENTRY_EXPORTS[phase] ?? phase;
    const fn = (m?.instance?.exports as Record<string, unknown> | undefined)?.[exportName];
    const named = m && typeof fn === 'function' ? this.functionName(m, Number(fn.name)) : undefined;
    return { func: named ?? exportName, module };
  }

  cpuLine(): string {
    return `CPU: 0 UID: 0 PID: ${this.current.pid} Comm: ${this.current.comm} ${kernelTaintString(this.taintMask)} ${UTS_RELEASE} ${UTS_VERSION}`;
  }

  /** "func+0x0/0x0 [module]" as a call trace line; offsets are not known in wasm, only functions. */
  describeFrame(f: Frame): string {
    const m = this.moduleOfWasmName(f.wasmModule);
    const name = f.func || `wasm-function[${f.funcIndex}]`;
    return m ? `${name} [${m.name}]` : name;
  }

  moduleOfWasmName(wasmName: string): Module | undefined {
    if (wasmName === this.vmlinuxWasmName) return undefined;
    for (const m of this.modules) if (wasmModuleName(m.bytes, m.meta) === wasmName) return m;
    return undefined;
  }

  /** print_modules(): "Modules linked in: a(OE) b [last unloaded: c(OE)]". */
  modulesLinkedIn(): string {
    let s = 'Modules linked in:';
    for (const m of this.modules) {
      if (m.state === ModuleState.UNFORMED) continue;
      s += ` ${m.name}${moduleFlags(m, true)}`;
    }
    if (this.lastUnloaded) s += ` [last unloaded: ${this.lastUnloaded}]`;
    return s;
  }

  /** Finds a live-list module by name ('-' and '_' equal); UNFORMED ones are invisible. */
  findModule(name: string): Module | undefined {
    const m = this.byName.get(normalizeModuleName(name));
    return m && m.state !== ModuleState.UNFORMED ? m : undefined;
  }

  // ---- The library API ------------------------------------------------------------------------

  /**
   * init_module(2): loads a module from its bytes (or a path, through the boot option readFile).
   * `params` is the argument string ("a=1 b=x") or a list of arguments joined as insmod joins them.
   */
  async insmod(file: Uint8Array | string, params: string | string[] = '', opts: LoadOptions = {}): Promise<Module> {
    if (this.modulesDisabled) throw new KernelError(EPERM);
    let bytes: Uint8Array;
    if (typeof file === 'string') {
      if (!this.readFileHook) throw new KernelError(ENOENT, `cannot read ${file}: no file system attached`);
      bytes = await this.readFileHook(file);
    } else bytes = file;
    const args = Array.isArray(params) ? joinInsmodArgs(params) : params;
    return loadModule(this, bytes, args, opts);
  }

  /** delete_module(2). `force` is rmmod -f (O_TRUNC). */
  rmmod(name: string, opts: { force?: boolean } = {}): void {
    deleteModule(this, normalizeModuleName(name), opts.force ?? false);
  }

  lsmod(): ModuleInfo[] {
    return this.modules.filter((m) => m.state !== ModuleState.UNFORMED).map((m) => ({
      name: m.name,
      size: m.coreSize,
      refcount: m.refcount,
      users: m.users.map((u) => u.name),
      state: m.state === ModuleState.GOING ? 'Unloading' : m.state === ModuleState.COMING ? 'Loading' : 'Live',
      taints: moduleTaintString(m.taints),
      permanent: m.permanent,
    }));
  }

  /** The log as dmesg prints it. `level`: only these levels; `clear`: clear after reading (dmesg -c). */
  dmesg(opts: { clear?: boolean; level?: number[]; time?: boolean } = {}): string[] {
    this.log.flush();
    const recs = this.log.read().filter((r) => !opts.level || opts.level.includes(r.level));
    if (opts.clear) this.log.clear();
    return recs.flatMap((r) => formatRecord(r, { time: opts.time }));
  }

  /** Reads a live view: /proc/modules, /proc/kallsyms, /proc/sys/kernel/*, /sys/module/NAME/… */
  readFile(path: string): string {
    return readKernelFile(this, path);
  }

  writeFile(path: string, data: string): void {
    writeKernelFile(this, path, data);
  }

  readdir(path: string): string[] {
    return listKernelDir(this, path);
  }

  /**
   * open(2) of a device node (/dev/NAME), of an entry drivers made in /proc, /sys or /sys/kernel/debug,
   * or of a file of a mounted file system: a handle whose calls run the driver's file operations.
   */
  open(path: string, flags = O_RDONLY): KernelFile {
    return openPath(this, path, flags);
  }

  /**
   * open(2) as a system call that can wait: a device node whose number no driver serves makes
   * request_module("char-major-M-N"), then ("char-major-M") run modprobe and wait for it, and the lookup is
   * retried once after each (base_probe(); src/kmod/request.ts withAutoload). A driver's open that sleeps
   * (an exclusive device waiting for its holder to close) parks the open until woken, and it is issued
   * again (src/kernel/wait.ts); `signal` interrupts it (EINTR). open() cannot wait: its request_module()
   * only starts modprobe (the open fails with ENXIO), and an open that would sleep fails with EINTR.
   */
  openAsync(path: string, flags = O_RDONLY, opts: SleepOptions = {}): Promise<KernelFile> {
    return withAutoload(this, () => this.open(path, flags),
      (once) => this.waits.restartableObject(once, { signal: opts.signal, task: opts.task }));
  }

  /**
   * readFile as system calls that can sleep: a device node, a file drivers made in /proc, /sys or debugfs, or
   * a file of a mounted file system is opened by openAsync (cat /dev/x autoloads its driver; an open that
   * sleeps is parked) and read by read(2)s that can sleep (a driver waiting for data parks the read until
   * woken; `signal` interrupts it: EINTR). The kernel's generated views are read at once.
   */
  async readFileAsync(path: string, opts: SleepOptions = {}): Promise<string> {
    if (!this.opensFile(path)) return this.readFile(path);
    // Every system call of this cat runs as the process that started it (jobs run concurrently).
    const o = { ...opts, task: opts.task ?? this.current };
    return readOpenedAsync(await this.openAsync(path, O_RDONLY, o), o);
  }

  /** writeFile as system calls that can sleep (as readFileAsync): opened by openAsync, written by write(2)s that can sleep. */
  async writeFileAsync(path: string, data: string, opts: SleepOptions = {}): Promise<void> {
    if (!this.opensFile(path)) return this.writeFile(path, data);
    const o = { ...opts, task: opts.task ?? this.current };
    await writeOpenedAsync(await this.openAsync(path, O_WRONLY, o), data, o);
  }

  /** Whether a whole-file read or write of `path` runs file operations (and so may sleep). */
  private opensFile(path: string): boolean {
    return this.mounts.viewPath(path)?.startsWith('/dev/') === true || opensKernelFile(this, path);
  }

  /** mknod(2) of a character device node under /dev (devtmpfs). */
  mknod(path: string, major: number, minor: number, mode = 0o600): void {
    const dev = this.mounts.viewPath(path) ?? '';
    const name = dev.replace(/^\/dev\//, '');
    if (!dev.startsWith('/dev/') || !name) throw new KernelError(EPERM);
    if (this.devices.nodes.has(name)) throw new KernelError(17);
    this.devices.nodes.set(name, { type: 'c', rdev: ((major << 20) | minor) >>> 0, mode, ctimeMs: Date.now() });
  }

  /** stat(2) of a device node under /dev (undefined: no such node). */
  statDevice(path: string): DeviceStat | undefined {
    const dev = this.mounts.viewPath(path);
    return dev?.startsWith('/dev/') ? this.devices.stat(dev.slice('/dev/'.length)) : undefined;
  }

  /**
   * stat(2) of a path the kernel serves (undefined: none): files of mounted file systems with their
   * mode, size and time; in the views, directories, device nodes, and files (4096 bytes, as sysfs says).
   */
  stat(path: string): KernelStat | undefined {
    return statKernelPath(this, path);
  }

  /**
   * mount(2): mounts a file system of type `fstype` on `target` (a directory). `flags` are MS_* (MS from
   * mounts.ts), `data` the options ("a,b=1"). Errors: ENODEV (no such type; modprobe "fs-TYPE" is only
   * started, as this call cannot wait: see mountAsync), ENOENT, ENOTDIR, EINVAL, and the file system's.
   */
  mount(source: string | null, target: string, fstype: string, flags = 0, data = '', opts: MountOptions = {}): void {
    this.mounts.mount(source, target, fstype, flags, data, opts);
  }

  /** mount(2) as a system call that can wait: a missing type is loaded through "fs-TYPE" first (withAutoload). */
  mountAsync(source: string | null, target: string, fstype: string, flags = 0, data = '', opts: MountOptions = {}): Promise<void> {
    return this.mounts.mountAsync(source, target, fstype, flags, data, opts);
  }

  /** umount2(2): EINVAL (not a mount point), ENOENT (no such path), EBUSY (open files, mounts below). */
  umount(target: string, flags = 0): void {
    this.mounts.umount(target, flags);
  }

  /** Mount points, in mount order (the kernel's views first). */
  mountPoints(): string[] {
    return this.mounts.points();
  }

  /** Every symbol in the kernel symbol table: name, owner ("vmlinux" or module), GPL-only. */
  symbols(): { name: string; owner: string; gplOnly: boolean; kind: 'function' | 'data' }[] {
    return [...this.symtab.values()].map((s) => ({
      name: s.name, owner: s.owner?.name ?? 'vmlinux', gplOnly: s.gplOnly, kind: s.fn ? 'function' : 'data',
    }));
  }

  get vmlinuxMetadata(): ModuleMetadata { return this.vmlinuxMeta; }

  /** Function name of a vmlinux or module function index, for kallsyms and traces. */
  functionName(m: Module | null, index: number): string | undefined {
    return m ? this.functionNamesOf(m).get(index) : this.vmlinuxNames.get(index);
  }

  functionNamesOf(m: Module): Map<number, string> {
    m.functionNames ??= readFunctionNames(m.bytes, m.meta);
    return m.functionNames;
  }
}

/**
 * The "(…)" after a module name (module_flags()): taint letters, then '-' while going or '+' while
 * loading. /proc/modules prints it only for tainted modules; Oops' "Modules linked in:" always.
 */
export function moduleFlags(m: Module, evenUntainted: boolean): string {
  const letters = moduleTaintString(m.taints);
  if (!letters && !evenUntainted) return '';
  const state = m.state === ModuleState.GOING ? '-' : m.state === ModuleState.COMING ? '+' : '';
  const s = letters + state;
  return s ? `(${s})` : '';
}

/** kmod joins insmod arguments with spaces, quoting values that contain spaces. */
export function joinInsmodArgs(args: string[]): string {
  return args.map((a) => {
    if (!/\s/.test(a)) return a;
    const eq = a.indexOf('=');
    if (eq < 0 || a.includes('"')) return a;
    return `${a.slice(0, eq)}="${a.slice(eq + 1)}"`;
  }).join(' ');
}

/** The module name recorded in the wasm name section (wasm-ld writes the output file name). */
export function wasmModuleName(bytes: Uint8Array, meta: ModuleMetadata): string | undefined {
  const s = meta.customSections.get('name');
  if (!s) return undefined;
  let p = s.start;
  const u32 = () => {
    let r = 0, shift = 0, b: number;
    do { b = bytes[p++]!; r |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return r >>> 0;
  };
  while (p < s.end) {
    const id = bytes[p++]!;
    const len = u32();
    const end = p + len;
    if (id === 0) {
      const n = u32();
      return new TextDecoder().decode(bytes.subarray(p, p + n));
    }
    p = end;
  }
  return undefined;
}

/** The export (or kernel function) behind a Kernel.run() label's phase: "init" → init_module. */
/** vmlinux's entry points for the system calls on open files (wasm/fs/file.c). */
const FILE_ENTRIES: Record<string, string> = {
  open: 'lkm_file_open', read: 'lkm_file_read', write: 'lkm_file_write', llseek: 'lkm_file_llseek',
  ioctl: 'lkm_file_ioctl', poll: 'lkm_file_poll', release: 'lkm_file_release',
};

const ENTRY_EXPORTS: Record<string, string> = {
  init: 'init_module', exit: 'cleanup_module', constructors: '__wasm_call_ctors', relocation: '__wasm_apply_data_relocs',
  instantiate: '__wasm_init_memory', parse_args: 'parse_args', destroy_params: 'destroy_params',
  'sysfs param read': 'param_attr_show', 'sysfs param write': 'param_attr_store',
};

/** Length and two 32-bit FNV-1a variants over the bytes: a cache key, not an identity (see sameBytes). */
function contentKey(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

function sameBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
