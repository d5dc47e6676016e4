// Paths inside the emulated root. Every path a user gives is normalised here, so none can climb above
// "/": `../../etc/passwd` from anywhere is `/etc/passwd` of the emulated root, never the host's.

/** Collapses '.', '..' and repeated slashes; '..' at the root stays at the root. */
export function normalizePath(p: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** The directory part of a normalised path ("/" for top-level entries and for "/" itself). */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** The last component of a path. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Joins path components and normalises the result. */
export function joinPath(...parts: string[]): string {
  return normalizePath(parts.filter(Boolean).join('/'));
}

/** True when `p` is `dir` or inside it (both normalised). */
export function isWithin(p: string, dir: string): boolean {
  return dir === '/' || p === dir || p.startsWith(`${dir}/`);
}

/** `p` relative to `dir` (which must contain it), '' for `dir` itself. */
export function relativeTo(p: string, dir: string): string {
  if (dir === '/') return p.slice(1);
  return p === dir ? '' : p.slice(dir.length + 1);
}
