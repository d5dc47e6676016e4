// bash's `read [-r] [-p PROMPT] [NAME…]`: one line of stdin (the rest stays for the commands after it, as
// in `while read l; do …; done < file`) or of the terminal, split at blanks into the names, the last one
// taking what is left; no name: REPLY, unsplit. Status 1 at the end of the input.

import type { Command, ShellIo } from './shell.js';

const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

/** One line, without its newline; eof when the input ended before a newline. Backslash-newline joins lines unless raw. */
async function readLine(io: ShellIo, raw: boolean): Promise<{ line: string; eof: boolean }> {
  const term = io.terminal;
  if (term) {
    // Character by character, as bash reads a terminal: what follows the line stays typed ahead.
    let line = '';
    for (let c; (c = await term.read(1, io.signal)) !== null;) {
      if (c !== '\n') { line += c; continue; }
      if (raw || !line.endsWith('\\')) return { line, eof: false };
      line = line.slice(0, -1);
    }
    return { line, eof: true };
  }
  const text = io.stdin;
  let i = 0;
  for (;;) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) { io.stdinRest?.(''); return { line: text, eof: true }; }
    if (!raw && countBackslashes(text, nl) % 2 === 1) { i = nl + 1; continue; }
    io.stdinRest?.(text.slice(nl + 1));
    return { line: text.slice(0, nl), eof: false };
  }
}

const countBackslashes = (s: string, end: number) => {
  let n = 0;
  while (end - n - 1 >= 0 && s[end - n - 1] === '\\') n++;
  return n;
};

/** Splits at unescaped blanks into `count` fields (the last keeps the rest); escapes are removed unless raw. */
function fields(line: string, count: number, raw: boolean): string[] {
  const out: string[] = [];
  let cur = '';
  /** cur's length up to its last character that is not a trailing unescaped blank. */
  let kept = 0;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    let c = line[i]!;
    let escaped = false;
    if (c === '\\' && !raw) {
      i++;
      if (i >= line.length) break;
      c = line[i]!;
      if (c === '\n') continue;
      escaped = true;
    }
    const blank = !escaped && (c === ' ' || c === '\t' || c === '\n');
    if (blank && !started) continue;
    if (blank && out.length < count - 1) {
      out.push(cur);
      cur = '';
      kept = 0;
      started = false;
      continue;
    }
    started = true;
    cur += c;
    if (!blank) kept = cur.length;
  }
  if (started) out.push(cur.slice(0, kept));
  while (out.length < count) out.push('');
  return out;
}

export const readCommand: Command = async (argv, io, sh) => {
  let raw = false;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i]!;
    if (a === '--') { i++; break; }
    if (a === '-r') raw = true;
    else if (a === '-p') { if (io.terminal) io.stderr(argv[i + 1] ?? ''); i++; }
    else { io.stderr(`lkm: read: ${a.slice(0, 2)}: invalid option\n${USAGE}`); return 2; }
  }
  const names = argv.slice(i);
  const bad = names.find((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  if (bad !== undefined) { io.stderr(`lkm: read: \`${bad}': not a valid identifier\n`); return 1; }
  const { line, eof } = await readLine(io, raw);
  if (names.length === 0) sh.env.set('REPLY', raw ? line : line.replace(/\\\n/g, '').replace(/\\(.)/g, '$1'));
  else fields(line, names.length, raw).forEach((v, k) => sh.env.set(names[k]!, v));
  return eof ? 1 : 0;
};
