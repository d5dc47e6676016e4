// The terminal's line discipline while a command runs in the foreground (a cooked tty, ICANON + ECHO +
// ISIG): what the user types is echoed and collected into lines; Enter hands a line to the command's
// stdin, Ctrl-D ends input (end of file on an empty line, or hands over the partial line), Backspace and
// Ctrl-U edit the line, Ctrl-C echoes ^C, drops the pending input and sends SIGINT to the foreground
// command. Front ends (src/cli/shell.ts with Node's TTY, the web lab's xterm) feed it the raw keystrokes
// between a command's start and end; at the prompt they do their own line editing.

/** Keyboard input of the foreground command (the shell gives it to the first command of a pipeline). */
export interface TerminalInput {
  /**
   * Up to `max` characters of typed input: a completed line (or what Ctrl-D handed over), waiting until
   * there is some; null for end of file (Ctrl-D on an empty line) or when `signal` fired.
   */
  read(max: number, signal?: AbortSignal): Promise<string | null>;
}

export class LineDiscipline implements TerminalInput {
  /** The line being typed (not yet readable). */
  private line = '';
  /** Input a reader may take. */
  private ready = '';
  /** Ctrl-D on an empty line: the next read that finds nothing ready returns end of file. */
  private eof = false;
  private waiters = new Set<() => void>();

  /**
   * `echo` writes to the terminal (the front end's own newline conventions: "\r\n" is written for Enter);
   * `interrupt` sends SIGINT to the foreground command (Shell.interrupt).
   */
  constructor(private readonly echo: (text: string) => void, private readonly interrupt: () => void) {}

  /** Raw keystrokes from the terminal. */
  input(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (c === '\x1b') {
        // An escape sequence (cursor keys, function keys): a tty in canonical mode would echo it as ^[…;
        // the lines a program reads are better without it.
        const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/s.exec(data.slice(i));
        i += (m?.[0].length ?? 1) - 1;
        continue;
      }
      switch (c) {
        case '\r': case '\n':
          this.ready += `${this.line}\n`;
          this.line = '';
          this.echo('\r\n');
          break;
        case '\x7f': case '\b':
          if (this.line.length > 0) {
            this.line = [...this.line].slice(0, -1).join('');
            this.echo('\b \b');
          }
          break;
        case '\x15': // Ctrl-U: kill the line
          this.echo('\b \b'.repeat([...this.line].length));
          this.line = '';
          break;
        case '\x04': // Ctrl-D
          if (this.line === '') this.eof = true;
          else { this.ready += this.line; this.line = ''; }
          break;
        case '\x03': // Ctrl-C: ^C, pending input dropped, SIGINT to the foreground command
          this.echo('^C');
          this.line = '';
          this.ready = '';
          this.eof = false;
          this.interrupt();
          break;
        default:
          if (c >= ' ') { this.line += c; this.echo(c); }
      }
    }
    this.wake();
  }

  async read(max: number, signal?: AbortSignal): Promise<string | null> {
    for (;;) {
      if (signal?.aborted) return null;
      if (this.ready.length > 0) {
        const chars = [...this.ready];
        const n = Math.max(1, Math.min(max, chars.length));
        this.ready = chars.slice(n).join('');
        return chars.slice(0, n).join('');
      }
      if (this.eof) { this.eof = false; return null; }
      await new Promise<void>((resolve) => {
        const done = () => { this.waiters.delete(done); signal?.removeEventListener('abort', done); resolve(); };
        this.waiters.add(done);
        signal?.addEventListener('abort', done);
      });
    }
  }

  /** The command ended: what was typed and not read (lines first, then the unfinished one) goes back to the shell. */
  takeTypeahead(): string {
    const t = this.ready + this.line;
    this.ready = '';
    this.line = '';
    this.eof = false;
    return t;
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
