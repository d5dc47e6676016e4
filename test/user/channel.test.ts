// The cross-thread syscall layer: the program blocks in Atomics.wait (here on Node's main thread) while the
// kernel side (a worker_threads worker running serveChannel over a KernelSystem) answers each call.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { ChannelSystem, createChannel, runProgram } from '../../src/user/index.js';
import { ROOT } from '../helpers/paths.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

// The kernel side, as plain JavaScript over the compiled sources (build/worker-dist, made by global setup).
const dist = (p: string) => pathToFileURL(join(ROOT, 'build/worker-dist/src', p)).href;
const SERVER = `
const { workerData, parentPort } = await import('node:worker_threads');
const { serveChannel } = await import(${JSON.stringify(dist('user/channel.js'))});
const { KernelSystem } = await import(${JSON.stringify(dist('user/kernel-system.js'))});
const { UserError } = await import(${JSON.stringify(dist('user/system.js'))});
const { Vfs, MemoryBacking } = await import(${JSON.stringify(dist('vfs/index.js'))});
class Fake {
  reg = 0; data = new Uint8Array(0); pos = 0;
  readInto(mem, ptr, count) { const n = Math.min(count, this.data.length - this.pos); mem.view().set(this.data.subarray(this.pos, this.pos + n), ptr); this.pos += n; return n; }
  writeFrom(mem, ptr, count) { this.data = mem.view().slice(ptr, ptr + count); this.pos = 0; return count; }
  ioctl(cmd, arg, mem) {
    const dv = new DataView(mem.view().buffer, mem.view().byteOffset);
    if (cmd === 0x40046601) { this.reg = dv.getInt32(arg, true) + 1; return 0; }
    if (cmd === 0x80046602) { dv.setInt32(arg, this.reg, true); return 7; }
    throw new UserError('ENOTTY');
  }
  lseek() { throw new UserError('ESPIPE'); }
  close() { parentPort.postMessage('closed'); }
}
const dev = new Fake();
const vfs = new Vfs(new MemoryBacking({ '/home/in.txt': 'from the kernel side' }));
const system = new KernelSystem({ vfs, devices: (p) => (p === '/dev/fake' ? dev : undefined) });
await system.prefetch(['/', '/home']);
const server = serveChannel(workerData.sab, system);
parentPort.on('message', async (m) => { if (m === 'stop') { server.stop(); await server.done; await system.sync(); parentPort.postMessage(new TextDecoder().decode(await vfs.readFile('/home/new.txt'))); } });
parentPort.postMessage('ready');
`;

let dir: string;
const bin: Record<string, Uint8Array> = {};
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lkm-channel-'));
  const files = ['fakedev', 'fcat'].map((n) => join(ROOT, 'test/fixtures/user', `${n}.c`));
  const r = await buildFiles(files, { user: true, outDir: dir, log: () => {} });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  for (const p of r.programs) bin[p.name] = new Uint8Array(readFileSync(p.path));
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(dir, { recursive: true, force: true });
});

describe('syscalls over a SharedArrayBuffer channel', () => {
  it('runs open/read/write/ioctl (pointer copied in and out) and VFS files against a kernel side in another thread', async () => {
    const sab = createChannel();
    const worker = new Worker(SERVER, { eval: true, workerData: { sab } });
    const messages: string[] = [];
    const next = () => new Promise<string>((res) => worker.once('message', res));
    expect(await next()).toBe('ready');
    worker.on('message', (m: string) => messages.push(m));
    try {
      const system = new ChannelSystem(sab);
      let out = '';
      const r = await runProgram(bin.fakedev!, { argv: ['fakedev'], system, stdout: (d) => { out += new TextDecoder().decode(d); } });
      expect(r.status).toBe(0);
      expect(out).toBe([
        'set=0', 'get=7 out=42', 'bad=-1 Not a tty', 'tty=-1 Not a tty', 'write=4', "read=4 'ping'",
        'read=0 ', 'missing=-1 No such file or directory', '',
      ].join('\n'));
      let text = '';
      const r2 = await runProgram(bin.fcat!, { argv: ['fcat', 'in.txt'], cwd: '/home', system, stdout: (d) => { text += new TextDecoder().decode(d); } });
      expect(r2.status).toBe(0);
      expect(text).toBe('from the kernel side');
      const r3 = await runProgram(bin.fcat!, { argv: ['fcat', '/home/new.txt', 'via the channel'], system, stdout: () => {} });
      expect(r3.status).toBe(0);
      const written = new Promise<string>((res) => worker.on('message', (m: string) => { if (m !== 'closed') res(m); }));
      worker.postMessage('stop');
      expect(await written).toBe('via the channel');
      expect(messages).toContain('closed');
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
