// npm run headers: which of Linux 6.12's include/linux headers a module finds here (wasm/include/linux),
// from the list in scripts/data/linux-6.12-include-linux.txt. Prints the present names, then the counts
// (all of include/linux, and its top level: the README's figure). Options: --missing (list the absent
// names instead), --quiet (counts only).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HeaderCoverage {
  /** Linux's names present here, and absent. */
  present: string[];
  missing: string[];
  /** Names here that Linux keeps elsewhere (include/uapi/linux, include/generated). */
  extra: string[];
  /** The top level of include/linux (no subfolder): present and all. */
  topPresent: number;
  topTotal: number;
}

const isTop = (name: string) => !name.includes('/');

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p, root);
    return e.name.endsWith('.h') ? [relative(root, p)] : [];
  });
}

/** The coverage of the tree at `root` (the repository). */
export function headerCoverage(root: string): HeaderCoverage {
  const linux = readFileSync(join(root, 'scripts/data/linux-6.12-include-linux.txt'), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#'));
  const here = new Set(walk(join(root, 'wasm/include/linux')));
  const known = new Set(linux);
  const present = linux.filter((n) => here.has(n));
  return {
    present,
    missing: linux.filter((n) => !here.has(n)),
    extra: [...here].filter((n) => !known.has(n)).sort(),
    topPresent: present.filter(isTop).length,
    topTotal: linux.filter(isTop).length,
  };
}

function main(argv: string[]): number {
  const unknown = argv.find((a) => a !== '--missing' && a !== '--quiet');
  if (unknown) {
    process.stderr.write(`headers: unknown argument '${unknown}' (usage: headers [--missing] [--quiet])\n`);
    return 2;
  }
  // `npm run headers | head`: a closed pipe ends the listing quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../..' : '..', import.meta.url));
  const c = headerCoverage(root);
  if (!argv.includes('--quiet')) for (const n of argv.includes('--missing') ? c.missing : c.present) process.stdout.write(`linux/${n}\n`);
  const total = c.present.length + c.missing.length;
  process.stdout.write(`${c.topPresent} of ${c.topTotal} include/linux/*.h headers of Linux 6.12 exist here ` +
    `(${c.present.length} of ${total} with subfolders)\n`);
  if (c.extra.length) process.stdout.write(`also here, from Linux's include/uapi/linux or generated headers: ${c.extra.map((n) => `linux/${n}`).join(' ')}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
