// test-printf: the printf self-test module (modules-src/test-printf, after Linux's lib/test_printf.c).
// Its init checks the integer and string conversions and the %p extensions in buffers of several sizes
// and prints "test_printf: all N tests passed", or each failure and "failed F out of N tests" and
// returns -EINVAL, so insmod fails.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const BAD = /WARNING:|Oops|BUG|Unknown symbol|vsnprintf\(|kvasprintf\(|check failed|failed \d+ out of/;

describe('test-printf self-test module', () => {
  it('every check passes; the module loads and unloads cleanly', async () => {
    const t = await bootTestKernel();
    const r = await t.run(`insmod ${example('test-printf')}`);
    const log = t.log();
    expect(log.filter((l) => BAD.test(l))).toEqual([]);
    const summary = log.find((l) => /^test_printf: all \d+ tests passed$/.test(l));
    expect(summary).toBeDefined();
    expect(Number(/(\d+)/.exec(summary!)![1])).toBeGreaterThanOrEqual(100);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    const mark = t.mark();
    expect((await t.run('rmmod test_printf')).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual([]);
  });

  it('a failed check is named, counted, and makes insmod fail with EINVAL', async () => {
    const t = await bootTestKernel();
    const mark = t.mark();
    const r = await t.run(`insmod ${example('test-printf')} inject_failure=1`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/could not insert module .*test-printf\.ko: Invalid parameters/);
    const log = mark();
    expect(log).toContain(`test_printf: vsnprintf(buf, 256, "%pI4", ...) wrote '1.2.3.5', expected '1.2.3.4'`);
    expect(log).toContainEqual(expect.stringMatching(/^test_printf: failed 1 out of \d+ tests$/));
    expect((await t.run('lsmod')).stdout).not.toContain('test_printf');
  });
});
