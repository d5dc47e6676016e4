// Kernel threads on CPU workers (src/kernel/threads.ts, wasm/kernel/kthread.c): a thread runs in parallel
// with the host thread on the shared memory, sleeps for real in schedule(), and kthread_stop() waits for it.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

describe('kernel threads', () => {
  it('kthread_run starts threadfn on its own thread; init waits for its completion; kthread_stop returns its result', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect(await t.run(`insmod ${fixture('kthread-basic')}`)).toMatchObject({ status: 0, stderr: '' });
    expect(t.k.threads.list().map((x) => x.comm)).toEqual(['kbasic/3']);
    expect(await t.run('rmmod kthread_basic')).toMatchObject({ status: 0, stderr: '' });
    expect(log().filter((l) => /^kthread_basic: (kbasic|init|kthread_stop)/.test(l))).toEqual([
      'kthread_basic: kbasic/3 running, data 5, pid set, preempt_count 0',
      'kthread_basic: init saw the thread start',
      'kthread_basic: kbasic/3 stopping',
      'kthread_basic: kthread_stop returned 42',
    ]);
    expect(t.k.threads.list()).toEqual([]);
  });

  it('an Oops in a kernel thread kills that thread only: Linux\'s report with its Comm and PID, kthread_stop returns', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect((await t.run(`insmod ${fixture('kthread-basic')} how=1`)).status).toBe(0);
    const pid = t.k.threads.list()[0]!.pid;
    // The thread dies on its own: wait for it (the host thread serves its calls meanwhile).
    for (let i = 0; i < 200 && t.k.threads.list().length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.k.threads.list()).toEqual([]);
    const lines = log();
    expect(lines.some((l) => l.startsWith('BUG: unable to handle page fault for address:'))).toBe(true);
    expect(lines.find((l) => l.startsWith('CPU: '))).toMatch(new RegExp(`^CPU: 0 UID: 0 PID: ${pid} Comm: kbasic/3 `));
    expect(lines).toContain(' kbasic_fn [kthread_basic]');
    expect(await t.run('cat /proc/version')).toMatchObject({ status: 0 }); // the kernel runs on
    expect(await t.run('rmmod kthread_basic')).toMatchObject({ status: 0, stderr: '' });
    expect(log()).toContain('kthread_basic: kthread_stop returned 0');
  });

  it('a thread that leaves by kthread_exit() keeps its result for kthread_stop() (the module holds its task)', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    const before = t.k.usage();
    expect((await t.run(`insmod ${fixture('kthread-basic')} how=2`)).status).toBe(0);
    for (let i = 0; i < 200 && t.k.threads.list().length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.k.threads.list()).toEqual([]);
    expect(await t.run('rmmod kthread_basic')).toMatchObject({ status: 0 });
    expect(log()).toContain('kthread_basic: kthread_stop returned 7');
    // The task and its stack went with the last reference; only the pooled worker's channel remains.
    expect(t.k.usage().pages - before.pages).toBeLessThanOrEqual(1);
  });

  it('ps and /proc/PID show a kernel thread as Linux does: its comm, its sleeping state, in brackets with -f', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('kthread-basic')}`)).status).toBe(0);
    const pid = t.k.threads.list()[0]!.pid;
    expect(await t.run(`cat /proc/${pid}/comm`)).toMatchObject({ status: 0, stdout: 'kbasic/3\n' });
    const status = (await t.run(`cat /proc/${pid}/status`)).stdout;
    expect(status).toMatch(/^Name:\tkbasic\/3\n/);
    expect(status).toContain('\nState:\tS (sleeping)\n');
    expect(status).toContain(`\nPid:\t${pid}\n`);
    expect((await t.run(`cat /proc/${pid}/stat`)).stdout).toMatch(new RegExp(`^${pid} \\(kbasic/3\\) S 0 `));
    const ps = (await t.run('ps -e')).stdout.split('\n');
    expect(ps[0]).toBe('    PID TTY          TIME CMD');
    expect(ps).toContain(`${String(pid).padStart(7)} ?        00:00:00 kbasic/3`);
    expect((await t.run('ps -ef')).stdout).toMatch(new RegExp(`^root +${pid} +0 +0 00:00 \\? +00:00:00 \\[kbasic/3\\]$`, 'm'));
    // ps without -e: the terminal's processes only.
    expect((await t.run('ps')).stdout).not.toContain('kbasic');
    expect(await t.run('rmmod kthread_basic')).toMatchObject({ status: 0 });
    expect(await t.run(`cat /proc/${pid}/comm`)).toMatchObject({ status: 1 });
  });
});

describe('watchdogs over kernel threads', () => {
  const waitFor = async (t: Awaited<ReturnType<typeof bootTestKernel>>, re: RegExp) => {
    for (let i = 0; i < 100 && !t.log().some((l) => re.test(l)); i++) await new Promise((r) => setTimeout(r, 100));
    return t.log();
  };

  it('a kernel thread that never schedules is a soft lockup: Linux\'s report, taint L, reported again while stuck', async () => {
    const t = await bootTestKernel();
    expect(await t.run('cat /proc/sys/kernel/watchdog_thresh')).toMatchObject({ stdout: '10\n' });
    expect(await t.run('echo 1 > /proc/sys/kernel/watchdog_thresh')).toMatchObject({ status: 0 });
    expect((await t.run('echo 61 > /proc/sys/kernel/watchdog_thresh')).stderr).toMatch(/Invalid argument/);
    expect((await t.run(`insmod ${fixture('lockup')} how=1`)).status).toBe(0);
    const pid = t.k.threads.list()[0]!.pid;
    const lines = await waitFor(t, /soft lockup/);
    const at = lines.findIndex((l) => /soft lockup/.test(l));
    expect(lines[at]).toMatch(new RegExp(`^watchdog: BUG: soft lockup - CPU#0 stuck for [23]s! \\[spinner:${pid}\\]$`));
    expect(lines[at + 1]).toBe('Modules linked in: lockup(OE)');
    expect(lines[at + 2]).toMatch(new RegExp(`^CPU: 0 UID: 0 PID: ${pid} Comm: spinner Tainted: `));
    expect((await t.run('cat /proc/sys/kernel/tainted')).stdout).toSatisfy((s: string) => (Number(s) & (1 << 14)) !== 0);
    // Still stuck two seconds later: reported again, with the time since it last scheduled.
    for (let i = 0; i < 100 && t.log().filter((l) => /soft lockup/.test(l)).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(t.log().filter((l) => /soft lockup/.test(l))[1]).toMatch(/ stuck for [456]s! \[spinner:/);
    expect(await t.run('rmmod lockup')).toMatchObject({ status: 0, stderr: '' });
  });

  it('a kernel thread asleep uninterruptibly past hung_task_timeout_secs is reported as Linux\'s hung-task detector does', async () => {
    const t = await bootTestKernel();
    expect(await t.run('echo 1 > /proc/sys/kernel/hung_task_timeout_secs')).toMatchObject({ status: 0 });
    expect((await t.run(`insmod ${fixture('lockup')} how=2`)).status).toBe(0);
    const pid = t.k.threads.list()[0]!.pid;
    const lines = await waitFor(t, /^INFO: task sleeper/);
    const at = lines.findIndex((l) => /^INFO: task/.test(l));
    expect(lines.slice(at, at + 4)).toEqual([
      `INFO: task sleeper:${pid} blocked for more than 1 seconds.`,
      expect.stringMatching(/^ {6}Tainted: .* 6\.12\.0-lkm-wasm #1$/),
      '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      `task:sleeper         state:D stack:0     pid:${String(pid).padEnd(5)} tgid:${String(pid).padEnd(5)} ppid:2      flags:0x00000000`,
    ]);
    expect((await t.run(`grep State /proc/${pid}/status`)).stdout).toBe('State:\tD (disk sleep)\n');
    // Once per sleep: still the same sleep a second later, no second report.
    await new Promise((r) => setTimeout(r, 1200));
    expect(t.log().filter((l) => /^INFO: task/.test(l))).toHaveLength(1);
    expect(await t.run('rmmod lockup')).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('signals to kernel threads', () => {
  it('kill of a kthread PID wakes an interruptible sleep with the signal pending only if the thread allowed it', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect((await t.run(`insmod ${fixture('kthread-signal')}`)).status).toBe(0);
    const pid = (comm: string) => t.k.threads.list().find((x) => x.comm === comm)!.pid;
    const said = async (re: RegExp) => {
      for (let i = 0; i < 100 && !log().some((l) => re.test(l)); i++) await new Promise((r) => setTimeout(r, 20));
    };
    // Both asleep first (so the signal finds them sleeping).
    const states = `grep -h State /proc/${pid('ksigwait')}/status /proc/${pid('kdeaf')}/status`;
    for (let i = 0; i < 100 && (await t.run(states)).stdout !== 'State:\tS (sleeping)\nState:\tS (sleeping)\n'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await t.run(`kill -USR1 ${pid('ksigwait')}`)).toMatchObject({ status: 0, stderr: '' });
    await said(/woken by signal 10/);
    expect(await t.run(`kill -9 ${pid('ksigwait')}`)).toMatchObject({ status: 0 });
    await said(/woken by signal 9/);
    expect(await t.run(`kill -9 ${pid('kdeaf')}`)).toMatchObject({ status: 0 }); // ignored: it allowed nothing
    expect(await t.run('kill -9 4242')).toMatchObject({ status: 1, stderr: 'lkm: kill: (4242) - No such process\n' });
    expect(await t.run('rmmod kthread_signal')).toMatchObject({ status: 0, stderr: '' });
    expect(log().filter((l) => l.startsWith('kthread_signal: ') && !l.includes('taint'))).toEqual([
      'kthread_signal: ksigwait woken by signal 10 (fatal 0)',
      'kthread_signal: ksigwait woken by signal 9 (fatal 1)',
      'kthread_signal: ksigwait stops, signal pending 0',
      'kthread_signal: kdeaf stops, signal pending 0',
    ]);
  });
});
