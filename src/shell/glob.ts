// Shell patterns (bash's pattern matching): * any string, ? one character, [abc] [a-z] [!x] [^x] one of a
// set, \c the character c itself; for `case`, and for pathname expansion (`ls /dev/scull*`), where a word
// with a wildcard becomes the sorted names it matches, or stays as it is when none does.

/** The pattern as an anchored regular expression. */
export function patternRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '\\' && i + 1 < pattern.length) re += escape(pattern[++i]!);
    else if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) { re += '\\['; continue; }
      let body = pattern.slice(i + 1, end);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`, 'u');
}

// Only syntax characters: a unicode-mode expression refuses other escapes (\-).
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Where a bracket expression at `i` ends (its `]`; a `]` first in the set is a member), -1 if it does not. */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  const end = p.indexOf(']', j);
  return end;
}

export const matchPattern = (pattern: string, text: string) => patternRegExp(pattern).test(text);

/** Quoted characters that a wildcard must not be: escaped (`quoted` of parse.ts's tokenize). */
export const escapeWildcards = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');
/** A word after expansion, its escapes removed. */
export const unescapeWildcards = (s: string) => s.replace(/\\([*?[\]\\])/g, '$1');
/** Whether an (escaped) word has an unescaped wildcard: * ?, or a [ that a ] closes (a lone [ is a name). */
export function hasWildcard(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || (c === '[' && classEnd(s, i) >= 0)) return true;
  }
  return false;
}

export interface GlobFs {
  readdir(path: string): Promise<string[]>;
  isDir(path: string): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  /** An absolute path for one relative to the current directory. */
  resolve(path: string): string;
}

/** The paths a word with wildcards matches, sorted; names starting with `.` only for a pattern that does. */
export async function expandPathname(word: string, fs: GlobFs): Promise<string[]> {
  const parts = word.split('/');
  let found = [parts[0] === '' ? '' : undefined] as (string | undefined)[];
  const start = parts[0] === '' ? 1 : 0;
  let checked = true;
  for (let k = start; k < parts.length; k++) {
    const part = parts[k]!;
    const join = (base: string | undefined, name: string) => (base === undefined ? name : `${base}/${name}`);
    if (!hasWildcard(part)) {
      found = found.map((b) => join(b, unescapeWildcards(part)));
      checked = false;
      continue;
    }
    const re = patternRegExp(part);
    const next: string[] = [];
    for (const base of found) {
      const dir = fs.resolve(base === undefined ? '.' : base || '/');
      if (!(await fs.isDir(dir).catch(() => false))) continue;
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      for (const n of names.sort()) if (re.test(n) && (n[0] !== '.' || part[0] === '.')) next.push(join(base, n));
    }
    found = next;
    checked = true;
  }
  const paths = found.filter((p): p is string => p !== undefined);
  if (checked) return paths;
  // A plain name after a wildcard (`*/Makefile`): only the paths that exist.
  const kept: string[] = [];
  for (const p of paths) if (await fs.exists(fs.resolve(p)).catch(() => false)) kept.push(p);
  return kept;
}
