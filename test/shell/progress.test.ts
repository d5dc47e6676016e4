// Progress bars on a terminal: the bar itself, depmod in the shell (drawn only when stderr is the shell's
// terminal), and the build's step counts.
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/term/progress.js';
import { MemoryBacking } from '../../src/vfs/index.js';
import { bootTestKernel } from '../helpers/kernel.js';
import { MODDIR, synth } from '../kmod/helpers.js';

const CLEAR = '\r\x1b[K';

function recorder() {
  const writes: string[] = [];
  return { writes, write: (t: string) => { writes.push(t); } };
}

describe('ProgressBar', () => {
  it('draws nothing before the delay, then the line in place', () => {
    let now = 1000;
    const r = recorder();
    const bar = new ProgressBar(r.write, 'build', { now: () => now, delayMs: 250 });
    bar.add(4);
    bar.step('a.o');
    expect(r.writes).toEqual([]);
    now += 300;
    bar.step('b.o');
    expect(r.writes).toEqual([`\rbuild [############            ] 2/4 b.o\x1b[K`]);
    bar.step('c.o');
    bar.step('d.ko');
    expect(r.writes.at(-1)).toBe(`\rbuild [########################] 4/4 d.ko\x1b[K`);
    bar.end();
    expect(r.writes.at(-1)).toBe(CLEAR);
    bar.end();
    expect(r.writes.filter((w) => w === CLEAR)).toHaveLength(1);
  });

  it('prints output above the bar and draws it again', () => {
    const r = recorder();
    const bar = new ProgressBar(r.write, 'depmod', { delayMs: 0 });
    const above = bar.above(r.write);
    above('before any bar\n');
    expect(r.writes).toEqual(['before any bar\n']);
    bar.set(1, 3);
    r.writes.length = 0;
    above('  CC [M]  x.o\n');
    expect(r.writes).toEqual([CLEAR, '  CC [M]  x.o\n', `\rdepmod [########                ] 1/3\x1b[K`]);
  });

  it('cuts the line to the terminal width and skips identical redraws', () => {
    const r = recorder();
    const bar = new ProgressBar(r.write, 'build', { delayMs: 0, columns: 40 });
    bar.set(1, 2);
    bar.set(1, 2);
    expect(r.writes).toHaveLength(1);
    bar.add(0);
    bar.step('a-very-long-object-file-name-that-does-not-fit.o');
    expect(bar.line()).toHaveLength(39);
  });
});

describe('depmod in the shell', () => {
  async function shellWithTree() {
    const t = await bootTestKernel();
    const files: Record<string, Uint8Array | string> = {};
    for (let i = 0; i < 12; i++) files[`extra/m${i}.ko`] = synth(`m${i}`);
    t.sh.fs.mount(MODDIR, new MemoryBacking(files));
    return t;
  }

  it('draws a bar on the terminal and clears it at the end', async () => {
    const t = await shellWithTree();
    t.sh.tty = { progressDelayMs: 0 };
    const r = await t.run('depmod');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('\rdepmod [');
    expect(r.stderr).toContain('] 12/12\x1b[K');
    expect(r.stderr.endsWith(CLEAR)).toBe(true);
    expect((await t.run(`cat ${MODDIR}/modules.dep`)).stdout).toContain('extra/m11.ko:\n');
  });

  it('draws nothing when stderr is not the terminal, or there is no terminal', async () => {
    const t = await shellWithTree();
    t.sh.tty = { progressDelayMs: 0 };
    t.sh.fs.mount('/tmp', new MemoryBacking());
    expect(await t.run('depmod 2>/tmp/err; echo $?')).toEqual({ status: 0, stdout: '0\n', stderr: '' });
    expect((await t.run('cat /tmp/err')).stdout).toBe('');
    t.sh.tty = undefined;
    expect(await t.run('depmod')).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
