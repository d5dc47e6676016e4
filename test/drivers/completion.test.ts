// Completions (linux/completion.h, kernel/sched/completion.c): complete() lets one wait through,
// complete_all() every one until reinit_completion(); an interruptible wait in a system call sleeps and
// restarts when completed; a wait with a timeout gives the jiffies left or 0.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

const settle = () => new Promise((r) => setTimeout(r, 0));

async function completer() {
  const t = await bootTestKernel();
  const log = t.mark();
  expect((await t.run(`insmod ${fixture('completer')}`)).status).toBe(0);
  return { t, lines: log().filter((l) => l.startsWith('completer: ') && !l.includes('taint')) };
}

describe('completions', () => {
  it('done counts, try_wait consumes one, a timed wait times out or returns the jiffies left', async () => {
    const { lines } = await completer();
    expect(lines).toEqual([
      'completer: done=0 try=0',
      'completer: timeout left=0',
      'completer: done=1 try=1 try=1 try=0',
      'completer: completed left=3',
      'completer: all try=1 try=1',
      'completer: reinit done=0',
    ]);
  });

  it('a read waiting for the completion sleeps until a write completes it; complete() wakes one reader', async () => {
    const { t } = await completer();
    const got: string[] = [];
    const a = t.k.readFileAsync('/proc/completer').then((s) => got.push(`a:${s}`));
    const b = t.k.readFileAsync('/proc/completer').then((s) => got.push(`b:${s}`));
    await settle();
    expect(t.k.waits.sleeping).toBe(2);
    await t.k.writeFileAsync('/proc/completer', 'one');
    await Promise.race([a, b]);
    await settle();
    expect(got).toHaveLength(1);
    expect(t.k.waits.sleeping).toBe(1);
    await t.k.writeFileAsync('/proc/completer', 'all');
    await Promise.all([a, b]);
    expect(got.map((g) => g.slice(2)).sort()).toEqual(['done\n', 'done\n']);
    // complete_all() holds until reset: a new reader passes at once, then after reset it sleeps.
    expect(await t.k.readFileAsync('/proc/completer')).toBe('done\n');
    await t.k.writeFileAsync('/proc/completer', 'reset');
    void t.k.readFileAsync('/proc/completer');
    await settle();
    expect(t.k.waits.sleeping).toBe(1);
  });
});
