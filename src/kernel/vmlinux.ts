// Booting vmlinux.ko: its stack and data placed in the address space, instantiated against the host
// imports, its initcalls run and its exports entered in the kernel symbol table.

import { readModuleMetadata, type ModuleMetadata } from '../wasm/metadata.js';
import { readFunctionNames, readModuleName as wasmModuleName } from '../wasm/names.js';
import type { Kernel } from './kernel.js';
import { kernelStack } from './memory.js';

/** vmlinux's exports the host calls. */
export interface VmlinuxExports {
  lkm_mm_init(heap: number): void;
  lkm_region_alloc(size: number, align: number): number;
  lkm_region_free(p: number): void;
  lkm_parse_params(mod: number, args: number): number;
  lkm_param_get(kp: number, buf: number): number;
  lkm_param_set(kp: number, val: number): number;
  lkm_kmem_orphan(mod: number): void;
  /** [pages in use, slab objects in use] (not counting the empty slab each cache keeps). */
  lkm_mm_usage(out: number): void;
  lkm_set_current_pid(pid: number): void;
  /** Returns the fail-nth countdown left of the task that stops running. */
  lkm_set_current_task(pid: number, comm: number, failNth: number, makeItFail: number): number;
  /** /proc/self/fail-nth: sets the running task's countdown when `set`; returns it. */
  lkm_fail_nth(set: number, n: number): number;
  /** A region on a module's behalf, fault-injectable: kind 0 its memory, 1 its argument string. */
  lkm_region_alloc_for_module(size: number, align: number, kind: number): number;
  /** The allocations a module holds: 4 words each (size, function, file, line) into out; returns the count. */
  lkm_kmem_leaks(mod: number, out: number, max: number): number;
  /** The failslab= and fail_page_alloc= boot options (setup_fault_attr). */
  lkm_setup_failslab(str: number): number;
  lkm_setup_fail_page_alloc(str: number): number;
  lkm_syscall_begin(): void;
  /** make_task_dead(): counts the Oops (/sys/kernel/oops_count). */
  lkm_make_task_dead(): void;
  lkm_wait_cancel(entry: number): void;
  lkm_timer_fire(timer: number): void;
  lkm_hrtimer_fire(timer: number): void;
  /** `name`: the node's path under /dev, a C string (the file's dentry names). */
  lkm_file_open(devt: number, flags: number, mode: number, name: number): number;
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
  lkm_proc_chmod(pde: number, mode: number): void;
  lkm_kernfs_chmod(kn: number, mode: number): void;
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
  lkm_driver_core_module_gone(mod: number): void;
  lkm_block_module_gone(mod: number): void;
  lkm_input_module_gone(mod: number): void;
  lkm_kunit_module_init(mod: number): void;
  lkm_kunit_module_exit(mod: number): void;
  lkm_parse_cmdline(args: number): number;
  /** module.sig_enforce (kernel/module/signing.c). */
  is_module_sig_enforced(): number;
  set_module_sig_enforced(): void;
  lkm_builtin_params(num: number): number;
  lkm_host_doorbell_addr(): number;
  lkm_kthread_died(task: number): void;
  lkm_kthread_reap(task: number): void;
  lkm_kthread_kill(task: number, sig: number): number;
  lkm_do_softirq(): void;
  /** wasm/net/core/rtnetlink.c: ip(8)'s requests (src/kernel/net.ts). */
  lkm_rtnl_getlink(buf: number, size: number): number;
  lkm_rtnl_setlink(name: number, op: number, val: number, len: number, msg: number, msglen: number): number;
  lkm_packet_send(name: number, data: number, len: number): number;
  lkm_netdev_module_gone(mod: number): void;
  lkm_run_orphan_work(): void;
  kfree(p: number): void;
  __kmalloc?: (size: number, flags: number) => number;
}

/** What booting vmlinux gives the kernel. */
export interface Vmlinux {
  exports: VmlinuxExports;
  meta: ModuleMetadata;
  /** Function index → name (name section). */
  names: Map<number, string>;
  /** Its name in engine stack traces. */
  wasmName: string;
  /** What a CPU worker needs to instantiate it again (threads.ts). */
  compiled: WebAssembly.Module;
  base: number;
  tableBase: number;
  got: [string, number][];
}

export async function loadVmlinux(k: Kernel, bytes: Uint8Array): Promise<Vmlinux> {
  const meta = readModuleMetadata(bytes);
  const compiled = await k.compiled.compile(bytes);
  // Stack first: the kernel stack sits right above the NULL page and below vmlinux's data, so a C
  // stack that overflows runs into the poisoned guard and NULL page (checked after each call) and
  // then below address 0, which traps, instead of silently overwriting the kernel's data.
  const { top: stackTop } = kernelStack();
  const align = 2 ** meta.dylink.memoryAlign;
  const base = Math.ceil(stackTop / align) * align;
  const heap = Math.ceil((base + meta.dylink.memorySize) / 4096) * 4096;
  const pages = Math.ceil(heap / 65536) + 16;
  const have = k.mem.memory.buffer.byteLength / 65536;
  if (pages > have) k.mem.memory.grow(pages - have);
  k.stackPointer.value = stackTop;
  const tableBase = k.mem.allocSlots(meta.dylink.tableSize);
  const got = new Map<string, WebAssembly.Global>();
  const gotProxy = new Proxy({}, {
    get: (_t, name: string) => {
      let g = got.get(name);
      if (!g) { g = new WebAssembly.Global({ value: 'i32', mutable: true }, 0); got.set(name, g); }
      return g;
    },
  });
  const env: Record<string, WebAssembly.ImportValue> = {
    memory: k.mem.memory,
    __indirect_function_table: k.mem.table,
    __stack_pointer: k.stackPointer,
    __memory_base: new WebAssembly.Global({ value: 'i32', mutable: false }, base),
    __table_base: new WebAssembly.Global({ value: 'i32', mutable: false }, tableBase),
  };
  const instance = new WebAssembly.Instance(compiled, {
    env, 'GOT.mem': gotProxy, 'GOT.func': gotProxy, host: k.hostFns,
  });
  const exp = instance.exports as Record<string, unknown>;
  // vmlinux's own preemptible symbols (if any) point back into itself.
  for (const [name, g] of got) {
    const e = exp[name];
    if (typeof e === 'function') g.value = k.mem.addressOf(e);
    else if (e instanceof WebAssembly.Global) g.value = base + (e.value as number);
  }
  (exp.__wasm_apply_data_relocs as (() => void) | undefined)?.();
  (exp.__wasm_call_ctors as (() => void) | undefined)?.();
  const vm = exp as unknown as VmlinuxExports;
  // The kernel's view of vmlinux is set before the initcalls: they may call back into the host.
  k.vm = vm;
  vm.lkm_mm_init(heap);
  parseCmdline(k, vm);
  // Subsystem init (the initcalls of the drivers core: the misc class and major, …).
  for (const [name, fn] of Object.entries(exp)) {
    if (name.startsWith('lkm_init_') && typeof fn === 'function') (fn as () => number)();
  }
  for (const [names, gplOnly] of [[meta.exports, false], [meta.gplExports, true]] as const) {
    for (const name of names) {
      const e = exp[name];
      if (e === undefined) continue;
      k.symtab.add({
        name, owner: null, gplOnly,
        fn: typeof e === 'function' ? e : undefined,
        addr: e instanceof WebAssembly.Global ? base + (e.value as number) : 0,
      });
    }
  }
  return {
    exports: vm, meta, names: readFunctionNames(bytes, meta), wasmName: wasmModuleName(bytes, meta) ?? 'vmlinux.ko',
    compiled, base, tableBase, got: [...got].map(([n, g]) => [n, g.value as number]),
  };
}

/** Built-in parameters ("kunit.enable=0") from the command line, before the initcalls as in Linux. */
function parseCmdline(k: Kernel, vm: VmlinuxExports): void {
  if (!k.cmdline) return;
  const bytes = new TextEncoder().encode(k.cmdline);
  const at = vm.lkm_region_alloc(bytes.length + 1, 1);
  k.mem.u8.set(bytes, at);
  k.mem.u8[at + bytes.length] = 0;
  vm.lkm_parse_cmdline(at);
}
