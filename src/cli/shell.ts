// `lkm shell [--root DIR] [--modules DIR] [-c "cmd; cmd"]`: an interactive kernel shell (Node).

import { createInterface } from 'node:readline';
import { openSession } from '../session/session.node.js';
import { completeLine } from '../session/complete.js';
import type { Shell } from '../session/shell.js';
import { normalizePath } from '../shell/fs.js';
import { LineDiscipline } from '../shell/tty.js';
import { StringDecoder } from 'node:string_decoder';
import { usageError } from './usage.js';

export async function main(argv: string[]): Promise<number> {
  let root: string | undefined;
  let modules: string | undefined;
  let script: string | undefined;
  let cmdline = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--root') root = argv[++i];
    else if (a === '--modules') modules = argv[++i];
    else if (a === '-c') script = argv[++i];
    else if (a === '--cmdline') cmdline = argv[++i] ?? '';
    else if (a === '-h' || a === '--help') {
      process.stdout.write('Usage: lkm shell [--root DIR] [--modules DIR] [--cmdline "k=v …"] [-c "cmd; cmd"]\n');
      return 0;
    } else return usageError('shell', `unknown option '${a}'`);
  }
  // Module code runs in a worker (a watchdog reports code that never returns); LKM_ISOLATE=none: on this thread.
  const { kernel, sh } = await openSession({
    root, modules, cmdline, isTTY: process.stderr.isTTY === true, isolate: process.env.LKM_ISOLATE === 'none' ? 'none' : 'worker',
    io: { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  });
  // Start where the user is, when that place is visible in the emulated root.
  if (root === undefined) sh.cwd = normalizePath(process.cwd());
  if (script !== undefined) return sh.run(script);

  const interactive = process.stdin.isTTY === true;
  if (!interactive) {
    // Commands from a pipe or a file: line by line, a compound command or a quote over several lines run
    // once complete (no terminal to hand to the programs). An unfinished one at the end reports its error.
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
    let pending: string | undefined;
    for await (const line of rl) {
      pending = pending === undefined ? line : `${pending}\n${line}`;
      if (sh.incomplete(pending)) continue;
      await sh.run(pending);
      pending = undefined;
      if (sh.exitRequested !== undefined) break;
    }
    if (pending !== undefined && sh.exitRequested === undefined) await sh.run(pending);
    rl.close();
    return sh.exitRequested ?? sh.lastStatus;
  }
  process.stdout.write(banner((await kernel.readFile('/proc/sys/kernel/osrelease')).trim()));
  return interactiveLoop(sh, process.stdin as NodeJS.ReadStream, process.stdout);
}

/**
 * The interactive shell on a terminal. At the prompt, readline edits the line (history, Tab completion;
 * Ctrl-C prints ^C and starts a fresh line, as bash does; Ctrl-D on an empty line leaves). While a command
 * runs, readline is closed and the terminal is the command's, in raw mode through a cooked-tty line
 * discipline (src/shell/tty.ts): typed lines are echoed and go to the foreground program's stdin, Ctrl-D
 * ends its input, Ctrl-C sends it SIGINT (Shell.interrupt). What was typed and not read goes back to the
 * prompt (complete lines run as the next commands).
 */
const DROPPED = Symbol('dropped');

export async function interactiveLoop(sh: Shell, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<number> {
  let history: string[] = [];
  /** Complete lines typed ahead while a command ran, and the unfinished one. */
  const queued: string[] = [];
  let partial = '';
  const prompt = () => `root@lkm-wasm:${sh.cwd}# `;
  /** PS2: the line continues a command (`for i in 1 2; do`); Ctrl-C there drops the whole command. */
  const CONTINUED = '> ';
  const readLine = (ps: string) => new Promise<string | null | typeof DROPPED>((resolve) => {
    const rl = createInterface({
      input, output, terminal: true, history, historySize: 1000, removeHistoryDuplicates: true,
      completer: (line: string, cb: (err: null, r: [string[], string]) => void) => { complete(sh, line).then((r) => cb(null, r), () => cb(null, [[], ''])); },
    });
    let answered = false;
    const finish = (line: string | null | typeof DROPPED) => {
      if (answered) return;
      answered = true;
      history = (rl as unknown as { history: string[] }).history ?? history;
      rl.close();
      resolve(line);
    };
    rl.on('line', (l) => finish(l));
    rl.on('close', () => finish(null));
    rl.on('SIGINT', () => {
      // bash: ^C, the line is dropped, a new prompt.
      output.write('^C\n');
      if (ps === CONTINUED) { finish(DROPPED); return; }
      const r = rl as unknown as { line: string; cursor: number };
      r.line = '';
      r.cursor = 0;
      rl.prompt();
    });
    rl.setPrompt(ps);
    rl.prompt();
    if (partial) { rl.write(partial); partial = ''; }
  });

  for (;;) {
    let line = queued.length > 0 ? queued.shift()! : await readLine(prompt());
    if (line === null) { output.write('exit\n'); break; }
    // An unfinished command reads on at PS2; Ctrl-D there runs it, which reports the unexpected end of file.
    while (line !== DROPPED && sh.incomplete(line)) {
      const more = queued.length > 0 ? queued.shift()! : await readLine(CONTINUED);
      if (more === null || more === DROPPED) { line = more ?? line; break; }
      line = `${line}\n${more}`;
    }
    if (line === DROPPED) continue;
    const tty = new LineDiscipline((t) => output.write(t), () => { sh.interrupt(); });
    const dec = new StringDecoder('utf8');
    const onData = (d: Buffer | string) => tty.input(typeof d === 'string' ? d : dec.write(d));
    sh.terminal = tty;
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
    try {
      await sh.run(line);
    } finally {
      input.off('data', onData);
      input.pause();
      input.setRawMode?.(false);
      sh.terminal = undefined;
    }
    if (sh.exitRequested !== undefined) break;
    const ahead = tty.takeTypeahead().split('\n');
    partial = ahead.pop() ?? '';
    queued.push(...ahead);
  }
  return sh.exitRequested ?? sh.lastStatus;
}

/** The five lines printed when an interactive shell starts. */
export function banner(release: string): string {
  return `lkm-wasm ${release}: an emulated Linux kernel with the example modules installed (depmod -a done).\n` +
    '  modprobe stack_c         load a module and its dependencies (stack_a, stack_b)\n' +
    '  lsmod; dmesg             see what is loaded and what the kernel said\n' +
    '  modprobe -r stack_c      unload it (rmmod NAME for one module); modinfo hello_params\n' +
    "  help                     all commands; 'exit' leaves\n";
}

/** Tab completion (src/session/complete.ts) and the word it completes. */
async function complete(sh: Shell, line: string): Promise<[string[], string]> {
  const hits = await completeLine(sh, line, {
    // rmmod: what /sys/module lists; modules.dep of the release the kernel reports (a hung kernel fails that,
    // and nothing completes); directories through symlinks, as bash marks them.
    loadedModules: () => sh.fs.readdir('/sys/module').catch(() => [] as string[]),
    release: async () => (await sh.kernel.readFile('/proc/sys/kernel/osrelease')).trim(),
    followLinks: true,
  });
  return [hits, line.split(/\s+/).pop() ?? ''];
}
