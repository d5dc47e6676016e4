// The parameters of the modules built into vmlinux (kernel/params.c's param_sysfs_builtin()): each
// "NAME.param" of vmlinux's __param section with a sysfs mode shows as /sys/module/NAME/parameters/param.

import type { Kernel } from './kernel.js';
import type { ParamInfo } from './module.js';
import { paramTable } from './load.js';
import { KERNEL_PARAM } from './abi.js';

const cache = new WeakMap<Kernel, Map<string, ParamInfo[]>>();

/** Built-in module name → its parameters that have a sysfs mode (names without the "NAME." prefix). */
export function builtinParams(k: Kernel): Map<string, ParamInfo[]> {
  let by = cache.get(k);
  if (by) return by;
  by = new Map();
  const start = k.vm.lkm_builtin_params(k.scratchBuffer);
  const num = k.mem.u32(k.scratchBuffer);
  for (const p of paramTable(k, start, start + num * KERNEL_PARAM.size)) {
    const dot = p.name.indexOf('.');
    if (dot <= 0 || p.perm === 0) continue;
    const mod = p.name.slice(0, dot);
    if (!by.has(mod)) by.set(mod, []);
    by.get(mod)!.push({ ...p, name: p.name.slice(dot + 1) });
  }
  cache.set(k, by);
  return by;
}
