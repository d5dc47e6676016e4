// Background jobs: `cmd &`, `jobs`, `wait`, and bash's Done notices; a reader that sleeps in a driver is
// woken by a writer of the same command line. Runs in-thread and (test/worker/suites-in-worker.test.ts)
// with the kernel in a worker.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

describe('shell jobs', () => {
  it('cat /dev/sleepy & sleeps until echo wakes it; wait; Done notice', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('sleepy')}`)).status).toBe(0);
    const r = await t.run('cat /dev/sleepy & echo hi > /dev/sleepy; wait');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toBe('[1] 1000\n[1]+  Done                    cat /dev/sleepy\n');
  });

  it('jobs lists a sleeping job as Running; wait %N returns its status once a writer wakes it', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('sleepy')}`);
    const started = await t.run('cat /dev/sleepy > /tmp/got &');
    expect(started.stderr).toBe('[1] 1000\n');
    // The sleeper is still running; the finished job is reported by jobs and then forgotten.
    const both = await t.run('true & wait %2; jobs');
    expect(both.stderr).toBe('[2] 1001\n');
    expect(both.stdout).toBe('[1]-  Running                 cat /dev/sleepy > /tmp/got &\n[2]+  Done                    true\n');
    expect((await t.run('jobs')).stdout).toBe('[1]+  Running                 cat /dev/sleepy > /tmp/got &\n');
    expect((await t.run('rmmod sleepy')).stderr).toBe('rmmod: ERROR: Module sleepy is in use\n');
    const w = await t.run('echo wake > /dev/sleepy; wait %1; echo $?');
    expect(w.stdout).toBe('0\n');
    expect(w.stderr).toBe('[1]+  Done                    cat /dev/sleepy > /tmp/got\n');
    expect((await t.run('cat /tmp/got')).stdout).toBe('wake\n');
    expect((await t.run('wait %3')).stderr).toBe('lkm: wait: %3: no such job\n');
    expect((await t.run('false & wait %1')).status).toBe(1);
    expect((await t.run('rmmod sleepy')).status).toBe(0);
  });

  it('a lone & is a syntax error; 2>&1 is not a job', async () => {
    const t = await bootTestKernel();
    expect((await t.run('&')).stderr).toBe("lkm: syntax error near unexpected token `&'\n");
    const r = await t.run('cat /nonexistent 2>&1');
    expect(r.stdout).toBe('cat: /nonexistent: No such file or directory\n');
    expect(r.stderr).toBe('');
  });
});
