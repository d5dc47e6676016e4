// The kernel as the library and the tools see it: boot, the module calls (insmod, rmmod, lsmod), the log
// (dmesg), files and mounts. A facade: each concern is its own object in its own file, and the members
// here delegate to them. Plain TypeScript with no Node or DOM imports.

import type { ModuleMetadata } from '../wasm/metadata.js';
import { KernelError, ENOENT, EPERM, ESRCH } from './errno.js';
import { AddressSpace, kernelStack } from './memory.js';
import { normalizeModuleName, type Module } from './module.js';
import { ModuleList, cmdlineBlacklist, type ModuleInfo, type ModuleLeak } from './module-list.js';
import { PrintkRing, attachConsole, dmesgLines, type LogRecord } from './printk.js';
import { FunctionNames, SymbolTable } from './symbols.js';
import { Taints } from './taint.js';
import { Traps, type KernelOops } from './traps.js';
import type { Fault, Frame } from './oops.js';
import { CompileCache } from './compile-cache.js';
import { KernelClock, TimerLists, type KernelTimers } from './time.js';
import { Tasks, type Task } from './task.js';
import type { LeakedObject } from './leaks.js';
import { loadVmlinux, type VmlinuxExports } from './vmlinux.js';
import { joinInsmodArgs, loadModule, type LoadOptions } from './load.js';
import { deleteModule } from './unload.js';
import { applyFaultBootOptions } from './fault-boot.js';
import { FsCalls } from './fs-calls.js';
import { Devices, type DeviceStat } from './devices.js';
import { O_RDONLY, type KernelFile, type SleepOptions } from './file.js';
import { KernFs } from './kernfs.js';
import { Mounts, type KernelStat, type MountOptions, type TargetType } from './mounts.js';
import { WaitQueues } from './wait.js';
import { Threads, type SpawnCpu } from './threads.js';
import { Softirqs } from './softirq.js';
import { KthreadWatchdog } from './watchdog.js';
import { hostImports } from './host.js';
import { Keyrings } from './keys.js';
import { UTS_RELEASE, UTS_VERSION } from './release.js';

// The library API's other names, from the files that define them.
export { UTS_RELEASE, UTS_VERSION, UTS_MACHINE, UTS_NODENAME } from './release.js';
export { KernelOops } from './traps.js';
export type { ModuleInfo, ModuleLeak } from './module-list.js';
export { moduleFlags } from './module.js';
export { joinInsmodArgs } from './load.js';
export { readModuleName as wasmModuleName } from '../wasm/names.js';

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
  /**
   * Starts a CPU worker for a kernel thread (threads.ts); the Node and browser adapters provide one where
   * workers can share memory. Without it kthread_create() fails with -EAGAIN.
   */
  spawnCpu?: SpawnCpu;
  /** DER X.509 certificates for .builtin_trusted_keys: the keys module signatures verify against. */
  trustedKeys?: Uint8Array[];
  /** A kernel built with CONFIG_MODULE_SIG_FORCE=y: module.sig_enforce is on from boot. */
  moduleSigForce?: boolean;
}

export class Kernel {
  readonly mem = new AddressSpace();
  readonly symtab = new SymbolTable();
  /** Function names of vmlinux and the modules (kallsyms, %pS, traces). */
  readonly names = new FunctionNames();
  /** devtmpfs, /sys/class and user memory (drivers). */
  readonly devices = new Devices();
  /** Entries kernel code made in /proc, /sys and /sys/kernel/debug. */
  readonly kernfs = new KernFs(this);
  /** The mount table: the kernel's views and mounted file systems (mounts.ts). */
  readonly mounts = new Mounts(this);
  /** The file system calls (fs-calls.ts). */
  readonly fs = new FsCalls(this);
  /** The kernel clock (time.ts). */
  readonly clock: KernelClock;
  /** Timers on the kernel clock (timeouts of sleeping calls; run due ones with runTimers()). */
  readonly timers: KernelTimers;
  /** C's struct timer_lists (time.ts). */
  readonly timerLists: TimerLists;
  /** System calls sleeping on wait queues (wait.ts). */
  readonly waits = new WaitQueues(this);
  /** Calls into wasm code and their Oopses (traps.ts). */
  readonly traps = new Traps(this);
  /** The process operations run as (task.ts). */
  readonly tasks = new Tasks(this);
  /** Kernel threads on CPU workers (threads.ts). */
  readonly threads: Threads;
  /** vmlinux's host.* imports (host.ts): the same functions serve CPU workers' calls (threads.ts). */
  readonly hostFns: Record<string, Function> = hostImports(this);
  /** Tasklets and the other softirq work (softirq.ts). */
  readonly softirqs = new Softirqs(this);
  /** Soft lockups and hung tasks of kernel threads (watchdog.ts). */
  readonly watchdog = new KthreadWatchdog(this);
  /** CONFIG_NR_CPUS: the CPUs the kernel reports (/proc/cpuinfo, nr_cpu_ids); kernel threads run in parallel regardless. */
  readonly nrCpus = 1;
  readonly moduleList = new ModuleList();
  readonly taints: Taints;
  readonly compiled = new CompileCache();
  /**
   * What a path outside the kernel's mounts is in the session's file system ('dir', 'file', null: does
   * not exist), for mount(2)'s checks of its mount point. Unset (no file system attached): a directory.
   */
  rootFsType: ((path: string) => TargetType) | undefined;
  readonly log: PrintkRing;
  /** Newest first, as Linux's module list (and /proc/modules). */
  readonly modules: Module[] = this.moduleList.modules;
  readonly byName: Map<string, Module> = this.moduleList.byName;
  /** __this_module address → module, for calls from C that pass THIS_MODULE. */
  readonly byThisModule: Map<number, Module> = this.moduleList.byThisModule;
  modulesDisabled = false;
  modprobePath = '/sbin/modprobe';
  readonly cmdline: string;
  readonly blacklist: Set<string>;
  readonly stackPointer: WebAssembly.Global;
  vm!: VmlinuxExports;
  vmlinuxWasmName = 'vmlinux.ko';
  private vmlinuxMeta!: ModuleMetadata;
  /** vmlinux as a CPU worker instantiates it again: compiled module, bases, GOT values. */
  vmlinuxCompiled!: WebAssembly.Module;
  vmlinuxBase = 0;
  vmlinuxTableBase = 0;
  vmlinuxGot: [string, number][] = [];
  readonly random: (buf: Uint8Array) => void;
  /** The built-in trusted keys (keys.ts). */
  readonly keys: Keyrings;
  readonly readFileHook?: (path: string) => Promise<Uint8Array>;
  private scratch = 0;

  private constructor(opts: BootOptions) {
    this.clock = new KernelClock(opts.clockMs ?? (() => performance.now()), !opts.clockMs);
    this.timers = this.clock.timers;
    this.timerLists = new TimerLists(this, this.clock);
    this.random = opts.random ?? ((b) => { crypto.getRandomValues(b as Uint8Array<ArrayBuffer>); });
    this.readFileHook = opts.readFile;
    this.keys = new Keyrings(this.random);
    this.cmdline = opts.cmdline ?? '';
    this.blacklist = cmdlineBlacklist(this.cmdline);
    this.log = new PrintkRing(() => this.nowNs());
    this.taints = new Taints((text) => this.printk(text));
    if (opts.console) attachConsole(this.log, opts.console);
    this.stackPointer = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
    this.threads = new Threads(this, opts.spawnCpu);
  }

  /** Boots a kernel: memory, table, vmlinux and its symbol table. */
  static async boot(opts: BootOptions): Promise<Kernel> {
    const k = new Kernel(opts);
    const vmlinux = await loadVmlinux(k, opts.vmlinux);
    k.vmlinuxMeta = vmlinux.meta;
    k.names.vmlinux = vmlinux.names;
    k.vmlinuxWasmName = vmlinux.wasmName;
    k.vmlinuxCompiled = vmlinux.compiled;
    k.vmlinuxBase = vmlinux.base;
    k.vmlinuxTableBase = vmlinux.tableBase;
    k.vmlinuxGot = vmlinux.got;
    k.scratch = k.vm.lkm_region_alloc(4096, 16);
    k.tasks.commBuf = k.vm.lkm_region_alloc(16, 16);
    k.printk(`\x015Linux version ${UTS_RELEASE} (lkm-wasm) (clang, wasm-ld) ${UTS_VERSION}\n`);
    k.printk(`\x016Command line: ${k.cmdline}\n`);
    applyFaultBootOptions(k);
    if (opts.moduleSigForce) k.vm.set_module_sig_enforced();
    k.keys.boot(opts.trustedKeys ?? [], (s) => k.printk(s));
    k.mounts.boot();
    return k;
  }

  // ---- Time (time.ts) ----------------------------------------------------------------------------

  nowNs(): number { return this.clock.nowNs(); }

  /** The kernel clock: ms since boot (the clock's time plus what kernel code slept, see idle()). */
  nowMs(): number { return this.clock.nowMs(); }

  /** Kernel code sleeps (msleep, udelay): the clock moves on by `ns` and the timers that fall due run. */
  idle(ns: number): void { this.clock.idle(ns); }

  /** Fires the timers due by the kernel clock (with a fake clock: after moving it on). */
  runTimers(): number { return this.timers.run(); }

  /** host.timer: arms a timer_list `delta` jiffies after the current jiffy (or disarms it: -1). */
  armTimer(timer: number, delta: number): void { this.timerLists.arm(timer, delta); }

  /** At unload: pending timers whose function is the module's are removed, with a warning. */
  moduleTimersGone(m: Module): void { this.timerLists.moduleGone(m); }

  // ---- The log and taints (printk.ts, taint.ts) --------------------------------------------------

  printk(text: string): void { this.log.log(text); }

  /** add_taint(): sets the kernel-wide bit; P, F and R also switch lock debugging off, once. */
  addTaint(bit: number): void { this.taints.add(bit); }

  testTaint(bit: number): boolean { return this.taints.test(bit); }

  get taintMask(): number { return this.taints.mask; }
  set taintMask(mask: number) { this.taints.mask = mask; }

  /** debug_locks: cleared by the first taint that makes lock debugging unreliable. */
  get debugLocks(): boolean { return this.taints.debugLocks; }
  set debugLocks(on: boolean) { this.taints.debugLocks = on; }

  get signatureNoticePrinted(): boolean { return this.taints.signatureNoticePrinted; }
  set signatureNoticePrinted(done: boolean) { this.taints.signatureNoticePrinted = done; }

  // ---- Compiling, processes, calls into wasm (compile-cache.ts, task.ts, traps.ts) ----------------

  /** Compiles once per distinct content; instances are per load. */
  compile(bytes: Uint8Array): Promise<WebAssembly.Module> { return this.compiled.compile(bytes); }

  /** A 4 KiB kernel buffer for host → C calls (sysfs reads/writes). */
  get scratchBuffer(): number { return this.scratch; }

  /** The process the current operation runs as (Comm/PID in Oops and WARN headers). */
  get current(): Task { return this.tasks.current; }
  set current(task: Task) { this.tasks.current = task; }

  /** Runs a new "process" (insmod, rmmod, a cat of a sysfs file) for Oops/WARN headers. */
  asProcess<T>(comm: string, fn: () => T): T { return this.tasks.asProcess(comm, fn); }

  /** Runs `fn` (synchronous) as `task`, an existing process (a parked system call issued again). */
  runAsTask<T>(task: Task, fn: () => T): T { return this.tasks.runAsTask(task, fn); }

  /** Observes calls into wasm code (the worker's watchdog): what runs, then undefined when it returns. */
  get onModuleCode(): ((what: string | undefined) => void) | undefined { return this.traps.onModuleCode; }
  set onModuleCode(fn: ((what: string | undefined) => void) | undefined) { this.traps.onModuleCode = fn; }

  /** [bottom, top) of the kernel's C stack: right above the NULL page, below vmlinux's data. */
  get stackRange(): { bottom: number; top: number } { return kernelStack(); }

  /** Calls into wasm code; a trap or a guard hit becomes an Oops in the log and a KernelOops (traps.ts). */
  run<T>(what: string, fn: () => T): T { return this.traps.run(what, fn); }

  /** die(): prints the Oops record, taints D, and returns the error to throw. */
  oops(fault: Fault, what: string, frames: Frame[], message?: string): KernelOops {
    return this.traps.oops(fault, what, frames, message);
  }

  /** The function a Kernel.run() label calls: "hello: init" → { func: 'hello_init', module: 'hello' }. */
  entryPoint(what: string): { func: string; module?: string } { return this.traps.entryPoint(what); }

  cpuLine(): string { return this.traps.cpuLine(); }

  /** "func+0x0/0x0 [module]" as a call trace line. */
  describeFrame(f: Frame): string { return this.traps.describeFrame(f); }

  // ---- The module list (module-list.ts) ----------------------------------------------------------

  moduleOfWasmName(wasmName: string): Module | undefined {
    return this.moduleList.ofWasmName(wasmName, this.vmlinuxWasmName);
  }

  /** print_modules(): "Modules linked in: a(OE) b [last unloaded: c(OE)]". */
  modulesLinkedIn(): string { return this.moduleList.linkedIn(); }

  /** Finds a live-list module by name ('-' and '_' equal); UNFORMED ones are invisible. */
  findModule(name: string): Module | undefined { return this.moduleList.find(name); }

  /** The objects module `name` left allocated when it was last freed (unload or failed load); undefined: never freed. */
  moduleLeaks(name: string): LeakedObject[] | undefined { return this.moduleList.lastLeaks.get(normalizeModuleName(name)); }

  get lastUnloaded(): string | undefined { return this.moduleList.lastUnloaded; }
  set lastUnloaded(name: string | undefined) { this.moduleList.lastUnloaded = name; }

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

  lsmod(): ModuleInfo[] { return this.moduleList.info(); }

  /** Allocations modules left behind at unload since boot (each also logged: "… not freed at unload: leaked"). */
  leaks(): ModuleLeak[] { return this.moduleList.leaks.map((l) => ({ ...l, objects: l.objects.map((o) => ({ ...o })) })); }

  /**
   * What is allocated now: kernel memory pages and slab objects in use (vmlinux lkm_mm_usage), and table
   * slots in use. With nothing loaded, equal to the values after boot unless something leaked (except
   * slots vmlinux functions got once their address was taken: a function keeps its one address).
   */
  usage(): { pages: number; objects: number; tableSlots: number } {
    const out = this.scratch;
    this.vm.lkm_mm_usage(out);
    return {
      pages: this.mem.u32(out), objects: this.mem.u32(out + 4),
      tableSlots: this.mem.table.length - this.mem.freeSlotCount,
    };
  }

  /** The log as dmesg prints it. `level`: only these levels; `clear`: clear after reading (dmesg -c). */
  dmesg(opts: { clear?: boolean; level?: number[]; time?: boolean } = {}): string[] {
    return dmesgLines(this.log, opts);
  }

  /** Reads a live view: /proc/modules, /proc/kallsyms, /proc/sys/kernel/*, /sys/module/NAME/… */
  readFile(path: string): string { return this.fs.readFile(path); }

  writeFile(path: string, data: string): void { this.fs.writeFile(path, data); }

  readdir(path: string): string[] { return this.fs.readdir(path); }

  /** kill(2) of a kernel thread by PID (ESRCH: none; processes are the shell's, not the kernel's). */
  kill(pid: number, sig: number): void {
    if (!this.threads.kill(pid, sig)) throw new KernelError(ESRCH);
  }

  /** readlink(2) of a link in /sys, /proc or /sys/kernel/debug (EINVAL: not a link). */
  readlink(path: string): string { return this.fs.readlink(path); }

  /**
   * open(2) of a device node (/dev/NAME), of an entry drivers made in /proc, /sys or /sys/kernel/debug,
   * or of a file of a mounted file system: a handle whose calls run the driver's file operations.
   */
  open(path: string, flags = O_RDONLY): KernelFile { return this.fs.open(path, flags); }

  /**
   * open(2) as a system call that can wait: a device node whose number no driver serves makes
   * request_module("char-major-M-N"), then ("char-major-M") run modprobe and wait for it, and the lookup is
   * retried once after each (base_probe(); src/kernel/kmod.ts withAutoload). A driver's open that sleeps
   * (an exclusive device waiting for its holder to close) parks the open until woken, and it is issued
   * again (src/kernel/wait.ts); `signal` interrupts it (EINTR). open() cannot wait: its request_module()
   * only starts modprobe (the open fails with ENXIO), and an open that would sleep fails with EINTR.
   */
  openAsync(path: string, flags = O_RDONLY, opts: SleepOptions = {}): Promise<KernelFile> {
    return this.fs.openAsync(path, flags, opts);
  }

  /**
   * readFile as system calls that can sleep: a device node, a file drivers made in /proc, /sys or debugfs, or
   * a file of a mounted file system is opened by openAsync (cat /dev/x autoloads its driver; an open that
   * sleeps is parked) and read by read(2)s that can sleep (a driver waiting for data parks the read until
   * woken; `signal` interrupts it: EINTR). The kernel's generated views are read at once.
   */
  readFileAsync(path: string, opts: SleepOptions = {}): Promise<string> { return this.fs.readFileAsync(path, opts); }

  /** Up to `count` bytes after the first `offset`, by read(2)s that can sleep (as readFileAsync), the bytes as they are. */
  readBytesAsync(path: string, count: number, offset = 0, opts: SleepOptions = {}): Promise<Uint8Array> {
    return this.fs.readBytesAsync(path, count, offset, opts);
  }

  /** writeFile as system calls that can sleep (as readFileAsync): opened by openAsync, written by write(2)s that can sleep. */
  writeFileAsync(path: string, data: string | Uint8Array, opts: SleepOptions = {}): Promise<void> {
    return this.fs.writeFileAsync(path, data, opts);
  }

  /** mknod(2) of a character or block device node under /dev (devtmpfs). */
  mknod(path: string, major: number, minor: number, mode = 0o600, type: 'c' | 'b' = 'c'): void { this.fs.mknod(path, major, minor, mode, type); }

  /** stat(2) of a device node under /dev (undefined: no such node). */
  statDevice(path: string): DeviceStat | undefined { return this.fs.statDevice(path); }
  chmod(path: string, mode: number): void { this.fs.chmod(path, mode); }

  /**
   * stat(2) of a path the kernel serves (undefined: none): files of mounted file systems with their
   * mode, size and time; in the views, directories, device nodes, and files (4096 bytes, as sysfs says).
   */
  stat(path: string): KernelStat | undefined { return this.fs.stat(path); }

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
  umount(target: string, flags = 0): void { this.mounts.umount(target, flags); }

  /** Mount points, in mount order (the kernel's views first). */
  mountPoints(): string[] { return this.mounts.points(); }

  // ---- Symbols and names (symbols.ts) ------------------------------------------------------------

  /** Every symbol in the kernel symbol table: name, owner ("vmlinux" or module), GPL-only. */
  symbols(): { name: string; owner: string; gplOnly: boolean; kind: 'function' | 'data' }[] {
    return this.symtab.list();
  }

  get vmlinuxMetadata(): ModuleMetadata { return this.vmlinuxMeta; }

  get vmlinuxNames(): Map<number, string> { return this.names.vmlinux; }
  set vmlinuxNames(names: Map<number, string>) { this.names.vmlinux = names; }

  /** Function name of a vmlinux or module function index, for kallsyms and traces. */
  functionName(m: Module | null, index: number): string | undefined { return this.names.name(m, index); }

  functionNamesOf(m: Module): Map<number, string> { return this.names.of(m); }
}
