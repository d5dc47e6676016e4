// dd (coreutils) through the shell's files, device nodes and /proc: blocks, skip/seek/count, conv,
// and the statistics lines (the time and rate are measured: their layout is checked, their values in
// transferLine with given figures).
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import { ddNumber, transferLine } from '../../src/shell/commands/dd.js';

const F = '/tmp/lkm-test-dd';
const XFER = String.raw`copied, \d[\d.e-]* s, (\d+(\.\d)?|\d\.\d) [kMGT]?B/s\n`;

describe('dd', () => {
  it('copies blocks between files and devices, with the statistics on stderr', async () => {
    const t = await bootTestKernel();
    const r = await t.run(`dd if=/dev/zero of=${F} bs=512 count=3`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^3\\+0 records in\\n3\\+0 records out\\n1536 bytes \\(1\\.5 kB, 1\\.5 KiB\\) ${XFER}$`));
    expect((await t.run(`ls -l ${F}`)).stdout.split(' ')[4]).toBe('1536');
    // Past the first MiB of a streaming device: it is opened again for more.
    expect((await t.run('dd if=/dev/zero of=/dev/null bs=1M count=3')).stderr)
      .toMatch(new RegExp(`^3\\+0 records in\\n3\\+0 records out\\n3145728 bytes \\(3\\.1 MB, 3\\.0 MiB\\) ${XFER}$`));
    // A device is read by read(2)s: its bytes as they are (random ones too), only as many as asked.
    expect((await t.run(`dd if=/dev/urandom of=${F} bs=16 count=2 status=none; ls -l ${F}`)).stdout.split(' ')[4]).toBe('32');
    expect((await t.run(`hexdump -v ${F} | wc -l`)).stdout).toBe('3\n');
    // Through a pipe and a redirection too: bytes that are not UTF-8 cross the text streams one for one.
    expect((await t.run('dd if=/dev/urandom bs=64 count=1 status=none | od -A n -t x1 -v | wc -w')).stdout).toBe('64\n');
    expect((await t.run(`dd if=/dev/urandom bs=100 count=1 status=none > ${F}; ls -l ${F}`)).stdout.split(' ')[4]).toBe('100');
    expect((await t.run(`dd if=${F} status=none | dd of=${F}.2 status=none; od ${F} > ${F}.a; od ${F}.2 > ${F}.b; cat ${F}.a | wc -l`)).stdout).toBe('8\n');
    expect((await t.run(`cat ${F}.a`)).stdout).toBe((await t.run(`cat ${F}.b`)).stdout);
    expect((await t.run(`cat ${F} | wc -c; cat ${F} | od | tail -n 1`)).stdout).toBe('100\n0000144\n');
    expect((await t.run('printf abc | dd')).stderr).toMatch(new RegExp(`^0\\+1 records in\\n0\\+1 records out\\n3 bytes ${XFER}$`));
    expect((await t.run('printf abcdefghij | dd ibs=4 obs=3 status=noxfer')).stderr).toBe('2+1 records in\n3+1 records out\n');
    expect((await t.run('printf abcdefghij | dd bs=4 status=noxfer')).stderr).toBe('2+1 records in\n2+1 records out\n');
  });

  it('skip, count, seek, conv=notrunc and the other conversions', async () => {
    const t = await bootTestKernel();
    await t.run(`echo hello world > ${F}`);
    expect(await t.run(`dd if=${F} bs=1 skip=6 count=5 status=none`)).toEqual({ status: 0, stdout: 'world', stderr: '' });
    expect((await t.run(`dd if=${F} bs=5 count=1 status=none`)).stdout).toBe('hello');
    expect((await t.run(`dd if=${F} skip=6 count=3 iflag=skip_bytes,count_bytes status=none`)).stdout).toBe('wor');
    const seek = async (extra: string) => (await t.run(`printf 0123456789 > ${F}; printf XY | dd of=${F} bs=1 seek=3 ${extra} status=none; cat ${F}`)).stdout;
    expect(await seek('conv=notrunc')).toBe('012XY56789');
    expect(await seek('')).toBe('012XY');
    expect((await t.run(`printf ab > ${F}; printf XY | dd of=${F} bs=1 seek=4 status=none; od -c ${F}`)).stdout)
      .toBe('0000000   a   b  \\0  \\0   X   Y\n0000006\n');
    expect((await t.run(`printf ab > ${F}; printf XY | dd of=${F} oflag=append conv=notrunc status=none; cat ${F}`)).stdout).toBe('abXY');
    expect((await t.run('echo abc | dd conv=ucase status=none')).stdout).toBe('ABC\n');
    expect((await t.run('echo ABC | dd conv=lcase status=none')).stdout).toBe('abc\n');
    expect((await t.run('printf abcd | dd conv=swab status=none')).stdout).toBe('badc');
    expect((await t.run('printf abc | dd bs=8 conv=sync status=none | od -c')).stdout).toBe('0000000   a   b   c  \\0  \\0  \\0  \\0  \\0\n0000010\n');
  });

  it('reads and writes /proc files through the paths cat uses', async () => {
    const t = await bootTestKernel();
    expect((await t.run('dd if=/proc/sys/kernel/printk status=none')).stdout).toBe((await t.run('cat /proc/sys/kernel/printk')).stdout);
    expect(await t.run('echo 3 | dd of=/proc/sys/kernel/printk status=none; cat /proc/sys/kernel/printk')).toEqual({ status: 0, stdout: '3\t4\t1\t7\n', stderr: '' });
  });

  it('writes a driver the bytes as they are', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('rwdev')}`);
    await t.run('mknod /dev/rwdev c 240 0');
    await t.run(`dd if=/dev/urandom of=${F} bs=32 count=1 status=none`);
    expect(await t.run(`dd if=${F} of=/dev/rwdev status=none; od /dev/rwdev > ${F}.dev; od ${F} > ${F}.file; cat ${F}.dev | wc -l`))
      .toEqual({ status: 0, stdout: '3\n', stderr: '' });
    expect((await t.run(`cat ${F}.dev`)).stdout).toBe((await t.run(`cat ${F}.file`)).stdout);
  });

  it('Ctrl-C: a device without count= is read until then; dd prints its statistics and dies of SIGINT', async () => {
    const t = await bootTestKernel();
    const interrupted = async (line: string) => {
      let err = '';
      const sh = t.sh.child({ stdout: () => {}, stderr: (s) => { err += s; } });
      const run = sh.run(line);
      await new Promise((r) => setTimeout(r, 100));
      expect(sh.interrupt()).toBe(true);
      return { status: await run, err };
    };
    const zero = await interrupted('dd if=/dev/zero of=/dev/null bs=1M');
    expect(zero.status).toBe(130);
    expect(zero.err).toMatch(new RegExp(`^(\\d+)\\+0 records in\\n\\1\\+0 records out\\n\\d+ bytes .*${XFER}\\n$`));
    // Into a pipe: the device's first MiB, as cat reads it (the reader runs when dd has ended).
    expect((await t.run('dd if=/dev/zero status=none | wc -c')).stdout).toBe('1048576\n');
    // A read that sleeps in its driver ends with the signal: nothing was read.
    await t.run(`insmod ${example('sleepy')}`);
    const sleepy = await interrupted('dd if=/dev/sleepy bs=1 count=1');
    expect(sleepy.status).toBe(130);
    expect(sleepy.err).toMatch(new RegExp(`^0\\+0 records in\\n0\\+0 records out\\n0 bytes ${XFER}\\n$`));
  });

  it("coreutils' errors", async () => {
    const t = await bootTestKernel();
    const TRY = "Try 'dd --help' for more information.\n";
    expect(await t.run('dd foo')).toEqual({ status: 1, stdout: '', stderr: `dd: unrecognized operand 'foo'\n${TRY}` });
    expect(await t.run('dd bogus=1')).toEqual({ status: 1, stdout: '', stderr: `dd: unrecognized operand 'bogus=1'\n${TRY}` });
    expect(await t.run('dd bs=x')).toEqual({ status: 1, stdout: '', stderr: "dd: invalid number: 'x'\n" });
    expect(await t.run('dd bs=0')).toEqual({ status: 1, stdout: '', stderr: "dd: invalid number: '0'\n" });
    expect(await t.run('dd conv=bogus')).toEqual({ status: 1, stdout: '', stderr: `dd: invalid conversion: 'bogus'\n${TRY}` });
    expect(await t.run('dd iflag=bogus')).toEqual({ status: 1, stdout: '', stderr: `dd: invalid input flag: 'bogus'\n${TRY}` });
    expect(await t.run('dd status=loud')).toEqual({ status: 1, stdout: '', stderr: `dd: invalid status level: 'loud'\n${TRY}` });
    expect(await t.run('dd if=/tmp/lkm-nope')).toEqual({ status: 1, stdout: '', stderr: "dd: failed to open '/tmp/lkm-nope': No such file or directory\n" });
    await t.run(`echo hi > ${F}`);
    // The output is opened first: its failure ends dd before anything is read.
    expect(await t.run(`dd if=${F} of=${F} conv=excl`)).toEqual({ status: 1, stdout: '', stderr: `dd: failed to open '${F}': File exists\n` });
    expect(await t.run(`dd if=${F} of=/tmp conv=notrunc`)).toEqual({ status: 1, stdout: '', stderr: "dd: failed to open '/tmp': Is a directory\n" });
    expect(await t.run('dd of=/tmp/lkm-nope conv=nocreat')).toEqual({ status: 1, stdout: '', stderr: "dd: failed to open '/tmp/lkm-nope': No such file or directory\n" });
    expect((await t.run(`dd if=${F} skip=5`)).stderr).toMatch(new RegExp(`^dd: ${F}: cannot skip to specified offset\\n0\\+0 records in\\n0\\+0 records out\\n0 bytes ${XFER}$`));
    const dir = await t.run('dd if=/proc');
    expect(dir.status).toBe(1);
    expect(dir.stderr).toMatch(new RegExp(`^dd: error reading '/proc': Is a directory\\n0\\+0 records in\\n0\\+0 records out\\n0 bytes ${XFER}$`));
  });

  it("numbers with coreutils' suffixes; the transfer line's units", () => {
    expect([ddNumber('512'), ddNumber('1k'), ddNumber('1K'), ddNumber('1kB'), ddNumber('1KiB'), ddNumber('2M'), ddNumber('1MB'), ddNumber('1b'), ddNumber('3w'), ddNumber('2x3k'), ddNumber('1G')])
      .toEqual([512, 1024, 1024, 1000, 1024, 2097152, 1000000, 512, 6, 6144, 1073741824]);
    expect([ddNumber('1m'), ddNumber('x'), ddNumber('-1'), ddNumber('1.5')]).toEqual([undefined, undefined, undefined, undefined]);
    expect(transferLine(1536, 0.0342065)).toBe('1536 bytes (1.5 kB, 1.5 KiB) copied, 0.0342065 s, 45 kB/s\n');
    expect(transferLine(512, 0.001)).toBe('512 bytes copied, 0.001 s, 512 kB/s\n');
    expect(transferLine(1000, 0.5)).toBe('1000 bytes (1.0 kB) copied, 0.5 s, 2.0 kB/s\n');
    expect(transferLine(1048576, 0.00221)).toBe('1048576 bytes (1.0 MB, 1.0 MiB) copied, 0.00221 s, 474 MB/s\n');
    expect(transferLine(0, 0.0005987)).toBe('0 bytes copied, 0.0005987 s, 0.0 kB/s\n');
    expect(transferLine(1, 0.000123)).toBe('1 byte copied, 0.000123 s, 8.1 kB/s\n');
    expect(transferLine(3, 1.5e-5)).toBe('3 bytes copied, 1.5e-05 s, 200 kB/s\n');
    expect(transferLine(999999, 1.23456789)).toBe('999999 bytes (1.0 MB, 977 KiB) copied, 1.23457 s, 810 kB/s\n');
    expect(transferLine(104857600, 12)).toBe('104857600 bytes (105 MB, 100 MiB) copied, 12 s, 8.7 MB/s\n');
  });
});
