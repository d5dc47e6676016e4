// Reads a Kbuild file or an ordinary out-of-tree kernel-module Makefile the way kbuild does, keeping only what
// decides which modules are built from which objects with which flags. It is a small GNU make evaluator:
// variables (=, :=, ::=, +=, ?=, !=), $(VAR)/${VAR}/$X expansion with substitution references, the usual text
// functions, conditionals (ifeq/ifneq/ifdef/ifndef/else/endif), define/endef, line continuations and comments.
// Rules and their recipes (all:, clean:, `make -C ... M=$(PWD) modules`) are skipped, as kbuild never runs them.
// Pure: no file system access; `$(wildcard)` asks the optional `glob` callback.

import { KERNEL_RELEASE } from './toolchain.js';
import { EXTRAVERSION, PATCHLEVEL, SUBLEVEL, VERSION } from '../kernel/release.js';
import { basename, dirname, normalize, resolve } from './paths.js';

export interface KbuildOptions {
  /** Name of the file, for messages ("Makefile", "/path/Kbuild"). */
  file: string;
  /** The module directory ($(src), $(obj), $(M), $(PWD), $(CURDIR)). */
  dir: string;
  /** Variables given on the command line (`make FOO=bar`): they win over assignments in the file. */
  commandLine?: Record<string, string>;
  /** Variables from the environment (`FOO=bar make`): assignments in the file win over them. */
  environment?: Record<string, string>;
  /** Expands a `$(wildcard PATTERN)` word (absolute or relative to dir) into the matching paths. */
  glob?: (pattern: string) => string[];
  /**
   * Content of a file named by `include` (absolute path), or undefined when not (yet) known: the path is then
   * listed in Kbuild.includes so that the caller can read it and evaluate again.
   */
  include?: (path: string) => string | undefined;
}

export interface KbuildModule {
  /** Module file name without `.ko` (dashes kept, as in the file name). */
  name: string;
  /** Objects linked into it, relative to the module directory, in link order. */
  objects: string[];
  /** True when it is made of `NAME-objs`/`NAME-y`/`NAME-m` parts. */
  composite: boolean;
}

/** A user program (kbuild's `userprogs`): `prog` from `prog.o`, or from `prog-objs`. */
export interface KbuildProgram {
  name: string;
  /** Objects relative to the directory, in link order. */
  objects: string[];
  /** userccflags + PROG-userccflags (compile), userldflags + PROG-userldflags + PROG-userldlibs (link). */
  cflags: string[];
  ldflags: string[];
}

export interface Kbuild {
  modules: KbuildModule[];
  /** User programs: `userprogs` and `userprogs-always-y` (built whether or not always-y names them). */
  programs: KbuildProgram[];
  /** Every variable, fully expanded, after the whole file was read. */
  vars: Map<string, string>;
  /** obj-y entries (built-in objects): ignored by a module build, reported as a warning. */
  builtin: string[];
  /** obj-m entries naming a subdirectory (`sub/`). */
  subdirs: string[];
  /** KBUILD_EXTRA_SYMBOLS: Module.symvers files of other external builds. */
  extraSymbols: string[];
  /** Non-fatal remarks, `file:line: text`. */
  warnings: string[];
  /** Files named by `include` directives that the include callback did not provide. */
  includes: string[];
}

/** Thrown for what makes GNU make stop (`$(error ...)`, unterminated conditional or define). */
export class MakeError extends Error {}

interface Var {
  value: string;
  recursive: boolean;
  origin: 'default' | 'environment' | 'file' | 'command line' | 'override' | 'automatic';
}

const FUNCTIONS = new Set([
  'subst', 'patsubst', 'strip', 'findstring', 'filter', 'filter-out', 'sort', 'word', 'words', 'wordlist',
  'firstword', 'lastword', 'dir', 'notdir', 'suffix', 'basename', 'addsuffix', 'addprefix', 'join', 'wildcard',
  'realpath', 'abspath', 'if', 'or', 'and', 'foreach', 'call', 'value', 'origin', 'flavor', 'shell', 'info',
  'warning', 'error', 'eval',
]);

const words = (s: string): string[] => s.split(/[ \t\n]+/).filter(Boolean);

/** Make's `%` pattern match; returns the stem, or undefined. */
function patMatch(pattern: string, word: string): string | undefined {
  const i = pattern.indexOf('%');
  if (i < 0) return pattern === word ? '' : undefined;
  const pre = pattern.slice(0, i);
  const suf = pattern.slice(i + 1);
  if (word.length < pre.length + suf.length || !word.startsWith(pre) || !word.endsWith(suf)) return undefined;
  return word.slice(pre.length, word.length - suf.length);
}

function patsubst(pattern: string, replacement: string, text: string): string {
  return words(text)
    .map((w) => {
      const stem = patMatch(pattern, w);
      if (stem === undefined) return w;
      return pattern.includes('%') ? replacement.replace('%', stem) : replacement;
    })
    .join(' ');
}

/** Index of the `)`/`}` closing the reference opened at `open` (the `(`/`{`), or -1. */
function findClose(s: string, open: number): number {
  const o = s[open]!;
  const c = o === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === o) depth++;
    else if (s[i] === c && --depth === 0) return i;
  }
  return -1;
}

/** Splits function arguments on commas that are not inside a nested reference. */
function splitArgs(s: string, max: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0 && out.length < max - 1) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** Index of the first comment `#` (not escaped as `\#`) in a makefile line, or -1. */
function commentStart(line: string): number {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') { i++; continue; }
    if (line[i] === '#') return i;
  }
  return -1;
}

/**
 * Splits one line of flags into argv words as the shell running the recipe would: whitespace separates words,
 * '…' and "…" group and are removed, a backslash escapes the next character (`-DX=\"y\"` → `-DX="y"`).
 */
export function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length) { cur += s[++i]; has = true; continue; }
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      const stop = end < 0 ? s.length : end;
      cur += s.slice(i + 1, stop);
      i = stop;
      has = true;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) i++;
        cur += s[i++];
      }
      has = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (has) out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    cur += ch;
    has = true;
  }
  if (has) out.push(cur);
  return out;
}

interface Cond { active: boolean; taken: boolean; parentActive: boolean; sawElse: boolean }

class Make {
  readonly vars = new Map<string, Var>();
  readonly warnings: string[] = [];
  readonly includes: string[] = [];
  private line = 0;
  private includeDepth = 0;

  constructor(private readonly opts: KbuildOptions) {
    const dir = normalize(opts.dir);
    for (const [k, v] of Object.entries(opts.environment ?? {})) this.vars.set(k, { value: v, recursive: false, origin: 'environment' });
    const defaults: Record<string, string> = {
      KERNELRELEASE: KERNEL_RELEASE, VERSION: String(VERSION), PATCHLEVEL: String(PATCHLEVEL),
      SUBLEVEL: String(SUBLEVEL), EXTRAVERSION,
      PWD: dir, CURDIR: dir, M: dir, KBUILD_EXTMOD: dir, src: dir, obj: dir, MAKE: 'make', ARCH: 'wasm32',
      SRCARCH: 'wasm32', CONFIG_MODULES: 'y',
    };
    // These describe the kbuild pass over the module directory, so they win over the environment.
    for (const [k, v] of Object.entries(defaults)) this.vars.set(k, { value: v, recursive: false, origin: 'default' });
    for (const [k, v] of Object.entries(opts.commandLine ?? {})) this.vars.set(k, { value: v, recursive: false, origin: 'command line' });
  }

  private where(): string { return `${this.opts.file}:${this.line}`; }

  get(name: string, depth: number): string {
    const v = this.vars.get(name);
    if (!v) return '';
    return v.recursive ? this.expand(v.value, depth + 1) : v.value;
  }

  expand(s: string, depth = 0): string {
    if (depth > 64) throw new MakeError(`${this.where()}: *** Recursive variable references itself (eventually).  Stop.`);
    if (!s.includes('$')) return s;
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch !== '$') { out += ch; continue; }
      const next = s[i + 1];
      if (next === undefined) break;
      if (next === '$') { out += '$'; i++; continue; }
      if (next === '(' || next === '{') {
        const close = findClose(s, i + 1);
        if (close < 0) throw new MakeError(`${this.where()}: *** unterminated variable reference.  Stop.`);
        out += this.reference(s.slice(i + 2, close), depth);
        i = close;
        continue;
      }
      out += this.get(next, depth);
      i++;
    }
    return out;
  }

  private reference(body: string, depth: number): string {
    const m = /^([a-z-]+)[ \t]+/.exec(body);
    if (m && FUNCTIONS.has(m[1]!)) return this.call(m[1]!, body.slice(m[0].length), depth);
    // $(VAR:a=b) substitution reference (the colon must be outside nested references).
    let colon = -1;
    let d = 0;
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c === '(' || c === '{') d++;
      else if (c === ')' || c === '}') d--;
      else if (c === ':' && d === 0) { colon = i; break; }
    }
    if (colon >= 0 && body.indexOf('=', colon) > colon) {
      const name = this.expand(body.slice(0, colon), depth);
      const spec = body.slice(colon + 1);
      const eq = spec.indexOf('=');
      const from = this.expand(spec.slice(0, eq), depth);
      const to = this.expand(spec.slice(eq + 1), depth);
      const value = this.get(name, depth);
      return from.includes('%') ? patsubst(from, to, value) : patsubst(`%${from}`, `%${to}`, value);
    }
    return this.get(this.expand(body, depth), depth);
  }

  private call(fn: string, rest: string, depth: number): string {
    const x = (t: string) => this.expand(t, depth);
    const arg = (n: number) => splitArgs(rest, n);
    switch (fn) {
      case 'subst': { const [a = '', b = '', t = ''] = arg(3).map(x); return a ? t.split(a).join(b) : t; }
      case 'patsubst': { const [p = '', r = '', t = ''] = arg(3).map(x); return patsubst(p.trim(), r.trim(), t); }
      case 'strip': return words(x(rest)).join(' ');
      case 'findstring': { const [a = '', t = ''] = arg(2).map(x); return t.includes(a) ? a : ''; }
      case 'filter':
      case 'filter-out': {
        const [p = '', t = ''] = arg(2).map(x);
        const pats = words(p);
        const keep = (w: string) => pats.some((q) => patMatch(q, w) !== undefined);
        return words(t).filter((w) => (fn === 'filter' ? keep(w) : !keep(w))).join(' ');
      }
      case 'sort': return [...new Set(words(x(rest)))].sort().join(' ');
      case 'word': { const [n = '', t = ''] = arg(2).map(x); return words(t)[Number(n) - 1] ?? ''; }
      case 'words': return String(words(x(rest)).length);
      case 'wordlist': { const [s = '', e = '', t = ''] = arg(3).map(x); return words(t).slice(Number(s) - 1, Number(e)).join(' '); }
      case 'firstword': return words(x(rest))[0] ?? '';
      case 'lastword': { const w = words(x(rest)); return w[w.length - 1] ?? ''; }
      case 'dir': return words(x(rest)).map((w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/') + 1) : './')).join(' ');
      case 'notdir': return words(x(rest)).map((w) => w.slice(w.lastIndexOf('/') + 1)).join(' ');
      case 'suffix': return words(x(rest)).map((w) => /\.[^./]*$/.exec(w)?.[0] ?? '').filter(Boolean).join(' ');
      case 'basename': return words(x(rest)).map((w) => w.replace(/\.[^./]*$/, '')).join(' ');
      case 'addsuffix': { const [s = '', t = ''] = arg(2).map(x); return words(t).map((w) => w + s.trim()).join(' '); }
      case 'addprefix': { const [s = '', t = ''] = arg(2).map(x); return words(t).map((w) => s.trim() + w).join(' '); }
      case 'join': {
        const [a = '', b = ''] = arg(2).map(x);
        const wa = words(a);
        const wb = words(b);
        return Array.from({ length: Math.max(wa.length, wb.length) }, (_, i) => (wa[i] ?? '') + (wb[i] ?? '')).join(' ');
      }
      case 'wildcard': return words(x(rest)).flatMap((p) => this.opts.glob?.(p) ?? []).join(' ');
      case 'realpath':
      case 'abspath': return words(x(rest)).map((w) => resolve(normalize(this.opts.dir), w)).join(' ');
      case 'if': {
        const [c = '', t = '', e = ''] = arg(3);
        return x(c).trim() ? x(t) : x(e);
      }
      case 'or': { for (const a of arg(Infinity)) { const v = x(a).trim(); if (v) return v; } return ''; }
      case 'and': { let v = ''; for (const a of arg(Infinity)) { v = x(a).trim(); if (!v) return ''; } return v; }
      case 'foreach': {
        const [n = '', l = '', t = ''] = arg(3);
        const name = x(n).trim();
        const saved = this.vars.get(name);
        const out = words(x(l)).map((w) => {
          this.vars.set(name, { value: w, recursive: false, origin: 'automatic' });
          return x(t);
        });
        if (saved) this.vars.set(name, saved); else this.vars.delete(name);
        return out.join(' ');
      }
      case 'call': {
        const args = arg(Infinity).map(x);
        const name = (args[0] ?? '').trim();
        const saved = new Map<string, Var | undefined>();
        for (let i = 0; i < 10; i++) {
          saved.set(String(i), this.vars.get(String(i)));
          this.vars.set(String(i), { value: i === 0 ? name : (args[i] ?? ''), recursive: false, origin: 'automatic' });
        }
        const v = this.vars.get(name);
        const out = v ? (v.recursive ? this.expand(v.value, depth + 1) : v.value) : '';
        for (const [k, v2] of saved) { if (v2) this.vars.set(k, v2); else this.vars.delete(k); }
        return out;
      }
      case 'value': return this.vars.get(x(rest).trim())?.value ?? '';
      case 'origin': return this.vars.get(x(rest).trim())?.origin ?? 'undefined';
      case 'flavor': { const v = this.vars.get(x(rest).trim()); return v ? (v.recursive ? 'recursive' : 'simple') : 'undefined'; }
      case 'shell': {
        const cmd = x(rest).trim();
        if (/^uname\s+-r$/.test(cmd)) return KERNEL_RELEASE;
        if (/^uname\s+-m$/.test(cmd)) return 'wasm32';
        if (cmd === 'pwd') return normalize(this.opts.dir);
        return '';
      }
      case 'info': return '';
      case 'warning': this.warnings.push(`${this.where()}: ${x(rest)}`); return '';
      case 'error': throw new MakeError(`${this.where()}: *** ${x(rest)}.  Stop.`);
      case 'eval': this.evalText(x(rest)); return '';
      default: return '';
    }
  }

  assign(name: string, op: string, rawValue: string, override: boolean): void {
    const old = this.vars.get(name);
    if (old?.origin === 'command line' && !override) return;
    const origin: Var['origin'] = override ? 'override' : 'file';
    const value = rawValue.replace(/^[ \t]+/, '');
    switch (op) {
      case '=':
        this.vars.set(name, { value, recursive: true, origin });
        break;
      case ':=':
      case '::=':
        this.vars.set(name, { value: this.expand(value), recursive: false, origin });
        break;
      case ':::=':
        this.vars.set(name, { value: this.expand(value).replaceAll('$', '$$'), recursive: true, origin });
        break;
      case '?=':
        if (!old) this.vars.set(name, { value, recursive: true, origin });
        break;
      case '!=':
        this.vars.set(name, { value: this.call('shell', value, 0), recursive: false, origin });
        break;
      case '+=': {
        if (!old) {
          this.vars.set(name, { value, recursive: true, origin });
        } else {
          const add = old.recursive ? value : this.expand(value);
          this.vars.set(name, { ...old, value: old.value === '' ? add : `${old.value} ${add}` });
        }
        break;
      }
    }
  }

  /** Evaluates a whole makefile text (also used by `$(eval)`). */
  evalText(text: string, firstLine = 1): void {
    const raw = text.split('\n');
    const conds: Cond[] = [];
    const active = () => conds.length === 0 || conds[conds.length - 1]!.active;
    let inRule = false;
    let define: { name: string; op: string; body: string[]; override: boolean; depth: number; live: boolean } | undefined;
    for (let i = 0; i < raw.length; i++) {
      this.line = firstLine + i;
      let line = raw[i]!;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (define) {
        // Inside define: keep lines verbatim; nested define/endef pairs count.
        const t = line.trim();
        if (/^(override\s+|export\s+)?define(\s|$)/.test(t)) define.depth++;
        if (/^endef(\s|$|#)/.test(t) && --define.depth === 0) {
          if (define.live) this.assign(define.name, define.op, define.body.join('\n'), define.override);
          define = undefined;
          continue;
        }
        define.body.push(line);
        continue;
      }
      // Join continuation lines: backslash-newline and the whitespace around it become one space.
      while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < raw.length) {
        line = `${line.slice(0, -1).replace(/[ \t]+$/, '')} ${raw[++i]!.replace(/\r$/, '').replace(/^[ \t]+/, '')}`;
      }
      if (line.startsWith('\t') && inRule) continue; // a recipe line
      const c = commentStart(line);
      if (c >= 0) line = line.slice(0, c);
      line = line.replace(/\\#/g, '#');
      const t = line.trim();
      if (t === '') continue;

      const kw = /^(ifeq|ifneq|ifdef|ifndef|else|endif)(?=\s|\(|$)/.exec(t);
      if (kw) {
        const word = kw[1]!;
        const rest = t.slice(word.length).trim();
        if (word === 'endif') {
          if (!conds.pop()) throw new MakeError(`${this.where()}: *** extraneous 'endif'.  Stop.`);
          continue;
        }
        if (word === 'else') {
          const top = conds[conds.length - 1];
          if (!top) throw new MakeError(`${this.where()}: *** extraneous 'else'.  Stop.`);
          if (top.sawElse && rest === '') throw new MakeError(`${this.where()}: *** only one 'else' per conditional.  Stop.`);
          if (rest === '') {
            top.sawElse = true;
            top.active = top.parentActive && !top.taken;
            top.taken ||= top.active;
          } else {
            const m = /^(ifeq|ifneq|ifdef|ifndef)\b/.exec(rest);
            if (!m) throw new MakeError(`${this.where()}: *** invalid syntax in conditional.  Stop.`);
            const ok = top.parentActive && !top.taken && this.condition(m[1]!, rest.slice(m[1]!.length).trim());
            top.active = ok;
            top.taken ||= ok;
          }
          continue;
        }
        const parentActive = active();
        const ok = parentActive && this.condition(word, rest);
        conds.push({ active: ok, taken: ok, parentActive, sawElse: false });
        continue;
      }
      const dm = /^(override\s+)?(export\s+)?define\s+(.*)$/.exec(t);
      if (dm) {
        // Tracked in skipped branches too, so that a define body is never read as makefile lines.
        let spec = dm[3]!.trim();
        let op = '=';
        const om = /\s*(::=|:=|\+=|\?=|!=|=)$/.exec(spec);
        if (om) { op = om[1]!; spec = spec.slice(0, om.index).trim(); }
        const live = active();
        define = { name: live ? this.expand(spec).trim() : '', op, body: [], override: !!dm[1], depth: 1, live };
        continue;
      }
      if (!active()) continue;
      const im = /^(-?include|sinclude)\s+(.*)$/.exec(t);
      if (im) {
        for (const f of words(this.expand(im[2]!))) {
          const path = resolve(normalize(this.opts.dir), f);
          const text = this.opts.include?.(path);
          if (text === undefined) { if (!this.includes.includes(path)) this.includes.push(path); continue; }
          if (++this.includeDepth > 16) throw new MakeError(`${this.where()}: *** include nesting too deep.  Stop.`);
          const saved = this.line;
          this.evalText(text);
          this.line = saved;
          this.includeDepth--;
        }
        continue;
      }
      if (/^(vpath|unexport)(\s|$)/.test(t)) continue;
      const um = /^(override\s+)?undefine\s+(.*)$/.exec(t);
      if (um) { this.vars.delete(this.expand(um[2]!).trim()); continue; }

      let body = t;
      let override = false;
      for (;;) {
        const pm = /^(override|export)\s+/.exec(body);
        if (!pm) break;
        if (pm[1] === 'override') override = true;
        body = body.slice(pm[0].length);
      }
      const a = this.splitAssignment(body);
      if (a) {
        inRule = false;
        const name = this.expand(a.name).trim();
        if (name) this.assign(name, a.op, a.value, override);
        continue;
      }
      if (this.isRule(body)) { inRule = true; continue; }
      if (/^export(\s|$)/.test(t)) continue; // `export VAR` alone
      // Anything else: a bare `$(info ...)`, `$(eval ...)` or text; expand it for the side effects.
      inRule = false;
      this.expand(body);
    }
    if (define) throw new MakeError(`${this.where()}: *** missing 'endef', unterminated 'define'.  Stop.`);
    if (conds.length) throw new MakeError(`${this.where()}: *** missing 'endif'.  Stop.`);
  }

  private condition(word: string, rest: string): boolean {
    if (word === 'ifdef' || word === 'ifndef') {
      const name = this.expand(rest).trim();
      const v = this.vars.get(name);
      const defined = v !== undefined && v.value !== '';
      return word === 'ifdef' ? defined : !defined;
    }
    let a: string;
    let b: string;
    if (rest.startsWith('(')) {
      const close = findClose(rest, 0);
      const inner = rest.slice(1, close < 0 ? rest.length : close);
      const parts = splitArgs(inner, 2);
      a = parts[0] ?? '';
      b = parts[1] ?? '';
    } else {
      const m = /^(["'])(.*?)\1\s+(["'])(.*?)\3/.exec(rest);
      if (!m) throw new MakeError(`${this.where()}: *** invalid syntax in conditional.  Stop.`);
      a = m[2]!;
      b = m[4]!;
    }
    const same = this.expand(a).trim() === this.expand(b).trim();
    return word === 'ifeq' ? same : !same;
  }

  /** Splits `NAME op value` when the first `=` or `:` outside references makes it an assignment. */
  private splitAssignment(s: string): { name: string; op: string; value: string } | undefined {
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) { depth++; i++; continue; }
      if (depth > 0) {
        if (ch === '(' || ch === '{') depth++;
        else if (ch === ')' || ch === '}') depth--;
        continue;
      }
      if (ch === '=') {
        const prev = s[i - 1];
        if (prev === '+' || prev === '?' || prev === '!') return { name: s.slice(0, i - 1), op: `${prev}=`, value: s.slice(i + 1) };
        return { name: s.slice(0, i), op: '=', value: s.slice(i + 1) };
      }
      if (ch === ':') {
        for (const op of [':::=', '::=', ':=']) {
          if (s.startsWith(op, i)) return { name: s.slice(0, i), op, value: s.slice(i + op.length) };
        }
        return undefined; // a rule
      }
    }
    return undefined;
  }

  private isRule(s: string): boolean {
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) { depth++; i++; continue; }
      if (depth > 0) {
        if (ch === '(' || ch === '{') depth++;
        else if (ch === ')' || ch === '}') depth--;
        continue;
      }
      if (ch === ':') return true;
    }
    return false;
  }
}

/** Evaluates a makefile and returns every variable, fully expanded. */
export function evalMakefile(text: string, opts: KbuildOptions): { vars: Map<string, string>; warnings: string[]; includes: string[] } {
  const make = new Make(opts);
  make.evalText(text);
  const vars = new Map<string, string>();
  for (const name of make.vars.keys()) vars.set(name, make.get(name, 0));
  return { vars, warnings: make.warnings, includes: make.includes };
}

/** Reads a Kbuild/Makefile: which modules, from which objects (kbuild's obj-m and NAME-objs/-y/-m rules). */
export function parseKbuild(text: string, opts: KbuildOptions): Kbuild {
  const { vars, warnings, includes } = evalMakefile(text, opts);
  const v = (name: string) => words(vars.get(name) ?? '');
  const modules: KbuildModule[] = [];
  const subdirs: string[] = [];
  const seen = new Set<string>();
  for (const entry of v('obj-m')) {
    if (entry.endsWith('/')) { subdirs.push(entry); continue; }
    if (!entry.endsWith('.o')) {
      warnings.push(`${opts.file}: obj-m entry '${entry}' is not an object (NAME.o); ignored`);
      continue;
    }
    const name = entry.slice(0, -2);
    if (seen.has(name)) continue;
    seen.add(name);
    const base = dirname(name) === '.' ? '' : `${dirname(name)}/`;
    const parts = [...v(`${name}-objs`), ...v(`${name}-y`), ...v(`${name}-m`)];
    const objects: string[] = [];
    for (const p of parts) {
      const o = normalize(base + p);
      if (!objects.includes(o)) objects.push(o);
    }
    modules.push({ name: basename(name), objects: parts.length ? objects : [normalize(entry)], composite: parts.length > 0 });
  }
  const programs: KbuildProgram[] = [];
  const sw = (name: string) => shellWords(vars.get(name) ?? '');
  for (const prog of [...v('userprogs'), ...v('userprogs-always-y'), ...v('userprogs-always-m')]) {
    if (programs.some((p) => p.name === prog)) continue;
    const parts = v(`${prog}-objs`);
    const base = dirname(prog) === '.' ? '' : `${dirname(prog)}/`;
    programs.push({
      name: prog,
      objects: parts.length ? parts.map((o) => normalize(base + o)) : [`${prog}.o`],
      cflags: [...sw('userccflags'), ...sw(`${prog}-userccflags`)],
      ldflags: [...sw('userldflags'), ...sw(`${prog}-userldflags`), ...sw(`${prog}-userldlibs`)],
    });
  }
  return {
    modules,
    programs,
    vars,
    builtin: v('obj-y'),
    subdirs,
    extraSymbols: v('KBUILD_EXTRA_SYMBOLS').map((p) => resolve(normalize(opts.dir), p)),
    warnings,
    includes,
  };
}

/**
 * The extra compiler flags kbuild gives object `obj` (path relative to the module dir, `sub/p.o`):
 * `add` goes after the common flags, `remove` is filtered out of the whole command line (make's filter-out).
 */
export function objectFlags(kb: Kbuild, obj: string): { add: string[]; remove: string[] } {
  const get = (name: string) => shellWords(kb.vars.get(name) ?? '');
  const stem = obj.replace(/\.o$/, '');
  const perObj = (prefix: string) => {
    const own = get(`${prefix}${stem}.o`);
    const short = basename(stem) !== stem ? get(`${prefix}${basename(stem)}.o`) : [];
    return [...own, ...short];
  };
  return {
    add: [...get('subdir-ccflags-y'), ...get('ccflags-y'), ...get('EXTRA_CFLAGS'), ...perObj('CFLAGS_')],
    remove: [...get('ccflags-remove-y'), ...perObj('CFLAGS_REMOVE_')],
  };
}

/** make's $(filter-out): removes every word of `list` matching one of `patterns` (with `%`). */
export function filterOut(list: string[], patterns: string[]): string[] {
  if (patterns.length === 0) return list;
  return list.filter((w) => !patterns.some((p) => patMatch(p, w) !== undefined));
}
