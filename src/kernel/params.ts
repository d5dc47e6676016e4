// Module parameters as the host reads them (struct kernel_param tables), and those of the modules built
// into vmlinux (kernel/params.c's param_sysfs_builtin()): each "NAME.param" of vmlinux's __param section
// with a sysfs mode shows as /sys/module/NAME/parameters/param.

import type { Kernel } from './kernel.js';
import type { ParamInfo } from './module.js';
import { KERNEL_PARAM } from './abi.js';

/** The struct kernel_param entries in [kp, end). */
export function paramTable(k: Kernel, kp: number, end: number): ParamInfo[] {
  const out: ParamInfo[] = [];
  if (!kp || end <= kp) return out;
  for (let p = kp; p + KERNEL_PARAM.size <= end; p += KERNEL_PARAM.size) {
    out.push({ kp: p, name: k.mem.cstring(k.mem.u32(p + KERNEL_PARAM.name)), perm: k.mem.u16(p + KERNEL_PARAM.perm) });
  }
  return out;
}

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
