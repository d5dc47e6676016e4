// A C program whose read() sleeps in a driver (modules-src/sleepy) until a writer wakes it: with the kernel
// in a worker the program's worker waits while its system call is parked, and is woken by a write from the
// API or the shell; on the kernel's own thread the program cannot wait and its read fails with EINTR.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { compileProgram, runProgram, runProgramInWorker, KernelSystem } from '../../src/user/index.js';
import { bootNodeWorkerKernel } from '../../src/worker/boot.node.js';
import type { WorkerKernel } from '../../src/worker/client.js';
import { Shell } from '../../src/session/shell.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { BUILD, example, ROOT } from '../helpers/paths.js';

const T = 120_000;
let out: string;
let reader: Uint8Array;
const dec = new TextDecoder();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lkm-sleepy-'));
  const r = await buildFiles([join(ROOT, 'test/fixtures/user/sleepy-reader.c')], { user: true, outDir: out, log: () => {} });
  if (!r.ok) throw new Error(`${r.errors.join('\n')}\n${r.diagnostics}`);
  reader = new Uint8Array(readFileSync(join(out, 'sleepy-reader')));
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(out, { recursive: true, force: true });
});

/** Resolves when the kernel logs a record matching `re` (subscribe before causing it). */
function logged(k: { log: { subscribe(l: (r: { text: string }) => void): () => void } }, re: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const un = k.log.subscribe((r) => { if (re.test(r.text)) { un(); resolve(r.text); } });
  });
}

describe('a C program sleeping in a driver', () => {
  it('worker mode: the read sleeps until a write wakes it, then reads end of file after the writer closed', async () => {
    const { kernel } = await bootNodeWorkerKernel({ cmdline: '' });
    const k = kernel as unknown as WorkerKernel;
    try {
      await k.insmod(example('sleepy'));
      let stdout = '';
      const asleep = logged(k, /going to sleep/);
      const run = runProgramInWorker(await compileProgram(reader), {
        kernel: k, spawn: k.programWorker!, argv: ['sleepy-reader'], stdout: (d) => { stdout += dec.decode(d); },
      });
      expect(await asleep).toMatch(/^sleepy: process \d+ \(sleepy-reader\) going to sleep/);
      expect(stdout).toBe('');
      // rmmod while the program sleeps in the driver: its open file holds the module (delete_module(2)'s
      // EWOULDBLOCK, which rmmod reports as "in use").
      await expect(k.rmmod('sleepy')).rejects.toMatchObject({ code: 'EAGAIN' });
      await k.writeFile('/dev/sleepy', 'hello\n');
      expect(await run).toMatchObject({ status: 0 });
      expect(stdout).toBe('read 6: hello\nend of file\n');
      // O_NONBLOCK: the driver's EAGAIN reaches the program.
      stdout = '';
      const nb = await runProgramInWorker(await compileProgram(reader), {
        kernel: k, spawn: k.programWorker!, argv: ['sleepy-reader', '-n'], stdout: (d) => { stdout += dec.decode(d); },
      });
      expect(nb.status).toBe(2);
      expect(stdout).toBe('read: Resource temporarily unavailable\n');
      await k.rmmod('sleepy');
    } finally {
      await k.close();
    }
  }, T);

  it('worker mode through the shell: ./sleepy-reader & is woken by echo', async () => {
    const { kernel, fs } = await bootNodeWorkerKernel({ cmdline: '' });
    const k = kernel as unknown as WorkerKernel;
    let stdout = '';
    let stderr = '';
    const sh = new Shell(kernel, fs, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    try {
      expect(await sh.run(`insmod ${example('sleepy')}; cd ${out}`)).toBe(0);
      const asleep = logged(k, /going to sleep/);
      expect(await sh.run('./sleepy-reader &')).toBe(0);
      await asleep;
      expect(await sh.run('jobs')).toBe(0);
      expect(stdout).toBe('[1]+  Running                 ./sleepy-reader &\n');
      stdout = '';
      expect(await sh.run('echo hi > /dev/sleepy; wait')).toBe(0);
      expect(stdout).toBe('read 3: hi\nend of file\n');
      expect(stderr).toBe('[1] 1000\n[1]+  Done                    ./sleepy-reader\n');
    } finally {
      await k.close();
    }
  }, T);

  it('on the kernel\'s thread the program cannot wait: EINTR, nothing left queued', async () => {
    const k = await Kernel.boot({ vmlinux: new Uint8Array(readFileSync(join(BUILD, 'vmlinux.ko'))) });
    await k.insmod(new Uint8Array(readFileSync(example('sleepy'))));
    let stdout = '';
    const r = await runProgram(reader, { system: new KernelSystem({ kernel: k }), stdout: (d) => { stdout += dec.decode(d); } });
    expect(r.status).toBe(2);
    expect(stdout).toBe('read: Interrupted system call\n');
    expect(k.waits.queued).toBe(0);
  });
});
