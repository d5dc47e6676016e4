// The SMP examples (modules-src/kthread-pool, workqueue-demo, prodcons, rcu-list) from the shell, as a user runs them.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { BUILD, example } from '../helpers/paths.js';

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

  it('prodcons: a C program reads what a producer kthread makes, sleeping in read() until it comes; EOF at the end', async () => {
    const t = await bootTestKernel({ isolate: 'worker' });
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}\n`).join('');
    expect(await t.run(`insmod ${example('prodcons')} items=30 interval_ms=3`)).toMatchObject({ status: 0, stderr: '' });
    const r = await t.run(`${BUILD}/bin/prodcons-read`);
    expect(r).toEqual({ status: 0, stdout: lines(30), stderr: `prodcons-read: ${lines(30).length} bytes\n` });
    expect(await t.run('rmmod prodcons')).toMatchObject({ status: 0, stderr: '' });
    // O_NONBLOCK: the first item comes 200 ms after the open, so the first read finds nothing (EAGAIN)
    // and poll() waits for it; the items are the same.
    expect(await t.run(`insmod ${example('prodcons')} items=3 interval_ms=200`)).toMatchObject({ status: 0 });
    const nb = await t.run(`${BUILD}/bin/prodcons-read -n`);
    expect(nb).toEqual({ status: 0, stdout: lines(3), stderr: 'prodcons-read: 21 bytes, some reads found nothing yet (EAGAIN)\n' });
    expect(await t.run('rmmod prodcons')).toMatchObject({ status: 0, stderr: '' });
    expect((await t.run('dmesg | grep -c "prodcons: produced"')).stdout).toBe('2\n');
    expect((await t.run('ls /dev/prodcons')).status).not.toBe(0);
  });

  it('rcu-list: readers walk an RCU list while it is replaced entry by entry; no reader sees a retired entry', async () => {
    const t = await bootTestKernel();
    expect(await t.run(`insmod ${example('rcu-list')} readers=2 updates=1500`)).toMatchObject({ status: 0, stderr: '' });
    expect(await t.run('cat /proc/rcu_list')).toEqual({
      status: 0, stderr: '', stdout: [
        'entries 8', 'readers 2', 'updates 1500', 'retired by kfree_rcu 500, call_rcu 500, synchronize_rcu 500',
        'poisoned and freed 1000', 'torn reads 0', 'readers walked the list: yes', '',
      ].join('\n'),
    });
    expect(await t.run('rmmod rcu_list')).toMatchObject({ status: 0, stderr: '' });
    expect(t.log().some((l) => /not freed at unload/.test(l))).toBe(false);
    expect(t.k.threads.list()).toEqual([]);
  });

  it('LKMPG sleep: a second open of /proc/sleep sleeps until the first closes; cat_nonblock is told it would block', async () => {
    const t = await bootTestKernel({ isolate: 'worker' });
    const used = async () => (await t.run('cat /proc/modules')).stdout.match(/^sleep \d+ (\d+) /m)?.[1];
    expect(await t.run(`insmod ${example('sleep')}`)).toMatchObject({ status: 0, stderr: '' });
    expect(await t.run('echo hello > /proc/sleep')).toMatchObject({ status: 0 });
    expect(await t.run(`${BUILD}/bin/holdopen /proc/sleep 2 &`)).toMatchObject({ status: 0 });
    for (let i = 0; i < 100 && (await used()) !== '1'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await used()).toBe('1'); // the holder's open holds the module
    expect(await t.run(`${BUILD}/bin/cat_nonblock /proc/sleep`)).toEqual({ status: 1, stdout: 'Open would block\n', stderr: '' });
    // The blocking open sleeps in sleep_open() (by restart: the book's signal check sees SIGSTOP pending) until
    // the holder's close wakes it, then reads.
    const second = await t.run(`${BUILD}/bin/holdopen /proc/sleep 0`);
    expect(second).toMatchObject({ status: 0, stdout: 'Last input: hello\n' });
    expect(second.stderr).toMatch(/^(\[1\]\+ +Done +\S+holdopen \/proc\/sleep 2\n)?$/); // the holder's job notice
    expect(await t.run('wait')).toMatchObject({ status: 0 });
    expect(await used()).toBe('0'); // every open's reference was put back
    expect(await t.run(`${BUILD}/bin/cat_nonblock /proc/sleep`)).toEqual({ status: 0, stdout: 'Last input: hello\n', stderr: '' });
    expect(await t.run('rmmod sleep')).toMatchObject({ status: 0, stderr: '' });
  });

  it('LKMPG sched: work queued on an unbound workqueue of the module\'s own runs in a kworker; rmmod destroys the queue', async () => {
    const t = await bootTestKernel();
    const ran = logged(t.k, /work handler function/);
    expect(await t.run(`insmod ${example('sched')}`)).toMatchObject({ status: 0, stderr: '' });
    await ran;
    expect(t.k.threads.list().map((x) => x.comm)).toEqual([expect.stringMatching(/^kworker\/u\d+:0$/)]);
    expect(await t.run('rmmod sched')).toMatchObject({ status: 0, stderr: '' });
    expect(t.k.threads.list()).toEqual([]); // the queue's kworker went with destroy_workqueue()
  });
});
