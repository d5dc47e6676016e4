// The memory devices of major 1 (drivers/char/mem.c): null, zero, full, random, urandom, made at boot.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';

const enc = new TextEncoder();

describe('/dev/null, /dev/zero, /dev/full, /dev/random, /dev/urandom', () => {
  it('exist at boot in class mem, mode 0666, major 1', async () => {
    const t = await bootTestKernel();
    expect((await t.run('ls -l /dev')).stdout).toMatch(
      /^total 0\ncrw-rw-rw- 1 root root 1, 7 .* full\ncrw-rw-rw- 1 root root 1, 3 .* null\ncrw-rw-rw- 1 root root 1, 8 .* random\ncrw-rw-rw- 1 root root 1, 9 .* urandom\ncrw-rw-rw- 1 root root 1, 5 .* zero\n$/);
    expect((await t.run('cat /proc/devices')).stdout).toBe('Character devices:\n  1 mem\n 10 misc\n 13 input\n\nBlock devices:\n');
    expect((await t.run('cat /sys/class/mem/null/dev')).stdout).toBe('1:3\n');
  });

  it('behave as on Linux: the bit bucket, zeros, a full disk, random bytes', async () => {
    const t = await bootTestKernel();
    const nul = t.k.open('/dev/null', 2);
    expect(nul.write(enc.encode('gone'))).toBe(4);
    expect(nul.read(16).length).toBe(0);
    expect(nul.lseek(100, 0)).toBe(0);
    nul.close();
    const zero = t.k.open('/dev/zero', 2);
    expect([...zero.read(8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(zero.write(enc.encode('x'))).toBe(1);
    zero.close();
    const full = t.k.open('/dev/full', 2);
    expect(() => full.write(enc.encode('x'))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect([...full.read(3)]).toEqual([0, 0, 0]);
    full.close();
    const rnd = t.k.open('/dev/urandom');
    const a = rnd.read(600);
    const b = rnd.read(600);
    expect(a.length).toBe(600);
    expect(a).not.toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(64);
    rnd.close();
  });

  it('take the shell redirections users write', async () => {
    const t = await bootTestKernel();
    expect(await t.run('modprobe nosuch 2>/dev/null; echo $?')).toEqual({ status: 0, stdout: '1\n', stderr: '' });
    expect(await t.run('echo hi > /dev/null')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('echo x > /dev/full')).stderr).toBe('lkm: echo: write error: No space left on device\n');
    expect((await t.run('head -c 5 /dev/zero | wc -c')).stdout).toBe('5\n');
    expect((await t.run('wc -lc /proc/devices /dev/null')).stdout).toBe('6 62 /proc/devices\n0 0 /dev/null\n6 62 total\n');
  });
});
