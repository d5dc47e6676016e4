// The grammar's tokens: words kept raw (quotes, $VAR and $(…) untouched, expanded only when the command
// runs, by parse.ts's tokenize) and operators, newlines among them. Reads on demand, so a script's first
// lines run before a bad later line is reached, as in bash.

import { ShellSyntaxError, substitutionEnd } from './parse.js';
import { braceEnd } from './param.js';

/** A here-document (`<<WORD`, `<<-WORD`): its lines follow the line of the command, up to WORD alone. */
export interface Heredoc { delim: string; strip: boolean; quoted: boolean; body: string }

/** A syntax error at the end of the input: an interactive shell reads another line (PS2) instead. */
export class ShellIncomplete extends ShellSyntaxError {}

export type Tok =
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'op'; text: string; start: number; end: number }
  | { kind: 'eof'; text: ''; start: number; end: number };

const OPS = ['2>&1', '&&', '||', '>>', '2>', ';;', ';', '&', '|', '(', ')', '<<-', '<<', '<', '>', '\n'];
/** Characters that end an unquoted word. */
const META = ' \t\n;&|()<>';

export class Lexer {
  private i = 0;
  /** Tokens read ahead (a function definition is told by its second token, `(`). */
  private readonly ahead: Tok[] = [];
  /** Whether the input ends in an unquoted backslash (literal at the end of a script, as in bash), or in
   * a here-document before its end word (bash then takes what there is). */
  continued = false;
  /** Here-documents whose lines come after the next newline. */
  private readonly docs: Heredoc[] = [];

  heredoc(doc: Heredoc): void {
    this.docs.push(doc);
  }

  /** Reads the pending here-documents' lines, from just after a newline. */
  private readDocs(): void {
    const s = this.src;
    for (const doc of this.docs.splice(0)) {
      for (;;) {
        if (this.i >= s.length) { this.continued = true; break; }
        const nl = s.indexOf('\n', this.i);
        const end = nl < 0 ? s.length : nl;
        let line = s.slice(this.i, end);
        this.i = nl < 0 ? s.length : nl + 1;
        if (doc.strip) line = line.replace(/^\t+/, '');
        if (line === doc.delim) break;
        doc.body += `${line}\n`;
      }
    }
  }

  constructor(readonly src: string) {}

  peek(k = 0): Tok {
    while (this.ahead.length <= k) this.ahead.push(this.scan());
    return this.ahead[k]!;
  }

  take(): Tok {
    this.peek();
    return this.ahead.shift()!;
  }

  private scan(): Tok {
    const s = this.src;
    for (;;) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') { while (this.i < s.length && s[this.i] !== '\n') this.i++; }
      else break;
    }
    const start = this.i;
    if (start >= s.length) {
      if (this.docs.length) this.continued = true;
      return { kind: 'eof', text: '', start, end: start };
    }
    const op = OPS.find((o) => s.startsWith(o, start));
    if (op) {
      this.i += op.length;
      const tok = { kind: 'op' as const, text: op, start, end: this.i };
      if (op === '\n' && this.docs.length) this.readDocs();
      return tok;
    }
    let text = '';
    while (this.i < s.length && !META.includes(s[this.i]!)) {
      const from = this.i;
      this.i = this.skipPart(from);
      const part = s.slice(from, this.i);
      // A backslash-newline joins lines, except inside single quotes.
      text += part[0] === "'" ? part : part.replace(/\\\n/g, '');
    }
    return { kind: 'word', text, start, end: this.i };
  }

  /** The end of the word's part at `i`: a quoted string, an escape, a substitution, ${…}, or one character. */
  private skipPart(i: number): number {
    const s = this.src;
    const c = s[i]!;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ShellIncomplete("unexpected EOF while looking for matching `''");
      return end + 1;
    }
    if (c === '"') {
      for (let j = i + 1; j < s.length; j++) {
        if (s[j] === '"') return j + 1;
        if (s[j] === '\\') j++;
        else if (s[j] === '`' || (s[j] === '$' && s[j + 1] === '(')) j = this.substitution(j) - 1;
      }
      throw new ShellIncomplete('unexpected EOF while looking for matching `"\'');
    }
    if (c === '\\') {
      if (i + 1 === s.length) this.continued = true;
      return Math.min(i + 2, s.length);
    }
    if (c === '`' || (c === '$' && s[i + 1] === '(')) return this.substitution(i);
    if (c === '$' && s[i + 1] === '{') {
      const end = braceEnd(s, i);
      if (end < 0) throw new ShellIncomplete("unexpected EOF while looking for matching `}'");
      return end + 1;
    }
    return i + 1;
  }

  private substitution(i: number): number {
    const end = substitutionEnd(this.src, i);
    if (end >= 0) return end;
    throw new ShellIncomplete(this.src[i] === '`' ? "unexpected EOF while looking for matching ``'" : "unexpected EOF while looking for matching `)'");
  }
}
