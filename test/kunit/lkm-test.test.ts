// `lkm test`: builds, boots a kernel per module, prints kunit.py's summary (or --raw KTAP, --json), and
// exits 1 when anything failed, 2 on a usage error.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, fixture, FIXTURE_SRC, ROOT } from '../helpers/paths.js';

const run = promisify(execFile);
const LKM = join(ROOT, 'bin/lkm.js');

async function lkm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [LKM, 'test', ...args], { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const strip = (out: string) => out.split('\n').map((l) => l.replace(/^\[\d\d:\d\d:\d\d\] /, ''));

describe('lkm test', () => {
  it('passes a passing suite with the summary kunit.py prints', async () => {
    const r = await lkm(example('kunit-example-test'));
    expect(r.code).toBe(0);
    const lines = strip(r.stdout);
    expect(lines).toContain('=================== example (8 subtests) ===================');
    expect(lines).toContain('[SKIPPED] example_skip_test');
    expect(lines).toContain('===================== [PASSED] example =====================');
    expect(lines).toContain('Testing complete. Ran 11 tests: passed: 8, skipped: 3');
    expect(lines.find((l) => l.startsWith('Elapsed time: '))).toMatch(/^Elapsed time: [\d.]+s total, [\d.]+s building, [\d.]+s running$/);
  });

  it('fails (exit 1) on failing cases and shows their messages; builds a C file first', async () => {
    // Built where the copy is (as lkm run does), not in the source tree.
    const dir = mkdtempSync(join(tmpdir(), 'lkm-test-'));
    copyFileSync(join(FIXTURE_SRC, 'kunit-fail.c'), join(dir, 'kunit-fail.c'));
    const r = await lkm(join(dir, 'kunit-fail.c'), '--filter', 'failing.fail_str*');
    expect(r.code).toBe(1);
    const lines = strip(r.stdout);
    expect(lines).toContain('Expected s == "abd", but');
    expect(lines).toContain('[FAILED] fail_str_test');
    expect(lines).toContain('Testing complete. Ran 1 tests: failed: 1');
  });

  it('fails (exit 1) on a leak at unload even when every case passed, and names it', async () => {
    const r = await lkm(fixture('kunit-leak'));
    expect(r.code).toBe(1);
    expect(strip(r.stdout)).toContain('[PASSED] leaks_test');
    expect(r.stderr).toContain('lkm test: kunit_leak: 1 allocation (48 bytes) not freed at unload (48 bytes allocated in leaks_test)');
  });

  it('--fail-nth-sweep: a line per N, exit 1 on a leak; a module that allocates nothing passes', async () => {
    const r = await lkm('--fail-nth-sweep', fixture('sweep-leaky'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fail-nth 1: init -12 ENOMEM, clean\n');
    expect(r.stdout).toContain('fail-nth 6: init -12 ENOMEM, 1 object leaked (64 bytes, allocated in leaky_init)\n');
    expect(r.stdout).toMatch(/^sweep_leaky: \d+ fault-injectable calls in its load, \d+ runs$/m);
    const none = await lkm('--fail-nth-sweep', fixture('sweep-noalloc'));
    expect(none.stdout).toMatch(/^sweep_noalloc: \d+ fault-injectable calls? in its load/m);
    expect(none.code).toBe(0);
  });

  it('--raw prints the KTAP, --json the results as data', async () => {
    const raw = await lkm('--raw', '--filter', 'example.example_simple_test', example('kunit-example-test'));
    expect(raw.code).toBe(0);
    expect(raw.stdout.split('\n').slice(0, 2)).toEqual(['KTAP version 1', '1..1']);
    expect(raw.stdout).toContain('    ok 1 example_simple_test\n');
    const json = await lkm('--json', example('kunit-example-test'));
    const data = JSON.parse(json.stdout) as { modules: { module: string; failed: boolean; counts: Record<string, number>; suites: { name: string }[] }[] };
    expect(data.modules[0]).toMatchObject({ module: 'kunit_example_test', failed: false, counts: { passed: 8, skipped: 3, failed: 0 } });
    expect(data.modules[0]!.suites.map((s) => s.name)).toEqual(['example']);
  });

  it('a module without KUnit suites is an error; bad usage exits 2', async () => {
    const r = await lkm(example('hello'));
    expect(r.code).toBe(1);
    expect(strip(r.stdout)).toContain('[ERROR] Could not find any KTAP output. Did any KUnit tests run?');
    expect((await lkm()).code).toBe(2);
    const bad = await lkm('--bogus', example('hello'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("lkm test: unrecognized option '--bogus'");
    expect((await lkm('--cpus', '4', example('hello'))).stderr).toContain('--cpus 4: this kernel has one CPU');
  });
});
