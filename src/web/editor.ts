// The C editor: a textarea with a line-number gutter and a backdrop that marks compiler diagnostics at
// their line (the message is shown at the end of the line and in the gutter's tooltip).

export interface Marker { line: number; col: number; severity: 'error' | 'warning'; message: string; }

/** clang/modpost diagnostics `FILE:LINE:COL: error: MSG` for `file`. */
export function parseDiagnostics(text: string, file: string): Marker[] {
  const out: Marker[] = [];
  // Strip colour codes in case the compiler was asked for them.
  for (const raw of text.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const m = raw.match(/^(.*?):(\d+):(\d+): (fatal error|error|warning): (.*)$/);
    if (!m || m[1] !== file) continue;
    out.push({ line: Number(m[2]), col: Number(m[3]), severity: m[4] === 'warning' ? 'warning' : 'error', message: m[5]! });
  }
  return out;
}

const esc = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' }[c]!));

export class CodeEditor {
  private markers: Marker[] = [];
  onChange: () => void = () => {};

  constructor(readonly ta: HTMLTextAreaElement, private readonly gutter: HTMLElement, private readonly backdrop: HTMLElement) {
    ta.addEventListener('input', () => { this.markers = []; this.draw(); this.onChange(); });
    ta.addEventListener('scroll', () => this.sync());
    ta.addEventListener('keydown', (e) => this.key(e));
  }

  get value(): string { return this.ta.value; }
  set value(v: string) { this.ta.value = v; this.markers = []; this.draw(); this.ta.scrollTop = 0; }

  setMarkers(m: Marker[]): void {
    this.markers = m;
    this.draw();
    const first = m.find((x) => x.severity === 'error') ?? m[0];
    if (first) this.goto(first.line, first.col);
  }

  goto(line: number, col = 1): void {
    const lines = this.ta.value.split('\n');
    let at = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i]!.length + 1;
    at += Math.max(0, col - 1);
    this.ta.setSelectionRange(at, at);
    const lh = 18;
    const top = (line - 1) * lh;
    if (top < this.ta.scrollTop || top > this.ta.scrollTop + this.ta.clientHeight - 2 * lh) this.ta.scrollTop = Math.max(0, top - this.ta.clientHeight / 3);
    this.sync();
  }

  private draw(): void {
    const lines = this.ta.value.split('\n');
    const byLine = new Map<number, Marker[]>();
    for (const m of this.markers) (byLine.get(m.line) ?? byLine.set(m.line, []).get(m.line)!).push(m);
    const sev = (ms: Marker[] | undefined) => (ms?.some((m) => m.severity === 'error') ? 'err' : ms ? 'warning' : '');
    this.gutter.innerHTML = lines.map((_l, i) => {
      const ms = byLine.get(i + 1);
      return ms ? `<span class="${sev(ms)}" title="${esc(ms.map((m) => `${m.severity}: ${m.message}`).join('\n'))}">${i + 1}</span>` : String(i + 1);
    }).join('\n') + '\n';
    this.backdrop.innerHTML = lines.map((l, i) => {
      const ms = byLine.get(i + 1);
      if (!ms) return esc(l) || ' ';
      return `<span class="${sev(ms)}" data-line="${i + 1}">${esc(l)}<span class="msg">◀ ${esc(ms.map((m) => `${m.severity}: ${m.message}`).join(' · '))}</span></span>`;
    }).join('\n') + '\n';
    this.sync();
  }

  private sync(): void {
    this.backdrop.scrollTop = this.ta.scrollTop;
    this.backdrop.scrollLeft = this.ta.scrollLeft;
    this.gutter.scrollTop = this.ta.scrollTop;
  }

  /** Tab indents (the kernel style uses tabs); Escape leaves the editor, so Tab never traps focus. */
  private key(e: KeyboardEvent): void {
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && !this.escaped) {
      e.preventDefault();
      const { selectionStart: s, selectionEnd: t } = this.ta;
      this.ta.setRangeText('\t', s, t, 'end');
      this.ta.dispatchEvent(new Event('input'));
      return;
    }
    this.escaped = e.key === 'Escape';
  }

  private escaped = false;
}
