// `lkm run` as CI uses it: each kind of failure (Oops, WARN, leak, soft lockup, failed rmmod, a failing
// --exec command) gives its exit status and one stderr line; --allow-warn; usage errors.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/run.js';
import { parseRunArgs } from '../../src/cli/run-options.js';
import { RUN_STATUS, verdict } from '../../src/cli/run-report.js';
import { example, fixture } from '../helpers/paths.js';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((t: string | Uint8Array) => { stdout += String(t); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => { stderr += String(t); return true; });
});
afterEach(() => { vi.restoreAllMocks(); });

const run = async (...argv: string[]) => ({ status: await main(argv), stdout, stderr });
const bad = fixture('misbehave');

describe('lkm run: what fails the run', () => {
  it('a module that behaves: 0, nothing on stderr, its log on stdout', async () => {
    const r = await run(bad);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/misbehave: init\n.*misbehave: exit\n$/s);
  });

  it('a WARN in init or in exit: 5, named with its phase', async () => {
    const init = await run(bad, 'warn_init=1');
    expect(init.status).toBe(RUN_STATUS.WARN);
    expect(init.stderr).toBe('lkm run: module misbehave: WARNING in init (kernel tainted W)\n');
    stderr = '';
    const exit = await run(bad, 'warn_exit=1');
    expect(exit.status).toBe(RUN_STATUS.WARN);
    expect(exit.stderr).toBe('lkm run: module misbehave: WARNING in exit (kernel tainted W)\n');
  });

  it('every WARN counts (/sys/kernel/warn_count), also after the kernel is tainted W', async () => {
    const r = await run(bad, 'warn_init=1', 'warn_exit=2');
    expect(r.status).toBe(RUN_STATUS.WARN);
    expect(r.stderr).toBe('lkm run: module misbehave: WARNING in init (kernel tainted W)\n' +
      'lkm run: module misbehave: 2 WARNINGs in exit (kernel tainted W)\n');
  });

  it('an Oops in exit: 7, and rmmod failed (the module stays "Unloading")', async () => {
    const r = await run(bad, 'oops_exit=1');
    expect(r.status).toBe(RUN_STATUS.OOPS);
    expect(r.stderr).toBe('Segmentation fault\n' +
      'lkm run: module misbehave: Oops in exit (kernel tainted D)\n' +
      'lkm run: module misbehave: rmmod failed (exit status 139); still loaded (Unloading)\n');
  });

  it('an Oops in init: 7 (insmod itself fails)', async () => {
    const r = await run(fixture('faulty'), 'kind=trap');
    expect(r.status).toBe(RUN_STATUS.OOPS);
    expect(r.stderr).toContain('lkm run: module faulty: Oops in init (kernel tainted D)\n');
  });

  it('a leak at unload: 4, from the kernel\'s leak report', async () => {
    const r = await run(fixture('leaky'));
    expect(r.status).toBe(RUN_STATUS.LEAK);
    expect(r.stderr).toBe('lkm run: module leaky: leak: 2 allocations (4100 bytes) not freed at unload\n');
  });

  it('an init that fails: 1', async () => {
    const r = await run(example('init-fails'));
    expect(r.status).toBe(RUN_STATUS.FAILED);
  });

  it('--allow-warn: a WARN and a leak are reported but pass; an Oops still fails', async () => {
    const ok = await run('--allow-warn', bad, 'warn_exit=1', 'leak=1');
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('lkm run: module misbehave: WARNING in exit (kernel tainted W) [allowed by --allow-warn]\n' +
      'lkm run: module misbehave: leak: 1 allocation (100 bytes) not freed at unload [allowed by --allow-warn]\n');
    stderr = '';
    expect((await run(bad, '--allow-warn', 'oops_exit=1')).status).toBe(RUN_STATUS.OOPS);
  });

  it('a soft lockup: 8, nothing unloaded', async () => {
    vi.stubEnv('LKM_WATCHDOG_MS', '1000');
    const r = await run(fixture('spin'));
    expect(r.status).toBe(RUN_STATUS.LOCKUP);
    expect(r.stderr).toContain('lkm run: module spin: soft lockup in init (kernel tainted L; the kernel hung, nothing was unloaded)\n');
    vi.unstubAllEnvs();
  });
});

describe('lkm run --exec', () => {
  it('runs the commands between load and unload; their output is printed in order', async () => {
    const r = await run(bad, 'leak=1', '--exec', 'cat /sys/module/misbehave/parameters/leak; lsmod | grep -c misbehave', '--allow-warn');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/misbehave: init\nY\n1\n.*misbehave: exit\n/s);
  });

  it('-c: a failing command fails the run (3), stops the rest (set -e), and rmmod still happens', async () => {
    const r = await run(bad, '-c', 'true && false; echo not-reached');
    expect(r.status).toBe(RUN_STATUS.EXEC);
    expect(r.stdout).not.toContain('not-reached');
    expect(r.stdout).toContain('misbehave: exit\n');
    expect(r.stderr).toBe('lkm run: --exec commands failed (exit status 1)\n');
  });

  it('a failure tested by && or || does not stop the commands', async () => {
    const r = await run(bad, '-c', 'false || echo handled; false && echo no; echo last');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('handled\nlast\n');
  });
});

describe('lkm run: the command line', () => {
  it('unknown options and a missing target are usage errors (2)', async () => {
    const r = await run(bad, '--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("lkm run: unknown option '--bogus'\nTry 'lkm run --help'.\n");
    stderr = '';
    expect((await run()).status).toBe(2);
    expect((await run(bad, '--exec')).stderr).toContain("option '--exec' needs a value");
    expect((await run('-h')).status).toBe(0);
    expect(stdout).toContain('--allow-warn');
  });

  it('options may come before or after the target; parameters stay in order', () => {
    expect(parseRunArgs(['-e', 'a', 'm.ko', 'x=1', '--exec=b', 'y=2', '--', '-z'])).toEqual(
      { target: 'm.ko', params: ['x=1', 'y=2', '-z'], exec: ['a', 'b'], allowWarn: false });
  });

  it('the highest status of the problems that count wins', () => {
    const v = verdict([{ status: 4, text: 'a' }, { status: 7, text: 'b' }, { status: 8, text: 'c', allowed: true }], 0);
    expect(v.status).toBe(7);
    expect(v.lines).toBe('lkm run: a\nlkm run: b\nlkm run: c [allowed by --allow-warn]\n');
  });
});
