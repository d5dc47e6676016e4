// iterdev: read(2)/write(2) on files whose driver has only read_iter/write_iter (and a /proc file with only
// proc_read_iter): the VFS's synchronous kiocb over the user buffer, ki_pos as the file position, O_APPEND.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

describe('iterdev (read_iter, write_iter, proc_read_iter)', () => {
  it('writes replace, >> appends, reads come back from the position, /proc counts the calls', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('iterdev')}`)).status).toBe(0);
    expect((await t.run('cat /dev/iterdev')).stdout).toBe('');
    expect((await t.run('echo hello > /dev/iterdev')).status).toBe(0);
    expect((await t.run('cat /dev/iterdev')).stdout).toBe('hello\n');
    expect((await t.run('echo world >> /dev/iterdev')).status).toBe(0);
    expect((await t.run('cat /dev/iterdev')).stdout).toBe('hello\nworld\n');
    expect((await t.run('echo x > /dev/iterdev')).status).toBe(0);
    expect((await t.run('cat /dev/iterdev')).stdout).toBe('x\n');
    const stats = (await t.run('cat /proc/iterdev')).stdout;
    expect(stats).toMatch(/^stored 2 reads \d+ writes 3\n$/);
    expect(Number(/reads (\d+)/.exec(stats)![1])).toBeGreaterThanOrEqual(4);
    expect(t.log().filter((l) => /WARNING|BUG|Oops/.test(l))).toEqual([]);
    expect((await t.run('rmmod iterdev')).status).toBe(0);
    expect((await t.run('cat /proc/iterdev')).status).not.toBe(0);
  });
});
