// static-key: DEFINE_STATIC_KEY_FALSE and static_branch_unlikely, switched through a misc device.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

describe('static-key (DEFINE_STATIC_KEY_FALSE, static_branch_enable/disable)', () => {
  it('takes the branch the key says, and starts disabled on every load', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('static-key')}`)).status).toBe(0);
    expect((await t.run('cat /dev/static_key')).stdout).toBe('disabled\n');
    expect((await t.run('echo 1 > /dev/static_key')).status).toBe(0);
    expect((await t.run('cat /dev/static_key')).stdout).toBe('enabled\n');
    // Enabling twice changes nothing.
    await t.run('echo y > /dev/static_key');
    expect(t.log().filter((l) => l === 'static_key: fast path enabled')).toHaveLength(1);
    expect((await t.run('echo maybe > /dev/static_key')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    const f = t.k.open('/dev/static_key', 1);
    expect(() => f.writeFrom({ view: () => new Uint8Array(1) }, 8, 1)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    expect(f.write('off')).toBe(3);
    f.close();
    expect(t.log()).toContain('static_key: fast path disabled');
    expect(t.k.readFile('/dev/static_key')).toBe('disabled\n');
    await t.run('echo 1 > /dev/static_key');
    expect((await t.run('rmmod static_key')).status).toBe(0);
    expect(t.k.readdir('/dev')).not.toContain('static_key');
    expect((await t.run(`insmod ${example('static-key')}`)).status).toBe(0);
    expect(t.k.readFile('/dev/static_key')).toBe('disabled\n');
  });
});
