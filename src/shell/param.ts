// Parameter expansion's operators, ${…}: ${#X} (length), ${X:-w} ${X-w} (default), ${X:=w} ${X=w}
// (assign the default), ${X:+w} ${X+w} (alternative), ${X:?w} ${X?w} (error), ${X#p} ${X##p} ${X%p}
// ${X%%p} (remove the shortest/longest prefix/suffix matching a pattern), as bash has them.

import { patternRegExp } from './glob.js';

export interface ParamContext {
  vars(name: string): string;
  isSet(name: string): boolean;
  assign(name: string, value: string): void;
  /** A word of the operator (w, p) expanded: variables, quotes. */
  word(text: string): string;
  /** The error that ends the command line (parse.ts's ShellSyntaxError with status 1). */
  error(message: string): Error;
}

const NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#@*])/;

/** Where the `}` of a `${` at `i` is (nested ${…} and quotes skipped), -1 when there is none. */
export function braceEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j]!;
    if (c === '\\') j++;
    else if (c === "'" || c === '"') { const e = s.indexOf(c, j + 1); if (e < 0) return -1; j = e; }
    else if (c === '{' && s[j - 1] === '$') depth++;
    else if (c === '}' && --depth === 0) return j;
  }
  return -1;
}

/** The value of ${body}. */
export function expandParameter(body: string, ctx: ParamContext): string {
  const bad = () => ctx.error(`\${${body}}: bad substitution`);
  if (body.startsWith('#') && body.length > 1) {
    const name = body.slice(1);
    if (NAME.exec(name)?.[0] !== name) throw bad();
    return String([...ctx.vars(name)].length);
  }
  const name = NAME.exec(body)?.[0];
  if (!name) throw bad();
  const rest = body.slice(name.length);
  if (rest === '') return ctx.vars(name);
  const value = ctx.vars(name);
  const m = /^(:?)([-=+?])([^]*)$/.exec(rest);
  if (m) {
    // With ':', an empty value counts as unset.
    const unset = !ctx.isSet(name) || (m[1] === ':' && value === '');
    const word = () => ctx.word(m[3]!);
    switch (m[2]) {
      case '-': return unset ? word() : value;
      case '=': if (unset) ctx.assign(name, word()); return ctx.vars(name);
      case '+': return unset ? '' : word();
      default:
        if (!unset) return value;
        throw ctx.error(`${name}: ${m[3] ? word() : m[1] ? 'parameter null or not set' : 'parameter not set'}`);
    }
  }
  const r = /^(##?|%%?)([^]*)$/.exec(rest);
  if (!r) throw bad();
  const re = patternRegExp(ctx.word(r[2]!));
  const longest = r[1]!.length === 2;
  const cuts = [...Array(value.length + 1).keys()];
  if (r[1]![0] === '#') {
    // A prefix: the shortest (or longest) value.slice(0, k) the pattern matches.
    for (const k of longest ? cuts.reverse() : cuts) if (re.test(value.slice(0, k))) return value.slice(k);
  } else {
    for (const k of longest ? cuts : cuts.reverse()) if (re.test(value.slice(k))) return value.slice(0, k);
  }
  return value;
}
