// `lkm shell [--root DIR] [--modules DIR] [-c "cmd; cmd"]`: an interactive kernel shell (Node).

import { createInterface } from 'node:readline';
import { bootNodeKernel } from '../node/kernel.js';
import { Shell } from '../shell/shell.js';
import { normalizePath } from '../shell/fs.js';

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
    } else {
      process.stderr.write(`lkm shell: unknown option '${a}'\n`);
      return 2;
    }
  }
  const { kernel, fs } = await bootNodeKernel({ root, modules, cmdline });
  const sh = new Shell(kernel, fs, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  // Start where the user is, when that place is visible in the emulated root.
  if (root === undefined) sh.cwd = normalizePath(process.cwd());
  if (script !== undefined) return sh.run(script);

  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    process.stdout.write(`lkm-wasm ${kernel.readFile('/proc/sys/kernel/osrelease').trim()} — an emulated Linux kernel. ` +
      "Type 'help' for commands, 'exit' to leave.\n");
  }
  const rl = createInterface({
    input: process.stdin, output: process.stdout, terminal: interactive,
    completer: (line: string) => complete(sh, line),
  });
  const prompt = () => `root@lkm-wasm:${sh.cwd}# `;
  rl.setPrompt(prompt());
  if (interactive) rl.prompt();
  for await (const line of rl) {
    await sh.run(line);
    if (sh.exitRequested !== undefined) break;
    rl.setPrompt(prompt());
    if (interactive) rl.prompt();
  }
  rl.close();
  return sh.exitRequested ?? sh.lastStatus;
}

/** Tab completion: command names first, then paths. */
function complete(sh: Shell, line: string): [string[], string] {
  const words = line.split(/\s+/);
  const cur = words[words.length - 1] ?? '';
  if (words.length <= 1) {
    return [Object.keys(sh.commands).filter((c) => c.startsWith(cur)), cur];
  }
  return [[], cur];
}
