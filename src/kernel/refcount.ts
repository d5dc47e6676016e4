// Reference rules of kernel/module/main.c: strong_try_module_get, use links (ref_module), symbol_get/put.

import { EBUSY, ENOENT } from './errno.js';
import type { Kernel } from './kernel.js';
import { ModuleState, type Module } from './module.js';

/** try_module_get(): succeeds unless the module is going or its count already dropped to zero. */
export function tryModuleGet(m: Module): boolean {
  if (m.state === ModuleState.GOING || m.refcnt === 0) return false;
  m.refcnt++;
  return true;
}

export function modulePut(m: Module): void {
  if (m.refcnt > 0) m.refcnt--;
}

/** strong_try_module_get(): -EBUSY while the owner still runs its init, -ENOENT when going. */
export function strongTryModuleGet(m: Module): number {
  if (m.state === ModuleState.COMING) return -EBUSY;
  return tryModuleGet(m) ? 0 : -ENOENT;
}

/** ref_module(): one use link and one reference per (user, owner) pair. */
export function refModule(user: Module, owner: Module): number {
  if (user.uses.has(owner)) return 0;
  const err = strongTryModuleGet(owner);
  if (err) return err;
  user.uses.add(owner);
  owner.users.unshift(user);
  return 0;
}

/** Drops every use link of a module that is going away (or failed to load). */
export function dropUses(user: Module): void {
  for (const owner of user.uses) {
    const i = owner.users.indexOf(user);
    if (i >= 0) owner.users.splice(i, 1);
    modulePut(owner);
  }
  user.uses.clear();
}

/** symbol_get(): GPL-only exports only (since 6.5); raises the owner's count, creates no link. */
export function symbolGet(k: Kernel, name: string): number {
  const sym = k.symtab.get(name);
  if (!sym) return 0;
  if (!sym.gplOnly) {
    k.printk(`\x013failing symbol_get of non-GPLONLY symbol ${name}.\n`);
    return 0;
  }
  if (sym.owner && strongTryModuleGet(sym.owner) !== 0) return 0;
  return sym.fn ? k.mem.addressOf(sym.fn) : sym.addr;
}

export function symbolPut(k: Kernel, name: string): void {
  const sym = k.symtab.get(name);
  if (!sym) {
    k.printk(`\x012kernel BUG at kernel/module/main.c: symbol_put of unknown symbol ${name}\n`);
    return;
  }
  if (sym.owner) modulePut(sym.owner);
}

/** symbol_put_addr(): finds the owner from a function pointer or a data address. */
export function symbolPutAddr(k: Kernel, addr: number): void {
  for (const m of k.modules) {
    const inTable = (addr >= m.tableBase && addr < m.tableBase + m.tableSize) || m.extraSlots.includes(addr);
    const inData = addr >= m.base && addr < m.base + m.memSize;
    if (inTable || inData) { modulePut(m); return; }
  }
}
