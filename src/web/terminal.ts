// The terminal pane: xterm.js with a small line editor (history, cursor keys, Tab completion, Ctrl+C,
// Ctrl+L, Ctrl+U/K/W/A/E) in front of the lkm shell. While a command runs, keystrokes go to the backend
// (the session's line discipline: typed lines are the program's stdin, Ctrl-D ends it, Ctrl+C interrupts).

import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { OrderedInput } from '../term/ordered-input.js';

export interface TermBackend {
  run(line: string): Promise<{ cwd: string; typeahead?: string } | undefined>;
  complete(line: string): Promise<string[]>;
  /** Whether the text ends inside a command (`for i in 1 2; do`): the next line continues it at PS2. */
  incomplete?(text: string): boolean;
  /** Keystrokes while a command runs (the session's line discipline: program stdin, Ctrl-D, Ctrl-C). */
  input?(data: string): void;
}

export class LabTerminal {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private line = '';
  private cursor = 0;
  private history: string[] = [];
  private histAt = 0;
  private busy = false;
  private queue: string[] = [];
  private readonly keys = new OrderedInput((d) => this.onData(d), () => this.busy);
  /** The lines of an unfinished command typed so far (the prompt is PS2, "> "). */
  private pending: string | undefined;
  cwd = '/root';

  constructor(el: HTMLElement, private readonly backend: TermBackend) {
    this.term = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
      fontSize: 13, cursorBlink: true, convertEol: true, scrollback: 5000,
      theme: { background: '#0f1114', foreground: '#d8dee9', cursor: '#6cb6ff', selectionBackground: '#2f4a66' },
    });
    this.term.loadAddon(this.fit);
    this.term.open(el);
    this.refit();
    new ResizeObserver(() => this.refit()).observe(el);
    this.term.onData((d) => { void this.keys.push(d); });
  }

  refit(): void {
    try { this.fit.fit(); } catch { /* not visible yet */ }
  }

  focus(): void { this.term.focus(); }

  get prompt(): string {
    if (this.pending !== undefined) return '> ';
    return `\x1b[1;32mroot@lkm-wasm\x1b[0m:\x1b[1;34m${this.cwd}\x1b[0m# `;
  }

  showPrompt(): void { this.term.write(this.prompt); }

  /** Output of a command (the shell writes "\n"; convertEol makes it CRLF). */
  write(text: string, stream: 'out' | 'err' = 'out'): void {
    this.term.write(stream === 'err' ? `\x1b[91m${text}\x1b[0m` : text);
  }

  /** A message outside a command (watchdog, compiler): on its own lines, prompt and input redrawn. */
  notice(text: string, color = '1;91'): void {
    if (this.busy) { this.term.write(`\x1b[${color}m${text}\x1b[0m\n`); return; }
    this.term.write(`\r\x1b[2K\x1b[${color}m${text}\x1b[0m\n`);
    this.redraw();
  }

  /** Types a command as if the user had entered it (compile → insmod, module list shortcuts). */
  exec(line: string): Promise<void> {
    return new Promise((done) => {
      if (this.busy) { this.queue.push(line); done(); return; }
      this.line = line;
      this.cursor = line.length;
      this.redraw();
      void this.submit().then(done);
    });
  }

  private redraw(): void {
    this.term.write(`\r\x1b[2K${this.prompt}${this.line}`);
    const back = this.line.length - this.cursor;
    if (back > 0) this.term.write(`\x1b[${back}D`);
  }

  private async submit(): Promise<void> {
    const typed = this.line;
    this.term.write('\r\n');
    this.line = '';
    this.cursor = 0;
    if (typed.trim()) {
      if (this.history[this.history.length - 1] !== typed) this.history.push(typed);
    }
    this.histAt = this.history.length;
    const line = this.pending === undefined ? typed : `${this.pending}\n${typed}`;
    this.pending = undefined;
    if (this.backend.incomplete?.(line)) {
      this.pending = line;
      this.showPrompt();
      return;
    }
    let typeahead = '';
    if (line.trim()) {
      this.busy = true;
      try {
        const r = await this.backend.run(line);
        if (r) this.cwd = r.cwd;
        typeahead = r?.typeahead ?? '';
      } finally {
        this.busy = false;
      }
    }
    this.showPrompt();
    // Typed during the command and not read by it: the shell's input now (complete lines run).
    if (typeahead) await this.onData(typeahead);
    const next = this.queue.shift();
    if (next !== undefined) await this.exec(next);
  }

  private insert(s: string): void {
    this.line = this.line.slice(0, this.cursor) + s + this.line.slice(this.cursor);
    this.cursor += s.length;
    this.redraw();
  }

  private async onData(d: string): Promise<void> {
    if (this.busy) {
      // The foreground command's terminal: echo, line editing, Ctrl-D and Ctrl-C are the backend's.
      if (this.backend.input) this.backend.input(d);
      else if (d === '\x03') this.term.write('^C');
      return;
    }
    // Pasted text: run each complete line.
    if (d.length > 1 && /[\r\n]/.test(d) && !d.startsWith('\x1b')) {
      const parts = d.split(/\r\n|\r|\n/);
      const last = parts.pop() ?? '';
      for (const p of parts) { this.insert(p); await this.submit(); }
      if (last) this.insert(last);
      return;
    }
    switch (d) {
      case '\r': await this.submit(); return;
      case '\x7f': case '\b':
        if (this.cursor > 0) {
          this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
          this.cursor--;
          this.redraw();
        }
        return;
      case '\x1b[3~':
        if (this.cursor < this.line.length) { this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1); this.redraw(); }
        return;
      case '\x1b[D': if (this.cursor > 0) { this.cursor--; this.term.write(d); } return;
      case '\x1b[C': if (this.cursor < this.line.length) { this.cursor++; this.term.write(d); } return;
      case '\x1b[H': case '\x01': this.cursor = 0; this.redraw(); return;
      case '\x1b[F': case '\x05': this.cursor = this.line.length; this.redraw(); return;
      case '\x1b[A':
        if (this.histAt > 0) { this.line = this.history[--this.histAt]!; this.cursor = this.line.length; this.redraw(); }
        return;
      case '\x1b[B':
        if (this.histAt < this.history.length) {
          this.histAt++;
          this.line = this.history[this.histAt] ?? '';
          this.cursor = this.line.length;
          this.redraw();
        }
        return;
      // Ctrl-C drops the line, and at PS2 the whole unfinished command.
      case '\x03': this.term.write('^C\r\n'); this.line = ''; this.cursor = 0; this.pending = undefined; this.showPrompt(); return;
      case '\x0c': this.term.clear(); this.redraw(); return;
      case '\x15': this.line = this.line.slice(this.cursor); this.cursor = 0; this.redraw(); return;
      case '\x0b': this.line = this.line.slice(0, this.cursor); this.redraw(); return;
      case '\x17': {
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '');
        this.line = before + this.line.slice(this.cursor);
        this.cursor = before.length;
        this.redraw();
        return;
      }
      case '\t': await this.completeWord(); return;
    }
    if (d >= ' ' && !d.startsWith('\x1b')) this.insert(d);
  }

  private async completeWord(): Promise<void> {
    const head = this.line.slice(0, this.cursor);
    const hits = await this.backend.complete(head);
    const cur = head.split(/\s+/).pop() ?? '';
    if (hits.length === 0) return;
    let common = hits[0]!;
    for (const h of hits) while (!h.startsWith(common)) common = common.slice(0, -1);
    if (hits.length === 1 && !common.endsWith('/')) common += ' ';
    if (common.length > cur.length) { this.insert(common.slice(cur.length)); return; }
    if (hits.length > 1) {
      this.term.write(`\r\n${hits.join('  ')}\r\n`);
      this.redraw();
    }
  }
}
