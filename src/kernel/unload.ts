// delete_module(2): the checks in Linux's order, then GOING, exit(), teardown and "last unloaded".

import { KernelError, EBUSY, ENOENT, EPERM, EWOULDBLOCK } from './errno.js';
import type { Kernel } from './kernel.js';
import { ModuleState, MODULE_REF_BASE, type Module } from './module.js';
import { dropUses } from './refcount.js';
import { TAINT, moduleTaintString } from './taint.js';
import { MODULE } from './abi.js';
import { kunitModuleGoing } from './kunit.js';
import { readLeaks } from './leaks.js';

export function deleteModule(k: Kernel, name: string, force: boolean): void {
  if (k.modulesDisabled) throw new KernelError(EPERM);
  const mod = k.moduleList.find(name);
  if (!mod) throw new KernelError(ENOENT);
  // Other modules depend on us: not even force helps.
  if (mod.users.length > 0) throw new KernelError(EWOULDBLOCK);
  // Still initialising, or already going.
  if (mod.state !== ModuleState.LIVE) throw new KernelError(EBUSY);
  // An init without an exit: only a forced unload may proceed.
  if (mod.permanent && !tryForceUnload(k, force)) throw new KernelError(EBUSY);
  // try_stop_module(): drop the base reference; someone else holding one blocks unless forced.
  mod.refcnt -= MODULE_REF_BASE;
  if (mod.refcnt !== 0 && !tryForceUnload(k, force)) {
    mod.refcnt += MODULE_REF_BASE;
    throw new KernelError(EWOULDBLOCK);
  }
  mod.state = ModuleState.GOING;
  const exit = (mod.instance!.exports as Record<string, unknown>).cleanup_module as (() => void) | undefined;
  // An Oops in exit() leaves the module GOING ("Unloading"), as on Linux.
  if (exit) k.run(`${mod.name}: exit`, exit);
  kunitModuleGoing(k, mod);
  // module_flags(mod, buf, false): the taint letters only, without the state character.
  const taints = moduleTaintString(mod.taints);
  k.moduleList.lastUnloaded = `${mod.name}${taints ? `(${taints})` : ''}`;
  k.symtab.removeAll(mod.published, mod);
  mod.sysfs = false;
  dropUses(mod);
  releaseModuleMemory(k, mod);
}

/** try_force_unload(): with O_TRUNC (rmmod -f) the unload goes ahead and taints the kernel R. */
function tryForceUnload(k: Kernel, force: boolean): boolean {
  if (force) k.taints.add(TAINT.FORCED_RMMOD);
  return force;
}

/**
 * The end of free_module(): report allocations the module did not free, hand its memory region and
 * table slots back for reuse, and take it off the list.
 */
export function releaseModuleMemory(k: Kernel, mod: Module): void {
  // One entry into the kernel for the clean-up (its NULL-page and stack guards are checked once); each step
  // keeps its own label for an Oops.
  k.run(`${mod.name}: free_module`, () => {
    // Input devices it registered (their open/close are its code: unregistered while that is still there).
    if (mod.thisModule) k.run(`${mod.name}: input core`, () => k.vm.lkm_input_module_gone(mod.thisModule));
    // Devices it added and drivers it registered, still on their buses (before their sysfs files go).
    if (mod.thisModule) k.run(`${mod.name}: driver core`, () => k.vm.lkm_driver_core_module_gone(mod.thisModule));
    // Disks it left added (their /dev nodes, sysfs and /proc/partitions rows).
    if (mod.thisModule) k.run(`${mod.name}: block`, () => k.vm.lkm_block_module_gone(mod.thisModule));
    // Network devices and packet handlers it left registered.
    if (mod.thisModule) k.run(`${mod.name}: unregister_netdev`, () => k.vm.lkm_netdev_module_gone(mod.thisModule));
    // /proc, sysfs and debugfs entries still using the module's code or data.
    k.kernfs.moduleGone(mod);
    // Timers still pending whose function is the module's (Linux would run freed code: an Oops later).
    k.timerLists.moduleGone(mod);
    // File system types it left registered.
    if (mod.thisModule) k.run(`${mod.name}: unregister_filesystem`, () => k.vm.lkm_filesystems_module_gone(mod.thisModule));
    // destroy_params(): charp parameters free the strings they allocated.
    if (mod.thisModule) k.run(`${mod.name}: destroy_params`, () => k.vm.lkm_destroy_params(mod.thisModule));
  });
  if (mod.thisModule) {
    const bytes = k.mem.u32(mod.thisModule + MODULE.kmem_bytes);
    const count = k.mem.u32(mod.thisModule + MODULE.kmem_count);
    const leaks = count > 0 ? readLeaks(k, mod.thisModule) : [];
    if (count > 0) {
      k.moduleList.leaks.push({ module: mod.name, allocations: count, bytes, objects: leaks });
      k.printk(`\x014${mod.name}: ${count} allocation${count === 1 ? '' : 's'} (${bytes} bytes) not freed at unload: leaked\n`);
      for (const l of leaks) k.printk(`\x014${mod.name}:   ${l.size} bytes allocated in ${l.func || '?'}\n`);
    }
    k.moduleList.lastLeaks.set(mod.name, leaks);
    k.vm.lkm_kmem_orphan(mod.thisModule);
    k.byThisModule.delete(mod.thisModule);
  }
  if (mod.argsAddr) k.vm.lkm_region_free(mod.argsAddr);
  k.vm.lkm_region_free(mod.base);
  k.threads.moduleGone(mod);
  k.mem.releaseSlots(mod.tableBase, mod.tableSize);
  for (const s of mod.extraSlots) k.mem.releaseSlots(s, 1);
  mod.extraSlots.length = 0;
  mod.state = ModuleState.UNFORMED;
  const i = k.modules.indexOf(mod);
  if (i >= 0) k.modules.splice(i, 1);
  if (k.byName.get(mod.name) === mod) k.byName.delete(mod.name);
  mod.instance = undefined;
}
