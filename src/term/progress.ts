// A progress bar for a terminal (a TTY in Node, xterm in the browser): one line at the bottom, redrawn in
// place, with the command's own output scrolling above it (cargo's style). Nothing is drawn for operations
// that finish quickly, so a warm build or a small depmod prints exactly what it printed before. Callers
// create one only when the stream is a terminal: off a terminal there is no bar at all. No Node imports.

/** What a command knows of the terminal its stderr is (absent: not a terminal, so no bar). */
export interface TtyInfo {
  /** Width in characters (default 80). */
  columns?: number;
  /** How long an operation runs before its bar is drawn (ms, default 250). */
  progressDelayMs?: number;
}

export interface ProgressOptions {
  /** Draw only once the operation has run this long (ms); 0 draws at once. */
  delayMs?: number;
  /** Terminal width; the line is cut to it. */
  columns?: number;
  /** Clock (tests give their own). */
  now?: () => number;
}

export class ProgressBar {
  private done = 0;
  private total = 0;
  private detail = '';
  private shown = false;
  private lastLine = '';
  private readonly start: number;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly columns: number;

  constructor(private readonly write: (text: string) => void, private readonly label: string, opts: ProgressOptions = {}) {
    this.now = opts.now ?? (() => Date.now());
    this.start = this.now();
    this.delayMs = opts.delayMs ?? 250;
    this.columns = Math.max(20, opts.columns || 80);
  }

  /** More work became known (a build unit with N steps started). */
  add(n: number): void {
    this.total += n;
    this.draw();
  }

  /** One step finished; `detail` (a file name) is shown after the count. */
  step(detail = ''): void {
    this.done++;
    this.detail = detail;
    this.draw();
  }

  /** Sets the position outright (depmod reports done/total). */
  set(done: number, total: number): void {
    this.done = done;
    this.total = total;
    this.draw();
  }

  /** A writer that prints above the bar: clear the bar's line, print, draw it again. */
  above(write: (text: string) => void): (text: string) => void {
    return (text) => {
      const was = this.shown;
      this.clear();
      write(text);
      if (was) this.draw(true);
    };
  }

  /** Removes the bar from the screen (the operation is over). */
  end(): void {
    this.clear();
  }

  /** The line as drawn: `label [#####     ] 12/40 detail`, cut to the terminal width. */
  line(): string {
    const width = 24;
    const total = Math.max(this.total, this.done, 1);
    const fill = Math.round((width * this.done) / total);
    const text = `${this.label} [${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${this.done}/${total}${this.detail ? ` ${this.detail}` : ''}`;
    return text.length < this.columns ? text : text.slice(0, this.columns - 1);
  }

  private draw(force = false): void {
    if (!this.shown && this.now() - this.start < this.delayMs) return;
    const line = this.line();
    if (!force && this.shown && line === this.lastLine) return;
    this.write(`\r${line}\x1b[K`);
    this.shown = true;
    this.lastLine = line;
  }

  private clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
    this.lastLine = '';
  }
}
