// Arithmetic expansion, $((…)): bash's integer expressions in 64-bit two's complement — numbers (10, 0x1f,
// 010), variables (their values are expressions themselves; unset is 0), assignment (= += … ++ --), and
// the C operators with C's precedence; && || ?: evaluate only what they choose.

import { ShellSyntaxError } from './parse.js';

const wrap = (v: bigint) => BigInt.asIntN(64, v);

/** The binary operators by precedence, loosest first (** and the unary ones bind tighter). */
const LEVELS = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

function apply(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '||': return a || b ? 1n : 0n;
    case '&&': return a && b ? 1n : 0n;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '<<': return wrap(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/': return wrap(a / b);
    case '%': return a % b;
    case '**': return wrap(a ** b);
    default: throw new Error(op);
  }
}

const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=?|>>=?|\+\+|--|&&|\|\||[=!<>]=|[-+*/%&^|]=|[-+*/%&^|!~<>=?:,()])/y;

interface Vars { get(name: string): string; set(name: string, value: string): void }

class Arith {
  private pos = 0;
  private tok = '';
  private tokStart = 0;

  constructor(private readonly src: string, private readonly vars: Vars, private readonly depth: number) {
    this.next();
  }

  /** The current token (a method: TypeScript does not see next() change it). */
  private peek(): string { return this.tok; }

  private next(): void {
    this.tokStart = this.pos;
    if (/^\s*$/.test(this.src.slice(this.pos))) { this.tok = ''; this.pos = this.src.length; return; }
    TOKEN.lastIndex = this.pos;
    const m = TOKEN.exec(this.src);
    if (!m) this.fail('syntax error: invalid arithmetic operator', this.src.slice(this.pos).trim());
    this.tok = m[1]!;
    this.pos = TOKEN.lastIndex;
  }

  fail(what: string, token = this.src.slice(this.tokStart).trim()): never {
    throw new ShellSyntaxError(`${this.src.trim()}: ${what} (error token is "${token}")`, 1);
  }

  run(): bigint {
    const v = this.comma(false);
    if (this.tok !== '') this.fail('syntax error in expression');
    return v;
  }

  private comma(skip: boolean): bigint {
    let v = this.assign(skip);
    while (this.tok === ',') { this.next(); v = this.assign(skip); }
    return v;
  }

  private assign(skip: boolean): bigint {
    if (/^[A-Za-z_]/.test(this.tok)) {
      // NAME op= …: look at the token after the name.
      const save = { pos: this.pos, tok: this.tok, tokStart: this.tokStart };
      const name = this.tok;
      this.next();
      if (/^(?:[-+*/%&^|]|\*\*|<<|>>)?=$/.test(this.tok) && this.tok !== '==') {
        const op = this.tok.slice(0, -1);
        this.next();
        const rhs = this.assign(skip);
        if (skip) return 0n;
        const v = op ? this.binary(op, this.variable(name), rhs) : rhs;
        this.vars.set(name, String(v));
        return v;
      }
      Object.assign(this, save);
    }
    return this.ternary(skip);
  }

  private ternary(skip: boolean): bigint {
    const c = this.binaryLevel(0, skip);
    if (this.tok !== '?') return c;
    this.next();
    const a = this.assign(skip || c === 0n);
    if (this.peek() !== ':') this.fail("syntax error: `:' expected for conditional expression");
    this.next();
    const b = this.assign(skip || c !== 0n);
    return c !== 0n ? a : b;
  }

  private binaryLevel(level: number, skip: boolean): bigint {
    if (level === LEVELS.length) return this.power(skip);
    const ops = LEVELS[level]!;
    let v = this.binaryLevel(level + 1, skip);
    while (ops.includes(this.tok)) {
      const op = this.tok;
      this.next();
      // && and || do not evaluate their right side when the left decides.
      const shortcut = (op === '&&' && v === 0n) || (op === '||' && v !== 0n);
      const r = this.binaryLevel(level + 1, skip || shortcut);
      v = skip ? 0n : shortcut ? (op === '||' ? 1n : 0n) : this.binary(op, v, r);
    }
    return v;
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    if ((op === '/' || op === '%') && b === 0n) this.fail('division by 0', this.lastOperand);
    if (op === '**' && b < 0n) this.fail('exponent less than 0', this.lastOperand);
    return apply(op, a, b);
  }

  private lastOperand = '';

  private power(skip: boolean): bigint {
    const base = this.unary(skip);
    if (this.tok !== '**') return base;
    this.next();
    const exp = this.power(skip);
    return skip ? 0n : this.binary('**', base, exp);
  }

  private unary(skip: boolean): bigint {
    const t = this.tok;
    if (t === '!' || t === '~' || t === '-' || t === '+') {
      this.next();
      const v = this.unary(skip);
      return t === '!' ? (v === 0n ? 1n : 0n) : t === '~' ? ~v : t === '-' ? wrap(-v) : v;
    }
    if (t === '++' || t === '--') {
      this.next();
      const name = this.tok;
      if (!/^[A-Za-z_]/.test(name)) this.fail('syntax error: operand expected');
      this.next();
      if (skip) return 0n;
      const v = wrap(this.variable(name) + (t === '++' ? 1n : -1n));
      this.vars.set(name, String(v));
      return v;
    }
    return this.postfix(skip);
  }

  private postfix(skip: boolean): bigint {
    const t = this.tok;
    const start = this.tokStart;
    if (t === '(') {
      this.next();
      const v = this.comma(skip);
      if (this.peek() !== ')') this.fail("syntax error: `)' expected");
      this.next();
      return v;
    }
    if (/^\d/.test(t)) {
      this.next();
      this.lastOperand = this.src.slice(start).trim();
      return this.number(t);
    }
    if (/^[A-Za-z_]/.test(t)) {
      this.next();
      this.lastOperand = this.src.slice(start).trim();
      if (this.tok === '++' || this.tok === '--') {
        const op = this.tok;
        this.next();
        if (skip) return 0n;
        const v = this.variable(t);
        this.vars.set(t, String(wrap(v + (op === '++' ? 1n : -1n))));
        return v;
      }
      return skip ? 0n : this.variable(t);
    }
    // An operator where an operand belongs; at the end, bash names the last operator.
    this.fail('syntax error: operand expected', t === '' ? this.src.slice(this.lastOpStart()).trim() : undefined);
  }

  private lastOpStart(): number {
    const m = /[^\s\w]+\s*$/.exec(this.src);
    return m ? m.index : this.src.length;
  }

  private number(t: string): bigint {
    const valid = /^0[xX][0-9a-fA-F]+$/.test(t) || /^0[0-7]*$/.test(t) || /^[1-9]\d*$/.test(t);
    if (!valid) this.fail('value too great for base', t);
    return wrap(BigInt(/^0\d/.test(t) ? `0o${t.slice(1)}` : t));
  }

  /** A variable's value: itself an expression (X=3+4; $((X*2)) is 14); unset or empty is 0. */
  private variable(name: string): bigint {
    const text = this.vars.get(name);
    if (text.trim() === '') return 0n;
    if (/^-?\d+$/.test(text.trim())) return wrap(BigInt(text.trim()));
    if (this.depth > 1024) this.fail('expression recursion level exceeded', name);
    return new Arith(text, this.vars, this.depth + 1).run();
  }
}

/** The value of an arithmetic expression (its $VAR references already expanded), as bash prints it. */
export function arithmetic(expr: string, vars: Vars): string {
  if (expr.trim() === '') return '0';
  return String(new Arith(expr, vars, 0).run());
}
