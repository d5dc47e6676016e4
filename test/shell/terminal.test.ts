// The terminal's control of the foreground command, through the line discipline a front end feeds with
// keystrokes (src/shell/tty.ts; here a fake terminal): Ctrl-C interrupts a read sleeping in a driver
// (EINTR through the shell's signal, status 130, nothing left on the wait queue, the module unloadable)
// and kills a C program in worker mode, also one looping in its own code; typed lines are a program's
// stdin and Ctrl-D its end of file; background jobs ignore Ctrl-C and `kill` terminates them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { bootNodeKernel } from '../../src/session/boot.node.js';
import { bootNodeWorkerKernel } from '../../src/worker/boot.node.js';
import type { WorkerKernel } from '../../src/worker/client.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { Shell } from '../../src/session/shell.js';
import { LineDiscipline } from '../../src/shell/tty.js';
import { ROOT, example } from '../helpers/paths.js';

let bin: string;

beforeAll(async () => {
  bin = mkdtempSync(join(tmpdir(), 'lkm-term-'));
  const r = await buildFiles(['spin.c', 'echo-lines.c', 'sleepy-reader.c'].map((f) => join(ROOT, 'test/fixtures/user', f)),
    { user: true, outDir: bin, log: () => {} });
  if (!r.ok) throw new Error(`${r.errors.join('\n')}\n${r.diagnostics}`);
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(bin, { recursive: true, force: true });
});

/** A shell with a fake terminal: keystrokes go to the line discipline, everything written is kept. */
function terminal(kernel: ConstructorParameters<typeof Shell>[0], fs: ConstructorParameters<typeof Shell>[1]) {
  const t = { screen: '', stdout: '', stderr: '' };
  const sh = new Shell(kernel, fs, {
    stdout: (s) => { t.stdout += s; t.screen += s; },
    stderr: (s) => { t.stderr += s; t.screen += s; },
  });
  const tty = new LineDiscipline((s) => { t.screen += s; }, () => sh.interrupt());
  sh.terminal = tty;
  const clear = () => { t.screen = ''; t.stdout = ''; t.stderr = ''; };
  return { t, sh, tty, clear };
}

/** Resolves when the kernel logs a record matching `re` (subscribe before causing it). */
function logged(k: { log: { subscribe(l: (r: { text: string }) => void): () => void } }, re: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const un = k.log.subscribe((r) => { if (re.test(r.text)) { un(); resolve(r.text); } });
  });
}

describe('terminal control (in-thread kernel)', () => {
  it('Ctrl-C interrupts cat /dev/sleepy: EINTR, ^C, status 130, queue empty, rmmod works; the rest of the line is not run', async () => {
    const { kernel, fs } = await bootNodeKernel({ cmdline: '' });
    const k = kernel as Kernel;
    const { t, sh, tty, clear } = terminal(k, fs);
    expect(await sh.run(`insmod ${example('sleepy')}`)).toBe(0);
    clear();
    const done = sh.run('cat /dev/sleepy; echo after');
    await vi.waitFor(() => expect(k.waits.sleeping).toBe(1));
    expect(k.waits.queued).toBe(1);
    tty.input('\x03');
    expect(await done).toBe(130);
    expect(t.screen).toBe('^C\n');
    expect(t.stdout).toBe('');
    expect(k.waits.sleeping).toBe(0);
    expect(k.waits.queued).toBe(0);
    expect(await sh.run('echo $?')).toBe(0);
    expect(t.stdout).toBe('130\n');
    expect(await sh.run('rmmod sleepy')).toBe(0);
    // Nothing in the foreground: Ctrl-C has no one to interrupt.
    expect(sh.interrupt()).toBe(false);
  });

  it('background jobs ignore Ctrl-C; kill %1 terminates one (143, Terminated), -9 (137, Killed), -INT (130)', async () => {
    const { kernel, fs } = await bootNodeKernel({ cmdline: '' });
    const k = kernel as Kernel;
    const { t, sh, tty, clear } = terminal(k, fs);
    expect(await sh.run(`insmod ${example('sleepy')}`)).toBe(0);
    expect(await sh.run('cat /dev/sleepy &')).toBe(0);
    await vi.waitFor(() => expect(k.waits.sleeping).toBe(1));
    clear();
    // Ctrl-C while `wait` is in the foreground: wait returns, the job sleeps on.
    const w = sh.run('wait %1');
    tty.input('\x03');
    expect(await w).toBe(130);
    expect(k.waits.sleeping).toBe(1);
    expect(await sh.run('jobs')).toBe(0);
    expect(t.stdout).toBe('[1]+  Running                 cat /dev/sleepy &\n');
    clear();
    expect(await sh.run('kill %1; wait %1')).toBe(143);
    expect(t.stderr).toBe('[1]+  Terminated              cat /dev/sleepy\n');
    expect(k.waits.queued).toBe(0);
    for (const [sig, status, word] of [['-9', 137, 'Killed'], ['-INT', 130, 'Interrupt'], ['-s TERM', 143, 'Terminated']] as const) {
      clear();
      expect(await sh.run('cat /dev/sleepy &')).toBe(0);
      const pid = /\[1\] (\d+)/.exec(t.stderr)![1]!;
      await vi.waitFor(() => expect(k.waits.sleeping).toBe(1));
      clear();
      expect(await sh.run(`kill ${sig} ${pid}; wait ${pid}`)).toBe(status);
      expect(t.stderr).toBe(`[1]+  ${word.padEnd(24)}cat /dev/sleepy\n`);
      expect(k.waits.sleeping).toBe(0);
    }
    clear();
    expect(await sh.run('kill %1')).toBe(1);
    expect(t.stderr).toBe('lkm: kill: %1: no such job\n');
    clear();
    expect(await sh.run('kill -FOO %1')).toBe(1);
    expect(t.stderr).toBe('lkm: kill: FOO: invalid signal specification\n');
    expect(await sh.run('rmmod sleepy')).toBe(0);
  });

  it('cat alone copies typed lines (echoed, Backspace edits) until Ctrl-D; typeahead of a command goes back', async () => {
    const { kernel, fs } = await bootNodeKernel({ cmdline: '' });
    const { t, sh, tty, clear } = terminal(kernel, fs);
    clear();
    const done = sh.run('cat');
    tty.input('helo\x7flo\r');
    await vi.waitFor(() => expect(t.stdout).toBe('hello\n'));
    tty.input('x\x04');
    await vi.waitFor(() => expect(t.stdout).toBe('hello\nx'));
    tty.input('\x04');
    expect(await done).toBe(0);
    expect(t.screen).toBe('helo\b \blo\r\nhello\nxx');
    // A pipeline's first command only; `<` wins over the terminal.
    clear();
    expect(await sh.run('echo piped | cat')).toBe(0);
    expect(t.stdout).toBe('piped\n');
    const left = sh.run('true');
    tty.input('ls\r');
    await left;
    expect(tty.takeTypeahead()).toBe('ls\n');
  });
});

describe('terminal control (worker kernel, programs in workers)', () => {
  it('Ctrl-C: cat /dev/sleepy (EINTR in the worker, module unloadable), a sleeping program and a looping one', async () => {
    const { kernel, fs } = await bootNodeWorkerKernel({ cmdline: '' });
    const k = kernel as unknown as WorkerKernel;
    const { t, sh, tty, clear } = terminal(kernel, fs);
    try {
      expect(await sh.run(`insmod ${example('sleepy')}; cd ${bin}`)).toBe(0);
      clear();
      let asleep = logged(k, /going to sleep/);
      let done = sh.run('cat /dev/sleepy');
      await asleep;
      tty.input('\x03');
      expect(await done).toBe(130);
      expect(t.screen).toBe('^C\n');
      // The interrupted read released the file and left the queue: the driver can go, and come back.
      expect(await sh.run('rmmod sleepy')).toBe(0);
      expect(await sh.run(`insmod ${example('sleepy')}`)).toBe(0);

      // A program sleeping in a driver: its worker is terminated, its file closed (the parked read ends).
      clear();
      asleep = logged(k, /going to sleep/);
      done = sh.run('./sleepy-reader');
      await asleep;
      tty.input('\x03');
      expect(await done).toBe(130);
      expect(t.screen).toBe('^C\n');
      expect(await sh.run('rmmod sleepy')).toBe(0);

      // A program looping in its own code: only terminating its worker stops it.
      clear();
      done = sh.run('./spin; echo not run');
      await vi.waitFor(() => expect(t.stdout).toBe('spinning\n'));
      tty.input('\x03');
      expect(await done).toBe(130);
      expect(t.screen).toBe('spinning\n^C\n');
      clear();
      expect(await sh.run('echo $?')).toBe(0);
      expect(t.stdout).toBe('130\n');
    } finally {
      await k.close();
    }
  });

  it('typed lines are a program\'s stdin (echoed), Ctrl-D ends it; kill %1 kills a looping background program', async () => {
    const { kernel, fs } = await bootNodeWorkerKernel({ cmdline: '' });
    const k = kernel as unknown as WorkerKernel;
    const { t, sh, tty, clear } = terminal(kernel, fs);
    try {
      expect(await sh.run(`cd ${bin}`)).toBe(0);
      clear();
      const done = sh.run('./echo-lines');
      tty.input('one\r');
      await vi.waitFor(() => expect(t.stdout).toBe('got: one\n'));
      tty.input('two\rthree');
      await vi.waitFor(() => expect(t.stdout).toBe('got: one\ngot: two\n'));
      // Ctrl-D hands over the unfinished line (fgets waits on for its newline), a second one is end of file.
      tty.input('\x04');
      tty.input('\x04');
      expect(await done).toBe(0);
      expect(t.stdout).toBe('got: one\ngot: two\ngot: three\neof after 3 lines\n');
      expect(t.screen).toBe('one\r\ngot: one\ntwo\r\nthreegot: two\ngot: three\neof after 3 lines\n');
      // stdin from a pipeline is not the terminal.
      clear();
      expect(await sh.run('echo a | ./echo-lines')).toBe(0);
      expect(t.stdout).toBe('got: a\neof after 1 lines\n');

      clear();
      expect(await sh.run('./spin &')).toBe(0);
      await vi.waitFor(() => expect(t.stdout).toBe('spinning\n'));
      clear();
      expect(await sh.run('kill %1; wait %1')).toBe(143);
      expect(t.stderr).toBe('[1]+  Terminated              ./spin\n');
    } finally {
      await k.close();
    }
  });
});
