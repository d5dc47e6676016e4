// The builtins of shell scripts: `:`, set (-e/+e, positional parameters), shift, break and continue N, read
// (read.ts), and running scripts — `sh FILE`, `sh -c TEXT` in a child shell, `. FILE` / `source FILE` in
// this one.

import type { Command, Shell, ShellIo } from './shell.js';
import { errText } from './redirect.js';
import { readCommand } from './read.js';

const dec = new TextDecoder();

/** break/continue [N]: N at most the loops there are; outside a loop a message and status 0, as in bash. */
function loopControl(kind: 'break' | 'continue'): Command {
  return async (argv, io, sh) => {
    if (sh.loopDepth === 0) {
      io.stderr(`lkm: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    const arg = argv[1];
    if (arg !== undefined && !/^[-+]?\d+$/.test(arg.trim())) {
      io.stderr(`lkm: ${kind}: ${arg}: numeric argument required\n`);
      return 128;
    }
    const n = arg === undefined ? 1 : Number(arg);
    if (n < 1) {
      io.stderr(`lkm: ${kind}: ${arg}: loop count out of range\n`);
      return 1;
    }
    sh.loopControl = { kind, n: Math.min(n, sh.loopDepth) };
    return 0;
  };
}

/** bash's `set` listing quotes a value that holds more than plain characters. */
const quoted = (v: string) => (/^[\w@%+=:,./-]*$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`);

async function readScript(sh: Shell, path: string, io: ShellIo): Promise<string | undefined> {
  try {
    return dec.decode(await sh.fs.readFile(sh.resolve(path), { signal: io.signal }));
  } catch (e) {
    io.stderr(`lkm: ${path}: ${errText(e)}\n`);
    return undefined;
  }
}

export const SCRIPT_BUILTINS: Record<string, Command> = {
  async ':'() { return 0; },
  break: loopControl('break'),
  continue: loopControl('continue'),
  read: readCommand,
  async set(argv, io, sh) {
    if (argv.length === 1) {
      for (const [k, v] of [...sh.env].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout(`${k}=${quoted(v)}\n`);
      return 0;
    }
    let i = 1;
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      // `--` and the first word that is no option start the positional parameters.
      if (a === '--') { i++; sh.positional = argv.slice(i); return 0; }
      if (!/^[-+]./.test(a)) break;
      if (a === '-o' || a === '+o') {
        const name = argv[++i];
        if (name === undefined) { io.stdout(a === '-o' ? `errexit        \t${sh.errexit ? 'on' : 'off'}\n` : `set ${sh.errexit ? '-o' : '+o'} errexit\n`); continue; }
        if (name !== 'errexit') { io.stderr(`lkm: set: ${name}: invalid option name\n`); return 1; }
        sh.errexit = a === '-o';
      } else if (/^[-+]e+$/.test(a)) {
        sh.errexit = a[0] === '-';
      } else {
        io.stderr(`lkm: set: ${a.slice(0, 2)}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`);
        return 2;
      }
    }
    if (i < argv.length) sh.positional = argv.slice(i);
    return 0;
  },
  async shift(argv, io, sh) {
    const arg = argv[1] ?? '1';
    if (!/^\d+$/.test(arg)) { io.stderr(`lkm: shift: ${arg}: numeric argument required\n`); return 1; }
    const n = Number(arg);
    if (n > sh.positional.length) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  async sh(argv, io, sh) {
    // A new shell process: no functions (bash exports none unless told to).
    const child = sh.child({ stdout: io.stdout, stderr: io.stderr });
    child.functions.clear();
    let text: string | undefined;
    if (argv[1] === '-c') {
      // sh -c TEXT [NAME [ARGS…]]: NAME is $0.
      if (argv[2] === undefined) { io.stderr('lkm: sh: -c: option requires an argument\n'); return 2; }
      text = argv[2];
      child.name = argv[3] ?? argv[0]!;
      child.positional = argv.slice(4);
    } else if (argv[1] !== undefined) {
      text = await readScript(sh, argv[1], io);
      if (text === undefined) return 127;
      child.name = argv[1];
      child.positional = argv.slice(2);
    } else {
      // The script on stdin (`cat script | sh`).
      text = io.stdin;
    }
    await child.runScript(text, { ...io, stdin: argv[1] === undefined ? '' : io.stdin }, false);
    return child.exitRequested ?? child.lastStatus;
  },
  async '.'(argv, io, sh) {
    if (argv[1] === undefined) {
      io.stderr('lkm: .: filename argument required\n.: usage: . filename [arguments]\n');
      return 2;
    }
    const text = await readScript(sh, argv[1], io);
    if (text === undefined) return 1;
    // Arguments are the positional parameters while the file runs, as in bash.
    if (argv.length === 2) return sh.runScript(text, io);
    const saved = sh.positional;
    sh.positional = argv.slice(2);
    try {
      return await sh.runScript(text, io);
    } finally {
      sh.positional = saved;
    }
  },
};
SCRIPT_BUILTINS.bash = SCRIPT_BUILTINS.sh!;
SCRIPT_BUILTINS.source = SCRIPT_BUILTINS['.']!;
