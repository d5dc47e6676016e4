// defineKunitTests(): a module's KUnit cases as vitest tests — this file's own tests below the first
// describe are the example module's cases, registered while the file is collected.
import { describe, expect, it } from 'vitest';
import { bootKernel } from '../../src/worker/boot.node.js';
import { runKunitModule } from '../../src/testing/kunit-run.js';
import { defineKunitTests, kunitTestTree } from '../../src/vitest/index.node.js';
import { example, fixture } from '../helpers/paths.js';
import { readFileSync } from 'node:fs';

const runs = await defineKunitTests(example('kunit-example-test'), { boot: { isolate: 'none' } });

describe('defineKunitTests', () => {
  it('registered the example suite: a describe per suite, skips with their reason', () => {
    const tree = kunitTestTree(runs[0]!);
    expect(tree).toMatchObject({ name: 'kunit_example_test', kind: 'describe' });
    const suite = (tree as { children: { name: string; children: { name: string; kind: string }[] }[] }).children[0]!;
    expect(suite.name).toBe('example');
    expect(suite.children.slice(0, 3)).toEqual([
      { name: 'example_simple_test', kind: 'pass' },
      { name: 'example_skip_test (this test should be skipped)', kind: 'skip' },
      { name: 'example_mark_skipped_test (this test should be skipped)', kind: 'skip' },
    ]);
  });

  it('a failing case fails with the EXPECTATION FAILED text; a broken suite fails as "(suite)"', async () => {
    const kernel = await bootKernel({ isolate: 'none' });
    const run = await runKunitModule(kernel, readFileSync(fixture('kunit-fail')), fixture('kunit-fail'));
    await kernel.close();
    const [failing, broken] = (kunitTestTree(run) as { children: { name: string; kind: string; message?: string; children?: unknown[] }[] }).children;
    const str = (failing!.children as { name: string; kind: string; message?: string }[]).find((c) => c.name === 'fail_str_test')!;
    expect(str.kind).toBe('fail');
    expect(str.message).toMatch(/^# fail_str_test: EXPECTATION FAILED at .*kunit-fail\.c:26\nExpected s == "abd", but\n {4}s == "abc"$/);
    expect(broken).toEqual({ name: 'broken', kind: 'fail', message: '    # broken:     # failed to initialize (-19)' });
  });
});
