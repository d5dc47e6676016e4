// dmesg -w/--follow and -W/--follow-new: the ring, then each new record as it is logged, until the
// command gets a signal (Ctrl-C: status 130). Runs with the kernel in a worker too (LKM_ISOLATE=worker).
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

describe('dmesg --follow', () => {
  it('-w prints the ring, then new records, until Ctrl-C', async () => {
    const t = await bootTestKernel();
    const ring = (await t.run('dmesg -t')).stdout;
    let out = '';
    const sh = t.sh.child({ stdout: (s) => { out += s; }, stderr: () => {} });
    const run = sh.run('dmesg -t --follow');
    await until(() => out.length >= ring.length);
    expect(out).toBe(ring);
    expect((await t.run(`insmod ${example('hello')}`)).status).toBe(0);
    await until(() => out.includes('Hello, world'));
    expect(sh.interrupt()).toBe(true);
    expect(await run).toBe(130);
    expect(out.slice(ring.length)).toBe(
      'hello: loading out-of-tree module taints kernel.\n' +
      'hello: module verification failed: signature and/or required key missing - tainting kernel\n' +
      'hello: Hello, world\n');
  });

  it('-W prints only new records; -l filters them', async () => {
    const t = await bootTestKernel();
    let out = '';
    const sh = t.sh.child({ stdout: (s) => { out += s; }, stderr: () => {} });
    const run = sh.run('dmesg -t -W -l info');
    await t.run(`insmod ${example('hello')}`);
    await until(() => out.includes('Hello, world'));
    sh.interrupt();
    expect(await run).toBe(130);
    expect(out).toBe('hello: Hello, world\n');
  });

  it('a background dmesg -W is ended by kill', async () => {
    const t = await bootTestKernel();
    const r = await t.run(`dmesg -W -t -l info & insmod ${example('hello')}; kill %1; wait`);
    expect(r.stderr).toBe('[1] 1000\n[1]+  Terminated              dmesg -W -t -l info\n');
  });
});
