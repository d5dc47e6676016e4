// The watchdog: module code that never returns is reported as Linux reports a soft lockup, the caller's
// thread keeps running, the call fails naming the module, and reboot() gives a working kernel back.
import { describe, expect, it } from 'vitest';
import { KernelHungError, SoftLockupError } from '../../src/worker/client.js';
import { TAINT } from '../../src/kernel/taint.js';
import { example, fixture } from '../helpers/paths.js';
import { boot, linesSince } from './helpers.js';

const L = 1 << TAINT.SOFTLOCKUP;

describe('watchdog (worker kernel)', () => {
  it('an init that loops forever: soft lockup record, taint L, caller responsive, reboot', async () => {
    const k = await boot('worker', { watchdogMs: 400 });
    await k.insmod(example('hello'));
    const seq = k.log.seq;
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 10);
    let err: unknown;
    try {
      await k.asProcess('insmod', () => k.insmod(fixture('spin')));
    } catch (e) {
      err = e;
    } finally {
      clearInterval(timer);
    }
    // The test's own thread kept running while the kernel spun.
    expect(ticks).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(SoftLockupError);
    const lockup = (err as SoftLockupError).lockup;
    expect(lockup).toMatchObject({ module: 'spin', function: 'spin_init', comm: 'insmod' });
    expect((err as Error).message).toMatch(/^watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! \[insmod:\d+\]: module spin did not return from spin_init/);

    const log = linesSince(k, seq);
    expect(log).toContain('spin: spinning in init');
    const i = log.findIndex((l) => l.startsWith('watchdog: '));
    expect(log[i]).toBe(`watchdog: BUG: soft lockup - CPU#0 stuck for ${lockup.seconds}s! [insmod:${lockup.pid}]`);
    expect(log[i + 1]).toBe('Modules linked in: spin(OE+) hello(OE)');
    expect(log[i + 2]).toMatch(new RegExp(`^CPU: 0 UID: 0 PID: ${lockup.pid} Comm: insmod Tainted: G +OE +6\\.12\\.0-lkm-wasm`));
    // Node's inspector tells where the worker was stuck: the module's own function, then its init.
    expect(lockup.trace).toEqual(['spin_forever [spin]', 'spin_init [spin]', 'do_init_module', 'load_module']);
    expect(log.slice(i + 4)).toEqual([
      'RIP: spin_forever [spin]', 'Call Trace:', ' <TASK>',
      ' spin_forever [spin]', ' spin_init [spin]', ' do_init_module', ' load_module', ' </TASK>',
    ]);
    expect((await k.tainted()) & L).toBe(L);
    // dmesg is the caller's copy: it works while the kernel is hung; kernel calls do not.
    expect((await k.dmesg({ time: false })).some((l) => l.startsWith('watchdog: BUG: soft lockup'))).toBe(true);
    await expect(k.lsmod()).rejects.toBeInstanceOf(KernelHungError);
    await expect(k.insmod(example('hello'))).rejects.toThrow(/soft lockup in module spin: call reboot\(\)/);

    await k.reboot();
    expect((await k.tainted()) & L).toBe(0);
    expect(await k.lsmod()).toEqual([]);
    const seq2 = k.log.seq;
    await k.insmod(example('hello'));
    expect(linesSince(k, seq2)).toContain('hello: Hello, world');
    expect((await k.readFile('/proc/modules'))).toMatch(/^hello \d+ 0 - Live/);
    // The previous boot's log is kept aside, like pstore.
    const prev = (k.log as unknown as { previousBoot: { text: string }[] }).previousBoot;
    expect(prev.some((r) => r.text.startsWith('watchdog: BUG: soft lockup'))).toBe(true);
  });

  it('a parameter setter that never returns (sysfs write) and a batch that reaches it', async () => {
    const k = await boot('worker', { watchdogMs: 300 });
    await k.insmod(fixture('spin'), 'where=none');
    const results = k.batch([
      { op: 'lsmod', args: [] },
      { op: 'writeFile', args: ['/sys/module/spin/parameters/trigger', '1'], comm: 'bash' },
      { op: 'lsmod', args: [] },
    ]);
    await expect(results).rejects.toBeInstanceOf(SoftLockupError);
    const err = await results.catch((e: SoftLockupError) => e);
    expect(err.lockup).toMatchObject({ comm: 'bash', function: 'param_attr_store' });
    expect(err.lockup.trace?.slice(0, 2)).toEqual(['spin_forever [spin]', 'spin_set [spin]']);
    expect((await k.dmesg({ time: false })).find((l) => l.startsWith('watchdog:'))).toMatch(/\[bash:\d+\]$/);
    await k.reboot();
    await k.insmod(example('hello'));
    expect((await k.lsmod()).map((m) => m.name)).toEqual(['hello']);
  });

  it('work that finishes in time is not reported', async () => {
    const k = await boot('worker', { watchdogMs: 5000 });
    for (let i = 0; i < 5; i++) {
      await k.insmod(example('hello'));
      await k.rmmod('hello');
    }
    expect((await k.dmesg()).some((l) => l.includes('soft lockup'))).toBe(false);
    expect((await k.tainted()) & L).toBe(0);
  });
});
