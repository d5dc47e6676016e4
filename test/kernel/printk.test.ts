// The printk ring buffer: records, levels, continuations and dmesg's line format.
import { describe, expect, it } from 'vitest';
import { PrintkRing, formatRecord, formatTimestamp } from '../../src/kernel/printk.js';

function ring() {
  let ns = 0;
  const r = new PrintkRing(() => (ns += 1500));
  return r;
}

describe('printk records', () => {
  it('a level prefix sets the level; none means the default (4)', () => {
    const r = ring();
    r.log('\x016info\n');
    r.log('plain\n');
    expect(r.read().map((x) => [x.level, x.text])).toEqual([[6, 'info'], [4, 'plain']]);
  });

  it('KERN_CONT extends an open record; anything else starts a new one', () => {
    const r = ring();
    r.log('\x016part one');
    r.log('\x01c, two');
    r.log('\x01c, three\n');
    r.log('\x01c orphan\n');
    r.log('\x013no newline');
    r.log('\x016next');
    expect(r.read().map((x) => x.text)).toEqual(['part one, two, three', ' orphan', 'no newline', 'next']);
    expect(r.read()[1]!.level).toBe(4);
  });

  it('one call with an embedded newline is one record printed as two lines', () => {
    const r = ring();
    r.log('\x014first\nsecond\n');
    const [rec] = r.read();
    expect(formatRecord(rec!, { time: false })).toEqual(['first', 'second']);
    expect(formatRecord(rec!)[1]).toMatch(/^\[ +0\.000001\] second$/);
  });

  it('timestamps print as [%5lu.%06lu]', () => {
    expect(formatTimestamp(0)).toBe('[    0.000000]');
    expect(formatTimestamp(12_345_678_901)).toBe('[   12.345678]');
    expect(formatTimestamp(123_456_000_000_000)).toBe('[123456.000000]');
  });

  it('subscribers get each record once it is complete; clear hides what was read', () => {
    const r = ring();
    const seen: string[] = [];
    const off = r.subscribe((x) => seen.push(x.text));
    r.log('a');
    r.log('\x01cb\n');
    r.log('c\n');
    off();
    r.log('d\n');
    expect(seen).toEqual(['ab', 'c']);
    r.clear();
    expect(r.read()).toEqual([]);
    r.log('e\n');
    expect(r.read().map((x) => x.text)).toEqual(['e']);
  });
});
