// The coreutils-like commands of this folder, by name: the shell's BUILTINS table spreads them in.

import type { Command } from '../shell.js';
import { chmodCommand } from './chmod.js';
import { ddCommand } from './dd.js';
import { hexdumpCommand } from './hexdump.js';
import { ipCommand } from './ip.js';
import { odCommand } from './od.js';
import { printfCommand } from './printf.js';
import { psCommand } from './ps.js';
import { sleepCommand } from './sleep.js';
import { testCommand } from './test.js';

export const COMMANDS: Record<string, Command> = {
  test: testCommand,
  '[': testCommand,
  printf: printfCommand,
  sleep: sleepCommand,
  chmod: chmodCommand,
  dd: ddCommand,
  od: odCommand,
  hexdump: hexdumpCommand,
  ps: psCommand,
  ip: ipCommand,
};
