// The `host.*` imports of vmlinux (docs/module-format.md §7): what only the JavaScript side can do.

import type { Kernel } from './kernel.js';
import { ModuleState } from './module.js';
import { modulePut, symbolGet, symbolPut, symbolPutAddr, tryModuleGet } from './refcount.js';
import { wasmFrames } from './oops.js';
import { requestModuleNoWait } from './kmod.js';
import { EAGAIN, ENOENT } from './errno.js';
import { kunitImports } from './kunit.js';

export function hostImports(k: Kernel): Record<string, Function> {
  const mem = k.mem;
  return {
    printk(text: number, len: number): number {
      const s = new TextDecoder().decode(mem.bytes(text, len));
      k.printk(s);
      return len;
    },
    kallsyms(addr: number, buf: number, size: number, flags: number): number {
      const s = describeAddress(k, addr >>> 0, (flags & 1) !== 0);
      return s ? mem.writeCString(buf, s, size) : 0;
    },
    random(buf: number, len: number): void {
      const b = new Uint8Array(len);
      k.random(b);
      mem.u8.set(b, buf);
    },
    clock_ns(): bigint {
      return BigInt(k.clock.nowNs());
    },
    add_taint(flag: number): void {
      k.taints.add(flag);
    },
    dump_stack(): void {
      k.traps.dumpStack(wasmFrames(new Error().stack));
    },
    user_copy(toUser: number, uaddr: number, kaddr: number, n: number): number {
      return k.devices.userCopy(k, toUser !== 0, uaddr >>> 0, kaddr >>> 0, n >>> 0);
    },
    class_dev(op: number, cls: number, dev: number, devt: number, mode: number): number {
      return k.devices.classDev(op, mem.cstring(cls), dev ? mem.cstring(dev) : '', devt >>> 0, mode);
    },
    kernfs(op: number, path: number, node: number, mode: number, hint1: number, hint2: number): number {
      return k.kernfs.hostOp(op, mem.cstring(path), node >>> 0, mode, hint1 >>> 0, hint2 >>> 0);
    },
    print_modules(): void {
      k.printk(`\x014${k.moduleList.linkedIn()}\n`);
    },
    module_get(modAddr: number, mode: number): number {
      const m = k.byThisModule.get(modAddr);
      if (!m) return 0; // not a module we know: treat as built-in
      if (mode === 2) { m.refcnt++; return 0; } // __module_get: the caller already holds one
      return tryModuleGet(m) ? 0 : -ENOENT;
    },
    module_put(modAddr: number): void {
      const m = k.byThisModule.get(modAddr);
      if (m) modulePut(m);
    },
    module_refcount(modAddr: number): number {
      const m = k.byThisModule.get(modAddr);
      return m ? m.refcount : 0;
    },
    module_is_live(modAddr: number): number {
      const m = k.byThisModule.get(modAddr);
      return m && m.state !== ModuleState.GOING ? 1 : 0;
    },
    symbol_get(name: number): number {
      return symbolGet(k, mem.cstring(name));
    },
    symbol_put(name: number): void {
      symbolPut(k, mem.cstring(name));
    },
    symbol_put_addr(addr: number): void {
      symbolPutAddr(k, addr >>> 0);
    },
    /**
     * __request_module(wait, name): -ENOENT (empty modprobe path, no helper), -ENAMETOOLONG, or 0 with
     * `modprobe -q -- name` started. C cannot block on JavaScript, so `wait` behaves as nowait. wait 2
     * (vmlinux's get_fs_type()) gets -EAGAIN instead of 0 when modprobe was only started, so that C does
     * not take the module for loaded (inside withAutoload() it gets modprobe's exit status as before).
     */
    request_module(name: number, wait: number): number {
      return requestModuleNoWait(k, mem.cstring(name), undefined, wait === 2 ? -EAGAIN : 0);
    },
    /** The current system call sleeps (wait.c; src/kernel/wait.ts): 1 registered, 0 timed out, -1 cannot wait. */
    sleep(entry: number, timeout: number): number {
      return k.waits.sleep(entry >>> 0, timeout);
    },
    wake(entry: number): void {
      k.waits.wake(entry >>> 0);
    },
    wait_left(timeout: number): number {
      return k.waits.left(timeout);
    },
    /** host.block(word, expected, timeout_ns) on the host thread: threads.ts. */
    block(word: number, expected: number, timeoutNs: bigint): void {
      k.threads.block(word >>> 0, expected, Number(timeoutNs));
    },
    can_restart(): number {
      return k.waits.canRestart ? 1 : 0;
    },
    thread_create(task: number, stackTop: number): number {
      return k.threads.create(task >>> 0, stackTop >>> 0);
    },
    /** kthread_exit() outside a kernel thread: a bug, as calling it from a process would be. */
    thread_exit(): never {
      throw new WebAssembly.RuntimeError('unreachable: kthread_exit() called outside a kernel thread');
    },
    idle(ns: bigint): void {
      k.clock.idle(Number(ns));
      // A delay lets pending softirq work in, as the interrupts during it would.
      k.softirqs.runNested();
    },
    softirq(): void {
      k.softirqs.raise();
    },
    /** A timer_list is armed to fire in `delta` jiffies, or disarmed (-1). */
    timer(timer: number, delta: number): void {
      k.timerLists.arm(timer >>> 0, delta);
    },
    /** An hrtimer is armed at `atNs` of the kernel clock, or disarmed (-1). */
    hrtimer(timer: number, atNs: bigint): void {
      k.timerLists.armHr(timer >>> 0, Number(atNs));
    },
    ...kunitImports(k),
  };
}

/**
 * %pS / %ps: "name+0x0/0x0 [module]" for a function pointer (table index) or a data address.
 * wasm functions have no byte offsets a pointer could point into, so the offset is always 0.
 */
export function describeAddress(k: Kernel, addr: number, withOffset: boolean): string | undefined {
  const off = withOffset ? '+0x0/0x0' : '';
  if (addr > 0 && addr < k.mem.table.length) {
    const fn = k.mem.table.get(addr) as (Function & { name: string }) | null;
    if (!fn) return undefined;
    const index = Number(fn.name);
    const owner = ownerOfSlot(k, addr);
    const name = k.names.name(owner ?? null, index) ?? `wasm-function[${index}]`;
    return owner ? `${name}${off} [${owner.name}]` : `${name}${off}`;
  }
  for (const s of k.symtab.values()) {
    if (!s.fn && s.addr === addr) return s.owner ? `${s.name}${off} [${s.owner.name}]` : `${s.name}${off}`;
  }
  return undefined;
}

export function ownerOfSlot(k: Kernel, slot: number) {
  for (const m of k.modules) {
    if (slot >= m.tableBase && slot < m.tableBase + m.tableSize) return m;
    if (m.extraSlots.includes(slot)) return m;
  }
  return undefined;
}
