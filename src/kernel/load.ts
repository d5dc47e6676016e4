// load_module(): Linux's order of steps, one named function each (kernel/module/main.c), with Linux's
// messages and errnos. Any failure after the module is on the list frees everything it got.

import { WasmFormatError } from '../wasm/reader.js';
import { readModuleMetadata, modinfoValue, type ModuleMetadata } from '../wasm/metadata.js';
import { KernelError, EBUSY, EEXIST, EINVAL, ENOENT, ENOEXEC, ENOMEM, EPERM } from './errno.js';
import type { Kernel } from './kernel.js';
import { Module, ModuleState, normalizeModuleName, type ParamInfo } from './module.js';

/** MODULE_NAME_LEN on wasm32 (64 - sizeof(unsigned long)): struct module's name[], NUL included. */
const MODULE_NAME_LEN = 60;
import { dropUses, refModule } from './refcount.js';
import { TAINT } from './taint.js';
import type { KernelSymbol } from './symbols.js';
import { releaseModuleMemory } from './unload.js';
import { kunitModuleLive } from './kunit.js';
import { builtinParams, paramTable } from './params.js';
import { VERMAGIC } from './release.js';
import { KERNEL_PARAM, MODULE } from './abi.js';
import { moduleSigCheck } from './module-sig.js';

export interface LoadOptions {
  /** MODULE_INIT_IGNORE_VERMAGIC (insmod -f / --force-vermagic). */
  ignoreVermagic?: boolean;
  /** MODULE_INIT_IGNORE_MODVERSIONS (insmod -f / --force-modversion); modules here carry no CRCs. */
  ignoreModversions?: boolean;
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

/** What the kernel calls a GPL-compatible license (license_is_gpl_compatible). */
const GPL_COMPATIBLE = new Set([
  'GPL', 'GPL v2', 'GPL and additional rights', 'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL',
]);

const warn = (k: Kernel, s: string) => k.printk(`\x014${s}\n`);
const err = (k: Kernel, s: string) => k.printk(`\x013${s}\n`);

export async function loadModule(k: Kernel, file: Uint8Array, args: string, opts: LoadOptions): Promise<Module> {
  // module_sig_check() comes first: insmod -f's flags make the module "mangled" (never verified).
  const { content: bytes, sigOk } = await moduleSigCheck(k, file, !!(opts.ignoreVermagic || opts.ignoreModversions));
  const meta = parseModule(k, bytes);
  let compiled: WebAssembly.Module;
  try {
    compiled = await k.compiled.compile(bytes);
  } catch (e) {
    err(k, `Invalid module format: ${(e as Error).message}`);
    throw new KernelError(ENOEXEC);
  }
  // From here on nothing awaits: a load is one uninterrupted sequence, as under module_mutex.
  const name = modinfoValue(meta, 'name')!;
  const forced = earlyModCheck(k, meta, name, opts);
  const mod = new Module(name, meta, bytes, compiled);
  mod.sigOk = sigOk;
  allocateAndLink(k, mod);
  try {
    if (forced) mod.taints |= 1 << TAINT.FORCED_MODULE;
    augmentKernelTaints(k, mod);
    mod.refcnt = 2; // base + the reference held while init runs
    const resolved = simplifySymbols(k, mod);
    instantiate(k, mod, resolved);
    completeFormation(k, mod);
    parseParams(k, mod, args);
    modSysfsSetup(k, mod);
  } catch (e) {
    freeModule(k, mod);
    throw e;
  }
  doInitModule(k, mod);
  return mod;
}

/** ELF validation's counterpart: a side module with a name and a struct module. */
function parseModule(k: Kernel, bytes: Uint8Array): ModuleMetadata {
  let meta: ModuleMetadata;
  try {
    meta = readModuleMetadata(bytes);
  } catch (e) {
    if (!(e instanceof WasmFormatError)) throw e;
    err(k, `Invalid module format: ${e.message}`);
    throw new KernelError(ENOEXEC);
  }
  const name = modinfoValue(meta, 'name');
  if (!name || !meta.wasmExports.some((x) => x.name === '__this_module')) {
    err(k, 'Invalid module format: no name= in .modinfo or no __this_module (was it built with lkm build?)');
    throw new KernelError(ENOEXEC);
  }
  // Each table slot holds one of the module's functions: more slots than functions is a corrupt
  // dylink.0 (and would grow the kernel's one table by up to 10^7 slots).
  if (meta.dylink.tableSize > meta.functionCount) {
    err(k, `Invalid module format: dylink.0 table size ${meta.dylink.tableSize} exceeds the module's ${meta.functionCount} functions`);
    throw new KernelError(ENOEXEC);
  }
  // KBUILD_MODNAME fits struct module's name[] and is its own normal form: a name rmmod could not
  // find again ("a-b", "a/b", "a.b") would leave a module nobody can unload.
  if (new TextEncoder().encode(name).length >= MODULE_NAME_LEN || normalizeModuleName(name) !== name) {
    err(k, `Invalid module format: bad module name '${name}' in .modinfo`);
    throw new KernelError(ENOEXEC);
  }
  return meta;
}

/**
 * early_mod_check(): blacklist, vermagic, and an existing module of the same name. Returns whether
 * the load was forced (taint F).
 */
function earlyModCheck(k: Kernel, meta: ModuleMetadata, name: string, opts: LoadOptions): boolean {
  if (k.blacklist.has(name)) {
    err(k, `Module ${name} is blacklisted`);
    throw new KernelError(EPERM);
  }
  const vermagic = modinfoValue(meta, 'vermagic');
  let forced = false;
  if (!vermagic || opts.ignoreVermagic) {
    tryToForceLoad(k, name, 'bad vermagic');
    forced = true;
  } else if (vermagic !== VERMAGIC) {
    err(k, `${name}: version magic '${vermagic}' should be '${VERMAGIC}'`);
    throw new KernelError(ENOEXEC);
  }
  const existing = k.byName.get(name);
  if (existing) throw new KernelError(existing.state === ModuleState.LIVE ? EEXIST : EBUSY);
  return forced;
}

/**
 * try_to_force_load() with CONFIG_MODULE_FORCE_LOAD: the kernel takes the module anyway and is
 * tainted F. (The module's own F bit is set once it exists, in augmentKernelTaints.)
 */
function tryToForceLoad(k: Kernel, name: string, reason: string): void {
  if (!k.taints.test(TAINT.FORCED_MODULE)) warn(k, `${name}: ${reason}: kernel tainted.`);
  k.taints.add(TAINT.FORCED_MODULE);
}

/** layout_and_allocate() + add_unformed_module(): memory region, table slots, on the list. */
function allocateAndLink(k: Kernel, mod: Module): void {
  const { memorySize, memoryAlign, tableSize } = mod.meta.dylink;
  const align = Math.max(16, 2 ** memoryAlign);
  mod.memSize = memorySize;
  // module_memory_alloc(): a fault point as Linux's vmalloc is (failslab, fail_page_alloc).
  mod.base = k.vm.lkm_region_alloc_for_module(Math.max(memorySize, 1), align, 0);
  if (!mod.base) throw new KernelError(ENOMEM);
  try {
    mod.tableBase = k.mem.allocSlots(tableSize);
  } catch (e) {
    // A table that cannot grow by dylink.0's table size is module_memory_alloc() failing: -ENOMEM.
    if (!(e instanceof RangeError)) throw e;
    k.vm.lkm_region_free(mod.base);
    throw new KernelError(ENOMEM);
  }
  mod.tableSize = tableSize;
  mod.state = ModuleState.UNFORMED;
  k.modules.unshift(mod);
  k.byName.set(mod.name, mod);
}

function addTaintModule(k: Kernel, mod: Module, bit: number): void {
  k.taints.add(bit);
  mod.taints |= 1 << bit;
}

/** module_augment_kernel_taints(): O, staging, license, test, signature — in this order, messages once. */
function augmentKernelTaints(k: Kernel, mod: Module): void {
  if (!mod.modinfo('intree')) {
    if (!k.taints.test(TAINT.OOT_MODULE)) warn(k, `${mod.name}: loading out-of-tree module taints kernel.`);
    addTaintModule(k, mod, TAINT.OOT_MODULE);
  }
  if (mod.modinfo('staging')) {
    addTaintModule(k, mod, TAINT.CRAP);
    warn(k, `${mod.name}: module is from the staging directory, the quality is unknown, you have been warned.`);
  }
  const license = mod.modinfo('license') ?? 'unspecified';
  if (!GPL_COMPATIBLE.has(license)) {
    if (!k.taints.test(TAINT.PROPRIETARY_MODULE)) warn(k, `${mod.name}: module license '${license}' taints kernel.`);
    addTaintModule(k, mod, TAINT.PROPRIETARY_MODULE);
  }
  if (mod.modinfo('test')) {
    if (!k.taints.test(TAINT.TEST)) warn(k, `${mod.name}: loading test module taints kernel.`);
    addTaintModule(k, mod, TAINT.TEST);
  }
  // CONFIG_MODULE_SIG: a module without a valid signature by a trusted key (module-sig.ts) taints E.
  if (mod.sigOk) return;
  if (!k.taints.signatureNoticePrinted) {
    k.taints.signatureNoticePrinted = true;
    k.printk(`\x015${mod.name}: module verification failed: signature and/or required key missing - tainting kernel\n`);
  }
  addTaintModule(k, mod, TAINT.UNSIGNED_MODULE);
}

type Resolution = Map<string, KernelSymbol | null>;

/**
 * simplify_symbols(): resolves every undefined symbol (kernel first, then modules — one hash
 * lookup); reports every missing one and fails with the last error.
 */
function simplifySymbols(k: Kernel, mod: Module): Resolution {
  const resolved: Resolution = new Map();
  const gplOk = (mod.taints & (1 << TAINT.PROPRIETARY_MODULE)) === 0;
  let ret = 0;
  for (const name of mod.meta.undefinedSymbols) {
    const r = resolveSymbol(k, mod, name, gplOk);
    if (typeof r === 'object') { resolved.set(name, r); continue; }
    if (r === 0 && mod.meta.weakSymbols.has(name)) { resolved.set(name, null); continue; }
    ret = r || -ENOENT;
    warn(k, `${mod.name}: Unknown symbol ${name} (err ${ret})`);
  }
  if (ret) throw new KernelError(-ret);
  return resolved;
}

/** resolve_symbol(): the symbol, or 0 (not found) / -errno. */
function resolveSymbol(k: Kernel, mod: Module, name: string, gplOk: boolean): KernelSymbol | number {
  const sym = k.symtab.get(name);
  if (!sym || (sym.gplOnly && !gplOk)) return 0;
  if (sym.gplOnly) mod.usingGplOnly = true;
  const owner = sym.owner;
  if (owner && owner.taints & (1 << TAINT.PROPRIETARY_MODULE)) {
    if (mod.usingGplOnly) {
      err(k, `${mod.name}: module using GPL-only symbols uses symbols ${name} from proprietary module ${owner.name}.`);
      return 0;
    }
    if (!(mod.taints & (1 << TAINT.PROPRIETARY_MODULE))) {
      warn(k, `${mod.name}: module uses symbols ${name} from proprietary module ${owner.name}, inheriting taint.`);
      mod.taints |= 1 << TAINT.PROPRIETARY_MODULE;
    }
  }
  if (owner) {
    const e = refModule(mod, owner);
    if (e) {
      if (e === -EBUSY) err(k, `${mod.name}: gave up waiting for init of module ${owner.name}.`);
      return e;
    }
  }
  return sym;
}

/** The relocation step: instantiate against the resolved symbols, fill the GOT, apply data relocations. */
function instantiate(k: Kernel, mod: Module, resolved: Resolution): void {
  const got = new Map<string, WebAssembly.Global>();
  const gotGlobal = (name: string, value: number) => {
    let g = got.get(name);
    if (!g) { g = new WebAssembly.Global({ value: 'i32', mutable: true }, value); got.set(name, g); }
    return g;
  };
  const env: Record<string, WebAssembly.ImportValue> = {
    memory: k.mem.memory,
    __indirect_function_table: k.mem.table,
    __stack_pointer: k.stackPointer,
    __memory_base: new WebAssembly.Global({ value: 'i32', mutable: false }, mod.base),
    __table_base: new WebAssembly.Global({ value: 'i32', mutable: false }, mod.tableBase),
  };
  const gotMem: Record<string, WebAssembly.Global> = {};
  const gotFunc: Record<string, WebAssembly.Global> = {};
  const own: string[] = [];
  const linkEnv: [string, string | null][] = [];
  for (const imp of mod.meta.imports) {
    if (imp.module === 'env' && imp.name in env) continue;
    if (!resolved.has(imp.name)) { own.push(imp.name); }
    const sym = resolved.get(imp.name);
    if (imp.module === 'env' && imp.kind === 'function') {
      if (sym === undefined) continue; // filled from its own exports below (cannot happen for hidden symbols)
      if (sym && !sym.fn) throw linkFailure(k, mod, imp.name, 'is data, but the module calls it as a function');
      env[imp.name] = sym?.fn ?? unresolvedWeak(k, mod.name, imp.name);
      linkEnv.push([imp.name, sym?.fn ? (sym.owner?.name ?? 'vmlinux') : null]);
    } else if (imp.module === 'GOT.mem') {
      gotMem[imp.name] = gotGlobal(imp.name, sym ? sym.addr : 0);
    } else if (imp.module === 'GOT.func') {
      gotFunc[imp.name] = gotGlobal(imp.name, sym?.fn ? functionAddress(k, sym) : 0);
    }
  }
  let instance: WebAssembly.Instance;
  try {
    instance = k.run(`${mod.name}: instantiate`, () =>
      new WebAssembly.Instance(mod.compiled, { env, 'GOT.mem': gotMem, 'GOT.func': gotFunc }));
  } catch (e) {
    if (e instanceof WebAssembly.LinkError) throw linkFailure(k, mod, '', e.message);
    throw e;
  }
  mod.instance = instance;
  mod.link = { env: linkEnv, got };
  const exp = instance.exports as Record<string, unknown>;
  // A module's own element segment fixes the addresses of its address-taken functions.
  for (let i = mod.tableBase; i < mod.tableBase + mod.tableSize; i++) {
    const f = k.mem.table.get(i);
    if (f) k.mem.noteSlot(f, i);
  }
  for (const name of own) {
    const e = exp[name];
    const g = got.get(name);
    if (!g || e === undefined) continue;
    g.value = typeof e === 'function' ? ownFunctionAddress(k, mod, e) : mod.base + ((e as WebAssembly.Global).value as number);
  }
  const thisModule = exp.__this_module as WebAssembly.Global;
  mod.thisModule = mod.base + (thisModule.value as number);
  k.byThisModule.set(mod.thisModule, mod);
  const relocs = exp.__wasm_apply_data_relocs as (() => void) | undefined;
  if (relocs) k.run(`${mod.name}: relocation`, relocs);
  mod.params = readParams(k, mod);
  // CPU workers instantiate it too before any of them can call into it (its init may start threads).
  k.threads.moduleLoaded(mod);
}

function linkFailure(k: Kernel, mod: Module, sym: string, why: string): KernelError {
  err(k, `${mod.name}: cannot link${sym ? ` symbol ${sym}` : ''}: ${why}`);
  return new KernelError(ENOEXEC);
}

/** A weak function nobody defines: calling it is a bug, reported like a call through NULL. */
function unresolvedWeak(k: Kernel, modName: string, sym: string): () => never {
  return () => {
    throw new WebAssembly.RuntimeError(`null function: ${modName} called unresolved weak symbol ${sym}`);
  };
}

/** Table index of an exported function (a GOT.func entry), allocated once per function. */
function functionAddress(k: Kernel, sym: KernelSymbol): number {
  if (!sym.fn) return sym.addr;
  const slot = k.mem.addressOf(sym.fn);
  const owner = sym.owner;
  if (owner && !(slot >= owner.tableBase && slot < owner.tableBase + owner.tableSize) && !owner.extraSlots.includes(slot)) {
    owner.extraSlots.push(slot);
  }
  return slot;
}

function ownFunctionAddress(k: Kernel, mod: Module, fn: Function): number {
  const slot = k.mem.addressOf(fn);
  if (!(slot >= mod.tableBase && slot < mod.tableBase + mod.tableSize) && !mod.extraSlots.includes(slot)) {
    mod.extraSlots.push(slot);
  }
  return slot;
}

/** The module's __param table: struct kernel_param entries between kp and kp_end. */
function readParams(k: Kernel, mod: Module): ParamInfo[] {
  return paramTable(k, k.mem.u32(mod.thisModule + MODULE.kp), k.mem.u32(mod.thisModule + MODULE.kp_end));
}


/** mod_sysfs_setup(): /sys/module/NAME is taken already by a built-in with parameters: -EINVAL. */
function modSysfsSetup(k: Kernel, mod: Module): void {
  if (builtinParams(k).has(mod.name)) {
    err(k, `${mod.name}: module is already loaded`);
    throw new KernelError(EINVAL);
  }
  mod.sysfs = true;
}

/** complete_formation(): refuse duplicate exports, publish ours, become COMING. */
function completeFormation(k: Kernel, mod: Module): void {
  const exp = mod.instance!.exports as Record<string, unknown>;
  for (const name of [...mod.meta.exports, ...mod.meta.gplExports]) {
    const dup = k.symtab.get(name);
    if (dup) {
      err(k, `${mod.name}: exports duplicate symbol ${name} (owned by ${dup.owner?.name ?? 'kernel'})`);
      throw new KernelError(ENOEXEC);
    }
  }
  for (const [names, gplOnly] of [[mod.meta.exports, false], [mod.meta.gplExports, true]] as const) {
    for (const name of names) {
      const e = exp[name];
      if (e === undefined) continue;
      k.symtab.add({
        name, owner: mod, gplOnly,
        fn: typeof e === 'function' ? e : undefined,
        addr: typeof e === 'function' ? 0 : mod.base + ((e as WebAssembly.Global).value as number),
      });
      mod.published.push(name);
    }
  }
  mod.state = ModuleState.COMING;
}

/** parse_args() over the module's parameters, in C (vmlinux), with Linux's messages. */
function parseParams(k: Kernel, mod: Module, args: string): void {
  mod.args = args;
  const bytes = new TextEncoder().encode(args);
  // strndup_user(): a failslab point (GFP_USER | __GFP_NOWARN).
  mod.argsAddr = k.vm.lkm_region_alloc_for_module(bytes.length + 1, 1, 1);
  if (!mod.argsAddr) throw new KernelError(ENOMEM);
  k.mem.u8.set(bytes, mod.argsAddr);
  k.mem.u8[mod.argsAddr + bytes.length] = 0;
  const ret = k.run(`${mod.name}: parse_args`, () => k.vm.lkm_parse_params(mod.thisModule, mod.argsAddr));
  if (ret < 0) throw new KernelError(-ret || EINVAL);
}

/** do_init_module(): constructors, init(), then LIVE — or GOING and freed if init failed. */
function doInitModule(k: Kernel, mod: Module): void {
  const exp = mod.instance!.exports as Record<string, unknown>;
  let ret = 0;
  // An Oops here leaves the module COMING ("Loading") forever, as on Linux when init oopses.
  const ctors = exp.__wasm_call_ctors as (() => void) | undefined;
  if (ctors) k.run(`${mod.name}: constructors`, ctors);
  const init = exp.init_module as (() => number) | undefined;
  if (init) ret = k.run(`${mod.name}: init`, init);
  if (ret < 0) {
    mod.state = ModuleState.GOING;
    mod.refcnt--;
    freeModule(k, mod);
    throw new KernelError(-ret);
  }
  if (ret > 0) {
    warn(k, `do_init_module: '${mod.name}'->init suspiciously returned ${ret}, it should follow 0/-E convention\n` +
      'do_init_module: loading module anyway...');
    dumpStack(k);
  }
  mod.state = ModuleState.LIVE;
  mod.refcnt--; // drop the init reference
  kunitModuleLive(k, mod);
}

function dumpStack(k: Kernel): void {
  k.printk(`\x014${k.traps.cpuLine()}\n`);
  k.printk('\x014Hardware name: lkm-wasm WebAssembly virtual machine\n');
  k.printk('\x014Call Trace:\n');
  k.printk('\x014 <TASK>\n');
  k.printk('\x014 do_init_module\n');
  k.printk('\x014 load_module\n');
  k.printk('\x014 __do_sys_init_module\n');
  k.printk('\x014 </TASK>\n');
}

/** free_module() for a load that failed: unpublish, drop links, give back memory and slots, unlink. */
export function freeModule(k: Kernel, mod: Module): void {
  k.symtab.removeAll(mod.published, mod);
  mod.sysfs = false;
  dropUses(mod);
  releaseModuleMemory(k, mod);
}

