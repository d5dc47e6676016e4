// printf FORMAT [ARGUMENTS…] (bash's builtin): C's conversions with flags, width and precision (`*`
// from an argument), the escapes of the format, %b (echo -e's escapes in the argument, \c stops all
// output) and %q (shell quoting); the format is used again while arguments remain. A bad number is
// reported ("lkm: printf: x: invalid number"), printed as what could be read of it, and the status is 1.

class FormatError extends Error {}

const SIMPLE_ESC: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' };

/**
 * One backslash escape at s[i] (s[i] is the backslash): the text and the index after it. `echo`: %b's
 * rules (\0 takes up to three more octal digits, \c ends the output: `stop`).
 */
function escapeAt(s: string, i: number, echo: boolean): { text: string; next: number; stop?: boolean } {
  const c = s[i + 1];
  if (c === undefined) return { text: '\\', next: i + 1 };
  if (SIMPLE_ESC[c] !== undefined && !(echo && (c === '"' || c === '?' || c === "'"))) return { text: SIMPLE_ESC[c], next: i + 2 };
  if (echo && c === 'c') return { text: '', next: s.length, stop: true };
  if (/[0-7]/.test(c)) {
    const m = (echo && c === '0' ? /^0[0-7]{0,3}/ : /^[0-7]{1,3}/).exec(s.slice(i + 1))![0];
    return { text: String.fromCharCode(parseInt(m, 8) & 0xff), next: i + 1 + m.length };
  }
  const hex = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hex) {
    const m = new RegExp(`^[0-9a-fA-F]{1,${hex}}`).exec(s.slice(i + 2));
    if (m) return { text: String.fromCodePoint(parseInt(m[0], 16)), next: i + 2 + m[0].length };
  }
  return { text: `\\${c}`, next: i + 2 };
}

/** The escapes of a string expanded (%b's when `echo`); `stop` when a \c ended it. */
export function expandEscapes(s: string, echo: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length;) {
    if (s[i] !== '\\') { text += s[i++]; continue; }
    const e = escapeAt(s, i, echo);
    text += e.text;
    i = e.next;
    if (e.stop) return { text, stop: true };
  }
  return { text, stop: false };
}

/** bash's printf %q: backslashes before the shell's special characters; $'…' for control characters; '' for empty. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(s)) {
    const body = s.replace(/[\\']/g, '\\$&').replace(/[\x00-\x1f\x7f]/g, (c) => {
      const named: Record<string, string> = { '\n': 'n', '\t': 't', '\r': 'r', '\x07': 'a', '\b': 'b', '\f': 'f', '\v': 'v', '\x1b': 'E' };
      return `\\${named[c] ?? c.charCodeAt(0).toString(8).padStart(3, '0')}`;
    });
    return `$'${body}'`;
  }
  return s.replace(/[ !"#$&'()*,;<=>?[\\\]^`{|}~]/g, '\\$&').replace(/^~/, '\\~');
}

const INT_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 63n);

export interface Spec { flags: string; width?: number; precision?: number; conv: string; }

/** Pads a converted number or string to the width: left with '-', zeros after the sign with '0'. */
function pad(body: string, spec: Spec, zeroOk: boolean): string {
  const w = spec.width ?? 0;
  if (body.length >= w) return body;
  if (spec.flags.includes('-')) return body.padEnd(w);
  if (zeroOk && spec.flags.includes('0')) {
    const sign = /^([-+ ]|0[xX])?/.exec(body)![0];
    return sign + body.slice(sign.length).padStart(w - sign.length, '0');
  }
  return body.padStart(w);
}

function formatInt(v: bigint, spec: Spec): string {
  const c = spec.conv;
  const signed = c === 'd' || c === 'i';
  // Unsigned conversions of a negative number show its 64-bit two's complement.
  const mag = signed ? (v < 0n ? -v : v) : BigInt.asUintN(64, v);
  let digits = mag.toString(c === 'o' ? 8 : c === 'x' || c === 'X' ? 16 : 10);
  if (c === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined) digits = spec.precision === 0 && mag === 0n ? '' : digits.padStart(spec.precision, '0');
  if (spec.flags.includes('#')) {
    if (c === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if ((c === 'x' || c === 'X') && mag !== 0n) digits = `0${c}${digits}`;
  }
  const sign = signed ? (v < 0n ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '') : '';
  return pad(sign + digits, spec, spec.precision === undefined);
}

/** round(|x| × 10^k) to an integer, exactly and half to even as glibc rounds (JS's toFixed rounds half up). */
function scaled(x: number, k: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const frac = bits & ((1n << 52n) - 1n);
  // |x| = mant × 2^exp exactly.
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const exp = (biased === 0 ? 1 : biased) - 1075;
  let num = mant * (k > 0 ? 10n ** BigInt(k) : 1n);
  let den = k < 0 ? 10n ** BigInt(-k) : 1n;
  if (exp >= 0) num <<= BigInt(exp); else den <<= BigInt(-exp);
  const q = num / den;
  const r2 = (num % den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** |x| with `p` digits after the point (C's %f). */
function fixed(x: number, p: number): string {
  const d = scaled(x, p).toString().padStart(p + 1, '0');
  return p === 0 ? d : `${d.slice(0, -p)}.${d.slice(-p)}`;
}

/** |x| as C's %e: one digit, `p` after the point, the exponent with at least two digits. */
function expForm(x: number, p: number, upper: boolean): string {
  let e = x === 0 ? 0 : Math.floor(Math.log10(Math.abs(x)));
  let d = scaled(x, p - e);
  // log10 can be one off, and rounding can carry into one more digit (9.99 → 10.0): fix the exponent.
  if (x !== 0 && d < 10n ** BigInt(p)) { e--; d = scaled(x, p - e); }
  if (d >= 10n ** BigInt(p + 1)) { e++; d = scaled(x, p - e); }
  const t = d.toString();
  const mant = p === 0 ? t : `${t[0]}.${t.slice(1)}`;
  return `${mant}${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

export function formatFloat(x: number, spec: Spec): string {
  const c = spec.conv;
  const upper = c === c.toUpperCase();
  const alt = spec.flags.includes('#');
  let body: string;
  const a = Math.abs(x);
  if (!Number.isFinite(x)) body = Number.isNaN(x) ? 'nan' : 'inf';
  else if (c === 'f' || c === 'F') body = fixed(a, spec.precision ?? 6);
  else if (c === 'e' || c === 'E') body = expForm(a, spec.precision ?? 6, upper);
  else {
    // %g: %e when the exponent is below -4 or not below the precision, else %f; trailing zeros go (not with #).
    const p = spec.precision === 0 ? 1 : spec.precision ?? 6;
    const exp = Number(expForm(a, p - 1, false).split('e')[1]);
    body = exp < -4 || exp >= p ? expForm(a, p - 1, false) : fixed(a, p - 1 - exp);
    if (!alt) {
      const [mant, e] = body.split('e') as [string, string?];
      body = (mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant) + (e !== undefined ? `e${e}` : '');
    }
  }
  if (upper) body = body.toUpperCase();
  if (alt && !body.includes('.') && Number.isFinite(x) && !/[eE]/.test(body)) body += '.';
  const sign = x < 0 || Object.is(x, -0) ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  return pad(sign + body, spec, Number.isFinite(x));
}

/** The shell's printf state over one run: the arguments left and whether one was a bad number. */
class Printer {
  bad = false;
  stop = false;
  constructor(private readonly args: string[], private readonly err: (t: string) => void) {}

  get left(): number { return this.args.length; }
  next(): string | undefined { return this.args.shift(); }

  /** strtoimax(base 0) of an argument; a leading quote gives the next character's code. */
  integer(s: string | undefined): bigint {
    if (s === undefined || s === '') return 0n;
    if (/^['"]/.test(s)) return s.length > 1 ? BigInt(s.codePointAt(1)!) : 0n;
    const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
    if (!m) { this.invalid(s); return 0n; }
    const t = m[2]!;
    let v = BigInt(/^0[0-7]+$/.test(t) ? `0o${t.slice(1)}` : t) * (m[1] === '-' ? -1n : 1n);
    if (v > INT_MAX || v < INT_MIN) {
      this.err(`lkm: printf: ${s}: Numerical result out of range\n`);
      this.bad = true;
      v = v > 0n ? INT_MAX : INT_MIN;
    } else if (m[0].length < s.length) this.invalid(s);
    return v;
  }

  float(s: string | undefined): number {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    const m = /^\s*[-+]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/i.exec(s);
    if (!m) { this.invalid(s); return 0; }
    if (m[0].length < s.length) this.invalid(s);
    const t = m[0].trim();
    const mag = t.replace(/^[-+]/, '').toLowerCase();
    const v = mag.startsWith('inf') ? Infinity : mag === 'nan' ? NaN : Number(mag);
    return t.startsWith('-') ? -v : v;
  }

  private invalid(s: string): void {
    this.err(`lkm: printf: ${s}: invalid number\n`);
    this.bad = true;
  }

  /** One conversion of the format, with its argument taken from the list. */
  convert(spec: Spec): string {
    const c = spec.conv;
    if ('diouxX'.includes(c)) return formatInt(this.integer(this.next()), spec);
    if ('feEgGF'.includes(c)) return formatFloat(this.float(this.next()), spec);
    let s = this.next() ?? '';
    if (c === 'c') s = [...s][0] ?? '';
    else if (c === 'b') {
      const e = expandEscapes(s, true);
      s = e.text;
      if (e.stop) this.stop = true;
    } else if (c === 'q') s = shellQuote(s);
    if (spec.precision !== undefined && c !== 'c') s = s.slice(0, spec.precision);
    return pad(s, spec, false);
  }

  /** What was printed so far (kept when a bad conversion stops the format). */
  out = '';

  /** The format once: its text, escapes and conversions. */
  once(fmt: string): void {
    for (let i = 0; i < fmt.length && !this.stop;) {
      const ch = fmt[i]!;
      if (ch === '\\') {
        const e = escapeAt(fmt, i, false);
        this.out += e.text;
        i = e.next;
        continue;
      }
      if (ch !== '%') { this.out += ch; i++; continue; }
      if (fmt[i + 1] === '%') { this.out += '%'; i += 2; continue; }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hjlLtz]*)(.?)/.exec(fmt.slice(i))!;
      const conv = m[5]!;
      if (conv === '') throw new FormatError("`%': missing format character");
      if (!'diouxXfeEgGFcsbq'.includes(conv)) throw new FormatError(`\`${conv}': invalid format character`);
      const star = (t: string | undefined) => (t === '*' ? Number(this.integer(this.next())) : t === undefined ? undefined : Number(t || 0));
      const spec: Spec = { flags: m[1]!, conv };
      const width = star(m[2]);
      const precision = star(m[3]);
      if (width !== undefined) {
        if (width < 0) spec.flags += '-';
        spec.width = Math.abs(width);
      }
      if (precision !== undefined && precision >= 0) spec.precision = precision;
      this.out += this.convert(spec);
      i += m[0].length;
    }
  }
}

/** What printf -v needs of the shell: its variables. */
export interface PrintfShell { env: Map<string, string> }

export async function printfCommand(argv: string[], io: { stdout(text: string): void; stderr(text: string): void }, sh?: PrintfShell): Promise<number> {
  const USAGE = 'printf: usage: printf [-v var] format [arguments]\n';
  let args = argv.slice(1);
  // -v VAR: the output goes to the shell variable instead of stdout.
  let variable: string | undefined;
  if (args[0] === '-v') {
    if (args.length < 2) { io.stderr(`lkm: printf: -v: option requires an argument\n${USAGE}`); return 2; }
    variable = args[1]!;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) { io.stderr(`lkm: printf: \`${variable}': not a valid identifier\n`); return 2; }
    args = args.slice(2);
  } else if (args[0]?.startsWith('-v') && args[0].length > 2) {
    variable = args[0].slice(2);
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  else if (args[0]?.startsWith('-') && args[0].length > 1) {
    io.stderr(`lkm: printf: ${args[0].slice(0, 2)}: invalid option\n${USAGE}`);
    return 2;
  }
  if (args.length === 0) { io.stderr(USAGE); return 2; }
  const [fmt, ...rest] = args as [string, ...string[]];
  const p = new Printer(rest, io.stderr);
  const emit = () => { if (variable !== undefined && sh) sh.env.set(variable, p.out); else io.stdout(p.out); };
  try {
    // The format again while arguments remain (not when one pass took none of them).
    do {
      const before = p.left;
      p.once(fmt);
      if (p.left === before) break;
    } while (p.left > 0 && !p.stop);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    io.stderr(`lkm: printf: ${e.message}\n`);
    emit();
    return 1;
  }
  emit();
  return p.bad ? 1 : 0;
}
