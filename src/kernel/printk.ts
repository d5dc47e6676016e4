// The kernel log: a ring buffer of records as kernel/printk/printk.c keeps them (level, timestamp from
// the monotonic clock, text), with KERN_* prefixes, continuation lines and the console loglevel.

export interface LogRecord {
  seq: number;
  /** 0 (EMERG) … 7 (DEBUG). */
  level: number;
  /** Nanoseconds since boot when the record was started. */
  tsNs: number;
  /** Text without the trailing newline; may hold embedded newlines (printed as several lines). */
  text: string;
}

export type LogListener = (record: LogRecord) => void;

const SOH = '\x01';
const DEFAULT_CAPACITY = 1 << 14; // records kept (Linux keeps bytes; 16k records is a similar order)

/** `[%5lu.%06lu]` as print_time() formats it. */
export function formatTimestamp(tsNs: number): string {
  const us = Math.floor(tsNs / 1000);
  const sec = Math.floor(us / 1e6);
  const frac = us % 1e6;
  return `[${String(sec).padStart(5, ' ')}.${String(frac).padStart(6, '0')}]`;
}

/** Each line of a record as dmesg prints it: every line gets the record's timestamp prefix. */
export function formatRecord(r: LogRecord, opts: { time?: boolean } = {}): string[] {
  const prefix = opts.time === false ? '' : `${formatTimestamp(r.tsNs)} `;
  return r.text.split('\n').map((line) => prefix + line);
}

export class PrintkRing {
  private records: LogRecord[] = [];
  private nextSeq = 0;
  /** First sequence number not yet cleared by `dmesg -C`/`-c`. */
  private clearSeq = 0;
  /** The last record when it did not end with a newline: a KERN_CONT may still extend it. */
  private open: LogRecord | undefined;
  private listeners = new Set<LogListener>();
  /** console_loglevel, default_message_loglevel, minimum_console_loglevel, default_console_loglevel */
  readonly console: [number, number, number, number] = [7, 4, 1, 7];

  constructor(private readonly clockNs: () => number, private readonly capacity = DEFAULT_CAPACITY) {}

  /**
   * Stores one printk call: leading KERN_SOH prefixes set the level (or mark a continuation), a
   * trailing newline closes the record, text without one stays open for pr_cont.
   */
  log(raw: string): void {
    let level = -1;
    let cont = false;
    let text = raw;
    while (text.length >= 2 && text[0] === SOH) {
      const c = text[1]!;
      if (c >= '0' && c <= '7') level = c.charCodeAt(0) - 48;
      else if (c === 'c') cont = true;
      else break;
      text = text.slice(2);
    }
    const newline = text.endsWith('\n');
    if (newline) text = text.slice(0, -1);

    const open = this.open;
    if (open && cont && level < 0) {
      open.text += text;
      if (newline) this.close();
      return;
    }
    if (open) this.close();
    const rec: LogRecord = {
      seq: this.nextSeq++,
      level: level < 0 ? this.console[1] : level,
      tsNs: this.clockNs(),
      text,
    };
    this.records.push(rec);
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
    if (newline) this.emit(rec);
    else this.open = rec;
  }

  private close(): void {
    const rec = this.open;
    this.open = undefined;
    if (rec) this.emit(rec);
  }

  private emit(rec: LogRecord): void {
    for (const l of this.listeners) l(rec);
  }

  /** Finishes an open (newline-less) record, as the next reader of the log would see it. */
  flush(): void { this.close(); }

  /** Records still in the buffer and not cleared, oldest first (an open record included). */
  read(): LogRecord[] {
    return this.records.filter((r) => r.seq >= this.clearSeq);
  }

  /** Records with seq ≥ `seq` (for `dmesg` after a mark, and tests). */
  since(seq: number): LogRecord[] {
    return this.records.filter((r) => r.seq >= Math.max(seq, this.clearSeq));
  }

  get seq(): number { return this.nextSeq; }

  clear(): void { this.clearSeq = this.nextSeq; }

  /** Subscribes to completed records; returns the unsubscribe function. */
  subscribe(l: LogListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** The log as dmesg prints it. `level`: only these levels; `clear`: clear after reading (dmesg -c). */
export function dmesgLines(ring: PrintkRing, opts: { clear?: boolean; level?: number[]; time?: boolean } = {}): string[] {
  ring.flush();
  const recs = ring.read().filter((r) => !opts.level || opts.level.includes(r.level));
  if (opts.clear) ring.clear();
  return recs.flatMap((r) => formatRecord(r, { time: opts.time }));
}

/** The console: every completed record above the console loglevel, line by line, to `sink`. */
export function attachConsole(ring: PrintkRing, sink: (line: string, record: LogRecord) => void): void {
  ring.subscribe((r) => {
    if (r.level < ring.console[0]) for (const line of formatRecord(r)) sink(line, r);
  });
}
