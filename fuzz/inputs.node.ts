// The fuzz targets' inputs on Node: the built .ko files of the module tree and a kernel booted from
// the build's vmlinux (no file system: inputs are bytes).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kernel } from '../src/kernel/kernel.js';
import { moduleTreeDir, readVmlinux } from '../src/session/paths.node.js';

/** The .ko files of build/lib/modules/RELEASE/extra (after npm run build), by file name. */
export async function builtModules(): Promise<Map<string, Uint8Array>> {
  const dir = join(moduleTreeDir(), 'extra');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ko')).sort();
  const out = new Map<string, Uint8Array>();
  for (const n of names) out.set(n, new Uint8Array(await readFile(join(dir, n))));
  return out;
}

/** Boots kernels from one read of vmlinux. */
export async function kernelBooter(): Promise<() => Promise<Kernel>> {
  const vmlinux = await readVmlinux();
  return () => Kernel.boot({ vmlinux });
}
