// seq_file: start/next/stop/show, SEQ_START_TOKEN, reads in any chunk size, lseek, the buffer overflow
// retry (a record wider than the buffer is shown again with a buffer twice the size), EFAULT.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import type { KernelFile } from '../../src/kernel/file.js';

const dec = new TextDecoder();

function readAll(f: KernelFile, chunk: number): { text: string; sizes: number[] } {
  const sizes: number[] = [];
  let text = '';
  for (;;) {
    const b = f.read(chunk);
    sizes.push(b.length);
    if (b.length === 0) return { text, sizes };
    text += dec.decode(b);
  }
}

const row = (i: number, width: number) => {
  let s = `${i}:`;
  for (let c = 0; c < width; c++) s += String.fromCharCode(97 + (c % 26));
  return `${s}\n`;
};
const WIDE = row(0, 8) + row(1, 4998) + row(2, 8998);

describe('seqfile (seq_open, seq_read, seq_lseek, seq_release)', () => {
  it('shows one more record per open: header token, then records; any chunk size gives the same bytes', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('seqfile')}`);
    expect((await t.run('cat /proc/seqfile/counter')).stdout).toBe('generation 1\nrecord 1: 1\n');
    expect((await t.run('cat /proc/seqfile/counter')).stdout).toBe('generation 2\nrecord 1: 1\nrecord 2: 4\n');
    const whole = 'generation 3\nrecord 1: 1\nrecord 2: 4\nrecord 3: 9\n';
    const f = t.k.open('/proc/seqfile/counter');
    expect(readAll(f, 1).text).toBe(whole);
    // Back to 0: the iterator restarts at the first record.
    expect(f.lseek(0)).toBe(0);
    expect(readAll(f, 7).text).toBe(whole);
    // lseek into the middle of a record walks the records up to there.
    expect(f.lseek(20)).toBe(20);
    expect(dec.decode(f.read(100))).toBe(whole.slice(20));
    expect(f.lseek(-3, 1)).toBe(whole.length - 3);
    expect(dec.decode(f.read(100))).toBe(whole.slice(-3));
    // Past the end: nothing to read; SEEK_END is not supported by seq_lseek.
    expect(f.lseek(1000)).toBe(1000);
    expect(f.read(10).length).toBe(0);
    expect(() => f.lseek(0, 2)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => f.lseek(-1)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    f.close();
  });

  it('retries a record that overflows the buffer with a buffer twice the size', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('seqfile')}`);
    const calls = () => Number(t.k.readFile('/sys/module/seqfile/parameters/show_calls'));
    const f = t.k.open('/proc/seqfile/wide');
    const before = calls();
    // Each read returns whole records that fit: record 1 (5001 bytes) does not fit the first page, so the
    // first read stops after record 0; record 1 is shown at 4096 (overflow), then at 8192; record 2 at
    // 8192 (overflow, while filling), then again at 8192 (overflow) and at 16384.
    const { text, sizes } = readAll(f, 65536);
    expect(sizes).toEqual([11, 5001, 9001, 0]);
    expect(text).toBe(WIDE);
    expect(calls() - before).toBe(7);
    f.close();
    // Small chunks, and the whole file through cat.
    const g = t.k.open('/proc/seqfile/wide');
    expect(readAll(g, 7).text).toBe(WIDE);
    expect(g.lseek(5000)).toBe(5000);
    expect(dec.decode(g.read(20))).toBe(WIDE.slice(5000, 5020));
    g.close();
    expect((await t.run('cat /proc/seqfile/wide')).stdout).toBe(WIDE);
    expect((await t.run('wc -c /proc/seqfile/wide')).stdout).toBe('14013 /proc/seqfile/wide\n');
  });

  it('keeps the record when the user buffer is bad (EFAULT), and hands it out on the next read', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('seqfile')}`);
    const f = t.k.open('/proc/seqfile/counter');
    const small = new Uint8Array(4);
    expect(() => f.readInto({ view: () => small }, 100, 10)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    expect(dec.decode(f.read(100))).toBe('generation 1\nrecord 1: 1\n');
    // A short user buffer: only what fits is copied and counted.
    expect(f.lseek(0)).toBe(0);
    expect(f.readInto({ view: () => small }, 0, 0x7fff0000)).toBe(4);
    expect(dec.decode(small)).toBe('gene');
    f.close();
    expect((await t.run('rmmod seqfile')).status).toBe(0);
    expect(t.k.readdir('/proc')).not.toContain('seqfile');
    // Loading again starts from generation 1, with nothing left behind.
    const mark = t.mark();
    expect((await t.run(`insmod ${example('seqfile')}`)).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual([]);
    expect(t.k.readFile('/proc/seqfile/counter')).toBe('generation 1\nrecord 1: 1\n');
  });
});
