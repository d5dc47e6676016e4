// Booting a kernel in Node: vmlinux from the build tree, the emulated root backed by the host.

import { readFile } from 'node:fs/promises';
import { Kernel, type BootOptions } from '../kernel/kernel.js';
import { KernelFs } from '../shell/fs.js';
import { HostBacking } from './host-fs.js';
import { moduleTreeDir, RELEASE, vmlinuxPath } from './paths.js';

export interface NodeBootOptions extends Partial<BootOptions> {
  /** Host directory to use as "/" (writable). Default: the host's "/", read-only, writes kept in memory. */
  root?: string;
  /** Host directory mounted at /lib/modules/<release>. Default: the build's module tree. */
  modules?: string;
}

export async function bootNodeKernel(opts: NodeBootOptions = {}): Promise<{ kernel: Kernel; fs: KernelFs }> {
  let vmlinux = opts.vmlinux;
  if (!vmlinux) {
    try {
      vmlinux = new Uint8Array(await readFile(vmlinuxPath()));
    } catch {
      throw new Error(`lkm: ${vmlinuxPath()} is missing: run \`npm run build\` first`);
    }
  }
  const backing = new HostBacking(opts.root ?? '/', opts.root !== undefined, [
    { at: `/lib/modules/${RELEASE}`, dir: opts.modules ?? moduleTreeDir() },
  ]);
  let fs: KernelFs | undefined;
  const kernel = await Kernel.boot({
    ...opts,
    vmlinux,
    readFile: (p) => fs!.readFile(p),
  });
  fs = new KernelFs(kernel, backing);
  return { kernel, fs };
}
