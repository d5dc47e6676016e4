// test and [ (bash's builtin): POSIX's rules for 0-4 arguments, then the full grammar
// (or: and [-o or]; and: term [-a and]; term: ! term | ( or ) | unary | binary | string). Errors are
// bash's "lkm: [: …" with status 2; true is 0, false 1.

import type { Stat } from '../../vfs/backing.js';
import { permBits } from './common.js';

interface TestFs {
  stat(path: string): Promise<Stat | undefined>;
  lstat(path: string): Promise<Stat | undefined>;
  /** The path with its links resolved: -ef's "same file" (hard links are not told apart). */
  realpath(path: string): Promise<string>;
}

class TestSyntax extends Error {}

const UNARY = new Set('abcdefghknoprstuvwxzGLOSNR'.split('').map((c) => `-${c}`));
const INT_OPS = ['-eq', '-ne', '-lt', '-le', '-gt', '-ge'];
const BINARY = new Set(['=', '==', '!=', '<', '>', ...INT_OPS, '-nt', '-ot', '-ef']);

/** bash's legal_number: decimal with optional sign, blanks around it; within intmax_t. */
function integer(s: string): bigint {
  const m = /^[ \t\n]*([-+]?\d+)[ \t\n]*$/.exec(s);
  const v = m ? BigInt(m[1]!) : undefined;
  if (v === undefined || v > 2n ** 63n - 1n || v < -(2n ** 63n)) throw new TestSyntax(`${s}: integer expression expected`);
  return v;
}

/** An expression evaluator over the words; file tests are collected as promises and awaited at the end. */
class Evaluator {
  pos = 0;
  constructor(private readonly w: string[], private readonly fs: TestFs, private readonly resolve: (p: string) => string,
    private readonly env?: Map<string, string>) {}

  private beyond(): never { throw new TestSyntax('argument expected'); }

  async unary(op: string, arg: string): Promise<boolean> {
    if (op === '-n') return arg !== '';
    if (op === '-z') return arg === '';
    if (op === '-v') return this.env?.has(arg) ?? false;
    if (op === '-t' || op === '-o' || op === '-R') return false;
    if (arg === '') return false;
    const p = this.resolve(arg);
    if (op === '-L' || op === '-h') return (await this.fs.lstat(p).catch(() => undefined))?.type === 'symlink';
    const st = await this.fs.stat(p).catch(() => undefined);
    if (!st) return false;
    const mode = permBits(st);
    switch (op) {
      case '-f': return st.type === 'file' && !st.rdev;
      case '-d': return st.type === 'dir';
      case '-c': return st.rdev?.type === 'c';
      case '-b': return st.rdev?.type === 'b';
      case '-s': return st.size > 0;
      // Root: reading and writing are allowed; executing needs an x bit somewhere (or a directory).
      case '-x': return st.type === 'dir' || (mode & 0o111) !== 0;
      case '-u': return (mode & 0o4000) !== 0;
      case '-g': return (mode & 0o2000) !== 0;
      case '-k': return (mode & 0o1000) !== 0;
      case '-p': case '-S': return false;
      default: return true; // -e -a -r -w -O -G -N
    }
  }

  async binary(a: string, op: string, b: string): Promise<boolean> {
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-nt': case '-ot': case '-ef': {
        const [x, y] = await Promise.all([a, b].map((f) => this.fs.stat(this.resolve(f)).catch(() => undefined)));
        if (op === '-ef') {
          if (x === undefined || y === undefined) return false;
          const [ra, rb] = await Promise.all([a, b].map((f) => this.fs.realpath(this.resolve(f))));
          return ra === rb;
        }
        if (op === '-nt') return (x !== undefined && y === undefined) || (x !== undefined && x.mtimeMs > y!.mtimeMs);
        return (x === undefined && y !== undefined) || (y !== undefined && x !== undefined && x.mtimeMs < y.mtimeMs);
      }
    }
    const l = integer(a);
    const r = integer(b);
    return op === '-eq' ? l === r : op === '-ne' ? l !== r : op === '-lt' ? l < r : op === '-le' ? l <= r : op === '-gt' ? l > r : l >= r;
  }

  private advance(check: boolean): void { if (++this.pos >= this.w.length && check) this.beyond(); }

  async expr(): Promise<boolean> {
    if (this.pos >= this.w.length) this.beyond();
    return this.or();
  }

  private async or(): Promise<boolean> {
    const v = await this.and();
    if (this.w[this.pos] !== '-o') return v;
    this.advance(false);
    return (await this.or()) || v;
  }

  private async and(): Promise<boolean> {
    const v = await this.term();
    if (this.w[this.pos] !== '-a') return v;
    this.advance(false);
    return (await this.and()) && v;
  }

  private async term(): Promise<boolean> {
    const w = this.w;
    if (this.pos >= w.length) this.beyond();
    if (w[this.pos] === '!') {
      let neg = false;
      while (w[this.pos] === '!') { this.advance(true); neg = !neg; }
      return neg !== (await this.term());
    }
    if (w[this.pos] === '(') {
      this.advance(true);
      const v = await this.expr();
      if (w[this.pos] === undefined) throw new TestSyntax("`)' expected");
      if (w[this.pos] !== ')') throw new TestSyntax(`\`)' expected, found ${w[this.pos]}`);
      this.advance(false);
      return v;
    }
    if (this.pos + 3 <= w.length && BINARY.has(w[this.pos + 1]!)) {
      const v = await this.binary(w[this.pos]!, w[this.pos + 1]!, w[this.pos + 2]!);
      this.pos += 3;
      return v;
    }
    if (this.pos + 2 <= w.length && UNARY.has(w[this.pos]!)) {
      const op = w[this.pos]!;
      this.advance(true);
      return this.unary(op, w[this.pos++]!);
    }
    return w[this.pos++] !== '';
  }

  /** Two words from `pos`: `! s`, or a unary test. */
  async two(): Promise<boolean> {
    const [a, b] = [this.w[this.pos]!, this.w[this.pos + 1]!];
    this.pos = this.w.length;
    if (a === '!') return b === '';
    if (UNARY.has(a)) return this.unary(a, b);
    throw new TestSyntax(`${a}: unary operator expected`);
  }

  /** Three words from `pos`: a binary test, -a/-o of two strings, `! two`, `( s )`. */
  async three(): Promise<boolean> {
    const [a, op, b] = [this.w[this.pos]!, this.w[this.pos + 1]!, this.w[this.pos + 2]!];
    if (BINARY.has(op)) { this.pos = this.w.length; return this.binary(a, op, b); }
    if (op === '-a' || op === '-o') { this.pos = this.w.length; return op === '-a' ? a !== '' && b !== '' : a !== '' || b !== ''; }
    if (a === '!') { this.pos++; return !(await this.two()); }
    if (a === '(' && b === ')') { this.pos = this.w.length; return op !== ''; }
    throw new TestSyntax(`${op}: binary operator expected`);
  }

  /** bash's posixtest: the argument count decides before the grammar does. */
  async posix(): Promise<boolean> {
    const w = this.w;
    switch (w.length) {
      case 0: return false;
      case 1: this.pos = 1; return w[0] !== '';
      case 2: return this.two();
      case 3: return this.three();
      case 4:
        if (w[0] === '!') { this.pos = 1; return !(await this.three()); }
        if (w[0] === '(' && w[3] === ')') { this.pos = 1; const v = await this.two(); this.pos = 4; return v; }
    }
    return this.expr();
  }
}

/** What test needs of the shell. */
export interface TestShell { fs: TestFs; resolve(path: string): string; env?: Map<string, string> }

export async function testCommand(argv: string[], io: { stderr(text: string): void }, sh: TestShell): Promise<number> {
  const name = argv[0] === '[' ? '[' : 'test';
  let words = argv.slice(1);
  try {
    if (name === '[') {
      if (words[words.length - 1] !== ']') throw new TestSyntax("missing `]'");
      words = words.slice(0, -1);
    }
    const ev = new Evaluator(words, sh.fs, (p) => sh.resolve(p), sh.env);
    const v = await ev.posix();
    if (ev.pos < words.length) {
      throw new TestSyntax(words[ev.pos]!.startsWith('-') ? `syntax error: \`${words[ev.pos]}' unexpected` : 'too many arguments');
    }
    return v ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestSyntax)) throw e;
    io.stderr(`lkm: ${name}: ${e.message}\n`);
    return 2;
  }
}
