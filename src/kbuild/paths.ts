// POSIX path helpers for the build core. The core runs in Node and in the browser, so it cannot use node:path;
// every path it handles is absolute and '/'-separated (the yowasp virtual file system mounts at '/').

/** Collapses '.', '..' and repeated slashes. Keeps a leading '/' if there was one. */
export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s || '.';
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((x) => x !== '').join('/'));
}

/** Resolves `p` against `base` (absolute) unless `p` is already absolute. */
export function resolve(base: string, p: string): string {
  return p.startsWith('/') ? normalize(p) : normalize(`${base}/${p}`);
}

export function dirname(p: string): string {
  const n = normalize(p);
  const i = n.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return n.slice(0, i);
}

export function basename(p: string, ext?: string): string {
  const n = normalize(p);
  const b = n.slice(n.lastIndexOf('/') + 1);
  return ext !== undefined && b.endsWith(ext) && b !== ext ? b.slice(0, -ext.length) : b;
}

/** '.c' for 'a/b.c', '' when there is no extension. */
export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}

/** Path of `to` relative to directory `from` (both absolute). */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

/** True when `p` is `dir` or inside it. */
export function isInside(dir: string, p: string): boolean {
  const d = normalize(dir);
  const n = normalize(p);
  return n === d || n.startsWith(d === '/' ? '/' : `${d}/`);
}
