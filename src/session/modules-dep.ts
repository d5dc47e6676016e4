// The module names of a module tree, read from its modules.dep (what modprobe and modinfo can be given).

import type { Vfs } from '../vfs/index.js';

/** Names in /lib/modules/RELEASE/modules.dep ("kernel/x/foo-bar.ko.zst: …" → "foo_bar"); [] without one. */
export async function treeModuleNames(fs: Vfs, release: string): Promise<string[]> {
  let dep: string;
  try {
    dep = await fs.readText(`/lib/modules/${release}/modules.dep`);
  } catch {
    return [];
  }
  return dep.split('\n').filter(Boolean).map((l) => {
    const p = l.slice(0, l.indexOf(':'));
    const b = p.slice(p.lastIndexOf('/') + 1);
    return b.slice(0, b.indexOf('.') < 0 ? undefined : b.indexOf('.')).replace(/-/g, '_');
  });
}
