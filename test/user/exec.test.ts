// `lkm exec`: one-shot kernel, --insmod, a program's stdio, exit status and the segfault message.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { main } from '../../src/cli/exec.js';
import { example, ROOT } from '../helpers/paths.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lkm-exec-'));
  const files = ['args', 'trap', 'fcat'].map((n) => join(ROOT, 'test/fixtures/user', `${n}.c`));
  const r = await buildFiles(files, { user: true, outDir: dir, log: () => {} });
  if (!r.ok) throw new Error(r.errors.join('\n'));
}, 300_000);
afterAll(async () => {
  await closeBuildPool();
  rmSync(dir, { recursive: true, force: true });
});

async function exec(argv: string[], input = ''): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let stdin: Uint8Array | null = new TextEncoder().encode(input);
  const text = (d: Uint8Array | string) => (typeof d === 'string' ? d : new TextDecoder().decode(d));
  const status = await main(argv, {
    stdout: (d) => { stdout += text(d); },
    stderr: (d) => { stderr += text(d); },
    stdin: () => { const s = stdin; stdin = null; return s?.length ? s : null; },
  });
  return { status, stdout, stderr };
}

describe('lkm exec', () => {
  it('runs a program with arguments and stdin and exits with its status', async () => {
    const r = await exec([join(dir, 'args'), 'x', '3'], 'line\n');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`argv[0]=${join(dir, 'args')}\nargv[1]=x\nargv[2]=3\n`);
    expect(r.stdout).toContain('stdin=line\n');
    expect(r.stderr).toBe('to stderr\n');
  });

  it('prints Segmentation fault and exits 139 for a trap', async () => {
    expect(await exec([join(dir, 'trap')])).toEqual({ status: 139, stdout: 'before\n', stderr: 'Segmentation fault\n' });
  });

  it('loads modules with --insmod before the program runs (/proc/modules, /sys parameters)', async () => {
    const r = await exec(['--insmod', `${example('hello-params')}=debug=3`, join(dir, 'fcat'), '/sys/module/hello_params/parameters/debug']);
    expect(r).toEqual({ status: 0, stdout: '3\n', stderr: '' });
    const m = await exec(['--insmod', example('hello'), join(dir, 'fcat'), '/proc/modules']);
    expect(m.stdout).toMatch(/^hello \d+ 0 - Live /);
  });

  it('reports a missing program (127) and bad usage (2)', async () => {
    expect((await exec([join(dir, 'nope')])).status).toBe(127);
    expect((await exec([])).status).toBe(2);
    expect((await exec(['--bogus', 'x'])).status).toBe(2);
  });
});
