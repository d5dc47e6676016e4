// A C program reading /dev/input/event0 as evtest does (modules-src/vkeys/evtest-lite.c), with the kernel in
// a worker: its ioctls (EVIOCGVERSION, EVIOCGID, EVIOCGNAME, EVIOCGBIT), its read sleeping until the shell
// types on the virtual keyboard, O_NONBLOCK's EAGAIN, two readers each getting every event, and a reader
// woken with ENODEV when the module goes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootNodeWorkerKernel } from '../../src/worker/boot.node.js';
import { Shell } from '../../src/session/shell.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { KernelSystem, runProgram } from '../../src/user/index.js';
import { BUILD, example } from '../helpers/paths.js';

const T = 120_000;

const HEADER = `Input driver version is 1.0.1
Input device ID: bus 0x6 vendor 0x1 product 0x1 version 0x100
Input device name: "LKM Virtual Keys"
Supported events:
  Event type 0 (EV_SYN)
  Event type 1 (EV_KEY)
${[[2, '1'], [3, '2'], [4, '3'], [5, '4'], [6, '5'], [7, '6'], [8, '7'], [9, '8'], [10, '9'], [11, '0'], [16, 'Q'], [17, 'W'], [18, 'E'],
  [19, 'R'], [20, 'T'], [21, 'Y'], [22, 'U'], [23, 'I'], [24, 'O'], [25, 'P'], [28, 'ENTER'], [30, 'A'], [31, 'S'], [32, 'D'], [33, 'F'],
  [34, 'G'], [35, 'H'], [36, 'J'], [37, 'K'], [38, 'L'], [42, 'LEFTSHIFT'], [44, 'Z'], [45, 'X'], [46, 'C'], [47, 'V'], [48, 'B'],
  [49, 'N'], [50, 'M'], [57, 'SPACE']].map(([c, n]) => `    Event code ${c} (KEY_${n})\n`).join('')}Testing ... (interrupt to exit)
`;

const key = (code: number, name: string, value: number) => `Event: time T, type 1 (EV_KEY), code ${code} (${name}), value ${value}\n`;
const SYN = 'Event: time T, -------------- SYN_REPORT ------------\n';
const times = (s: string) => s.replace(/time \d+\.\d{6}/g, 'time T');

async function session() {
  const { kernel, fs } = await bootNodeWorkerKernel({ cmdline: '' });
  let stdout = '';
  let stderr = '';
  const sh = new Shell(kernel, fs, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  const run = async (line: string) => {
    stdout = '';
    stderr = '';
    const status = await sh.run(line);
    return { status, stdout, stderr };
  };
  /** Runs `line` (a background job), then waits until its output shows `text` `n` times. */
  const started = async (line: string, text: string, n = 1) => {
    stdout = '';
    stderr = '';
    expect(await sh.run(line)).toBe(0);
    while (stdout.split(text).length - 1 < n) await new Promise((r) => setTimeout(r, 10));
  };
  const out = () => ({ stdout, stderr });
  expect((await run(`insmod ${example('vkeys')}; cd ${BUILD}/bin`)).status).toBe(0);
  return { kernel, run, started, out, close: () => (kernel as unknown as { close(): Promise<void> }).close() };
}

describe('evtest-lite: a C program reading /dev/input/event0', () => {
  it('prints the device and sleeps in read() until the shell types; then the events, as evtest does', async () => {
    const s = await session();
    try {
      await s.started('./evtest-lite /dev/input/event0 -c 8 &', 'Testing ...');
      expect(times(s.out().stdout)).toBe(HEADER);
      const r = await s.run('echo -n aB > /proc/vkeys; wait');
      expect(r.status).toBe(0);
      expect(times(r.stdout)).toBe(key(30, 'KEY_A', 1) + SYN + key(30, 'KEY_A', 0) + SYN +
        key(42, 'KEY_LEFTSHIFT', 1) + key(48, 'KEY_B', 1) + SYN + key(48, 'KEY_B', 0));
      expect(r.stderr).toBe('[1]+  Done                    ./evtest-lite /dev/input/event0 -c 8\n');
    } finally {
      await s.close();
    }
  }, T);

  it('O_NONBLOCK on an empty device: read(2) fails with EAGAIN', async () => {
    const s = await session();
    try {
      expect(await s.run('./evtest-lite /dev/input/event0 -n -q')).toEqual({
        status: 2, stdout: '', stderr: 'read: Resource temporarily unavailable\n',
      });
    } finally {
      await s.close();
    }
  }, T);

  it('two readers each get every event', async () => {
    const s = await session();
    try {
      await s.started('./evtest-lite /dev/input/event0 -c 4 & ./evtest-lite /dev/input/event0 -c 4 &', 'Testing ...', 2);
      const r = await s.run('echo > /proc/vkeys; wait');
      expect(r.status).toBe(0);
      const lines = times(r.stdout).split('\n').filter(Boolean).sort();
      const one = [key(28, 'KEY_ENTER', 1), SYN, key(28, 'KEY_ENTER', 0), SYN].map((l) => l.trimEnd());
      expect(lines).toEqual([...one, ...one].sort());
    } finally {
      await s.close();
    }
  }, T);

  it('rmmod while the program sleeps in read(): it wakes with ENODEV, and the node is gone', async () => {
    const s = await session();
    try {
      expect((await s.run('./evtest-lite /dev/input/event0 -q -c 1 &')).status).toBe(0);
      // The reader's open shows in the driver's open() log; rmmod is allowed meanwhile, as on Linux.
      while ((await s.run('dmesg | grep -c "input0 opened"')).stdout !== '1\n') await new Promise((r) => setTimeout(r, 10));
      expect(await s.run('rmmod vkeys')).toEqual({ status: 0, stdout: '', stderr: '' });
      const r = await s.run('wait');
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('read: No such device\n');
      expect((await s.run('ls /dev; cat /proc/bus/input/devices')).stdout).toBe('full  null  random  urandom  zero\n');
    } finally {
      await s.close();
    }
  }, T);

  it('poll(2): a timeout with nothing to read, POLLIN when the keys come, POLLHUP when the device goes', async () => {
    const s = await session();
    try {
      expect(await s.run('./evtest-lite /dev/input/event0 -q -p 0')).toEqual({ status: 4, stdout: 'poll: timeout\n', stderr: '' });
      expect(await s.run('./evtest-lite /dev/input/event0 -q -p 20')).toEqual({ status: 4, stdout: 'poll: timeout\n', stderr: '' });
      // Each run opened the device once ("input0 opened" from the driver's open()).
      const opened = async (n: number) => {
        while ((await s.run('dmesg | grep -c "input0 opened"')).stdout !== `${n}\n`) await new Promise((r) => setTimeout(r, 10));
      };
      await opened(2);
      // poll with no limit sleeps on the client's queue until the shell types.
      expect((await s.run('./evtest-lite /dev/input/event0 -q -p -1 -c 2 &')).status).toBe(0);
      await opened(3);
      const r = await s.run('echo -n a > /proc/vkeys; wait');
      expect(times(r.stdout)).toBe(key(30, 'KEY_A', 1) + SYN);
      expect((await s.run('./evtest-lite /dev/input/event0 -q -p -1 -c 1 &')).status).toBe(0);
      await opened(4);
      const gone = await s.run('rmmod vkeys; wait');
      expect(gone.stdout).toBe('poll: device gone\n');
    } finally {
      await s.close();
    }
  }, T);

  it("on the kernel's own thread a poll that would wait is EINTR; one with timeout 0 says none is ready", async () => {
    const k = await Kernel.boot({ vmlinux: new Uint8Array(readFileSync(join(BUILD, 'vmlinux.ko'))) });
    await k.insmod(new Uint8Array(readFileSync(example('vkeys'))));
    const prog = new Uint8Array(readFileSync(join(BUILD, 'bin/evtest-lite')));
    const dec = new TextDecoder();
    const run = async (...args: string[]) => {
      let stdout = '', stderr = '';
      const r = await runProgram(prog, {
        argv: ['evtest-lite', '/dev/input/event0', '-q', ...args], system: new KernelSystem({ kernel: k }),
        stdout: (d) => { stdout += dec.decode(d); }, stderr: (d) => { stderr += dec.decode(d); },
      });
      return { status: r.status, stdout, stderr };
    };
    expect(await run('-p', '0')).toEqual({ status: 4, stdout: 'poll: timeout\n', stderr: '' });
    expect(await run('-p', '-1')).toEqual({ status: 2, stdout: '', stderr: 'poll: Interrupted system call\n' });
    expect(k.waits.queued).toBe(0);
  });
});
