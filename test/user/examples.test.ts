// Every driver example exercised from a C user program (test/fixtures/user/fcat.c: write(2) TEXT to FILE,
// then read(2) it back), through the shell with the kernel in a worker; each module is then unloaded and
// loaded again, and the program sees the same fresh state (no leftovers from the first load).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, closeBuildPool } from '../../src/kbuild/build.node.js';
import { bootNodeWorkerKernel } from '../../src/worker/boot.node.js';
import { Shell } from '../../src/session/shell.js';
import { example, ROOT } from '../helpers/paths.js';

let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lkm-user-examples-'));
  const r = await buildDir(join(ROOT, 'test/fixtures/user'), { outDir: out, log: () => {} });
  if (!r.ok) throw new Error(`${r.errors.join('\n')}\n${r.diagnostics}`);
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(out, { recursive: true, force: true });
});

const slab = (n: number) => `cache: slab_cache_item\nobject size: 64\nobjects: ${n}\nnext id: ${n}\n`;

const CASES: { module: string; name: string; args: string; expect: string; log?: string }[] = [
  { module: 'chardev', name: 'chardev', args: '/dev/chardev', expect: 'I already told you 0 times Hello world!\n' },
  { module: 'miscdev', name: 'miscdev', args: '/dev/lkm_misc from-C', expect: 'Hello from a misc device\n', log: 'misc lkm_misc: got 6 bytes: from-C' },
  { module: 'procfs-rw', name: 'procfs_rw', args: '/proc/procfs_rw from-C', expect: 'from-C' },
  { module: 'seqfile', name: 'seqfile', args: '/proc/seqfile/counter', expect: 'generation 1\nrecord 1: 1\n' },
  { module: 'sysfs-attr', name: 'sysfs_attr', args: '/sys/kernel/sysfs_attr/value 32', expect: '32\n' },
  { module: 'debugfs-demo', name: 'debugfs_demo', args: '/sys/kernel/debug/debugfs_demo/counter 7', expect: '7\n' },
  { module: 'static-key', name: 'static_key', args: '/dev/static_key 1', expect: 'enabled\n' },
  { module: 'slab-cache', name: 'slab_cache', args: '/proc/slab_cache 5', expect: slab(5) },
];

describe('driver examples from a C program', () => {
  it('each example answers a C program, unloads, and answers the same after a reload', async () => {
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
    try {
      expect((await run(`cd ${out}`)).status).toBe(0);
      for (const c of CASES) {
        for (const round of [1, 2]) {
          expect((await run(`insmod ${example(c.module)}`)).status, `${c.module} load ${round}`).toBe(0);
          expect(await run(`./fcat ${c.args}`), `${c.module} round ${round}`).toEqual({ status: 0, stdout: c.expect, stderr: '' });
          if (c.log) expect((await run(`dmesg -t | grep -c "${c.log}"`)).stdout).toBe(`${round}\n`);
          expect((await run(`rmmod ${c.name}`)).status, `${c.module} unload ${round}`).toBe(0);
        }
      }
      // Nothing leaked: no module left, and no allocation was reported at unload.
      expect((await run('lsmod')).stdout).toBe('Module                  Size  Used by\n');
      expect((await run('dmesg | grep -c "not freed"')).stdout).toBe('0\n');
    } finally {
      await kernel.close();
    }
  });
});
