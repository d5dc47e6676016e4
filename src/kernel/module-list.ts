// The list of loaded modules (kernel/module/main.c's `modules`), newest first as /proc/modules shows
// it, with the lookups by name and by struct module address, and what lsmod and Oops print of it.

import { ModuleState, moduleFlags, normalizeModuleName, type Module } from './module.js';
import { moduleTaintString } from './taint.js';
import type { LeakedObject } from './leaks.js';
import { readModuleName as wasmModuleName } from '../wasm/names.js';

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

/** Kernel memory a module allocated and did not free by the end of its unload (the "leaked" report). */
export interface ModuleLeak {
  module: string;
  allocations: number;
  bytes: number;
  /** Each object with the call site that allocated it. */
  objects: LeakedObject[];
}

export class ModuleList {
  /** Newest first, as Linux's module list (and /proc/modules). */
  readonly modules: Module[] = [];
  readonly byName = new Map<string, Module>();
  /** __this_module address → module, for calls from C that pass THIS_MODULE. */
  readonly byThisModule = new Map<number, Module>();
  /** What each module left allocated when it was last freed (unloaded, or its load failed). */
  readonly lastLeaks = new Map<string, LeakedObject[]>();
  /** "[last unloaded: NAME(OE)]" of Oops records. */
  lastUnloaded: string | undefined;
  /** Every leak reported at unload since boot, oldest first (what a test harness checks). */
  readonly leaks: ModuleLeak[] = [];

  /** Finds a live-list module by name ('-' and '_' equal); UNFORMED ones are invisible. */
  find(name: string): Module | undefined {
    const m = this.byName.get(normalizeModuleName(name));
    return m && m.state !== ModuleState.UNFORMED ? m : undefined;
  }

  /** The module a wasm name-section name belongs to (undefined: vmlinux's or none). */
  ofWasmName(wasmName: string, vmlinuxWasmName: string): Module | undefined {
    if (wasmName === vmlinuxWasmName) return undefined;
    for (const m of this.modules) if (wasmModuleName(m.bytes, m.meta) === wasmName) return m;
    return undefined;
  }

  /** print_modules(): "Modules linked in: a(OE) b [last unloaded: c(OE)]". */
  linkedIn(): string {
    let s = 'Modules linked in:';
    for (const m of this.modules) {
      if (m.state === ModuleState.UNFORMED) continue;
      s += ` ${m.name}${moduleFlags(m, true)}`;
    }
    if (this.lastUnloaded) s += ` [last unloaded: ${this.lastUnloaded}]`;
    return s;
  }

  info(): ModuleInfo[] {
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
}

/** module_blacklist=a,b of the kernel command line, as normalized names. */
export function cmdlineBlacklist(cmdline: string): Set<string> {
  return new Set(
    cmdline.split(/\s+/).filter((a) => a.startsWith('module_blacklist='))
      .flatMap((a) => a.slice('module_blacklist='.length).split(',')).filter(Boolean)
      .map(normalizeModuleName),
  );
}
