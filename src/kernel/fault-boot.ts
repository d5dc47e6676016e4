// The fault-injection boot options (Documentation/fault-injection, "Boot option"):
// failslab=<interval>,<probability>,<space>,<times> and fail_page_alloc=… on the kernel command line,
// parsed by vmlinux's setup_fault_attr() (its warning when they do not parse).

import type { Kernel } from './kernel.js';

const OPTIONS = { failslab: 'lkm_setup_failslab', fail_page_alloc: 'lkm_setup_fail_page_alloc' } as const;

export function applyFaultBootOptions(k: Kernel): void {
  for (const arg of k.cmdline.split(/\s+/)) {
    const eq = arg.indexOf('=');
    const entry = eq > 0 ? OPTIONS[arg.slice(0, eq) as keyof typeof OPTIONS] : undefined;
    if (!entry) continue;
    k.mem.writeCString(k.scratchBuffer, arg.slice(eq + 1), 4096);
    k.vm[entry](k.scratchBuffer);
  }
}
