// Shell patterns (bash's pattern matching, for `case`): * any string, ? one character, [abc] [a-z] [!x]
// [^x] one of a set, \c the character c itself.

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
