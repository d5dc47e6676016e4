// od (coreutils) and hexdump (util-linux): byte-exact layouts of the formats, "*" for repeated lines,
// offsets and limits, errors.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { odDump, parseType } from '../../src/shell/commands/od.js';
import { FORMATS, hexdumpData } from '../../src/shell/commands/hexdump.js';

const F = '/tmp/lkm-test-dump';
const sp = (n: number) => ' '.repeat(n);

describe('od', () => {
  it('the default octal words and -t formats', async () => {
    const t = await bootTestKernel();
    await t.run(`echo hello world > ${F}`);
    const out = async (line: string) => (await t.run(line)).stdout;
    expect(await out('printf abc | od')).toBe('0000000 061141 000143\n0000003\n');
    expect(await out('echo abc | od -c')).toBe('0000000   a   b   c  \\n\n0000004\n');
    expect(await out(`od -A x -t x1 ${F}`)).toBe('000000 68 65 6c 6c 6f 20 77 6f 72 6c 64 0a\n00000c\n');
    expect(await out(`od -A d -t x1 ${F}`)).toBe('0000000 68 65 6c 6c 6f 20 77 6f 72 6c 64 0a\n0000012\n');
    expect(await out(`od -A n -t d1 ${F}`)).toBe('  104  101  108  108  111   32  119  111  114  108  100   10\n');
    expect(await out(`od -x ${F}`)).toBe('0000000 6568 6c6c 206f 6f77 6c72 0a64\n0000014\n');
    expect(await out(`od -t u4 ${F}`)).toBe('0000000 1819043176 1870078063  174353522\n0000014\n');
    expect(await out(`od -t a ${F}`)).toBe('0000000   h   e   l   l   o  sp   w   o   r   l   d  nl\n0000014\n');
    expect(await out('printf abcde | od -t x4')).toBe('0000000 64636261 00000065\n0000005\n');
    // Several formats: each on its line, the columns aligned to the widest.
    expect(await out(`od -t x2 -t c ${F}`)).toBe(
      '0000000    6568    6c6c    206f    6f77    6c72    0a64\n' +
      '          h   e   l   l   o       w   o   r   l   d  \\n\n0000014\n');
    expect(await out(`od -t d2 -w8 ${F}`)).toBe('0000000  25960  27756   8303  28535\n0000010  27762   2660\n0000014\n');
    expect(await out(`od -j 2 -N 3 -c ${F}`)).toBe('0000002   l   l   o\n0000005\n');
    // z: the printable bytes after the line, the missing fields blank.
    expect(await out('printf 0123456789abcdefghij | od -A x -t x1z')).toBe(
      '000000 30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  >0123456789abcdef<\n' +
      `000010 67 68 69 6a${sp(36)}  >ghij<\n000014\n`);
  });

  it('a run of equal lines is one "*" (not with -v)', async () => {
    const t = await bootTestKernel();
    await t.run(`dd if=/dev/zero of=${F} bs=48 count=1 status=none`);
    const zeros = `0000000${' 000000'.repeat(8)}\n`;
    expect((await t.run(`od ${F}`)).stdout).toBe(`${zeros}*\n0000060\n`);
    expect((await t.run(`od -v ${F}`)).stdout).toBe(`${zeros}0000020${' 000000'.repeat(8)}\n0000040${' 000000'.repeat(8)}\n0000060\n`);
  });

  it('bytes outside ASCII: signed, unsigned, octal and characters', () => {
    const b = new Uint8Array([0xff, 0x80, 0x7f, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const od = (types: string, data = b) => odDump(data, { radix: 'o', formats: types.split(' ').flatMap((x) => parseType(x) as never[]), width: 16, all: false, skip: 0 });
    expect(od('d1', b.subarray(0, 4))).toBe('0000000   -1 -128  127    0\n0000004\n');
    expect(od('u1', b.subarray(0, 4))).toBe('0000000 255 128 127   0\n0000004\n');
    expect(od('o1', b.subarray(0, 4))).toBe('0000000 377 200 177 000\n0000004\n');
    expect(od('c', b.subarray(0, 4))).toBe('0000000 377 200 177  \\0\n0000004\n');
    expect(od('a', b.subarray(0, 4))).toBe('0000000 del nul del nul\n0000004\n');
    expect(od('u2', b.subarray(0, 4))).toBe('0000000 33023   127\n0000004\n');
    expect(od('d8', b.subarray(4))).toBe('0000000                   -1\n0000010\n');
    expect(od('x8', b.subarray(4))).toBe('0000000 ffffffffffffffff\n0000010\n');
  });

  it("coreutils' errors", async () => {
    const t = await bootTestKernel();
    await t.run(`echo hi > ${F}`);
    expect(await t.run(`od -t q ${F}`)).toEqual({ status: 1, stdout: '', stderr: "od: invalid character 'q' in type string 'q'\n" });
    expect(await t.run(`od -t x3 ${F}`)).toEqual({ status: 1, stdout: '', stderr: "od: invalid type string 'x3';\nthis system doesn't provide a 3-byte integral type\n" });
    expect(await t.run(`od -A q ${F}`)).toEqual({ status: 1, stdout: '', stderr: "od: invalid output address radix 'q'; it must be one character from [doxn]\n" });
    expect(await t.run(`od -j 10 ${F}`)).toEqual({ status: 1, stdout: '', stderr: 'od: cannot skip past end of combined input\n' });
    expect(await t.run(`od -q ${F}`)).toEqual({ status: 1, stdout: '', stderr: "od: invalid option -- 'q'\nTry 'od --help' for more information.\n" });
    expect(await t.run('od /tmp/lkm-nope')).toEqual({ status: 1, stdout: '0000000\n', stderr: 'od: /tmp/lkm-nope: No such file or directory\n' });
  });
});

describe('hexdump', () => {
  it('the default format, -C and the one-format options', async () => {
    const t = await bootTestKernel();
    const out = async (line: string) => (await t.run(line)).stdout;
    expect(await out('echo abc | hexdump')).toBe(`0000000 6261 0a63${sp(30)}\n0000004\n`);
    expect(await out('printf abc | hexdump')).toBe(`0000000 6261 0063${sp(30)}\n0000003\n`);
    expect(await out('echo abc | hexdump -C')).toBe(`00000000  61 62 63 0a${sp(39)}|abc.|\n00000004\n`);
    expect(await out('printf 0123456789abcdefghij | hexdump -C')).toBe(
      '00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n' +
      `00000010  67 68 69 6a${sp(39)}|ghij|\n00000014\n`);
    expect(await out('echo abc | hexdump --canonical')).toBe(await out('echo abc | hexdump -C'));
    expect(await out('echo abc | hexdump -c')).toBe(`0000000   a   b   c  \\n${sp(48)}\n0000004\n`);
    expect(await out('echo abc | hexdump -b')).toBe(`0000000 141 142 143 012${sp(48)}\n0000004\n`);
    expect(await out('echo abc | hexdump -x')).toBe(`0000000    6261    0a63${sp(48)}\n0000004\n`);
    expect(await out('echo abc | hexdump -d')).toBe(`0000000   25185   02659${sp(48)}\n0000004\n`);
    expect(await out('echo abc | hexdump -o')).toBe(`0000000  061141  005143${sp(48)}\n0000004\n`);
    expect(await out('printf 0123456789 | hexdump -n 4 -s 2')).toBe(`0000002 3332 3534${sp(30)}\n0000006\n`);
    expect(await t.run('printf "" | hexdump')).toEqual({ status: 0, stdout: '', stderr: '' });
    await t.run(`printf abc > ${F}`);
    expect(await out(`hexdump -s 10 ${F}`)).toBe('0000003\n');
  });

  it('"*" for repeated blocks, all of them with -v', async () => {
    const t = await bootTestKernel();
    await t.run(`dd if=/dev/zero of=${F} bs=48 count=1 status=none`);
    const line = `${' 0000'.repeat(8)}\n`;
    expect((await t.run(`hexdump ${F}`)).stdout).toBe(`0000000${line}*\n0000030\n`);
    const c = `  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n`;
    expect((await t.run(`hexdump -C ${F}`)).stdout).toBe(`00000000${c}*\n00000030\n`);
    expect((await t.run(`hexdump -Cv ${F}`)).stdout).toBe(`00000000${c}00000010${c}00000020${c}00000030\n`);
  });

  it('-n reads a device only that far, its bytes as they are', async () => {
    const t = await bootTestKernel();
    expect((await t.run('hexdump -C -n 16 /dev/zero')).stdout).toBe(`00000000${'  00 00 00 00 00 00 00 00'.repeat(2)}  |................|\n00000010\n`);
    expect((await t.run('od -A x -t x1 -N 8 /dev/zero')).stdout).toBe('000000 00 00 00 00 00 00 00 00\n000008\n');
    const r = (await t.run('hexdump -C -n 16 /dev/urandom')).stdout;
    expect(r).toMatch(/^00000000 {2}([0-9a-f]{2} ){8} ([0-9a-f]{2} ){7}[0-9a-f]{2} {2}\|.{16}\|\n00000010\n$/);
  });

  it('bytes outside ASCII in -C', () => {
    expect(hexdumpData(new Uint8Array([0xff, 0x00, 0x41, 0x7f, 0x80]), [FORMATS.C!], 0, false))
      .toBe(`00000000  ff 00 41 7f 80${sp(36)}|..A..|\n00000005\n`);
  });

  it("util-linux's errors", async () => {
    const t = await bootTestKernel();
    expect(await t.run('hexdump /tmp/lkm-nope')).toEqual({ status: 1, stdout: '', stderr: 'hexdump: /tmp/lkm-nope: No such file or directory\nhexdump: all input file arguments failed\n' });
    expect(await t.run('hexdump -q')).toEqual({ status: 1, stdout: '', stderr: "hexdump: invalid option -- 'q'\nTry 'hexdump --help' for more information.\n" });
    expect(await t.run('hexdump -n x')).toEqual({ status: 1, stdout: '', stderr: "hexdump: failed to parse length: 'x'\n" });
  });
});
