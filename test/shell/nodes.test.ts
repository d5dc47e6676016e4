// mknod and ls -l in the shell: coreutils' messages and layout, device nodes of devtmpfs.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import { lsTime, longLines, parseMode } from '../../src/shell/nodes.js';

const TIME = String.raw`[A-Z][a-z]{2} [ \d]\d \d\d:\d\d`;

describe('mknod', () => {
  it('makes a character node that ls -l shows and the driver serves', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('rwdev')}`);
    expect(await t.run('mknod /dev/rwdev c 240 0')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('echo hi > /dev/rwdev && cat /dev/rwdev')).toEqual({ status: 0, stdout: 'hi\n', stderr: '' });
    const ls = await t.run('ls -l /dev/rwdev');
    expect(ls.stdout).toMatch(new RegExp(`^crw-r--r-- 1 root root 240, 0 ${TIME} /dev/rwdev\\n$`));
    expect(await t.run('cd /dev && mknod -m 600 x c 0x1 010')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('mknod --mode=a=rw y u 1 3')).toEqual({ status: 0, stdout: '', stderr: '' });
    const dev = (await t.run('ls -l /dev')).stdout.split('\n');
    expect(dev[0]).toBe('total 0');
    // ls -l sorts by name; the memory devices (full, null, random, urandom, zero) are there from boot.
    expect(dev.filter((l) => / (rwdev|x|y)$/.test(l)).map((l) => l.replace(new RegExp(TIME), 'DATE'))).toEqual([
      'crw-r--r-- 1 root root 240, 0 DATE rwdev',
      'crw------- 1 root root   1, 8 DATE x',
      'crw-rw-rw- 1 root root   1, 3 DATE y',
    ]);
  });

  it("coreutils' errors", async () => {
    const t = await bootTestKernel();
    const err = async (line: string) => { const r = await t.run(line); return [r.status, r.stderr]; };
    const TRY = "Try 'mknod --help' for more information.\n";
    expect(await err('mknod')).toEqual([1, `mknod: missing operand\n${TRY}`]);
    expect(await err('mknod /dev/x')).toEqual([1, `mknod: missing operand after '/dev/x'\n${TRY}`]);
    expect(await err('mknod /dev/x c')).toEqual([1, `mknod: missing operand after 'c'\nSpecial files require major and minor device numbers.\n${TRY}`]);
    expect(await err('mknod /dev/x c 1')).toEqual([1, `mknod: missing operand after '1'\nSpecial files require major and minor device numbers.\n${TRY}`]);
    expect(await err('mknod /dev/x c 1 2 3')).toEqual([1, `mknod: extra operand '3'\n${TRY}`]);
    expect(await err('mknod /dev/x p 1')).toEqual([1, `mknod: extra operand '1'\nFifos do not have major and minor device numbers.\n${TRY}`]);
    expect(await err('mknod /dev/x z 1 2')).toEqual([1, `mknod: invalid device type 'z'\n${TRY}`]);
    expect(await err('mknod /dev/x c one 2')).toEqual([1, "mknod: invalid major device number 'one'\n"]);
    expect(await err('mknod /dev/x c 1 2x')).toEqual([1, "mknod: invalid minor device number '2x'\n"]);
    expect(await err('mknod -- /dev/x c 1 -2')).toEqual([1, "mknod: invalid minor device number '-2'\n"]);
    expect(await err('mknod -m 999 /dev/x c 1 2')).toEqual([1, 'mknod: invalid mode\n']);
    expect(await err('mknod -q /dev/x c 1 2')).toEqual([1, `mknod: invalid option -- 'q'\n${TRY}`]);
    expect(await err('mknod /dev/x c 1 2')).toEqual([0, '']);
    expect(await err('mknod /dev/x c 1 2')).toEqual([1, 'mknod: /dev/x: File exists\n']);
    expect(await err('mknod /tmp/x c 1 2')).toEqual([1, 'mknod: /tmp/x: Operation not permitted\n']);
  });
});

describe('ls -l', () => {
  it('ordinary files with sizes, directories, and the columns as wide as the widest entry', async () => {
    const t = await bootTestKernel();
    expect((await t.run('echo hello > /tmp/a && echo -n 0123456789012 > /tmp/bb && ls -l /tmp/a /tmp/bb')).stdout
      .replace(new RegExp(TIME, 'g'), 'DATE')).toBe('-rw-r--r-- 1 root root 6 DATE /tmp/a\n-rw-r--r-- 1 root root 13 DATE /tmp/bb\n');
    const now = Date.UTC(2026, 10, 22, 1, 0);
    expect(longLines([
      { name: 'a', st: { type: 'file', size: 5, mtimeMs: now, rdev: { type: 'c', major: 10, minor: 127, mode: 0o600 } } },
      { name: 'b', st: { type: 'file', size: 5, mtimeMs: now, rdev: { type: 'c', major: 240, minor: 0, mode: 0o666 } } },
      { name: 'c', st: { type: 'dir', size: 4096, mtimeMs: now } },
      { name: 'd', st: { type: 'file', size: 123456789, mtimeMs: now } },
    ], now).map((l) => l.replace(new RegExp(TIME), 'DATE'))).toEqual([
      // Device numbers are right-aligned in the size column (coreutils' blanks_width).
      'crw------- 1 root root   10, 127 DATE a',
      'crw-rw-rw- 1 root root  240,   0 DATE b',
      'drwxr-xr-x 2 root root      4096 DATE c',
      '-rw-r--r-- 1 root root 123456789 DATE d',
    ]);
    expect(lsTime(Date.UTC(2020, 0, 5, 12), now)).toMatch(/^Jan  [45]  2020$/);
  });

  it('parses symbolic and octal modes', () => {
    expect(parseMode('600')).toBe(0o600);
    expect(parseMode('a=rw')).toBe(0o666);
    expect(parseMode('u=rw,go=')).toBe(0o600);
    expect(parseMode('go-w')).toBe(0o644);
    expect(parseMode('x')).toBeUndefined();
  });
});
