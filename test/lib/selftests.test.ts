// The library self-test modules (modules-src/test-*): each init runs its checks, prints Linux's
// "NAME: N of M tests passed" summary, names every failed check ("BUG at FUNC:LINE: CHECK"), and
// returns 0 only if all passed, so insmod fails (EINVAL) on a wrong implementation.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, TEST_ISOLATE } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const dec = new TextDecoder();
const O_RDWR = 2;
// Any kernel report: a BUG (incl. a sleeping allocation under a lock), a WARN, an Oops, an unresolved symbol, a leak.
const BAD = /BUG at |BUG: |WARNING:|Oops|Unknown symbol|leak|not freed/;

/** [module file, module name, summary prefixes, least number of checks each]. */
const SELFTESTS: [string, string, [string, number][]][] = [
  ['test-rbtree', 'test_rbtree', [['rbtree', 90]]],
  ['test-llist', 'test_llist', [['llist', 25]]],
  ['test-kfifo', 'test_kfifo', [['kfifo', 95]]],
  ['test-hashtable', 'test_hashtable', [['hashtable', 50]]],
  ['test-xarray', 'test_xarray', [['XArray', 6000]]],
  ['test-idr', 'test_idr', [['IDR', 70], ['IDA', 35]]],
];

/** Self-tests in the frame of Linux's kselftest_module.h (modules-src/selftests): [module file, name, least checks]. */
const KSTM: [string, string, number][] = [
  ['test-bitmap', 'test_bitmap', 100], ['test-uuid', 'test_uuid', 70], ['test-crc32', 'test_crc32', 200],
  ['test-sort', 'test_sort', 20], ['test-hexdump', 'test_hexdump', 13], ['test-string', 'test_string', 35],
];

describe('kselftest modules (loaded., all N tests passed, taint N)', () => {
  for (const [file, name, least] of KSTM) {
    it(`${file}: "${name}: all N tests passed", TAINT_TEST, clean unload`, async () => {
      const t = await bootTestKernel();
      const r = await t.run(`insmod ${example(file)}`);
      const log = t.log();
      expect(log.filter((l) => BAD.test(l) || l.includes('check failed') || l.includes('failed '))).toEqual([]);
      expect(log).toContain(`${name}: loaded.`);
      const line = log.find((l) => l.startsWith(`${name}: all `));
      expect(line).toMatch(new RegExp(`^${name}: all (\\d+) tests passed$`));
      expect(Number(/all (\d+)/.exec(line!)![1])).toBeGreaterThanOrEqual(least);
      expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
      expect((await t.run('cat /proc/sys/kernel/tainted')).stdout.trim()).toMatch(/^\d+$/);
      expect(Number((await t.run('cat /proc/sys/kernel/tainted')).stdout) & (1 << 18)).toBe(1 << 18);
      const mark = t.mark();
      expect((await t.run(`rmmod ${name}`)).status).toBe(0);
      expect(mark().filter(Boolean)).toEqual([`${name}: unloaded.`]);
    });
  }
});

describe('library self-test modules', () => {
  for (const [file, name, summaries] of SELFTESTS) {
    it(`${file}: every check passes; the module loads and unloads cleanly`, async () => {
      const t = await bootTestKernel();
      const r = await t.run(`insmod ${example(file)}`);
      const log = t.log();
      expect(log.filter((l) => BAD.test(l))).toEqual([]);
      for (const [prefix, least] of summaries) {
        const line = log.find((l) => l.startsWith(`${prefix}: `) && l.endsWith(' tests passed'));
        expect(line, `${prefix} summary`).toBeDefined();
        const m = /^\S+: (\d+) of (\d+) tests passed$/.exec(line!);
        expect(m).not.toBeNull();
        expect(Number(m![1])).toBe(Number(m![2]));
        expect(Number(m![2])).toBeGreaterThanOrEqual(least);
      }
      expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
      const mark = t.mark();
      expect((await t.run(`rmmod ${name}`)).status).toBe(0);
      expect(mark().filter(Boolean)).toEqual([]);
    });
  }

  it('test-rbtree with another tree size, test-idr with the checks that WARN by design', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('test-rbtree')} nnodes=3000`)).status).toBe(0);
    expect(t.log()).toContainEqual(expect.stringMatching(/^rbtree: (\d+) of \1 tests passed$/));
    const mark = t.mark();
    expect((await t.run(`insmod ${example('test-idr')} run_warn_tests=1`)).status).toBe(0);
    const log = mark();
    expect(log).toContain('ida_free called for id=77 which is not allocated.');
    expect(log).toContainEqual(expect.stringMatching(/^WARNING: CPU: 0 PID: \d+ at \S*lib\/idr\.c:\d+ ida_free$/));
    expect(log).toContainEqual(expect.stringMatching(/^IDA: (\d+) of \1 tests passed$/));
    expect(log.filter((l) => l.includes('BUG at '))).toEqual([]);
  });

  // k.open() is the in-thread kernel's (a worker kernel is driven through the shell only).
  it.skipIf(TEST_ISOLATE === 'worker')('test-kfifo /proc fifos: kfifo_from_user and kfifo_to_user with user buffers, bytes and records', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('test-kfifo')}`)).status).toBe(0);

    // A byte fifo of 32: writes store what fits, reads take what is there, across the wrap.
    const b = t.k.open('/proc/test_kfifo_bytes', O_RDWR);
    expect(b.write('hello')).toBe(5);
    expect(b.write('0123456789abcdefghijklmnopqrstuvwxyz')).toBe(27);
    expect(() => b.write('x')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(dec.decode(b.read(3))).toBe('hel');
    expect(dec.decode(b.read(100))).toBe('lo0123456789abcdefghijklmnopq');
    expect(b.read(100).length).toBe(0);
    let want = '';
    let got = '';
    for (let i = 0; i < 10; i++) {
      const chunk = String.fromCharCode(65 + i).repeat(7 + i);
      want += chunk;
      expect(b.write(chunk)).toBe(chunk.length);
      got += dec.decode(b.read(64));
    }
    expect(got).toBe(want);
    // A bad user pointer: EFAULT, nothing taken.
    expect(() => b.writeFrom({ view: () => new Uint8Array(4) }, 64, 4)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    expect(b.write('ok')).toBe(2);
    expect(() => b.readInto({ view: () => new Uint8Array(4) }, 64, 4)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    expect(dec.decode(b.read(10))).toBe('ok');
    b.close();
    expect((await t.run('echo shell > /proc/test_kfifo_bytes')).status).toBe(0);
    expect((await t.run('cat /proc/test_kfifo_bytes')).stdout).toBe('shell\n');

    // A record fifo of 64 with 1-byte lengths: one write, one record; a short read drops the rest.
    const r = t.k.open('/proc/test_kfifo_records', O_RDWR);
    expect(r.write('abc')).toBe(3);
    expect(r.write('hello')).toBe(5);
    expect(dec.decode(r.read(2))).toBe('ab');
    expect(dec.decode(r.read(100))).toBe('hello');
    expect(r.read(100).length).toBe(0);
    expect(() => r.write('y'.repeat(64))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(r.write('z'.repeat(63))).toBe(63);
    expect(() => r.write('a')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(dec.decode(r.read(100))).toBe('z'.repeat(63));
    r.close();

    expect((await t.run('rmmod test_kfifo')).status).toBe(0);
    expect(() => t.k.open('/proc/test_kfifo_bytes')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
