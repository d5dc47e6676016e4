// The SMP examples (modules-src/kthread-pool, modules-src/workqueue-demo) from the shell, as a user runs them.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

/** Resolves when the kernel logs a record matching `re` (subscribe before causing it). */
function logged(k: { log: { subscribe(l: (r: { text: string }) => void): () => void } }, re: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const un = k.log.subscribe((r) => { if (re.test(r.text)) { un(); resolve(r.text); } });
  });
}

describe('SMP examples', () => {
  it('kthread-pool: 4 threads × 100000 increments under a spinlock give exactly 400000', async () => {
    const t = await bootTestKernel();
    expect(await t.run(`insmod ${example('kthread-pool')} iterations=100000`)).toMatchObject({ status: 0, stderr: '' });
    expect(t.k.threads.list().map((x) => x.comm)).toEqual(['kpool/0', 'kpool/1', 'kpool/2', 'kpool/3']);
    // The read waits (by restart) until every thread is done: a kernel thread's wake_up_all() wakes it.
    expect(await t.run('cat /proc/kthread_pool')).toEqual({
      status: 0, stderr: '', stdout: 'threads 4\niterations 100000\ncounter 400000\n',
    });
    expect(await t.run('rmmod kthread_pool')).toMatchObject({ status: 0, stderr: '' });
    expect(t.log()).toContain('kthread_pool: counter 400000');
    expect(t.k.threads.list()).toEqual([]);
  });

  it('workqueue-demo: work runs in a kworker, an ordered queue keeps its order, delayed work requeues itself', async () => {
    const t = await bootTestKernel();
    const third = logged(t.k, /tick 3/);
    expect(await t.run(`insmod ${example('workqueue-demo')}`)).toMatchObject({ status: 0, stderr: '' });
    await third;
    expect(await t.run('rmmod workqueue_demo')).toMatchObject({ status: 0, stderr: '' });
    expect(t.log().filter((l) => /^workqueue_demo: [^lm]/.test(l))).toEqual([
      'workqueue_demo: hello from a kworker',
      'workqueue_demo: ordered step 0',
      'workqueue_demo: ordered step 1',
      'workqueue_demo: ordered step 2',
      'workqueue_demo: ordered step 3',
      'workqueue_demo: ordered queue flushed',
      'workqueue_demo: tick 1',
      'workqueue_demo: tick 2',
      'workqueue_demo: tick 3',
      'workqueue_demo: 3 ticks',
    ]);
    // The ordered queue's kworker went with destroy_workqueue(); system_wq's stays, as on Linux.
    expect(t.k.threads.list().map((x) => x.comm)).toEqual(['kworker/0:0']);
  });

  it('the kernel in a worker starts its CPU workers from there: kthread-pool from the shell', async () => {
    const t = await bootTestKernel({ isolate: 'worker' });
    expect(await t.run(`insmod ${example('kthread-pool')} threads=2 iterations=50000`)).toMatchObject({ status: 0, stderr: '' });
    expect((await t.run('cat /proc/kthread_pool')).stdout).toBe('threads 2\niterations 50000\ncounter 100000\n');
    expect((await t.run('ps -e')).stdout).toMatch(/ \? +00:00:00 kpool\/1\n/);
    expect(await t.run('rmmod kthread_pool')).toMatchObject({ status: 0, stderr: '' });
  });
});
