// RCU and the sleeping locks between kernel threads (wasm/kernel/rcu/update.c, wasm/kernel/locking/):
// each fixture checks the ordering Linux guarantees from inside the kernel and logs what it saw.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

describe('RCU', () => {
  it('synchronize_rcu() and call_rcu() wait for a reader inside its section; rcu_barrier() for the callbacks', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect(await t.run(`insmod ${fixture('rcu-basic')}`)).toMatchObject({ status: 0, stderr: '' });
    expect(await t.run('rmmod rcu_basic')).toMatchObject({ status: 0, stderr: '' });
    expect(log().filter((l) => l.startsWith('rcu_basic:') && !l.includes('taint'))).toEqual([
      'rcu_basic: synchronize_rcu waits for the reader',
      'rcu_basic: reader 1 saw value 1',
      'rcu_basic: the reader left first: yes',
      'rcu_basic: call_rcu callback waits for the reader',
      'rcu_basic: reader 2 saw value 1',
      'rcu_basic: after rcu_barrier the callback ran, after the reader: yes',
      'rcu_basic: done',
    ]);
    // kfree_rcu()'s object was the module's until it asked for the free: no leak at unload.
    expect(log().some((l) => /not freed at unload/.test(l))).toBe(false);
    expect(t.k.threads.list()).toEqual([]);
  });
});

describe('semaphores, rw_semaphores, seqlocks', () => {
  it('a second down() sleeps until up(); a waiting writer keeps new readers out; seqlock readers never see a torn pair', async () => {
    const t = await bootTestKernel();
    const log = t.mark();
    expect(await t.run(`insmod ${fixture('locks-basic')}`)).toMatchObject({ status: 0, stderr: '' });
    expect(log().filter((l) => l.startsWith('locks_basic:') && !l.includes('taint'))).toEqual([
      'locks_basic: down_trylock on a taken semaphore: 1',
      'locks_basic: down_timeout: -ETIME',
      'locks_basic: the second down() sleeps',
      'locks_basic: after up() the waiter has it',
      'locks_basic: two readers at once: yes',
      'locks_basic: the writer waits for the readers',
      'locks_basic: a new reader while the writer waits: kept out',
      'locks_basic: after the readers left the writer is in',
      'locks_basic: down_write_trylock while it writes: 0',
      'locks_basic: after downgrade_write a reader: let in',
      'locks_basic: rwsem_is_locked at the end: 0',
      'locks_basic: seqlock reads torn: 0, last pair 200000/200000',
    ]);
    expect(await t.run('rmmod locks_basic')).toMatchObject({ status: 0, stderr: '' });
  });
});
