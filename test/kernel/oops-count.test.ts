// /sys/kernel/warn_count and /sys/kernel/oops_count (Linux 6.2+): every WARN and every Oops of the boot.

import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { fixture } from '../helpers/paths.js';

describe('/sys/kernel/warn_count and oops_count', () => {
  it('start at 0, count each WARN and each Oops, and are read-only', async () => {
    const t = await bootTestKernel();
    const counts = async () => (await t.run('cat /sys/kernel/warn_count /sys/kernel/oops_count')).stdout;
    expect(await counts()).toBe('0\n0\n');
    expect((await t.run(`insmod ${fixture('misbehave')} warn_init=1 warn_exit=2`)).status).toBe(0);
    expect(await counts()).toBe('1\n0\n');
    await t.run('rmmod misbehave');
    expect(await counts()).toBe('3\n0\n');
    expect((await t.run(`insmod ${fixture('faulty')} kind=trap`)).status).toBe(139);
    expect((await t.run(`insmod ${fixture('misbehave')} oops_exit=1 && rmmod misbehave`)).status).toBe(139);
    expect(await counts()).toBe('3\n2\n');
    expect((await t.run('echo 0 > /sys/kernel/warn_count')).status).toBe(1);
    expect(await counts()).toBe('3\n2\n');
  });
});
