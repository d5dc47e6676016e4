// The shell's grammar (a subset of bash's): lists of and-or lists of pipelines, whose commands are simple
// commands or compound ones — if/elif/else, for, while, until, { …; } and ( … ), with redirections after
// them. A recursive-descent parser over lex.ts's tokens; simple commands stay raw text, expanded when run.

import { ShellSyntaxError } from './parse.js';
import { Lexer, ShellIncomplete, type Heredoc, type Tok } from './lex.js';

/** A simple command as typed (words and redirections, unexpanded): parse.ts parses it when it runs. */
export interface SimpleNode { type: 'simple'; text: string; heredocs: Heredoc[] }
export type CompoundNode = (
  | { type: 'if'; clauses: { cond: ListNode; body: ListNode }[]; otherwise?: ListNode }
  | { type: 'for'; name: string; words: string[]; body: ListNode }
  | { type: 'while'; until: boolean; cond: ListNode; body: ListNode }
  | { type: 'group'; body: ListNode }
  | { type: 'subshell'; body: ListNode }
  | { type: 'case'; word: string; items: { patterns: string[]; body: ListNode }[] }
) & { /** Redirections after the command (`done > file`), raw; `<< N` is heredocs[N]. */ redirects: string; heredocs: Heredoc[] };
/** `NAME() compound-command` or `function NAME [()] compound-command`: defines NAME when it runs. */
export interface FunctionNode { type: 'function'; name: string; body: CompoundNode }
export type CommandNode = SimpleNode | CompoundNode | FunctionNode;
/** `commands` is empty for a lone `!`. */
export interface PipelineNode { bang: boolean; commands: CommandNode[] }
export interface AndOrNode { first: PipelineNode; rest: { op: '&&' | '||'; pipeline: PipelineNode }[]; text: string }
export interface ListNode { items: { andOr: AndOrNode; background: boolean }[] }

const REDIRECTS = new Set(['>', '>>', '<', '<<', '<<-', '2>', '2>&1']);
/** Reserved words that cannot start a command (they end one of a compound command's lists). */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}', 'esac']);
const RESERVED = new Set([...CLOSERS, 'if', 'for', 'while', 'until', 'case', '{', '!', 'in', 'function']);

const tokenName = (t: Tok) => (t.kind === 'eof' || t.text === '\n' ? 'newline' : t.text);

export class Parser {
  private readonly lex: Lexer;

  constructor(src: string) { this.lex = new Lexer(src); }

  /** The text ends in a backslash: an interactive shell reads the next line as this one's continuation. */
  get continued(): boolean { return this.lex.continued; }

  /** The next complete command (a line's list; a compound command may span lines); null at the end. */
  next(): ListNode | null {
    while (this.isOp('\n')) this.lex.take();
    if (this.lex.peek().kind === 'eof') return null;
    return this.list([], true);
  }

  private isOp(text: string): boolean {
    const t = this.lex.peek();
    return t.kind === 'op' && t.text === text;
  }

  private isWord(texts: Iterable<string>): boolean {
    const t = this.lex.peek();
    return t.kind === 'word' && [...texts].includes(t.text);
  }

  private unexpected(t: Tok): ShellSyntaxError {
    if (t.kind === 'eof') return new ShellIncomplete('syntax error: unexpected end of file');
    return new ShellSyntaxError(`syntax error near unexpected token \`${tokenName(t)}'`);
  }

  /**
   * and-or lists separated by ; & or newlines, up to one of `ends` (reserved words, or `)`); at the top
   * level up to the end of the line. A compound command's list may not be empty.
   */
  /** Whether `t` ends a list that `ends` closes (its reserved words, `)` or `;;`), or the input does. */
  private ends(t: Tok, ends: string[]): boolean {
    return t.kind === 'eof' || (ends.includes(t.text) && (t.kind === 'word' || t.text === ')' || t.text === ';;'));
  }

  private list(ends: string[], top = false, mayBeEmpty = false): ListNode {
    const items: ListNode['items'] = [];
    for (;;) {
      if (!top) while (this.isOp('\n')) this.lex.take();
      const t = this.lex.peek();
      if (this.ends(t, ends)) break;
      const andOr = this.andOr();
      const sep = this.lex.peek();
      const background = sep.kind === 'op' && sep.text === '&';
      items.push({ andOr, background });
      if (sep.kind === 'op' && (sep.text === ';' || sep.text === '&' || sep.text === '\n')) {
        this.lex.take();
        if (top && (sep.text === '\n' || this.isOp('\n'))) break;
        continue;
      }
      // No separator: only the end of the list may follow.
      const end = this.lex.peek();
      if (this.ends(end, ends)) break;
      throw this.unexpected(end);
    }
    if (items.length === 0 && !top && !mayBeEmpty) throw this.unexpected(this.lex.peek());
    return { items };
  }

  private andOr(): AndOrNode {
    const start = this.lex.peek().start;
    let end = start;
    const first = this.pipeline();
    const rest: AndOrNode['rest'] = [];
    for (;;) {
      end = this.lastEnd;
      const t = this.lex.peek();
      if (t.kind !== 'op' || (t.text !== '&&' && t.text !== '||')) break;
      this.lex.take();
      while (this.isOp('\n')) this.lex.take();
      rest.push({ op: t.text, pipeline: this.pipeline() });
    }
    return { first, rest, text: this.lex.src.slice(start, end).trim() };
  }

  /** Where the last token taken ended (an and-or list's text, for `jobs`). */
  private lastEnd = 0;

  private take(): Tok {
    const t = this.lex.take();
    this.lastEnd = t.end;
    return t;
  }

  private pipeline(): PipelineNode {
    const bang = this.isWord(['!']);
    if (bang) this.take();
    // `!` alone negates an empty command (status 1), as in bash.
    const t = this.lex.peek();
    if (bang && (t.kind === 'eof' || (t.kind === 'op' && [';', '&', '\n', '&&', '||', ')'].includes(t.text)))) return { bang, commands: [] };
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.take();
      while (this.isOp('\n')) this.take();
      commands.push(this.command());
    }
    return { bang, commands };
  }

  private command(): CommandNode {
    const t = this.lex.peek();
    if (t.kind === 'op' && t.text === '(') {
      this.take();
      const body = this.list([')']);
      this.expect(')');
      return { type: 'subshell', body, ...this.redirects() };
    }
    if (t.kind === 'word') {
      const next = this.lex.peek(1);
      if (t.text === 'function' || (next.kind === 'op' && next.text === '(' && !RESERVED.has(t.text))) return this.functionDefinition();
      switch (t.text) {
        case 'if': return this.ifCommand();
        case 'for': return this.forCommand();
        case 'case': return this.caseCommand();
        case 'while': case 'until': {
          this.take();
          const cond = this.list(['do']);
          const body = this.doGroup();
          return { type: 'while', until: t.text === 'until', cond, body, ...this.redirects() };
        }
        case '{': {
          this.take();
          const body = this.list(['}']);
          this.expect('}');
          return { type: 'group', body, ...this.redirects() };
        }
        default: if (CLOSERS.has(t.text)) throw this.unexpected(t);
      }
    }
    return this.simple();
  }

  /** Words and redirections up to an operator that is not a redirection. */
  private simple(): SimpleNode {
    const parts: string[] = [];
    const heredocs: Heredoc[] = [];
    for (;;) {
      const t = this.lex.peek();
      if (t.kind === 'word') parts.push(this.take().text);
      else if (t.kind === 'op' && REDIRECTS.has(t.text)) parts.push(this.redirect(heredocs));
      else break;
    }
    if (parts.length === 0) throw this.unexpected(this.lex.peek());
    return { type: 'simple', text: parts.join(' '), heredocs };
  }

  private redirect(heredocs: Heredoc[]): string {
    const op = this.take().text;
    if (op === '2>&1') return op;
    const target = this.lex.peek();
    // A missing target is an error at once, even at the end of the input (no PS2).
    if (target.kind === 'eof') throw new ShellSyntaxError("syntax error near unexpected token `newline'");
    if (target.kind !== 'word') throw this.unexpected(target);
    const word = this.take().text;
    if (op !== '<<' && op !== '<<-') return `${op} ${word}`;
    // A quoted end word (or a part of it) keeps the document as it is; otherwise it is expanded.
    const doc = { delim: word.replace(/\\(.)|['"]/g, '$1'), strip: op === '<<-', quoted: /['"\\]/.test(word), body: '' };
    this.lex.heredoc(doc);
    heredocs.push(doc);
    return `<< ${heredocs.length - 1}`;
  }

  /** Redirections after a compound command (a here-document's among them). */
  private redirects(): { redirects: string; heredocs: Heredoc[] } {
    const parts: string[] = [];
    const heredocs: Heredoc[] = [];
    while (this.lex.peek().kind === 'op' && REDIRECTS.has(this.lex.peek().text)) parts.push(this.redirect(heredocs));
    return { redirects: parts.join(' '), heredocs };
  }

  private functionDefinition(): FunctionNode {
    if (this.lex.peek().text === 'function') this.take();
    const name = this.take();
    if (name.kind !== 'word') throw this.unexpected(name);
    if (this.isOp('(')) {
      this.take();
      this.expect(')');
    }
    while (this.isOp('\n')) this.take();
    // The body is a compound command.
    const t = this.lex.peek();
    if (!(t.kind === 'op' && t.text === '(') && !(t.kind === 'word' && ['{', 'if', 'for', 'while', 'until', 'case'].includes(t.text))) throw this.unexpected(t);
    return { type: 'function', name: name.text, body: this.command() as CompoundNode };
  }

  private expect(text: string): void {
    const t = this.lex.peek();
    if (t.text !== text || t.kind === 'eof') throw this.unexpected(t);
    this.take();
  }

  private doGroup(): ListNode {
    this.expect('do');
    const body = this.list(['done']);
    this.expect('done');
    return body;
  }

  private ifCommand(): CompoundNode {
    this.take();
    const clauses: { cond: ListNode; body: ListNode }[] = [];
    let otherwise: ListNode | undefined;
    for (;;) {
      const cond = this.list(['then']);
      this.expect('then');
      clauses.push({ cond, body: this.list(['elif', 'else', 'fi']) });
      const t = this.lex.peek();
      if (t.kind !== 'word') throw this.unexpected(t);
      this.take();
      if (t.text === 'elif') continue;
      if (t.text === 'else') {
        otherwise = this.list(['fi']);
        this.expect('fi');
      }
      break;
    }
    return { type: 'if', clauses, otherwise, ...this.redirects() };
  }

  /** case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac (a list may be empty, the last `;;` left out). */
  private caseCommand(): CompoundNode {
    this.take();
    const word = this.take();
    if (word.kind !== 'word') throw this.unexpected(word);
    while (this.isOp('\n')) this.take();
    this.expect('in');
    const items: { patterns: string[]; body: ListNode }[] = [];
    for (;;) {
      while (this.isOp('\n')) this.take();
      if (this.isWord(['esac'])) break;
      if (this.isOp('(')) this.take();
      const patterns: string[] = [];
      for (;;) {
        const p = this.take();
        if (p.kind !== 'word') throw this.unexpected(p);
        patterns.push(p.text);
        if (!this.isOp('|')) break;
        this.take();
      }
      this.expect(')');
      items.push({ patterns, body: this.list(['esac', ';;'], false, true) });
      if (!this.isOp(';;')) break;
      this.take();
    }
    this.expect('esac');
    return { type: 'case', word: word.text, items, ...this.redirects() };
  }

  private forCommand(): CompoundNode {
    this.take();
    const nameTok = this.take();
    // The name is on the `for` line: a line that ends there is an error at once (no PS2).
    if (nameTok.kind === 'eof') throw new ShellSyntaxError("syntax error near unexpected token `newline'");
    if (nameTok.kind !== 'word') throw this.unexpected(nameTok);
    while (this.isOp('\n')) this.take();
    const words: string[] = [];
    if (this.isWord(['in'])) {
      this.take();
      while (this.lex.peek().kind === 'word') words.push(this.take().text);
      const sep = this.lex.peek();
      if (sep.kind !== 'op' || (sep.text !== ';' && sep.text !== '\n')) throw this.unexpected(sep);
      this.take();
    } else if (this.isOp(';')) this.take();
    while (this.isOp('\n')) this.take();
    return { type: 'for', name: nameTok.text, words, body: this.doGroup(), ...this.redirects() };
  }
}
