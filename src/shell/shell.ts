// The lkm shell: runs command lines against one kernel. The kmod tools are the same functions the
// one-shot CLI uses; the rest are the few Unix commands one needs around them (cat, echo, ls, grep …).

import type { Kernel } from '../kernel/kernel.js';
import type { KernelApi } from '../api/api.js';
import { kernelApi } from '../api/local.js';
import { UTS_MACHINE, UTS_NODENAME, UTS_RELEASE, UTS_VERSION } from '../kernel/kernel.js';
import { dmesg } from '../tools/dmesg.js';
import { insmod } from '../tools/insmod.js';
import { lsmod } from '../tools/lsmod.js';
import { rmmod } from '../tools/rmmod.js';
import { depmod } from '../tools/depmod.js';
import { modinfo } from '../tools/modinfo.js';
import { modprobe } from '../tools/modprobe.js';
import type { Tool, ToolContext } from '../tools/context.js';
import { KernelFs, normalizePath, FsError } from './fs.js';
import { hasSubstitution, parsePipeline, ShellSyntaxError, startsSubstitution, substitutionEnd, tokenize, type ExpandOptions, type SimpleCommand } from './parse.js';
import { Parser, type CompoundNode, type ListNode } from './grammar.js';
import { FUNCTION_BUILTINS, ReturnUnwind } from './functions.js';
import { ShellIncomplete, type Heredoc } from './lex.js';
import { startBackground, execAndOr, execList, ExitUnwind, Interrupted, LoopControl, type ExecContext } from './exec-compound.js';
import { errText, flushRedirects, openRedirects } from './redirect.js';
import { SCRIPT_BUILTINS } from './script-builtins.js';
import { arithmetic } from './arith.js';
import { escapeWildcards, expandPathname, hasWildcard, unescapeWildcards, type GlobFs } from './glob.js';
import { listedNames, longEntries, longLines, lsOperand, mknodCommand, totalBlocks } from './nodes.js';
import { lnCommand, readlinkCommand, rmCommand } from './links.js';
import { mkdirCommand, mountCommand, umountCommand } from './mount.js';
import type { TtyInfo } from '../term/progress.js';
import type { TerminalInput } from './tty.js';
import { parseSignal, SIGNALS, SIGNAL_TEXT, signalOf, signalStatus } from './signals.js';
import { faultStatus } from './faults.js';
import { COMMANDS } from './commands/index.js';
import { bytesToText, textToBytes } from '../vfs/text.js';

export interface ShellIo {
  /** What the command reads; reading it takes it all from a pipe or a compound command's input. */
  stdin: string;
  /** A command that read only part of its stdin (`read`) hands back the rest, for the commands after it. */
  stdinRest?(rest: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * The process's signals: aborted (reason: the signal's name) by Ctrl-C for the foreground command, by
   * `kill` for a job. Calls that sleep in a driver get it and fail with EINTR; the command's status is then
   * 128 + the signal's number whatever it returns.
   */
  signal?: AbortSignal;
  /** The terminal's typed input, when stdin is the terminal (the first command of a foreground pipeline). */
  terminal?: TerminalInput;
}

export type Command = (argv: string[], io: ShellIo, sh: Shell) => Promise<number>;

/** Finds a command for a name no builtin has (`./prog`): how the shell is given user programs (src/user). */
export type CommandProvider = (name: string) => Command | undefined;

const dec = new TextDecoder();

/** Runs a kmod-style tool with the shell's file system and streams. */
function tool(t: Tool): Command {
  return (argv, io, sh) => {
    const ctx: ToolContext = {
      kernel: sh.kernel,
      fs: {
        readFile: (p) => sh.fs.readFile(sh.resolve(p)),
        isFile: async (p) => (await sh.fs.stat(sh.resolve(p)))?.type === 'file',
      },
      stdout: io.stdout,
      stderr: io.stderr,
      vfs: sh.fs,
      cwd: sh.cwd,
      env: Object.fromEntries(sh.env),
      system: (cmd, env, out) => sh.child(out, env).run(cmd),
      tty: sh.ttyFor(io.stderr),
      signal: io.signal,
    };
    return t(argv.slice(1), ctx);
  };
}

/** Reads the named files (or stdin when none) for cat/grep/head/tail/wc. */
async function inputs(files: string[], io: ShellIo, sh: Shell, prog: string): Promise<{ text: string; ok: boolean }> {
  if (files.length === 0) return { text: io.stdin, ok: true };
  let text = '';
  let ok = true;
  for (const f of files) {
    try {
      // A device read that sleeps ends with EINTR when the command gets a signal.
      text += bytesToText(await sh.fs.readFile(sh.resolve(f), { signal: io.signal }));
    } catch (e) {
      if (e instanceof Error && e.name === 'KernelOops') throw e;
      // Killed by the signal (its default action): no message, the shell reports the status.
      if (io.signal?.aborted) throw e;
      io.stderr(`${prog}: ${f}: ${errText(e)}\n`);
      ok = false;
    }
  }
  return { text, ok };
}

const lines = (t: string) => (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n').filter((l, i, a) => l !== '' || i < a.length - 1);

export const BUILTINS: Record<string, Command> = {
  insmod: tool(insmod),
  rmmod: tool(rmmod),
  lsmod: tool(lsmod),
  dmesg: tool(dmesg),
  depmod: tool(depmod),
  modprobe: tool(modprobe),
  modinfo: tool(modinfo),
  ...COMMANDS,

  // The shell is root already: sudo runs its command (as root; -u root only), so the articles' `sudo …` lines work.
  async sudo(argv, io, sh) {
    let i = 1;
    for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '--'; i++) {
      const a = argv[i]!;
      const user = a === '-u' ? argv[++i] : a.startsWith('--user=') ? a.slice(7) : a.startsWith('-u') ? a.slice(2) : undefined;
      if (user !== undefined && user !== 'root' && user !== '#0') { io.stderr(`sudo: unknown user ${user}\nsudo: error initializing audit plugin sudoers_audit\n`); return 1; }
      if (user === undefined && !/^-[EHkns]+$|^--preserve-env$|^--login$/.test(a)) { io.stderr(`sudo: invalid option -- '${a.replace(/^-+/, '')[0]}'\n`); return 1; }
    }
    if (argv[i] === '--') i++;
    if (i >= argv.length) { io.stderr('usage: sudo -h | -K | -k | -V\nusage: sudo [-EHkns] [-u user] command [arg ...]\n'); return 1; }
    return sh.runArgv(argv.slice(i), io);
  },
  // more(1) and less(1) write their input through when the output is not a pager's terminal, as here.
  async more(argv, io, sh) { return BUILTINS.cat!(argv, io, sh); },
  async less(argv, io, sh) { return BUILTINS.cat!(argv, io, sh); },
  async cat(argv, io, sh) {
    // `cat` alone on a terminal copies typed lines until Ctrl-D (or a signal).
    if (argv.length === 1 && io.terminal) {
      for (let t; (t = await io.terminal.read(4096, io.signal)) !== null;) io.stdout(t);
      return 0;
    }
    const { text, ok } = await inputs(argv.slice(1), io, sh, 'cat');
    io.stdout(text);
    return ok ? 0 : 1;
  },
  async echo(argv, io) {
    let args = argv.slice(1);
    let newline = true;
    if (args[0] === '-n') { newline = false; args = args.slice(1); }
    io.stdout(args.join(' ') + (newline ? '\n' : ''));
    return 0;
  },
  async ls(argv, io, sh) {
    const args = argv.slice(1).filter((a) => !a.startsWith('-'));
    const flags = new Set(argv.slice(1).filter((a) => /^-[^-]/.test(a)).flatMap((a) => [...a.slice(1)]));
    const long = flags.has('l');
    let status = 0;
    for (const a of args.length ? args : ['.']) {
      const p = sh.resolve(a);
      try {
        const op = await lsOperand(sh.fs, p, long);
        if (!op) throw new FsError('ENOENT', 2, p);
        const { st } = op;
        // -d: a directory operand is listed as itself.
        const listDir = st.type === 'dir' && !flags.has('d');
        // Like ls, sorted by name (readdir order is the file system's own).
        const names = listDir ? listedNames(await sh.fs.readdir(p), flags) : [a];
        if (args.length > 1 && listDir) io.stdout(`${a}:\n`);
        if (long) {
          const entries = listDir ? await longEntries(sh.fs, p, names) : [{ name: a, ...op }];
          if (listDir) io.stdout(`total ${totalBlocks(entries)}\n`);
          for (const l of longLines(entries)) io.stdout(`${l}\n`);
        } else if (names.length) {
          // ls lists across the line on a terminal, one name per line into a pipe or a file (or with -1).
          io.stdout(`${names.join(flags.has('1') || !sh.writesToTerminal(io.stdout) ? '\n' : '  ')}\n`);
        }
      } catch (e) {
        io.stderr(`ls: cannot access '${a}': ${errText(e)}\n`);
        status = 2;
      }
    }
    return status;
  },
  mknod: mknodCommand,
  mount: mountCommand,
  umount: umountCommand,
  mkdir: mkdirCommand,
  ln: lnCommand,
  readlink: readlinkCommand,
  rm: rmCommand,
  async cd(argv, io, sh) {
    const p = sh.resolve(argv[1] ?? '/');
    const st = await sh.fs.stat(p);
    if (!st) { io.stderr(`cd: ${argv[1]}: No such file or directory\n`); return 1; }
    if (st.type !== 'dir') { io.stderr(`cd: ${argv[1]}: Not a directory\n`); return 1; }
    sh.cwd = p;
    return 0;
  },
  async export(argv, io, sh) {
    if (argv.length === 1) {
      for (const [k, v] of [...sh.env].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout(`declare -x ${k}="${v}"\n`);
      return 0;
    }
    let status = 0;
    for (const a of argv.slice(1)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
      if (!m) { io.stderr(`lkm: export: \`${a}': not a valid identifier\n`); status = 1; continue; }
      sh.env.set(m[1]!, m[2] ?? sh.env.get(m[1]!) ?? '');
    }
    return status;
  },
  async unset(argv, _io, sh) {
    for (const a of argv.slice(1)) sh.env.delete(a);
    return 0;
  },
  async env(_argv, io, sh) {
    for (const [k, v] of sh.env) io.stdout(`${k}=${v}\n`);
    return 0;
  },
  async pwd(_argv, io, sh) {
    io.stdout(`${sh.cwd}\n`);
    return 0;
  },
  async grep(argv, io, sh) {
    const flags = new Set<string>();
    const rest: string[] = [];
    for (const a of argv.slice(1)) {
      if (a.startsWith('-') && a.length > 1 && rest.length === 0) for (const c of a.slice(1)) flags.add(c);
      else rest.push(a);
    }
    const [pattern, ...files] = rest;
    if (pattern === undefined) { io.stderr('Usage: grep [OPTION]... PATTERNS [FILE]...\n'); return 2; }
    let re: RegExp;
    try { re = new RegExp(pattern, flags.has('i') ? 'i' : ''); } catch { io.stderr('grep: Invalid regular expression\n'); return 2; }
    const { text, ok } = await inputs(files, io, sh, 'grep');
    const hits = lines(text).filter((l) => re.test(l) !== flags.has('v'));
    if (flags.has('c')) io.stdout(`${hits.length}\n`);
    else if (!flags.has('q')) for (const l of hits) io.stdout(`${l}\n`);
    return !ok ? 2 : hits.length ? 0 : 1;
  },
  async head(argv, io, sh) { return headTail(argv, io, sh, 'head'); },
  async tail(argv, io, sh) { return headTail(argv, io, sh, 'tail'); },
  async wc(argv, io, sh) {
    const files = argv.slice(1).filter((a) => !a.startsWith('-'));
    // -l, -w, -c and their combinations, printed in that order; none: all three. Files are named after their
    // counts, with a total line for several (coreutils' layout, without its column padding).
    const asked = (['l', 'w', 'c'] as const).filter((k) => argv.slice(1).some((a) => /^-[lwc]+$/.test(a) && a.includes(k)));
    const keys = asked.length ? asked : (['l', 'w', 'c'] as const);
    const count = (text: string) => ({
      l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: textToBytes(text).length,
    });
    const line = (c: Record<'l' | 'w' | 'c', number>, name?: string) => `${keys.map((k) => c[k]).join(' ')}${name ? ` ${name}` : ''}\n`;
    if (files.length === 0) { io.stdout(line(count(io.stdin))); return 0; }
    let ok = true;
    const total = { l: 0, w: 0, c: 0 };
    for (const f of files) {
      const r = await inputs([f], io, sh, 'wc');
      if (!r.ok) { ok = false; continue; }
      const c = count(r.text);
      for (const k of keys) total[k] += c[k];
      io.stdout(line(c, f));
    }
    if (files.length > 1) io.stdout(line(total, 'total'));
    return ok ? 0 : 1;
  },
  async uname(argv, io) {
    const opt = argv[1] ?? '-s';
    const map: Record<string, string> = {
      '-s': 'Linux', '-r': UTS_RELEASE, '-m': UTS_MACHINE, '-n': UTS_NODENAME, '-v': UTS_VERSION,
      '-a': `Linux lkm-wasm ${UTS_RELEASE} ${UTS_VERSION} ${UTS_MACHINE} GNU/Linux`,
    };
    if (!map[opt]) { io.stderr(`uname: invalid option -- '${opt.replace(/^-+/, '')}'\n`); return 1; }
    io.stdout(`${map[opt]}\n`);
    return 0;
  },
  async reboot(_argv, io, sh) {
    // A worker kernel boots again in a new worker (after a soft lockup, for one); files are kept.
    if (!sh.kernel.rebootable) { io.stderr('reboot: the in-thread kernel cannot be rebooted\n'); return 1; }
    await sh.kernel.reboot();
    return 0;
  },
  async jobs(_argv, io, sh) {
    // bash's layout: [N]+  State (padded)  command, the current job marked +, the previous one -.
    for (const j of sh.jobList()) io.stdout(sh.jobLine(j, true));
    sh.forgetDone();
    return 0;
  },
  async wait(argv, io, sh) {
    const args = argv.slice(1);
    // bash's wait returns at once when a signal arrives (Ctrl-C).
    const interrupted = new Promise<number>((resolve) => {
      if (io.signal?.aborted) resolve(0);
      io.signal?.addEventListener('abort', () => resolve(0));
    });
    if (args.length === 0) {
      await Promise.race([Promise.all(sh.jobList().map((j) => j.promise)), interrupted]);
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const j = sh.findJob(a);
      if (!j) {
        io.stderr(a.startsWith('%') ? `lkm: wait: ${a}: no such job\n` : `lkm: wait: pid ${a} is not a child of this shell\n`);
        status = 127;
        continue;
      }
      status = await Promise.race([j.promise, interrupted]);
      if (io.signal?.aborted) break;
    }
    return status;
  },
  async kill(argv, io, sh) {
    // kill [-s SIG | -SIG | -N] %N|PID…: the shell's jobs only (there are no other processes).
    const args = argv.slice(1);
    let sig = 'SIGTERM';
    if (args[0] === '-s' || args[0] === '-n') {
      const s = args[1] === undefined ? undefined : parseSignal(args[1]);
      if (!s) { io.stderr(`lkm: kill: ${args[1] ?? ''}: invalid signal specification\n`); return 1; }
      sig = s;
      args.splice(0, 2);
    } else if (args[0]?.startsWith('-') && args[0] !== '-' && args[0] !== '--') {
      const s = parseSignal(args[0].slice(1));
      if (!s) { io.stderr(`lkm: kill: ${args[0].slice(1)}: invalid signal specification\n`); return 1; }
      sig = s;
      args.shift();
    }
    if (args[0] === '--') args.shift();
    if (args.length === 0) {
      io.stderr('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ...\n');
      return 2;
    }
    let status = 0;
    for (const a of args) {
      const j = sh.findJob(a);
      if ((!j || j.done) && /^\d+$/.test(a) && await killKernelThread(sh, Number(a), sig)) continue;
      if (!j || j.done) {
        io.stderr(a.startsWith('%') ? `lkm: kill: ${a}: no such job\n`
          : /^\d+$/.test(a) ? `lkm: kill: (${a}) - No such process\n`
            : `lkm: kill: ${a}: arguments must be process or job IDs\n`);
        status = 1;
        continue;
      }
      j.ctl.abort(sig);
    }
    return status;
  },
  async true() { return 0; },
  async false() { return 1; },
  async clear(_argv, io) { io.stdout('\x1b[H\x1b[2J'); return 0; },
  async exit(argv, _io, sh) {
    sh.exitRequested = Number(argv[1] ?? sh.lastStatus) & 0xff;
    return sh.exitRequested;
  },
  async help(_argv, io, sh) {
    io.stdout(
      'lkm shell: a Linux-like shell over an emulated 6.12 kernel.\n' +
      `Commands: ${Object.keys(sh.commands).sort().join(' ')}\n` +
      'Syntax: cmd args | cmd; cmd && cmd || cmd; > file, >> file, < file, <<EOF, 2> file, 2>&1, $VAR, $?, VAR=value cmd, $(cmd), `cmd`\n' +
      'Scripts: lines, # comments, if/elif/else/fi, for NAME in WORDS; do …; done, while, until, ! cmd, { …; }, ( … ),\n' +
      '  case WORD in PAT|PAT) …;; esac, NAME() { …; }, return [N], local NAME=VALUE, $((i + 1)), *.ko [0-3] ?\n' +
      '  break [N], continue [N], read [-r] NAME…, set -e/+e, set -- ARGS, shift, $1 $# $@, sh FILE [ARGS], sh -c TEXT, . FILE, :\n' +
      'Jobs: cmd & (runs in the background: [N] PID), jobs, wait [%N|PID], kill [-SIG] %N|PID; a finished job prints [N]+  Done  cmd\n' +
      'Terminal: Ctrl-C interrupts the foreground command (status 130); programs read typed lines, Ctrl-D ends input\n' +
      'Modules of the example tree are in /lib/modules/$(uname -r)/extra.\n',
    );
    return 0;
  },
};

/** kill of a kernel thread's PID: the kernel sends the signal (the thread may ignore it). False: no such thread. */
async function killKernelThread(sh: Shell, pid: number, sig: string): Promise<boolean> {
  try {
    await sh.kernel.kill(pid, SIGNALS[sig]!);
    return true;
  } catch {
    return false;
  }
}

async function headTail(argv: string[], io: ShellIo, sh: Shell, prog: 'head' | 'tail'): Promise<number> {
  let n = 10;
  let bytes = false;
  const files: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c' || a.startsWith('-c')) { bytes = true; n = Number(a === '-c' ? args[++i] : a.slice(2)); }
    else if (a === '-n') n = Number(args[++i]);
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a.startsWith('-n')) n = Number(a.slice(2));
    else files.push(a);
  }
  if (!Number.isFinite(n)) { io.stderr(`${prog}: invalid number of ${bytes ? 'bytes' : 'lines'}\n`); return 1; }
  const { text, ok } = await inputs(files, io, sh, prog);
  if (bytes) {
    const b = new TextEncoder().encode(text);
    io.stdout(dec.decode(prog === 'head' ? b.subarray(0, n) : b.subarray(Math.max(0, b.length - n))));
    return ok ? 0 : 1;
  }
  const all = lines(text);
  const pick = prog === 'head' ? all.slice(0, n) : all.slice(Math.max(0, all.length - n));
  for (const l of pick) io.stdout(`${l}\n`);
  return ok ? 0 : 1;
}

/** A background job (`cmd &`). */
export interface Job {
  id: number;
  pid: number;
  /** The command line as typed (without the &). */
  text: string;
  done: boolean;
  status: number;
  /** The signal that terminated it (kill), for the notice ("Terminated"). */
  signal?: string;
  /** Resolves with the job's exit status. */
  promise: Promise<number>;
  /** `kill` aborts it with the signal's name. */
  ctl: AbortController;
}

/** The first PID the shell gives its background jobs. */
const FIRST_JOB_PID = 1000;

export class Shell {
  private dir = '/';
  /** Background jobs, oldest first; a finished one stays until its Done notice (or `jobs`) reported it. */
  private readonly jobsTable: Job[] = [];
  private nextJobPid = FIRST_JOB_PID;
  /** This shell's own PID (ps), below its jobs'. */
  readonly pid = FIRST_JOB_PID - 1;
  /** PIDs of the commands it runs (ps shows itself with the next). */
  nextCommandPid(): number { return this.nextJobPid; }
  lastStatus = 0;
  exitRequested: number | undefined;
  readonly env = new Map<string, string>([['HOME', '/root'], ['PATH', '/sbin:/usr/sbin:/bin:/usr/bin']]);
  readonly commands: Record<string, Command> = { ...BUILTINS, ...SCRIPT_BUILTINS, ...FUNCTION_BUILTINS };
  /** `set -e`: a failing command ends the shell (bash's exceptions: exec-compound.ts). */
  errexit = false;
  /** How many loops enclose the running command (break/continue N), and what one of them asked for. */
  loopDepth = 0;
  loopControl: { kind: 'break' | 'continue'; n: number } | undefined;
  /** Functions defined (functions.ts); the calls running, each with what it restores; `.` files running. */
  readonly functions = new Map<string, CompoundNode>();
  readonly frames: Map<string, string | undefined>[] = [];
  sourcing = 0;
  /** `return N` was run: the call (or sourced file) ends with N. */
  returnStatus: number | undefined;
  /** Set when this shell's stderr is a terminal (Node's TTY, the web page's xterm): progress bars go there. */
  tty: TtyInfo | undefined;
  /**
   * Runs a name no command has as a program (`./prog`): the registration point for user programs, which
   * src/session/shell.ts fills with src/user/shell.ts's programCommand (src/shell does not import src/user).
   */
  programs?: CommandProvider;
  /**
   * The terminal's typed input (an interactive front end's LineDiscipline): the first command of a
   * foreground pipeline reads it as stdin, unless a `<` redirection gives another one.
   */
  terminal: TerminalInput | undefined;
  /** The foreground pipeline's signals (Ctrl-C → interrupt()). */
  private foreground: AbortController | undefined;

  /** The kernel's promise API (an in-thread Kernel given to the constructor is put behind LocalKernel.over). */
  readonly kernel: KernelApi;

  constructor(kernel: Kernel | KernelApi, readonly fs: KernelFs, private readonly out: { stdout(t: string): void; stderr(t: string): void }) {
    this.kernel = kernelApi(kernel);
    this.env.set('PWD', this.dir);
  }

  /** The current directory; $PWD follows it (cd, and the front ends that start elsewhere). */
  get cwd(): string { return this.dir; }
  set cwd(path: string) {
    this.dir = path;
    this.env.set('PWD', path);
  }

  /** A child shell (install/remove commands): same kernel, files, directory, commands; environment plus `env`. */
  child(out: { stdout(t: string): void; stderr(t: string): void }, env: Record<string, string> = {}): Shell {
    const c = new Shell(this.kernel, this.fs, out);
    c.cwd = this.cwd;
    for (const [k, v] of this.env) c.env.set(k, v);
    for (const [k, v] of Object.entries(env)) c.env.set(k, v);
    Object.assign(c.commands, this.commands);
    c.programs = this.programs;
    c.name = this.name;
    for (const [k, f] of this.functions) c.functions.set(k, f);
    c.positional = [...this.positional];
    return c;
  }

  /**
   * `( list )`: runs in a copy of this shell (same streams); its `exit` and variables stay inside. No loop
   * encloses its commands (bash: `(break)` in a loop is "only meaningful in a loop").
   */
  async subshell(body: (child: Shell) => Promise<number>): Promise<number> {
    const c = this.child(this.out);
    // Unlike a command substitution's shell (bash clears -e there), a subshell keeps set -e.
    c.errexit = this.errexit;
    c.tty = this.tty;
    c.terminal = this.terminal;
    try {
      return await body(c);
    } catch (e) {
      if (e instanceof ExitUnwind) return c.exitRequested!;
      throw e;
    }
  }

  /** The terminal, for a command whose stderr is this shell's own (not redirected, not a child's). */
  ttyFor(stderr: (t: string) => void): TtyInfo | undefined {
    return stderr === this.out.stderr ? this.tty : undefined;
  }

  /** A command named by path (/sbin/modprobe, as in /proc/sys/kernel/modprobe): a builtin in a PATH directory. */
  commandAt(path: string): Command | undefined {
    if (!path.includes('/')) return undefined;
    const p = normalizePath(path, this.cwd);
    const dir = p.slice(0, p.lastIndexOf('/'));
    if (!['/sbin', '/usr/sbin', '/bin', '/usr/bin'].includes(dir)) return undefined;
    return this.commands[p.slice(p.lastIndexOf('/') + 1)];
  }

  resolve(p: string): string {
    return normalizePath(p, this.cwd);
  }

  /**
   * Ctrl-C: SIGINT to the foreground pipeline (background jobs are not affected, as in bash). A call
   * sleeping in a driver ends with EINTR, a program in a worker is terminated; the pipeline's status is
   * 130 and the rest of the command line is not run. False when nothing runs in the foreground.
   */
  interrupt(sig = 'SIGINT'): boolean {
    const fg = this.foreground;
    if (!fg || fg.signal.aborted) return false;
    fg.abort(sig);
    return true;
  }

  /**
   * Runs command lines (several, separated by newlines, and compound commands spanning them); returns the
   * exit status (also in $?). Each complete command is parsed and then run, so the lines before a syntax
   * error have run, as in bash; a syntax error's status is 2.
   */
  async run(line: string): Promise<number> {
    const parser = new Parser(line);
    try {
      for (let list; this.exitRequested === undefined && (list = parser.next());) if (!await this.runTop(list)) break;
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.out.stderr(`lkm: ${e.message}\n`);
      this.lastStatus = e.status;
    }
    this.notifyDone();
    return this.lastStatus;
  }

  /** Whether a text ends inside a command (an open `if`, quote, `$(`): an interactive shell reads on (PS2). */
  incomplete(text: string): boolean {
    try {
      const p = new Parser(text);
      while (p.next()) { /* parse only */ }
      return p.continued;
    } catch (e) {
      return e instanceof ShellIncomplete;
    }
  }

  /**
   * One complete command's and-or lists, each a foreground job (Ctrl-C ends it and the rest of the input)
   * or a background one; false when the rest is not to be run (a signal, `exit`, `set -e`).
   */
  private async runTop(list: ListNode): Promise<boolean> {
    for (const { andOr, background: bg } of list.items) {
      if (this.exitRequested !== undefined) return false;
      // The foreground controller exists before anything runs, substitutions included, so that a Ctrl-C
      // arriving at once is not lost.
      const ctl = new AbortController();
      const ctx: ExecContext = {
        stdin: { text: '' }, stdout: this.out.stdout, stderr: this.out.stderr, signal: ctl.signal, terminal: this.terminal, noErrexit: false,
      };
      if (bg) { startBackground(this, andOr, ctx); continue; }
      this.foreground = ctl;
      try {
        await execAndOr(this, andOr, ctx);
      } catch (e) {
        if (e instanceof ExitUnwind) return false;
        if (!(e instanceof Interrupted)) throw e;
      } finally {
        if (this.foreground === ctl) this.foreground = undefined;
      }
      if (ctl.signal.aborted) {
        // bash: a foreground job killed by SIGINT ends the command line; a newline after the ^C the
        // terminal echoed, the word for other signals ("Terminated").
        const sig = signalOf(ctl.signal);
        this.lastStatus = signalStatus(ctl.signal);
        this.out.stderr(sig === 'SIGINT' ? '\n' : `${SIGNAL_TEXT[sig]}\n`);
        return false;
      }
    }
    return true;
  }

  /**
   * Runs a script in this shell with a command's streams and signal (`.`, and `sh` in its child shell);
   * `exit` ends the script, a break or continue for a loop around `.` passes on.
   */
  async runScript(text: string, io: ShellIo, sourced = true): Promise<number> {
    const ctx: ExecContext = {
      stdin: { text: io.stdin }, stdout: io.stdout, stderr: io.stderr, signal: io.signal ?? new AbortController().signal, terminal: io.terminal, noErrexit: false,
    };
    if (sourced) this.sourcing++;
    try {
      for (let list, p = new Parser(text); this.exitRequested === undefined && (list = p.next());) await execList(this, list, ctx);
    } catch (e) {
      if (e instanceof LoopControl) this.loopControl = { kind: e.kind, n: e.n };
      else if (e instanceof ReturnUnwind) { /* the script's status is return's */ }
      else if (e instanceof ShellSyntaxError) { io.stderr(`lkm: ${e.message}\n`); this.lastStatus = e.status; }
      else if (!(e instanceof ExitUnwind || e instanceof Interrupted)) throw e;
    } finally {
      if (sourced) this.sourcing--;
    }
    return this.exitRequested ?? this.lastStatus;
  }

  /** $0 and the positional parameters $1 … (`sh FILE ARGS`, `set -- ARGS`, `shift`). */
  name = 'lkm';
  positional: string[] = [];

  private readonly vars = (n: string): string => {
    if (n === '?') return String(this.lastStatus);
    if (n === '#') return String(this.positional.length);
    if (n === '@' || n === '*') return this.positional.join(' ');
    if (/^\d+$/.test(n)) return n === '0' ? this.name : this.positional[Number(n) - 1] ?? '';
    return this.env.get(n) ?? '';
  };

  /** A simple command's words and redirections expanded: variables, $?, command substitutions. */
  async expandSimple(text: string): Promise<SimpleCommand> {
    this.substituted = undefined;
    const cmd = parsePipeline(hasSubstitution(text) ? await this.substitute(text) : text, this.vars, this.expandOpts).commands[0]!;
    for (const r of cmd.redirects) r.target = unescapeWildcards(r.target);
    cmd.argv = await this.pathnames(cmd.argv, true);
    return cmd;
  }

  private readonly expandOpts: ExpandOptions = {
    quoted: escapeWildcards, positional: () => this.positional,
    isSet: (n) => (/^\d+$/.test(n) ? Number(n) <= this.positional.length : this.env.has(n) || '?#@*'.includes(n)),
    assign: (n, v) => this.env.set(n, v),
  };

  /** Pathname expansion of words (not of NAME=value words before a command's name, as in bash). */
  private async pathnames(words: string[], command: boolean): Promise<string[]> {
    const out: string[] = [];
    let assigning = command;
    for (const w of words) {
      assigning &&= /^[A-Za-z_][A-Za-z0-9_]*=/.test(w);
      const names = !assigning && hasWildcard(w) ? await expandPathname(w, this.globFs) : [];
      out.push(...(names.length ? names : [unescapeWildcards(w)]));
    }
    return out;
  }

  private readonly globFs: GlobFs = {
    readdir: (p) => this.fs.readdir(p),
    isDir: async (p) => (await this.fs.stat(p))?.type === 'dir',
    exists: async (p) => (await this.fs.stat(p)) !== undefined,
    resolve: (p) => this.resolve(p),
  };

  /**
   * A here-document's text: as it is after a quoted end word; else with $VAR, $(…), $((…)) expanded and
   * backslash escaping only \\ \$ \` — quotes are ordinary characters (read as one double-quoted word).
   */
  async expandDocument(doc: Heredoc): Promise<string> {
    if (doc.quoted) return doc.body;
    const text = `"${doc.body.replace(/\\\n/g, '').replace(/\\?"/g, (m) => (m.length === 2 ? '\\\\\\"' : '\\"'))}"`;
    const expanded = hasSubstitution(text) ? await this.substitute(text) : text;
    return tokenize(expanded, this.vars, { positional: () => this.positional })[0]?.text ?? '';
  }

  /** A `case` pattern expanded: what was quoted stays literal (escaped for glob.ts). */
  async expandPattern(raw: string): Promise<string> {
    const text = hasSubstitution(raw) ? await this.substitute(raw) : raw;
    return tokenize(text, this.vars, { quoted: escapeWildcards }).map((t) => t.text).join(' ');
  }

  /** `for`'s words expanded (a raw word may become several, or none); `case`'s word with `glob` false. */
  async expandWords(words: string[], glob = true): Promise<string[]> {
    const raw = words.join(' ');
    const text = hasSubstitution(raw) ? await this.substitute(raw) : raw;
    const expanded = tokenize(text, this.vars, this.expandOpts).map((t) => t.text);
    return glob ? this.pathnames(expanded, false) : expanded.map(unescapeWildcards);
  }

  /** Status of the last command substitution of the command being run (an assignment alone returns it). */
  private substituted: number | undefined;

  /**
   * Command substitution: every $(cmd) and `cmd` outside single quotes runs in a child shell and is replaced
   * by its output without trailing newlines — quoted as one word inside double quotes, split into words
   * outside them (bash's field splitting on blanks); $? becomes its status.
   */
  private async substitute(text: string): Promise<string> {
    let out = '';
    let quote: string | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quote === "'") { out += c; if (c === "'") quote = undefined; continue; }
      if (c === '\\') { out += text.slice(i, i + 2); i++; continue; }
      if (c === '"' || (c === "'" && !quote)) { quote = quote ? undefined : c; out += c; continue; }
      if (!startsSubstitution(text, i)) { out += c; continue; }
      const end = substitutionEnd(text, i);
      if (text.startsWith('$((', i) && text[end - 2] === ')') {
        // $((expression)): its $VAR references first, then the arithmetic.
        const expr = text.slice(i + 3, end - 2).replace(/\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*]))/g, (_m, a: string | undefined, b: string | undefined) => this.vars(a ?? b!));
        out += arithmetic(expr, { get: (n) => this.vars(n), set: (n, v) => this.env.set(n, v) });
        i = end - 1;
        continue;
      }
      const inner = c === '`' ? text.slice(i + 1, end - 1).replace(/\\([\\`$])/g, '$1') : text.slice(i + 2, end - 1);
      let captured = '';
      const child = this.child({ stdout: (t) => { captured += t; }, stderr: this.out.stderr });
      this.lastStatus = await child.run(inner);
      this.substituted = this.lastStatus;
      const value = captured.replace(/\n+$/, '');
      out += quote === '"'
        ? value.replace(/[\\"$`]/g, '\\$&')
        : value.split(/\s+/).filter(Boolean).map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
      i = end - 1;
    }
    return out;
  }

  /** `cmd &`: starts a job without waiting for it, as bash does: "[N] PID" on stderr. */
  startJob(text: string, run: (signal: AbortSignal) => Promise<number>): void {
    const id = (this.jobsTable[this.jobsTable.length - 1]?.id ?? 0) + 1;
    const ctl = new AbortController();
    const job: Job = { id, pid: this.nextJobPid++, text, done: false, status: 0, promise: Promise.resolve(0), ctl };
    job.promise = run(ctl.signal).catch((e: unknown) => {
      if (ctl.signal.aborted) return signalStatus(ctl.signal);
      if (e instanceof ExitUnwind) return this.exitRequested ?? 0;
      this.out.stderr(`lkm: ${text}: ${(e as Error).message}\n`);
      return 1;
    }).then((status) => {
      job.done = true;
      job.status = status;
      if (ctl.signal.aborted) job.signal = signalOf(ctl.signal);
      return status;
    });
    this.jobsTable.push(job);
    this.out.stderr(`[${id}] ${job.pid}\n`);
  }

  /** The jobs, oldest first. */
  jobList(): Job[] {
    return [...this.jobsTable];
  }

  /** A job by %N (job number) or PID. */
  findJob(spec: string): Job | undefined {
    if (spec.startsWith('%')) return this.jobsTable.find((j) => String(j.id) === spec.slice(1));
    return this.jobsTable.find((j) => String(j.pid) === spec);
  }

  /** One line of `jobs` or of a Done notice: "[1]+  Running                 cat /dev/sleepy &". */
  jobLine(j: Job, withAmp: boolean): string {
    const n = this.jobsTable.length;
    const mark = j === this.jobsTable[n - 1] ? '+' : j === this.jobsTable[n - 2] ? '-' : ' ';
    const state = !j.done ? 'Running' : j.signal ? SIGNAL_TEXT[j.signal]! : j.status === 0 ? 'Done' : `Exit ${j.status}`;
    return `[${j.id}]${mark}  ${state.padEnd(24)}${j.text}${!j.done && withAmp ? ' &' : ''}\n`;
  }

  /** Drops the finished jobs (after they were reported). */
  forgetDone(): void {
    for (let i = this.jobsTable.length - 1; i >= 0; i--) if (this.jobsTable[i]!.done) this.jobsTable.splice(i, 1);
  }

  /** bash's notices for jobs that finished since: "[1]+  Done                    cmd" (before the next prompt). */
  notifyDone(): void {
    const done = this.jobsTable.filter((j) => j.done);
    if (done.length === 0) return;
    for (const j of done) this.out.stderr(this.jobLine(j, false));
    this.forgetDone();
  }

  /** True when `stdout` is this shell's own output (not a pipe, a redirection or a substitution). */
  writesToTerminal(stdout: (t: string) => void): boolean {
    return stdout === this.out.stdout;
  }

  /** Runs a command given as words (sudo's command) with the caller's streams, signal and terminal. */
  runArgv(argv: string[], io: ShellIo): Promise<number> {
    return this.runCommand({ argv, redirects: [] }, io.stdin, io.stdout, io.signal ?? new AbortController().signal, io.terminal, io.stderr);
  }

  /**
   * Runs one expanded simple command with its redirections; its exit status. `stdin` as a holder is input
   * shared with the commands after this one (a compound command's): what this one reads is gone for them.
   */
  async runCommand(cmd: SimpleCommand, stdin: string | { text: string }, stdout: (t: string) => void, signal: AbortSignal,
    terminal: TerminalInput | undefined, stderr: (t: string) => void = this.out.stderr): Promise<number> {
    const host = { fs: this.fs, resolve: (p: string) => this.resolve(p), report: this.out.stderr };
    const shared = typeof stdin === 'string' ? { text: stdin } : stdin;
    const opened = await openRedirects(host, cmd.redirects, { stdin: shared.text, stdout, stderr, terminal }, signal);
    if (typeof opened === 'number') return opened;
    const { io: { stdout: out, stderr: err }, pending } = opened;
    ({ terminal } = opened.io);
    const input = cmd.redirects.some((r) => r.op === '<' || r.op === '<<') ? { text: opened.io.stdin } : shared;
    let taken = false;
    let rest: string | undefined;
    const text = input.text;
    // NAME=value words before a command are its environment only (MODPROBE_OPTIONS=-v modprobe x); alone,
    // they set shell variables.
    let argv = cmd.argv;
    const assigns: [string, string][] = [];
    for (let m; argv.length && (m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(argv[0]!)); argv = argv.slice(1)) assigns.push([m[1]!, m[2]!]);
    const name = argv[0];
    const saved = name === undefined ? [] : assigns.map(([k]) => [k, this.env.get(k)] as const);
    for (const [k, v] of assigns) this.env.set(k, v);
    let status = name === undefined ? this.substituted ?? 0 : 0;
    if (name !== undefined) {
      const c = this.commands[name] ?? this.commandAt(name) ?? this.programs?.(name);
      if (!c) {
        err(`lkm: ${name}: command not found\n`);
        status = 127;
      } else {
        try {
          // The command is the process the kernel sees (Comm in Oops and WARN reports).
          const comm = name.slice(name.lastIndexOf('/') + 1).slice(0, 15);
          const io: ShellIo = {
            get stdin() { taken = true; return text; },
            stdinRest: (r) => { rest = r; },
            stdout: out, stderr: err, signal, terminal,
          };
          status = await this.kernel.asProcess(comm, () => c(argv, io, this));
        } catch (e) {
          // A signal's default action ended it (an interrupted system call unwound it): its status below.
          if (!signal.aborted) {
            const fault = faultStatus(e, name, err);
            if (fault === undefined) throw e;
            status = fault;
          }
        } finally {
          for (const [k, v] of saved) if (v === undefined) this.env.delete(k); else this.env.set(k, v);
        }
      }
    }
    if (taken) input.text = rest ?? '';
    // Terminated by a signal: 128 + its number (what the command returned does not matter).
    if (signal.aborted) status = signalStatus(signal);
    return flushRedirects(host, pending, name ?? '', signal, status);
  }
}
