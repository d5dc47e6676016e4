// Tab completion of a shell line, for every front end: command names for the first word, file system
// types and mount points for mount/umount, module names for modprobe, modinfo and rmmod, then paths.
// Where the front ends look things up differently, CompletionSource says how (each keeps its own).

import type { Shell } from '../shell/shell.js';
import { mountCompletions } from '../shell/mount.js';
import { treeModuleNames } from './modules-dep.js';

/** The commands whose arguments are module names. */
const MODULE_COMMANDS = new Set(['modprobe', 'modinfo', 'rmmod']);

export interface CompletionSource {
  /** rmmod's candidates: the loaded modules (the CLI reads /sys/module; the page shows its last lsmod). */
  loadedModules(): Promise<string[]>;
  /**
   * The running kernel's release, whose modules.dep names modprobe's and modinfo's candidates; undefined:
   * none. It may throw, and then nothing completes (the CLI asks the kernel, a hung one fails the lot).
   */
  release(): Promise<string | undefined>;
  /** Directories marked '/' through symlinks as bash does (the CLI), or by the entry's own type (the page). */
  followLinks: boolean;
}

/** Candidates for the word at the end of `line`, sorted. */
export async function completeLine(sh: Shell, line: string, src: CompletionSource): Promise<string[]> {
  const words = line.split(/\s+/);
  const cur = words[words.length - 1] ?? '';
  if (words.length <= 1) return Object.keys(sh.commands).filter((c) => c.startsWith(cur)).sort();
  const hits: string[] = [];
  const cmd = words[0]!;
  const mounts = await mountCompletions(sh, words);
  if (mounts) return mounts;
  if (MODULE_COMMANDS.has(cmd) && !cur.includes('/') && !cur.startsWith('-')) {
    const names = cmd === 'rmmod' ? await src.loadedModules() : await treeModules(sh, src);
    hits.push(...names.filter((n) => n.startsWith(cur.replace(/-/g, '_'))));
  }
  const slash = cur.lastIndexOf('/');
  const dir = slash >= 0 ? cur.slice(0, slash + 1) : '';
  const base = cur.slice(slash + 1);
  try {
    hits.push(...(await pathCandidates(sh, dir, base, src.followLinks)));
  } catch { /* not a directory */ }
  return [...new Set(hits)].sort();
}

async function treeModules(sh: Shell, src: CompletionSource): Promise<string[]> {
  const release = await src.release();
  return release === undefined ? [] : treeModuleNames(sh.fs, release);
}

/** Entries of `dir` (as typed, relative to the shell's directory) that start with `base`; directories end in '/'. */
async function pathCandidates(sh: Shell, dir: string, base: string, followLinks: boolean): Promise<string[]> {
  const hits: string[] = [];
  if (!followLinks) {
    for (const e of await sh.fs.readdirTypes(sh.resolve(dir || '.'))) {
      if (e.name.startsWith(base)) hits.push(dir + e.name + (e.type === 'dir' ? '/' : ''));
    }
    return hits;
  }
  for (const n of await sh.fs.readdir(sh.resolve(dir || '.'))) {
    if (!n.startsWith(base)) continue;
    // Through links (a link that loops or leads nowhere is a plain name).
    const isDir = (await sh.fs.stat(sh.resolve(dir + n)).catch(() => undefined))?.type === 'dir';
    hits.push(dir + n + (isDir ? '/' : ''));
  }
  return hits;
}
