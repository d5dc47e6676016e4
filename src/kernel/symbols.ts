// The kernel symbol table (kernel/module/kallsyms.c + the ksymtab search of main.c): one hash map from
// name to its definition, so lookup is O(1) whatever the number of modules; and the function names of
// vmlinux and the modules (the wasm name section) for kallsyms, %pS and call traces.

import { readFunctionNames } from '../wasm/names.js';
import type { Module } from './module.js';

export interface KernelSymbol {
  name: string;
  /** Defining module, or null for vmlinux. */
  owner: Module | null;
  /** A wasm function (called directly by importers), or undefined for data. */
  fn: Function | undefined;
  /** Data: absolute address in kernel memory. Functions: 0 until a table slot is needed. */
  addr: number;
  gplOnly: boolean;
}

export class SymbolTable {
  private map = new Map<string, KernelSymbol>();

  get(name: string): KernelSymbol | undefined {
    return this.map.get(name);
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  add(sym: KernelSymbol): void {
    this.map.set(sym.name, sym);
  }

  /** Removes the symbols a module published (on unload or failed load). */
  removeAll(names: readonly string[], owner: Module): void {
    for (const n of names) if (this.map.get(n)?.owner === owner) this.map.delete(n);
  }

  get size(): number { return this.map.size; }

  values(): IterableIterator<KernelSymbol> { return this.map.values(); }

  /** Every symbol: name, owner ("vmlinux" or module), GPL-only, function or data (Kernel.symbols()). */
  list(): { name: string; owner: string; gplOnly: boolean; kind: 'function' | 'data' }[] {
    return [...this.map.values()].map((s) => ({
      name: s.name, owner: s.owner?.name ?? 'vmlinux', gplOnly: s.gplOnly, kind: s.fn ? 'function' : 'data',
    }));
  }
}

/** Function names by function index: vmlinux's read at boot, a module's on first use. */
export class FunctionNames {
  vmlinux: Map<number, string> = new Map();

  of(m: Module): Map<number, string> {
    m.functionNames ??= readFunctionNames(m.bytes, m.meta);
    return m.functionNames;
  }

  /** Name of a vmlinux (m null) or module function index. */
  name(m: Module | null, index: number): string | undefined {
    return m ? this.of(m).get(index) : this.vmlinux.get(index);
  }
}
