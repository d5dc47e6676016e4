// kunit.py's summary of a KTAP run (tools/testing/kunit/kunit_parser.py's printing): a 60-column
// divider, a header per list with its subtest count, "[PASSED] case" per leaf, the log of what failed,
// a footer per list, and "Testing complete. Ran N tests: passed: P, …" with the non-zero counts.

import { countTests, totalOf, type KtapTest, type TestCounts } from './ktap.js';

const DIVIDER_LEN = 60;
export const DIVIDER = '='.repeat(DIVIDER_LEN);

export interface ReportStyle {
  /** "[HH:MM:SS] " before every line (kunit.py's print_with_timestamp). */
  timestamp: () => string;
  /** Colours a result word or the summary by status (kunit.py: green, yellow, red); absent: plain text. */
  paint?: (status: KtapTest['status'], text: string) => string;
}

/** "[16:02:11] " from the local time, as kunit.py prints. */
export function clockTimestamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `[${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}] `;
}

/** "===== message =====" centred in 60 columns (at least 3 '=' a side when it does not fit). */
export function divider(message: string): string {
  const room = DIVIDER_LEN - message.length - 2;
  const left = room < 0 ? 3 : Math.floor(room / 2);
  const right = room < 0 ? 3 : room - left;
  return `${'='.repeat(left)} ${message} ${'='.repeat(right)}`;
}

const WORD: Record<KtapTest['status'], string> = {
  passed: '[PASSED]', skipped: '[SKIPPED]', failed: '[FAILED]', crashed: '[CRASHED]',
};

export class Report {
  readonly lines: string[] = [];
  constructor(private readonly style: ReportStyle) {}

  private print(text: string): void {
    this.lines.push(this.style.timestamp() + text);
  }

  private word(t: KtapTest): string {
    return this.style.paint ? this.style.paint(t.status, WORD[t.status]) : WORD[t.status];
  }

  /** One module's document: its suites between two full dividers. */
  document(tests: KtapTest[], errors: string[] = []): void {
    this.print(DIVIDER);
    for (const t of tests) this.test(t);
    for (const e of errors) this.print(`[ERROR] ${e}`);
    this.print(DIVIDER);
  }

  private test(t: KtapTest): void {
    if (t.subtests && t.subtests.length) {
      const n = t.expected;
      const count = n === undefined ? '' : n === 1 ? '(1 subtest)' : `(${n} subtests)`;
      this.print(divider(`${t.name ? `${t.name} ` : ''}${count}`));
      for (const s of t.subtests) this.test(s);
      if (t.status === 'failed' || t.status === 'crashed') this.log(t);
      // The colour codes do not count towards the width.
      const plain = `${WORD[t.status]} ${t.name}`;
      const line = divider(plain);
      this.print(line.replace(WORD[t.status], this.word(t)));
      return;
    }
    if (t.status === 'failed' || t.status === 'crashed') this.log(t);
    this.print(`${this.word(t)} ${t.name}`);
  }

  private log(t: KtapTest): void {
    for (const l of t.log) this.print(l);
  }

  /** "Testing complete. Ran 11 tests: passed: 8, skipped: 3" (extra: further results, e.g. leaks). */
  summary(counts: TestCounts): void {
    const parts = (['passed', 'failed', 'crashed', 'skipped', 'errors'] as const)
      .filter((k) => counts[k] > 0).map((k) => `${k}: ${counts[k]}`);
    const text = `Testing complete. Ran ${totalOf(counts)} tests: ${parts.join(', ')}`;
    const status: KtapTest['status'] = counts.failed || counts.crashed || counts.errors ? 'failed' : counts.passed ? 'passed' : 'skipped';
    this.print(this.style.paint ? this.style.paint(status, text) : text);
  }
}

export { countTests };
