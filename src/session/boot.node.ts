// Booting a kernel in Node: vmlinux from the build tree, the emulated root backed by the host.

import { Kernel, type BootOptions } from '../kernel/kernel.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryBacking, Vfs } from '../vfs/index.js';
import { configDirs } from '../kmod/config.js';
import { HostBacking } from '../vfs/host.node.js';
import { buildTrustedKeys, envModuleSigForce, moduleTreeDir, readVmlinux, RELEASE } from './paths.node.js';
import { spawnNodeCpu } from '../worker/cpu.node.js';

export interface NodeBootOptions extends Partial<BootOptions> {
  /** Host directory to use as "/" (writable). Default: the host's "/", read-only, writes kept in memory. */
  root?: string;
  /**
   * Host directory mounted at /lib/modules/<release> (writable: depmod writes there). Default: the root's
   * own /lib/modules/<release> when it has one, else the build's module tree.
   */
  modules?: string;
}

/** The emulated file system of a Node session, without a kernel attached yet. */
export function nodeVfs(opts: { root?: string; modules?: string } = {}): Vfs {
  const vfs = new Vfs(new HostBacking(opts.root ?? '/', opts.root !== undefined));
  // A root with a module tree of its own keeps it (the user's modules, depmod -a writing there).
  const own = opts.root !== undefined && isDir(join(opts.root, 'lib', 'modules', RELEASE));
  if (opts.modules !== undefined || !own) vfs.mount(`/lib/modules/${RELEASE}`, new HostBacking(opts.modules ?? moduleTreeDir(), true));
  // Without --root the host's "/" shows through, but not its module configuration: the emulated
  // modprobe.d and depmod.d start empty (writable in memory) so the host's blacklists do not apply.
  if (opts.root === undefined) {
    for (const d of [...configDirs('modprobe.d'), ...configDirs('depmod.d')]) vfs.mount(d, new MemoryBacking());
  }
  return vfs;
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

export async function bootNodeKernel(opts: NodeBootOptions = {}): Promise<{ kernel: Kernel; fs: Vfs }> {
  const vmlinux = opts.vmlinux ?? (await readVmlinux());
  const fs = nodeVfs(opts);
  const kernel = await Kernel.boot({
    spawnCpu: spawnNodeCpu,
    trustedKeys: buildTrustedKeys(),
    moduleSigForce: envModuleSigForce(),
    ...opts,
    vmlinux,
    readFile: (p) => fs.readFile(p),
  });
  fs.kernel = kernel;
  // mount(2) checks its mount point in this file system (ENOENT, ENOTDIR).
  kernel.rootFsType = (p) => {
    const st = fs.statSync(p);
    return st === 'unknown' ? 'dir' : st ? st.type : null;
  };
  return { kernel, fs };
}
