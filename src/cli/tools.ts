// One-shot kmod tools: `lkm insmod|rmmod|lsmod|dmesg …` boot a fresh kernel, run the tool, exit.

import { bootNodeKernel } from '../node/kernel.js';
import { normalizePath } from '../shell/fs.js';
import { Shell } from '../shell/shell.js';

export async function runOneShot(argv: string[]): Promise<number> {
  const { kernel, fs } = await bootNodeKernel();
  const sh = new Shell(kernel, fs, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  sh.cwd = normalizePath(process.cwd());
  const cmd = sh.commands[argv[0]!];
  if (!cmd) throw new Error(`unknown tool ${argv[0]}`);
  return cmd(argv, { stdin: '', stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, sh);
}
