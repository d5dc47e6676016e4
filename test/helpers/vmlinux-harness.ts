// A self-contained harness for the C half of the kernel (wasm/): builds vmlinux with the ABI flags
// (src/kbuild/toolchain.ts) straight through @yowasp/clang, boots it in a shared memory exactly as the
// contract says (docs/module-format.md §6-7), and links small C test modules against it.
// Independent of src/kernel so that vmlinux can be tested on its own.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMON_CFLAGS, COMMON_LDFLAGS, mountFile, runTool, treePaths, VFS_OVERLAY, vfsOverlay } from '../../src/kbuild/toolchain.ts';
import { kernelStack } from '../../src/kernel/memory.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const INCLUDE = join(ROOT, 'wasm/include');
const KERNEL_SRC = join(ROOT, 'wasm');
const CACHE = join(ROOT, 'build/test-cache');
const HARNESS_VERSION = '6';


type Tree = Record<string, any>;

// ---------------------------------------------------------------------------------------------------
// Reading wasm sections (objects and linked modules) without compiling.

function leb(u8: Uint8Array, at: number): [number, number] {
  let result = 0, shift = 0, b: number;
  do {
    b = u8[at++]!;
    result |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return [result >>> 0, at];
}

export function customSections(bytes: Uint8Array, name: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++]!;
    let size: number;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 0) {
      let n: number, p: number;
      [n, p] = leb(bytes, at);
      const secName = new TextDecoder().decode(bytes.subarray(p, p + n));
      if (secName === name) out.push(bytes.subarray(p + n, end));
    }
    at = end;
  }
  return out;
}

function nulStrings(sections: Uint8Array[]): string[] {
  const names: string[] = [];
  for (const s of sections) for (const n of new TextDecoder().decode(s).split('\0')) if (n) names.push(n);
  return names;
}

export interface DylinkInfo { memSize: number; memAlign: number; tableSize: number; tableAlign: number }

export function dylinkInfo(bytes: Uint8Array): DylinkInfo {
  const sec = customSections(bytes, 'dylink.0')[0];
  if (!sec) throw new Error('no dylink.0 section');
  let at = 0;
  while (at < sec.length) {
    const type = sec[at++]!;
    let len: number;
    [len, at] = leb(sec, at);
    if (type === 1) {
      let memSize, memAlign, tableSize, tableAlign, p = at;
      [memSize, p] = leb(sec, p);
      [memAlign, p] = leb(sec, p);
      [tableSize, p] = leb(sec, p);
      [tableAlign, p] = leb(sec, p);
      return { memSize, memAlign, tableSize, tableAlign };
    }
    at += len;
  }
  return { memSize: 0, memAlign: 0, tableSize: 0, tableAlign: 0 };
}

// ---------------------------------------------------------------------------------------------------
// Building.

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out.sort();
}

/** The objects of wasm/Kbuild (`vmlinux-y := a.o b.o`), in link order. */
export function kernelObjects(): string[] {
  const kbuild = readFileSync(join(KERNEL_SRC, 'Kbuild'), 'utf8').replace(/\\\n/g, ' ');
  const objs: string[] = [];
  for (const m of kbuild.matchAll(/^vmlinux-(?:y|objs)\s*[:+]?=(.*)$/gm)) objs.push(...m[1]!.trim().split(/\s+/));
  return objs;
}

/** wasm/Kbuild's `ccflags-y` include directories (`-I$(src)/arch`), made absolute. */
export function kernelIncludeFlags(): string[] {
  const kbuild = readFileSync(join(KERNEL_SRC, 'Kbuild'), 'utf8');
  const flags: string[] = [];
  for (const m of kbuild.matchAll(/^ccflags-y\s*[:+]?=(.*)$/gm)) {
    for (const w of m[1]!.trim().split(/\s+/)) if (w.startsWith('-I$(src)/')) flags.push(`-I${join(KERNEL_SRC, w.slice(9))}`);
  }
  return flags;
}

function headerTree(tree: Tree): string[] {
  const parts: string[] = [];
  for (const rel of walk(INCLUDE)) {
    const p = join(INCLUDE, rel);
    const c = readFileSync(p, 'utf8');
    mountFile(tree, p, c);
    parts.push(p, c);
  }
  for (const rel of walk(KERNEL_SRC).filter((f) => f.endsWith('.h'))) {
    const p = join(KERNEL_SRC, rel);
    const c = readFileSync(p, 'utf8');
    mountFile(tree, p, c);
    parts.push(p, c);
  }
  return parts;
}

function hash(parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) { h.update(p); h.update('\0'); }
  return h.digest('hex').slice(0, 24);
}

export interface Built { wasm: Uint8Array; diagnostics: string; exports: string[]; gplExports: string[] }

async function compile(tree: Tree, src: string, out: string, extra: string[]): Promise<{ obj: Uint8Array; stderr: string }> {
  const base = src.split('/').pop()!.replace(/\.c$/, '');
  const args = [
    // Test functions are called from JavaScript only: no prototypes (as vmlinux's host entry points).
    ...COMMON_CFLAGS, '-Wno-missing-prototypes', '-Wno-missing-declarations', `-I${INCLUDE}`, '-include', 'linux/kconfig.h',
    `-DKBUILD_BASENAME="${base}"`, ...extra, '-c', src, '-o', out, '-ivfsoverlay', VFS_OVERLAY,
  ];
  // Quoted includes with `..` resolve as the build resolves them (src/kbuild/compile.ts).
  mountFile(tree, VFS_OVERLAY, vfsOverlay(treePaths(tree).filter((p) => p !== VFS_OVERLAY)));
  const r = await runTool('clang', args, tree, [out]);
  const obj = r.files[out];
  if (r.status !== 0 || !obj) throw new Error(`compiling ${src} failed:\n${r.stderr}`);
  return { obj, stderr: r.stderr };
}

let vmlinuxPromise: Promise<Built> | undefined;

/** Builds wasm/ (vmlinux's Kbuild) into vmlinux (cached in build/test-cache by a hash of every input). */
export function buildVmlinux(): Promise<Built> {
  vmlinuxPromise ??= (async () => {
    const tree: Tree = {};
    const parts: (string | Uint8Array)[] = [HARNESS_VERSION, ...COMMON_CFLAGS, ...COMMON_LDFLAGS, ...headerTree(tree)];
    const objs = kernelObjects();
    const sources = objs.map((o) => join(KERNEL_SRC, o.replace(/\.o$/, '.c')));
    for (const s of sources) {
      const c = readFileSync(s, 'utf8');
      mountFile(tree, s, c);
      parts.push(s, c);
    }
    const key = hash(parts);
    const cached = join(CACHE, `vmlinux-${key}.wasm`);
    const cachedMeta = join(CACHE, `vmlinux-${key}.json`);
    if (existsSync(cached) && existsSync(cachedMeta)) {
      const meta = JSON.parse(readFileSync(cachedMeta, 'utf8'));
      return { wasm: new Uint8Array(readFileSync(cached)), ...meta };
    }
    let diagnostics = '';
    const objFiles: string[] = [];
    const exports: string[] = [];
    const gplExports: string[] = [];
    for (const [i, s] of sources.entries()) {
      // Named by the path in wasm/ (lib/lib.o and drivers/rtc/lib.o are two objects).
      const flat = objs[i]!.replace(/\//g, '__');
      const out = `/build-out/${flat}`;
      const { obj, stderr } = await compile(tree, s, out, ['-DKBUILD_MODNAME="vmlinux"', ...kernelIncludeFlags()]);
      diagnostics += stderr;
      exports.push(...nulStrings(customSections(obj, '__ksymtab')));
      gplExports.push(...nulStrings(customSections(obj, '__ksymtab_gpl')));
      const objPath = `/obj/${flat}`;
      mountFile(tree, objPath, obj);
      objFiles.push(objPath);
    }
    const out = '/obj/vmlinux.ko';
    const args = [...COMMON_LDFLAGS, ...[...exports, ...gplExports].map((e) => `--export=${e}`), ...objFiles, '-o', out];
    const r = await runTool('wasm-ld', args, { obj: tree.obj }, [out]);
    const wasm = r.files[out];
    if (r.status !== 0 || !wasm) throw new Error(`linking vmlinux failed:\n${r.stderr}`);
    diagnostics += r.stderr;
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(cached, wasm);
    writeFileSync(cachedMeta, JSON.stringify({ diagnostics, exports, gplExports }));
    return { wasm, diagnostics, exports, gplExports };
  })();
  return vmlinuxPromise;
}

/** Builds a C test module (with -DMODULE and a generated __this_module) exporting `exportNames`. */
export async function buildTestModule(name: string, source: string, exportNames: string[]): Promise<Built> {
  const tree: Tree = {};
  const modc = `#include <linux/module.h>
extern const struct kernel_param __start___param[] __weak, __stop___param[] __weak;
extern struct _ddebug __start___dyndbg[] __weak, __stop___dyndbg[] __weak;
extern int init_module(void) __weak;
extern void cleanup_module(void) __weak;
struct module __this_module = { .name = KBUILD_MODNAME, .init = init_module, .exit = cleanup_module,
	.kp = __start___param, .kp_end = __stop___param,
	.dyndbg = __start___dyndbg, .dyndbg_end = __stop___dyndbg };
`;
  const srcPath = `/src/${name}/${name}.c`;
  const modPath = `/src/${name}/${name}.mod.c`;
  mountFile(tree, srcPath, source);
  mountFile(tree, modPath, modc);
  const parts = [HARNESS_VERSION, 'module', name, source, ...exportNames, ...COMMON_CFLAGS, ...COMMON_LDFLAGS, ...headerTree(tree)];
  const key = hash(parts);
  const cached = join(CACHE, `mod-${name}-${key}.wasm`);
  if (existsSync(cached)) return { wasm: new Uint8Array(readFileSync(cached)), diagnostics: '', exports: [], gplExports: [] };
  const extra = ['-DMODULE', `-DKBUILD_MODNAME="${name}"`];
  let diagnostics = '';
  const objs: string[] = [];
  for (const s of [srcPath, modPath]) {
    const out = s.replace(/\.c$/, '.o').replace('/src/', '/obj/');
    const { obj, stderr } = await compile(tree, s, out, extra);
    diagnostics += stderr;
    mountFile(tree, out, obj);
    objs.push(out);
  }
  const out = `/obj/${name}/${name}.ko`;
  const r = await runTool('wasm-ld', [...COMMON_LDFLAGS, ...exportNames.map((e) => `--export=${e}`), ...objs, '-o', out], { obj: tree.obj }, [out]);
  const wasm = r.files[out];
  if (r.status !== 0 || !wasm) throw new Error(`linking ${name} failed:\n${r.stderr}`);
  diagnostics += r.stderr;
  if (!diagnostics) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(cached, wasm);
  }
  return { wasm, diagnostics, exports: [], gplExports: [] };
}

/** Compiles `source` alone (-c, as a module unless `kernel`) and returns clang's diagnostics ('' = clean). */
export async function compileOnly(source: string, kernel = false): Promise<string> {
  const tree: Tree = {};
  const parts = [HARNESS_VERSION, 'compile-only', String(kernel), source, ...COMMON_CFLAGS, ...headerTree(tree)];
  const key = hash(parts);
  const marker = join(CACHE, `cc-${key}.ok`);
  if (existsSync(marker)) return '';
  mountFile(tree, '/src/cc/t.c', source);
  const extra = kernel ? ['-DKBUILD_MODNAME="vmlinux"'] : ['-DMODULE', '-DKBUILD_MODNAME="t"'];
  const base = [...COMMON_CFLAGS, `-I${INCLUDE}`, '-include', 'linux/kconfig.h', '-DKBUILD_BASENAME="t"', ...extra];
  const r = await runTool('clang', [...base, '-c', '/src/cc/t.c', '-o', '/out/t.o'], tree, ['/out/t.o']);
  const diag = r.status !== 0 && !r.stderr ? 'compile failed' : r.stderr;
  if (!diag) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(marker, '');
  }
  return diag;
}

// ---------------------------------------------------------------------------------------------------
// Booting.

export interface BootOptions {
  /** Initial memory pages (64 KiB each). */
  initialPages?: number;
  /** %pS lookups: return the symbol text for `addr`, or undefined. */
  kallsyms?: (addr: number, flags: number) => string | undefined;
  /** Bytes for host.random (default: a fixed pattern, so that hashed pointers are reproducible). */
  random?: (len: number) => Uint8Array;
  /** host.clock_ns (default: a manual clock, see Vmlinux.advance). */
  clockNs?: () => bigint;
}

type Arg = number | bigint | string | { f64: number } | { bytes: Uint8Array };

const enc = new TextEncoder();
const dec = new TextDecoder();

export class Vmlinux {
  readonly memory: WebAssembly.Memory;
  readonly table: WebAssembly.Table;
  readonly stackPointer: WebAssembly.Global;
  exports: Record<string, any> = {};
  /** Absolute addresses of vmlinux's data exports. */
  readonly dataSyms = new Map<string, number>();
  /** Every host.printk text, in order. */
  readonly log: string[] = [];
  /** host.printk texts and other host calls ("dump_stack", "taint 9"), in order. */
  readonly events: string[] = [];
  readonly taints: number[] = [];
  now = 1_000_000_000n; // manual clock: 1 s after boot
  heapStart = 0;
  private fnSlots = new Map<Function, number>();

  constructor(private opts: BootOptions) {
    this.memory = new WebAssembly.Memory({ initial: opts.initialPages ?? 64, maximum: 16384, shared: true });
    this.table = new WebAssembly.Table({ initial: 1, element: 'anyfunc' });
    this.stackPointer = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
  }

  get u8(): Uint8Array { return new Uint8Array(this.memory.buffer); }
  get dv(): DataView { return new DataView(this.memory.buffer); }
  u32(a: number): number { return this.dv.getUint32(a, true); }
  i32(a: number): number { return this.dv.getInt32(a, true); }
  u64(a: number): bigint { return this.dv.getBigUint64(a, true); }
  setU32(a: number, v: number): void { this.dv.setUint32(a, v >>> 0, true); }

  cstr(addr: number, max = 1 << 20): string {
    const u8 = this.u8;
    let end = addr;
    while (end < u8.length && end - addr < max && u8[end] !== 0) end++;
    return dec.decode(u8.slice(addr, end));
  }

  /** Advances the manual clock. */
  advance(ms: number): void { this.now += BigInt(Math.round(ms * 1e6)); }

  hostImports(): Record<string, Function> {
    return {
      printk: (text: number, len: number) => {
        const s = dec.decode(this.u8.slice(text, text + len));
        this.log.push(s);
        this.events.push(s);
        return len;
      },
      kallsyms: (addr: number, buf: number, size: number, flags: number) => {
        const s = this.opts.kallsyms?.(addr >>> 0, flags);
        if (!s || size === 0) return 0;
        const b = enc.encode(s).subarray(0, size - 1);
        this.u8.set(b, buf);
        this.u8[buf + b.length] = 0;
        return b.length;
      },
      random: (buf: number, len: number) => {
        const b = this.opts.random ? this.opts.random(len) : Uint8Array.from({ length: len }, (_, i) => (i * 37 + 11) & 0xff);
        this.u8.set(b.subarray(0, len), buf);
      },
      clock_ns: () => (this.opts.clockNs ? this.opts.clockNs() : this.now),
      add_taint: (flag: number) => { this.taints.push(flag); this.events.push(`taint ${flag}`); },
      dump_stack: () => { this.events.push('dump_stack'); },
    };
  }

  /** Table index for a wasm function (added once). */
  slotFor(fn: Function): number {
    let i = this.fnSlots.get(fn);
    if (i === undefined) {
      i = this.table.length;
      this.table.grow(1);
      this.table.set(i, fn as any);
      this.fnSlots.set(fn, i);
    }
    return i;
  }

  fn(name: string): (...args: any[]) => any {
    const f = this.exports[name];
    if (typeof f !== 'function') throw new Error(`vmlinux does not export function ${name}`);
    return f;
  }

  /** What the kernel does on every entry from the host (a system call, a timer): the tick, a running task. */
  enter(): void {
    this.fn('lkm_syscall_begin')();
  }

  sym(name: string): number {
    const a = this.dataSyms.get(name);
    if (a === undefined) throw new Error(`vmlinux does not export data ${name}`);
    return a;
  }

  // Scratch allocations in the heap (kernel-owned), released by freeScratch().
  private scratch: number[] = [];
  alloc(n: number, align = 16): number {
    const p = this.fn('lkm_region_alloc')(n, align) >>> 0;
    if (!p) throw new Error('lkm_region_alloc failed');
    this.scratch.push(p);
    return p;
  }
  bytesIn(b: Uint8Array): number {
    const p = this.alloc(b.length + 1);
    this.u8.set(b, p);
    this.u8[p + b.length] = 0;
    return p;
  }
  str(s: string): number { return this.bytesIn(enc.encode(s)); }
  freeScratch(): void {
    const free = this.fn('lkm_region_free');
    for (const p of this.scratch.splice(0)) free(p);
  }

  /** Lays out a wasm32 va_list: each value at its natural alignment (i32: 4, i64/double: 8). */
  vaList(args: Arg[]): number {
    const items: { off: number; a: Arg }[] = [];
    let off = 0;
    for (const a of args) {
      const wide = typeof a === 'bigint' || (typeof a === 'object' && 'f64' in a);
      if (wide) off = (off + 7) & ~7;
      items.push({ off, a });
      off += wide ? 8 : 4;
    }
    const p = this.alloc(Math.max(off, 8), 8);
    for (const { off: o, a } of items) {
      if (typeof a === 'number') this.dv.setInt32(p + o, a | 0, true);
      else if (typeof a === 'bigint') this.dv.setBigInt64(p + o, BigInt.asIntN(64, a), true);
      else if (typeof a === 'string') this.dv.setUint32(p + o, this.str(a), true);
      else if ('f64' in a) this.dv.setFloat64(p + o, a.f64, true);
      else this.dv.setUint32(p + o, this.bytesIn(a.bytes), true);
    }
    return p;
  }

  /** vsnprintf(buf, size, fmt, args) → [return value, buffer text]. */
  vsnprintf(fmt: string, args: Arg[] = [], size = 1024): [number, string] {
    const buf = size ? this.alloc(size) : 0;
    const ret = this.fn('vsnprintf')(buf, size, this.str(fmt), this.vaList(args));
    const text = size ? this.cstr(buf, size) : '';
    this.freeScratch();
    return [ret, text];
  }

  sprintf(fmt: string, ...args: Arg[]): string {
    return this.vsnprintf(fmt, args, 4096)[1];
  }

  /** Printk texts logged since the previous takeLog(). */
  private taken = 0;
  takeLog(): string[] { const l = this.log.slice(this.taken); this.taken = this.log.length; return l; }
  private takenEv = 0;
  takeEvents(): string[] { const l = this.events.slice(this.takenEv); this.takenEv = this.events.length; return l; }

  /** Instantiates a side module against vmlinux; returns its exports (data relocated) and memory base. */
  instantiate(wasm: Uint8Array, isKernel: boolean): { exports: Record<string, any>; data: Map<string, number>; memoryBase: number } {
    const mod = new WebAssembly.Module(wasm);
    const info = dylinkInfo(wasm);
    let memoryBase: number;
    if (isKernel) {
      // As the kernel lays it out (src/kernel/memory.ts): the stack right above the NULL page, vmlinux's
      // data after it; `current` is the host thread's task while the stack pointer is below its top.
      const stackTop = kernelStack().top;
      memoryBase = Math.ceil(stackTop / (1 << info.memAlign)) * (1 << info.memAlign);
      const dataEnd = memoryBase + info.memSize;
      this.stackPointer.value = stackTop;
      this.heapStart = Math.ceil(dataEnd / 4096) * 4096;
      const need = Math.ceil((this.heapStart + 65536) / 65536);
      const have = this.memory.buffer.byteLength / 65536;
      if (need > have) this.memory.grow(need - have);
    } else {
      const align = 1 << info.memAlign;
      memoryBase = info.memSize ? this.fn('lkm_region_alloc')(info.memSize, Math.max(align, 16)) >>> 0 : 0;
      if (info.memSize && !memoryBase) throw new Error('no memory for module data');
    }
    const tableBase = this.table.length;
    if (info.tableSize) this.table.grow(info.tableSize);

    const gotMem = new Map<string, WebAssembly.Global>();
    const gotFunc = new Map<string, WebAssembly.Global>();
    const env: Record<string, any> = {
      memory: this.memory,
      __indirect_function_table: this.table,
      __stack_pointer: this.stackPointer,
      __memory_base: new WebAssembly.Global({ value: 'i32', mutable: false }, memoryBase),
      __table_base: new WebAssembly.Global({ value: 'i32', mutable: false }, tableBase),
    };
    const host = this.hostImports();
    const imports: Record<string, any> = { env, host };
    const got = (map: Map<string, WebAssembly.Global>) => new Proxy({}, {
      get: (_t, name: string) => {
        let g = map.get(name);
        if (!g) { g = new WebAssembly.Global({ value: 'i32', mutable: true }, 0); map.set(name, g); }
        return g;
      },
    });
    imports['GOT.mem'] = got(gotMem);
    imports['GOT.func'] = got(gotFunc);
    for (const imp of WebAssembly.Module.imports(mod)) {
      if (imp.module === 'env' && imp.kind === 'function') {
        const f = this.exports[imp.name];
        env[imp.name] = typeof f === 'function' ? f : (..._: unknown[]) => {
          throw new Error(`unresolved symbol ${imp.name} called`);
        };
      }
      // host imports this harness does not model (added by other parts of vmlinux): return 0
      if (imp.module === 'host' && imp.kind === 'function' && !(imp.name in host)) {
        host[imp.name] = () => { this.events.push(`host.${imp.name}`); return 0; };
      }
      if (imp.module === 'GOT.mem') imports['GOT.mem'][imp.name];
      if (imp.module === 'GOT.func') imports['GOT.func'][imp.name];
    }
    const inst = new WebAssembly.Instance(mod, imports);
    const exports: Record<string, any> = {};
    const data = new Map<string, number>();
    for (const [name, v] of Object.entries(inst.exports)) {
      if (v instanceof WebAssembly.Global) data.set(name, (v.value as number) + memoryBase);
      else exports[name] = v;
    }
    if (isKernel) {
      this.exports = exports;
      for (const [k, v] of data) this.dataSyms.set(k, v);
    }
    for (const [name, g] of gotMem) {
      // Unresolved entries are weak references (the build's modpost rejects strong ones): 0.
      g.value = data.get(name) ?? this.dataSyms.get(name) ?? 0;
    }
    for (const [name, g] of gotFunc) {
      const f = exports[name] ?? this.exports[name];
      g.value = typeof f === 'function' ? this.slotFor(f) : 0;
    }
    exports.__wasm_apply_data_relocs?.();
    exports.__wasm_call_ctors?.();
    return { exports, data, memoryBase };
  }
}

/** Boots a fresh vmlinux: instantiate, relocate, lkm_mm_init(heap start). */
export async function bootVmlinux(opts: BootOptions = {}): Promise<Vmlinux> {
  const built = await buildVmlinux();
  const k = new Vmlinux(opts);
  k.instantiate(built.wasm, true);
  k.fn('lkm_mm_init')(k.heapStart);
  return k;
}

export interface TestModule {
  exports: Record<string, any>;
  data: Map<string, number>;
  /** Address of the module's struct module. */
  thisModule: number;
  call(name: string, ...args: any[]): any;
}

/** Compiles `source` as module `name` and links it into `k`. */
export async function loadTestModule(k: Vmlinux, name: string, source: string, exportNames: string[]): Promise<TestModule> {
  const built = await buildTestModule(name, source, exportNames);
  if (built.diagnostics) throw new Error(`test module ${name} has diagnostics:\n${built.diagnostics}`);
  const { exports, data } = k.instantiate(built.wasm, false);
  const thisModule = data.get('__this_module');
  if (thisModule === undefined) throw new Error('no __this_module');
  return {
    exports, data, thisModule,
    call(fname: string, ...args: any[]) {
      const f = exports[fname];
      if (typeof f !== 'function') throw new Error(`${name} does not export ${fname}`);
      k.enter();
      return f(...args);
    },
  };
}
