// Unknown options of the lkm subcommands: a usage error on stderr and exit status 2, before anything runs.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { lkm } from '../../src/cli/lkm.js';

afterEach(() => { vi.restoreAllMocks(); });

async function lkmErr(...argv: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => { stderr += String(t); return true; });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return { status: await lkm(argv), stderr };
}

describe('usage errors', () => {
  it.each([
    [['run', '--bogus', 'x.ko'], "lkm run: unknown option '--bogus'\nTry 'lkm run --help'.\n"],
    [['run', 'x.ko', '-q'], "lkm run: unknown option '-q'\nTry 'lkm run --help'.\n"],
    [['shell', '--bogus'], "lkm shell: unknown option '--bogus'\nTry 'lkm shell --help'.\n"],
    [['build', '--bogus'], "lkm build: unknown option '--bogus'\nTry 'lkm build --help'.\n"],
  ])('lkm %j', async (argv, text) => {
    expect(await lkmErr(...argv)).toEqual({ status: 2, stderr: text });
  });

  it('lkm with an unknown option or command', async () => {
    const opt = await lkmErr('--bogus');
    expect(opt.status).toBe(2);
    expect(opt.stderr).toMatch(/^lkm: unknown option '--bogus'\n/);
    expect((await lkmErr('bogus')).stderr).toMatch(/^lkm: unknown command 'bogus'\n/);
  });
});
