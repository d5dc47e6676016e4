// The lkm shell as every front end and test runs it: src/shell's Shell with user programs registered
// (src/user's programCommand runs `./prog` and other names no builtin has). src/shell knows no programs,
// so the imports run one way: session → user → shell.

import { Shell as BaseShell, type CommandProvider } from '../shell/shell.js';
import { programCommand } from '../user/shell.js';

export class Shell extends BaseShell {
  override programs?: CommandProvider = programCommand;
}
