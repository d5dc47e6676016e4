// Taint flags as kernel/panic.c defines them: bit number = row, letters, which ones are per-module.

export interface TaintFlag { bit: number; set: string; unset: string; module: boolean; }

export const TAINT_FLAGS: TaintFlag[] = [
  { bit: 0, set: 'P', unset: 'G', module: true }, // PROPRIETARY_MODULE
  { bit: 1, set: 'F', unset: ' ', module: true }, // FORCED_MODULE
  { bit: 2, set: 'S', unset: ' ', module: false }, // CPU_OUT_OF_SPEC
  { bit: 3, set: 'R', unset: ' ', module: false }, // FORCED_RMMOD
  { bit: 4, set: 'M', unset: ' ', module: false }, // MACHINE_CHECK
  { bit: 5, set: 'B', unset: ' ', module: false }, // BAD_PAGE
  { bit: 6, set: 'U', unset: ' ', module: false }, // USER
  { bit: 7, set: 'D', unset: ' ', module: false }, // DIE
  { bit: 8, set: 'A', unset: ' ', module: false }, // OVERRIDDEN_ACPI_TABLE
  { bit: 9, set: 'W', unset: ' ', module: false }, // WARN
  { bit: 10, set: 'C', unset: ' ', module: true }, // CRAP
  { bit: 11, set: 'I', unset: ' ', module: false }, // FIRMWARE_WORKAROUND
  { bit: 12, set: 'O', unset: ' ', module: true }, // OOT_MODULE
  { bit: 13, set: 'E', unset: ' ', module: true }, // UNSIGNED_MODULE
  { bit: 14, set: 'L', unset: ' ', module: false }, // SOFTLOCKUP
  { bit: 15, set: 'K', unset: ' ', module: true }, // LIVEPATCH
  { bit: 16, set: 'X', unset: ' ', module: true }, // AUX
  { bit: 17, set: 'T', unset: ' ', module: true }, // RANDSTRUCT
  { bit: 18, set: 'N', unset: ' ', module: true }, // TEST
];

export const TAINT = {
  PROPRIETARY_MODULE: 0, FORCED_MODULE: 1, FORCED_RMMOD: 3, USER: 6, DIE: 7, WARN: 9, CRAP: 10,
  OOT_MODULE: 12, UNSIGNED_MODULE: 13, SOFTLOCKUP: 14, LIVEPATCH: 15, TEST: 18,
} as const;

/** Taints after which lock debugging is no longer trustworthy (add_taint with LOCKDEP_NOW_UNRELIABLE). */
export const LOCKDEP_UNRELIABLE = new Set<number>([TAINT.PROPRIETARY_MODULE, TAINT.FORCED_MODULE, TAINT.FORCED_RMMOD]);

/** Per-module letters of the set bits, in table order: "POE". */
export function moduleTaintString(mask: number): string {
  let s = '';
  for (const f of TAINT_FLAGS) if (f.module && mask & (1 << f.bit)) s += f.set;
  return s;
}

/** The kernel-wide form used by oops headers: "Not tainted" or "Tainted: P           O". */
export function kernelTaintString(mask: number): string {
  if (mask === 0) return 'Not tainted';
  let s = 'Tainted: ';
  for (const f of TAINT_FLAGS) s += mask & (1 << f.bit) ? f.set : f.unset;
  return s;
}

/** The kernel's taint state (kernel/panic.c tainted_mask) and what depends on it. */
export class Taints {
  /** tainted_mask: bit n set when TAINT_FLAGS[n] happened. */
  mask = 0;
  /** debug_locks: cleared by the first taint that makes lock debugging unreliable. */
  debugLocks = true;
  /** The module-signature notice is printed once per boot (module_sig_check). */
  signatureNoticePrinted = false;

  constructor(private readonly printk: (text: string) => void) {}

  /** add_taint(): sets the kernel-wide bit; P, F and R also switch lock debugging off, once. */
  add(bit: number): void {
    this.mask |= 1 << bit;
    if (LOCKDEP_UNRELIABLE.has(bit) && this.debugLocks) {
      this.debugLocks = false;
      this.printk('\x014Disabling lock debugging due to kernel taint\n');
    }
  }

  test(bit: number): boolean {
    return (this.mask & (1 << bit)) !== 0;
  }
}
