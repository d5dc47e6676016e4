// The kernel's invariants after each fuzz input: no symbol of a module that is not loaded, lsmod =
// /proc/modules = /sys/module, and with nothing loaded, the memory pages, slab objects and table slots
// in use equal their values after boot.

import type { Kernel } from '../src/kernel/kernel.js';

export class InvariantError extends Error {
  override name = 'InvariantError';
}

type Usage = ReturnType<Kernel['usage']>;

/** Table slots vmlinux functions hold: a function keeps the one address it got (not a leak). */
function vmlinuxSlots(k: Kernel): number {
  let n = 0;
  for (const s of k.symtab.values()) if (!s.owner && s.fn && k.mem.slotIfAny(s.fn) !== undefined) n++;
  return n;
}

export class KernelChecker {
  private readonly boot: Usage;
  private readonly bootVmlinuxSlots: number;

  constructor(readonly k: Kernel) {
    this.boot = k.usage();
    this.bootVmlinuxSlots = vmlinuxSlots(k);
  }

  /** Throws InvariantError when the module list, its views or the symbol table disagree. */
  checkLists(): void {
    const k = this.k;
    const names = k.lsmod().map((m) => m.name).sort();
    const proc = k.readFile('/proc/modules').split('\n').filter(Boolean).map((l) => l.split(' ')[0]!).sort();
    // Loadable modules are the /sys/module entries with an initstate (built-ins with parameters have none).
    const sys = k.readdir('/sys/module').filter((n) => k.readdir(`/sys/module/${n}`).includes('initstate')).sort();
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (!same(names, proc) || !same(names, sys)) {
      throw new InvariantError(`lsmod ${JSON.stringify(names)} /proc/modules ${JSON.stringify(proc)} /sys/module ${JSON.stringify(sys)}`);
    }
    const loaded = new Set(names);
    for (const s of k.symbols()) {
      if (s.owner !== 'vmlinux' && !loaded.has(s.owner)) throw new InvariantError(`symbol ${s.name} of ${s.owner}, which is not loaded`);
    }
  }

  /** With no module loaded: memory and table slots in use as after boot. */
  checkNothingLeaked(): void {
    const k = this.k;
    if (k.lsmod().length) throw new InvariantError(`modules still loaded: ${k.lsmod().map((m) => m.name).join(' ')}`);
    const now = k.usage();
    const slotsAllowed = this.boot.tableSlots + vmlinuxSlots(k) - this.bootVmlinuxSlots;
    if (now.pages !== this.boot.pages || now.objects !== this.boot.objects || now.tableSlots !== slotsAllowed) {
      throw new InvariantError(`in use after boot ${JSON.stringify({ ...this.boot, tableSlots: slotsAllowed })}, now ${JSON.stringify(now)}`);
    }
  }

  check(): void {
    this.checkLists();
    this.checkNothingLeaked();
  }
}
