// One simple command's words, expanded when it runs: quotes and escapes, $VAR, $? and $1 $# $@ $* (split
// into words when unquoted; pathnames are glob.ts's, in Shell.expandSimple), command substitution ($(cmd) and `cmd`), pipes and redirections (> >> < 2>
// 2>&1). Lists (; && || & newlines) and compound commands are grammar.ts's, over lex.ts's tokens.

/** `<<`: a here-document; its target is the document (exec-compound.ts puts it there). */
export interface Redirect { fd: 0 | 1 | 2; op: '>' | '>>' | '<' | '<<' | '>&1'; target: string; }
export interface SimpleCommand { argv: string[]; redirects: Redirect[]; }
export interface Pipeline { commands: SimpleCommand[]; }

/** A syntax error (status 2), or an expansion's error that ends the command line (`$((1/0))`: status 1). */
export class ShellSyntaxError extends Error {
  constructor(message: string, readonly status = 2) { super(message); }
}

type Token = { kind: 'word'; text: string } | { kind: 'op'; text: string };

import { braceEnd, expandParameter } from './param.js';

export interface ExpandOptions {
  /** Maps what quotes or a backslash made literal (escaped, so that a quoted `*` is no wildcard). */
  quoted?: (s: string) => string;
  /** The positional parameters: "$@" is one word for each. */
  positional?: () => string[];
  /** For ${X-w} and ${X=w}: whether a variable is set, and setting it. */
  isSet?: (name: string) => boolean;
  assign?: (name: string, value: string) => void;
}

/** Splits a line into words and operators, expanding quotes, escapes and variables. */
export function tokenize(line: string, vars: (name: string) => string, opts: ExpandOptions = {}): Token[] {
  const quoted = opts.quoted ?? ((s: string) => s);
  const out: Token[] = [];
  let i = 0;
  let word: string | undefined;
  const flush = () => { if (word !== undefined) { out.push({ kind: 'word', text: word }); word = undefined; } };
  const expand = (): string => {
    // at '$'
    i++;
    // $? and the positional parameters: $0…$9, $#, $@, $*.
    if (/^[?#@*0-9]$/.test(line[i] ?? '')) return vars(line[i++]!);
    if (line[i] === '{') {
      const end = braceEnd(line, i - 1);
      if (end < 0) throw new ShellSyntaxError('bad substitution');
      const body = line.slice(i + 1, end);
      i = end + 1;
      if (/^[A-Za-z_][A-Za-z0-9_]*$|^\d+$/.test(body)) return vars(body);
      return expandParameter(body, {
        vars, isSet: opts.isSet ?? ((n) => vars(n) !== ''), assign: opts.assign ?? (() => {}),
        word: (t) => tokenize(t, vars, opts).map((w) => w.text).join(' '),
        error: (m) => new ShellSyntaxError(m, 1),
      });
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i));
    if (!m) return '$';
    i += m[0].length;
    return vars(m[0]);
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') { flush(); i++; continue; }
    if (c === '#' && word === undefined) break;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      word = (word ?? '') + quoted(line.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (c === '"') {
      const fresh = word === undefined;
      let noParams = false;
      word = word ?? '';
      i++;
      for (;;) {
        if (i >= line.length) throw new ShellSyntaxError('unterminated quoted string');
        const d = line[i]!;
        if (d === '"') { i++; break; }
        if (d === '$' && line[i + 1] === '@' && opts.positional) {
          // "$@": each parameter a word of its own; none: no word at all (when the word is only "$@").
          i += 2;
          const ps = opts.positional();
          noParams ||= ps.length === 0;
          ps.forEach((p, k) => {
            if (k > 0) { flush(); word = ''; }
            word += quoted(p);
          });
          continue;
        }
        if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) { word += quoted(line[i + 1]!); i += 2; continue; }
        if (d === '$') { word += quoted(expand()); continue; }
        word += quoted(d);
        i++;
      }
      if (noParams && fresh && word === '' && (i >= line.length || ' \t'.includes(line[i]!))) word = undefined;
      continue;
    }
    if (c === '\\') {
      // A backslash at the very end stays (bash).
      word = (word ?? '') + quoted(i + 1 < line.length ? line[i + 1]! : c);
      i += 2;
      continue;
    }
    if (c === '$') {
      // Unquoted, the value is split into words at blanks (bash's field splitting; not in NAME=value);
      // empty, it is no word.
      const assignment = word !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
      const value = expand();
      const parts = assignment ? [value] : value.split(/[ \t\n]+/);
      parts.forEach((p, k) => {
        if (k > 0) flush();
        if (p) word = (word ?? '') + p;
      });
      continue;
    }
    const two = line.slice(i, i + 2);
    if (two === '2>' && word === undefined) {
      flush();
      if (line.slice(i, i + 4) === '2>&1') { out.push({ kind: 'op', text: '2>&1' }); i += 4; }
      else { out.push({ kind: 'op', text: '2>' }); i += 2; }
      continue;
    }
    if (two === '&&' || two === '||' || two === '>>' || two === '<<') { flush(); out.push({ kind: 'op', text: two }); i += 2; continue; }
    if (c === ';' || c === '|' || c === '>' || c === '<') { flush(); out.push({ kind: 'op', text: c }); i++; continue; }
    word = (word ?? '') + c;
    i++;
  }
  flush();
  return out;
}

/**
 * Where a command substitution that starts at `i` (`$(` or a backtick) ends: the index after its `)` or
 * closing backtick, -1 when it is not closed. `$(…)` nests and may hold quotes; a backtick ends at the next
 * unescaped backtick.
 */
export function substitutionEnd(s: string, i: number): number {
  if (s[i] === '`') {
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '\\') j++;
      else if (s[j] === '`') return j + 1;
    }
    return -1;
  }
  let depth = 0;
  let quote: string | undefined;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') j++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

export const startsSubstitution = (s: string, i: number) => s[i] === '`' || (s[i] === '$' && s[i + 1] === '(');

/** Whether a list item may hold a command substitution (a cheap test; quoting is looked at when expanding). */
export const hasSubstitution = (s: string) => s.includes('`') || s.includes('$(');

/** Parses one pipeline (no ; && ||): commands joined by |, with their redirections. */
export function parsePipeline(text: string, vars: (name: string) => string, opts?: ExpandOptions): Pipeline {
  const tokens = tokenize(text, vars, opts);
  const pipeline: Pipeline = { commands: [] };
  let cmd: SimpleCommand = { argv: [], redirects: [] };
  const endCommand = () => {
    if (cmd.argv.length === 0 && cmd.redirects.length === 0) throw new ShellSyntaxError("syntax error near unexpected token `|'");
    pipeline.commands.push(cmd);
    cmd = { argv: [], redirects: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') { cmd.argv.push(t.text); continue; }
    if (t.text === '|') { endCommand(); continue; }
    if (t.text === '2>&1') { cmd.redirects.push({ fd: 2, op: '>&1', target: '' }); continue; }
    const target = tokens[++i];
    if (!target || target.kind !== 'word') throw new ShellSyntaxError(`syntax error near unexpected token \`${t.text}'`);
    if (t.text === '<' || t.text === '<<') cmd.redirects.push({ fd: 0, op: t.text, target: target.text });
    else if (t.text === '2>') cmd.redirects.push({ fd: 2, op: '>', target: target.text });
    else cmd.redirects.push({ fd: 1, op: t.text as '>' | '>>', target: target.text });
  }
  endCommand();
  return pipeline;
}
