// Module names and patterns as kmod treats them: '-' and '_' are the same character in names (not inside
// [...] classes of a pattern), a file name is cut at its first '.', and config patterns are fnmatch(3)
// globs.

/** modname_normalize: '-' → '_', stop at the first '.' ("snd-hda-intel.ko" → "snd_hda_intel"). */
export function modnameNormalize(s: string): string {
  const dot = s.indexOf('.');
  return (dot >= 0 ? s.slice(0, dot) : s).replace(/-/g, '_');
}

/** The module name of a path: its base name, normalised. */
export function pathToModname(path: string): string {
  return modnameNormalize(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * kmod's underscores()/alias_normalize(): '-' → '_' except inside [...] character classes. Returns
 * undefined for an unterminated '[' or a stray ']' (the line or name is invalid).
 */
export function underscores(s: string): string | undefined {
  if (!/[-[\]]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '-') out += '_';
    else if (c === ']') return undefined;
    else if (c === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) return undefined;
      out += s.slice(i, end + 1);
      i = end;
    } else out += c;
  }
  return out;
}

const globCache = new Map<string, RegExp | null>();

/** True when a pattern has fnmatch special characters. */
export function isGlob(pattern: string): boolean {
  return /[*?[\\]/.test(pattern);
}

function compileGlob(pattern: string): RegExp | null {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else if (c === '[') {
      // A bracket expression; without a closing ']' the '[' is an ordinary character.
      let j = i + 1;
      let negate = false;
      if (pattern[j] === '!' || pattern[j] === '^') { negate = true; j++; }
      let body = '';
      let first = true;
      let closed = false;
      for (; j < pattern.length; j++) {
        const d = pattern[j]!;
        if (d === ']' && !first) { closed = true; break; }
        first = false;
        if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
          body += `${escapeClass(d)}-${escapeClass(pattern[j + 2]!)}`;
          j += 2;
        } else body += escapeClass(d);
      }
      if (!closed) { re += '\\['; continue; }
      re += negate ? `[^${body}]` : `[${body}]`;
      i = j;
    } else re += escapeRe(c);
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return null;
  }
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const escapeClass = (c: string) => (c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? `\\${c}` : c);

/** fnmatch(pattern, s, 0). */
export function fnmatch(pattern: string, s: string): boolean {
  if (!isGlob(pattern)) return pattern === s;
  let re = globCache.get(pattern);
  if (re === undefined) {
    re = compileGlob(pattern);
    if (globCache.size > 100_000) globCache.clear();
    globCache.set(pattern, re);
  }
  return re ? re.test(s) : false;
}

/** The literal prefix of a glob (everything before its first special character). */
export function globPrefix(pattern: string): string {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42 || c === 63 || c === 91 || c === 92) return pattern.slice(0, i); // * ? [ \
  }
  return pattern;
}

/** kmod's module file extensions; lkm-wasm modules are never compressed, but names are recognised. */
export const KMOD_EXTENSIONS = ['.ko', '.ko.gz', '.ko.xz', '.ko.zst'];

export function hasKmodExtension(path: string): boolean {
  return KMOD_EXTENSIONS.some((e) => path.endsWith(e));
}
