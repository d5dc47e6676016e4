// The KTAP parser (src/kunit/ktap.ts) and kunit.py's summary (src/kunit/report.ts): a tree per module,
// logs attached to the test whose result follows, leaf counts, and the summary's exact layout.
import { describe, expect, it } from 'vitest';
import { countTests, parseKtap } from '../../src/testing/ktap.js';
import { divider, Report } from '../../src/testing/kunit-report.js';

const DOC = [
  'some earlier line',
  'KTAP version 1',
  '1..2',
  '    KTAP version 1',
  '    # Subtest: alpha',
  '    # module: alpha_test',
  '    1..3',
  '    ok 1 first',
  '    # second: EXPECTATION FAILED at a.c:3',
  '    Expected 1 == 2, but',
  '        x == 1 (0x1)',
  '    not ok 2 second',
  '        KTAP version 1',
  '        # Subtest: third',
  '        ok 1 param-0',
  '        ok 2 param-1 # SKIP no',
  '    # third: pass:1 fail:0 skip:1 total:2',
  '    ok 3 third',
  '# alpha: pass:2 fail:1 skip:0 total:3',
  'not ok 1 alpha',
  '    # beta: failed to initialize (-19)',
  'not ok 2 beta',
];

describe('parseKtap', () => {
  it('builds the tree: suites, cases, parameters, logs and plans', () => {
    const doc = parseKtap(DOC);
    expect(doc.errors).toEqual([]);
    expect(doc.lines[0]).toBe('KTAP version 1');
    const [alpha, beta] = doc.tests;
    expect(alpha).toMatchObject({ name: 'alpha', status: 'failed', expected: 3, number: 1 });
    expect(alpha!.log).toEqual(['# module: alpha_test', '# alpha: pass:2 fail:1 skip:0 total:3']);
    expect(alpha!.subtests!.map((t) => [t.name, t.status])).toEqual([['first', 'passed'], ['second', 'failed'], ['third', 'passed']]);
    expect(alpha!.subtests![1]!.log).toEqual(['# second: EXPECTATION FAILED at a.c:3', 'Expected 1 == 2, but', '    x == 1 (0x1)']);
    expect(alpha!.subtests![2]!.subtests!.map((t) => [t.name, t.status, t.directive])).toEqual([
      ['param-0', 'passed', undefined], ['param-1', 'skipped', 'SKIP no'],
    ]);
    expect(beta).toMatchObject({ name: 'beta', status: 'failed', log: ['    # beta: failed to initialize (-19)'] });
    expect(countTests(doc.tests)).toEqual({ passed: 2, failed: 2, crashed: 0, skipped: 1, errors: 0 });
  });

  it('a list cut off (the kernel stopped printing) is crashed; no KTAP at all is an error', () => {
    const doc = parseKtap(DOC.slice(0, 13));
    expect(doc.tests[0]!.status).toBe('crashed');
    expect(doc.errors).toContain('expected 2 tests, but found 1');
    expect(parseKtap(['hello']).errors).toEqual(['Could not find any KTAP output. Did any KUnit tests run?']);
  });
});

describe("kunit.py's summary", () => {
  it('centres headers and footers in 60 columns', () => {
    expect(divider('example (8 subtests)')).toBe(`${'='.repeat(19)} example (8 subtests) ${'='.repeat(19)}`);
    expect(divider('[PASSED] example')).toBe(`${'='.repeat(21)} [PASSED] example ${'='.repeat(21)}`);
    expect(divider('x'.repeat(70))).toBe(`=== ${'x'.repeat(70)} ===`);
  });

  it('prints results, the logs of what failed, and the non-zero counts', () => {
    const r = new Report({ timestamp: () => '[t] ' });
    const doc = parseKtap(DOC);
    r.document(doc.tests);
    r.summary(countTests(doc.tests));
    expect(r.lines).toEqual([
      `[t] ${'='.repeat(60)}`,
      `[t] ${divider('alpha (3 subtests)')}`,
      '[t] [PASSED] first',
      '[t] # second: EXPECTATION FAILED at a.c:3',
      '[t] Expected 1 == 2, but',
      '[t]     x == 1 (0x1)',
      '[t] [FAILED] second',
      `[t] ${divider('third ')}`,
      '[t] [PASSED] param-0',
      '[t] [SKIPPED] param-1',
      `[t] ${divider('[PASSED] third')}`,
      '[t] # module: alpha_test',
      '[t] # alpha: pass:2 fail:1 skip:0 total:3',
      `[t] ${divider('[FAILED] alpha')}`,
      '[t]     # beta: failed to initialize (-19)',
      '[t] [FAILED] beta',
      `[t] ${'='.repeat(60)}`,
      '[t] Testing complete. Ran 5 tests: passed: 2, failed: 2, skipped: 1',
    ]);
  });
});
