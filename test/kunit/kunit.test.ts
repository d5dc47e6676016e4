// KUnit in modules (wasm/lib/kunit, <kunit/test.h>): a module's suites run when it goes live and print
// Linux 6.12's KTAP, line for line; debugfs keeps each suite's results; kunit.filter_glob= and
// kunit.enable= on the command line apply; a failing expectation, an assertion, an Oops in a case.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

const EXAMPLE_KTAP = [
  'KTAP version 1',
  '1..1',
  '    # example: initializing suite',
  '    KTAP version 1',
  '    # Subtest: example',
  '    # module: kunit_example_test',
  '    1..8',
  '    ok 1 example_simple_test',
  '    # example_skip_test: you should see this line',
  '    ok 2 example_skip_test # SKIP this test should be skipped',
  '    # example_mark_skipped_test: you should see this line too',
  '    ok 3 example_mark_skipped_test # SKIP this test should be skipped',
  '    ok 4 example_all_expect_macros_test',
  '    ok 5 example_static_stub_test',
  '        KTAP version 1',
  '        # Subtest: example_params_test',
  '        ok 1 example value 3',
  '        ok 2 example value 2',
  '        ok 3 example value 1',
  '        ok 4 example value 0 # SKIP unsupported param value 0',
  '    # example_params_test: pass:3 fail:0 skip:1 total:4',
  '    ok 6 example_params_test',
  '    ok 7 example_action_test',
  '    # example_slow_test.speed: slow',
  '    ok 8 example_slow_test',
  '    # example: exiting suite',
  '# example: pass:6 fail:0 skip:2 total:8',
  '# Totals: pass:8 fail:0 skip:3 total:11',
  'ok 1 example',
];

const TAINT_TEST = 1 << 18;

describe('KUnit suites of a module', () => {
  it('run at load with Linux KTAP, taint N, and leave nothing behind at unload', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect(await t.run(`insmod ${example('kunit-example-test')}`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(log().filter((l) => !l.includes('taints kernel') && !l.includes('tainting kernel'))).toEqual(EXAMPLE_KTAP);
    expect(t.k.taintMask & TAINT_TEST).toBe(TAINT_TEST);
    const after = t.mark();
    expect((await t.run('rmmod kunit_example_test')).status).toBe(0);
    expect(after()).toEqual([]); // no leak report: resources and actions were released per case
    expect((await t.run('ls /sys/kernel/debug/kunit')).stdout).toBe('');
  });

  it('/sys/kernel/debug/kunit/SUITE/results is the last run as its own KTAP document; run runs it again', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('kunit-example-test')}`);
    const results = (await t.run('cat /sys/kernel/debug/kunit/example/results')).stdout.split('\n');
    expect(results.slice(0, 6)).toEqual(['KTAP version 1', '1..1', '    KTAP version 1', '    # Subtest: example', '    1..8', '    ok 1 example_simple_test']);
    expect(results.slice(-6)).toEqual([
      '    # module: kunit_example_test', '    # example: exiting suite',
      '# example: pass:6 fail:0 skip:2 total:8', '# Totals: pass:8 fail:0 skip:3 total:11', 'ok 1 example', '',
    ]);
    const rerun = t.mark();
    expect((await t.run('echo 1 > /sys/kernel/debug/kunit/example/run')).status).toBe(0);
    const again = rerun();
    expect(again[0]).toBe('    # example: initializing suite');
    expect(again.at(-1)).toBe('ok 1 example');
    expect(again).not.toContain('KTAP version 1'); // only the suite's own list
    // The suite log starts anew: the results file holds one run.
    const twice = (await t.run('cat /sys/kernel/debug/kunit/example/results')).stdout;
    expect(twice.split('# Totals:').length).toBe(2);
  });

  it('failures print EXPECTATION/ASSERTION FAILED with the values; an Oops ends only its case', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect((await t.run(`insmod ${fixture('kunit-fail')}`)).status).toBe(0);
    const lines = log();
    const at = (s: string) => lines.indexOf(s);
    const file = lines.find((l) => l.includes('EXPECTATION FAILED at'))!.replace(/.* at (.*):\d+$/, '$1');
    expect(file).toMatch(/kunit-fail\.c$/);
    const from = (s: string, n: number) => lines.slice(at(s), at(s) + n);
    expect(from(`    # fail_eq_test: EXPECTATION FAILED at ${file}:12`, 9)).toEqual([
      `    # fail_eq_test: EXPECTATION FAILED at ${file}:12`,
      '    Expected x == 4, but',
      '        x == 3 (0x3)',
      `    # fail_eq_test: EXPECTATION FAILED at ${file}:13`,
      '    Expected x + 1 == 5, but',
      '        x + 1 == 4 (0x4)',
      '',
      'x was 3',
      '    not ok 1 fail_eq_test',
    ]);
    expect(from(`    # fail_assert_test: ASSERTION FAILED at ${file}:18`, 3)).toEqual([
      `    # fail_assert_test: ASSERTION FAILED at ${file}:18`,
      '    Expected 1 == 2 to be true, but is false',
      '    not ok 2 fail_assert_test', // KUNIT_FAIL after the assertion never ran
    ]);
    expect(lines).toContain('        s == "abc"');
    expect(lines).toContain('    Expected p is not error, but is: -12');
    expect(from('    Expected a == b, but', 5)).toEqual([
      '    Expected a == b, but', '        a ==', '         01 <02> 03 ', '        b ==', '         01 <09> 03 ',
    ]);
    // The Oops is Linux's record; the case fails as a faulted try, and the next cases still run.
    expect(lines).toContain('RIP: fail_oops_test [kunit_fail]');
    expect(from('    # fail_oops_test: try faulted', 3)).toEqual([
      '    # fail_oops_test: try faulted',
      '    # fail_oops_test: internal error occurred preventing test case from running: -4',
      '    not ok 6 fail_oops_test',
    ]);
    expect(lines).toContain(`    # fail_current_test: ${file}:54: from code under test`);
    expect(lines.slice(at('    ok 8 pass_test'))).toEqual([
      '    ok 8 pass_test',
      '# failing: pass:1 fail:7 skip:0 total:8',
      '# Totals: pass:1 fail:7 skip:0 total:8',
      'not ok 1 failing',
      '    # broken:     # failed to initialize (-19)',
      'not ok 2 broken',
    ]);
    // The module stays loaded and unloads cleanly.
    expect((await t.run('rmmod kunit_fail')).status).toBe(0);
  });

  it("modules-src/kunit-lib: the kernel's C library passes its KUnit suites", async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    await t.run(`insmod ${example('lib-kunit')}`);
    const lines = log();
    expect(lines.filter((l) => /^(ok|not ok) /.test(l))).toEqual(['ok 1 lib-string', 'ok 2 lib-list', 'ok 3 lib-vsprintf', 'ok 4 lib-kstrtox']);
    expect(lines.filter((l) => l.includes('not ok') || l.includes('FAILED'))).toEqual([]);
    expect(lines).toContain('    # vsprintf_format_test: pass:20 fail:0 skip:0 total:20');
  });

  it('/sys/module/kunit/parameters: the built-in module\'s parameters; stats_enabled=2 prints every case\'s stats', async () => {
    const t = await bootTestKernel();
    expect((await t.run('ls /sys/module/kunit; ls /sys/module/kunit/parameters')).stdout).toBe('parameters  uevent\nfilter_glob  stats_enabled\n');
    expect((await t.run('cat /sys/module/kunit/parameters/stats_enabled /sys/module/kunit/parameters/filter_glob')).stdout).toBe('1\n(null)\n');
    expect((await t.run('echo 2 > /sys/module/kunit/parameters/stats_enabled')).status).toBe(0);
    const log = t.mark();
    await t.run(`insmod ${example('kunit-example-test')}`);
    expect(log()).toContain('    # example_simple_test: pass:1 fail:0 skip:0 total:1');
    expect((await t.run('ls /sys/module/kunit/parameters/enable')).status).not.toBe(0); // mode 0: not in sysfs
  });

  it('a module named kunit cannot load: the built-in holds /sys/module/kunit ("module is already loaded", EINVAL)', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    const r = await t.run(`insmod ${fixture('kunit')}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid parameters');
    expect(log()).toContain('kunit: module is already loaded');
    expect((await t.run('lsmod')).stdout).toBe('Module                  Size  Used by\n');
  });

  it('kunit.filter_glob= keeps matching suites and cases; kunit.enable=0 runs nothing', async () => {
    const t = await bootTestKernel({ cmdline: 'kunit.filter_glob=example.*stub*' });
    const log = t.mark();
    await t.run(`insmod ${example('kunit-example-test')}`);
    expect(log().filter((l) => /^ *(ok|not ok|1\.\.)/.test(l))).toEqual(['1..1', '    1..1', '    ok 1 example_static_stub_test', 'ok 1 example']);

    const none = await bootTestKernel({ cmdline: 'kunit.filter_glob=nosuch' });
    const l2 = none.mark();
    await none.run(`insmod ${example('kunit-example-test')}`);
    expect(l2().filter((l) => !l.includes('taint'))).toEqual(['KTAP version 1', '1..0']);

    const off = await bootTestKernel({ cmdline: 'kunit.enable=0' });
    const l3 = off.mark();
    await off.run(`insmod ${example('kunit-example-test')}`);
    expect(l3().filter((l) => !l.includes('taint'))).toEqual(['KTAP version 1', '1..1', 'kunit: disabled']);
    expect(off.k.taintMask & TAINT_TEST).toBe(0);
  });
});
