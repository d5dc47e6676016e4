// struct module as the host keeps it: state, reference count, use links, regions, taints.
// The C side sees the same module through its `struct module` (__this_module) in kernel memory.

import type { ModuleMetadata } from '../wasm/metadata.js';
import { moduleTaintString } from './taint.js';

export enum ModuleState { LIVE = 0, COMING = 1, GOING = 2, UNFORMED = 3 }

/** Reference base, as MODULE_REF_BASE: the visible count is refcnt − 1. */
export const MODULE_REF_BASE = 1;

export interface ParamInfo {
  /** Address of the struct kernel_param. */
  kp: number;
  name: string;
  perm: number;
}

export class Module {
  state = ModuleState.UNFORMED;
  /** Internal count: base reference + holders. 0 once the module is going. */
  refcnt = MODULE_REF_BASE;
  /** Per-module taint bits (TAINT_*). */
  taints = 0;
  /** mod->sig_ok: signed by a trusted key (no taint E). */
  sigOk = false;
  /** Modules using this one (source_list), most recent first. */
  readonly users: Module[] = [];
  /** Modules this one uses (target_list). */
  readonly uses = new Set<Module>();
  /** Set when a GPL-only export resolved one of its symbols. */
  usingGplOnly = false;
  /** Kernel memory region for the module's data/bss (__memory_base). */
  base = 0;
  memSize = 0;
  tableBase = 0;
  tableSize = 0;
  /** Address of its struct module (__this_module). */
  thisModule = 0;
  /** Address of the kmalloc'd copy of the argument string (mod->args). */
  argsAddr = 0;
  args = '';
  instance: WebAssembly.Instance | undefined;
  /**
   * How the instance was linked, for replaying it on CPU workers (threads.ts): each env function import's
   * owner ('vmlinux', a module, or null: an unresolved weak symbol) and the GOT entries.
   */
  link: { env: [string, string | null][]; got: Map<string, WebAssembly.Global> } | undefined;
  /** Exported symbols this module published (names). */
  readonly published: string[] = [];
  params: ParamInfo[] = [];
  /** True once /sys/module/NAME exists. */
  sysfs = false;
  /** True once its KUnit suites were set up (it went live): they are torn down when it goes. */
  kunit = false;
  /** Functions names from the name section, parsed on first use (kallsyms, call traces). */
  functionNames: Map<number, string> | undefined;
  /** Table slots handed out for this module's functions outside its own element segment. */
  readonly extraSlots: number[] = [];

  constructor(
    readonly name: string,
    readonly meta: ModuleMetadata,
    readonly bytes: Uint8Array,
    readonly compiled: WebAssembly.Module,
  ) {}

  /** An init function and no exit function: cannot be removed without force. */
  get permanent(): boolean { return this.meta.hasInit && !this.meta.hasExit; }

  /** module_refcount(): the visible count (refcnt − base); -1 while going. */
  get refcount(): number { return this.refcnt - MODULE_REF_BASE; }

  /** Bytes held: data region and code, each page-aligned (coresize). */
  get coreSize(): number {
    return pageAlign(this.meta.codeSize) + pageAlign(this.memSize);
  }

  modinfo(key: string): string | undefined {
    return this.meta.modinfo.find((e) => e.key === key)?.value;
  }
}

export function pageAlign(n: number): number {
  return Math.ceil(n / 4096) * 4096;
}

/** Module names: '-' and '_' are the same; a path or file name is cut at its first '.'. */
export function normalizeModuleName(s: string): string {
  const base = s.slice(s.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  return (dot >= 0 ? base.slice(0, dot) : base).replace(/-/g, '_');
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
