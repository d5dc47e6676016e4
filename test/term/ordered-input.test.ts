// The lab terminal's key order (src/term/ordered-input.ts): a key typed while Tab completion is still
// waiting for the kernel is handled after it; keys for a running command go straight through.
import { describe, expect, it } from 'vitest';
import { OrderedInput } from '../../src/term/ordered-input.js';

/** A line editor in miniature: Tab completes asynchronously, Enter submits. */
function editor(busy = () => false) {
  let line = '';
  const ran: string[] = [];
  const direct: string[] = [];
  const input = new OrderedInput(async (k) => {
    if (busy()) { direct.push(k); return; }
    if (k === '\t') {
      const head = line;
      await new Promise((r) => setTimeout(r, 5)); // the kernel answers later
      if (head === 'cat /proc/mod') line = 'cat /proc/modules';
      else if (head === 'ins') line = 'insmod ';
    } else if (k === '\r') { ran.push(line); line = ''; } else line += k;
  }, busy);
  return { input, ran, direct, get line() { return line; } };
}

describe('OrderedInput', () => {
  it('Enter right after Tab runs the completed line', async () => {
    const e = editor();
    for (const k of 'cat /proc/mod') void e.input.push(k);
    void e.input.push('\t');
    await e.input.push('\r');
    expect(e.ran).toEqual(['cat /proc/modules']);
  });

  it('two quick Tabs complete once', async () => {
    const e = editor();
    for (const k of 'ins') void e.input.push(k);
    void e.input.push('\t');
    await e.input.push('\t');
    expect(e.line).toBe('insmod ');
  });

  it('keys for a running command are not queued behind the line', async () => {
    let running = false;
    const e = editor(() => running);
    const tab = e.input.push('\t');
    await new Promise((r) => setTimeout(r, 1)); // the completion is waiting for the kernel
    running = true;
    await e.input.push('\x03');
    expect(e.direct).toEqual(['\x03']); // handled before the completion came back
    await tab;
  });
});
