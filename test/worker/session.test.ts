// A Node session (the lkm shell's) in both isolations: request_module() from C runs the shell's modprobe
// (in worker mode the worker asks its caller, which holds the shell), and a soft lockup in the shell.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/session/session.node.js';
import { EXTRA, fixture } from '../helpers/paths.js';

async function session(isolate: 'none' | 'worker') {
  const modules = mkdtempSync(join(tmpdir(), 'lkm-modules-'));
  cpSync(EXTRA, join(modules, 'extra'), { recursive: true });
  cpSync(join(EXTRA, '..', 'modules.order'), join(modules, 'modules.order'));
  let stdout = '';
  let stderr = '';
  const s = await openSession({ modules, isolate, io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } } });
  return {
    ...s,
    async run(line: string) {
      stdout = '';
      stderr = '';
      const status = await s.sh.run(line);
      return { status, stdout, stderr };
    },
    async close() { if ('close' in s.kernel) await s.kernel.close(); },
  };
}

const names = async (k: { lsmod(): unknown }) => ((await k.lsmod()) as { name: string }[]).map((m) => m.name);

for (const isolate of ['none', 'worker'] as const) {
  describe(`session (isolate: ${isolate})`, () => {
    it('request_module() from a module runs the shell\'s modprobe; a missing helper is -ENOENT', async () => {
      const t = await session(isolate);
      try {
        expect((await t.run(`insmod ${fixture('reqmod')} want=stack_b`)).status).toBe(0);
        expect((await t.run('dmesg -t | grep request_module')).stdout).toBe('reqmod: request_module(stack_b) = 0\n');
        // request_module is "nowait" here: modprobe finishes a moment later.
        for (let i = 0; i < 200 && !(await names(t.kernel)).includes('stack_b'); i++) await new Promise((r) => setTimeout(r, 10));
        expect(await names(t.kernel)).toEqual(['stack_b', 'stack_a', 'reqmod']);
        await t.run('rmmod reqmod && echo /nonexistent/modprobe > /proc/sys/kernel/modprobe');
        expect((await t.run(`insmod ${fixture('reqmod')} want=hello`)).status).toBe(0);
        expect((await t.run('dmesg -t | grep request_module | tail -1')).stdout).toBe('reqmod: request_module(hello) = -2\n');
      } finally {
        await t.close();
      }
    });
  });
}

describe('session (isolate: worker): soft lockup in the shell', () => {
  it('insmod of a module that never returns: the shell reports it, reboot brings the kernel back', async () => {
    process.env.LKM_WATCHDOG_MS = '300';
    const t = await session('worker');
    delete process.env.LKM_WATCHDOG_MS;
    try {
      // A file written into the emulated file system before the lockup survives the reboot.
      expect((await t.run('echo kept > /tmp/lkm-worker-note && insmod /lib/modules/6.12.0-lkm-wasm/extra/hello.ko')).status).toBe(0);
      const r = await t.run(`insmod ${fixture('spin')}`);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^insmod: watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! \[insmod:\d+\]: module spin did not return from spin_init/);
      expect((await t.run('lsmod')).stderr).toBe('lsmod: kernel is hung after a soft lockup in module spin: call reboot()\n');
      expect((await t.run('dmesg -t | grep -c "soft lockup"')).stdout).toBe('1\n');
      expect(await t.run('reboot && modprobe hello && cat /proc/modules | wc -l')).toEqual({ status: 0, stdout: '1\n', stderr: '' });
      expect((await t.run('cat /tmp/lkm-worker-note')).stdout).toBe('kept\n');
    } finally {
      await t.close();
    }
  });
});
