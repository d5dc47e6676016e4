// A host directory's permission bits in the emulated file system: stat shows them, chmod changes them
// (on the host when the directory is writable, in the session's overlay when it is not).
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostBacking } from '../../src/vfs/host.node.js';
import { Vfs } from '../../src/vfs/index.js';

function hostDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lkm-modes-'));
  writeFileSync(join(dir, 'prog'), '#!/bin/sh\n');
  chmodSync(join(dir, 'prog'), 0o755);
  writeFileSync(join(dir, 'data'), 'x');
  chmodSync(join(dir, 'data'), 0o640);
  return dir;
}

describe('host file modes', () => {
  it('stat reports the host bits; chmod of a writable directory changes the host file', async () => {
    const dir = hostDir();
    const vfs = new Vfs(new HostBacking(dir, true));
    expect((await vfs.stat('/prog'))?.mode).toBe(0o755);
    expect((await vfs.stat('/data'))?.mode).toBe(0o640);
    await vfs.chmod('/data', 0o600);
    expect((await vfs.stat('/data'))?.mode).toBe(0o600);
    expect(statSync(join(dir, 'data')).mode & 0o7777).toBe(0o600);
  });

  it('a read-only directory keeps the host file as it is; the session sees the new mode', async () => {
    const dir = hostDir();
    const vfs = new Vfs(new HostBacking(dir, false));
    await vfs.chmod('/prog', 0o700);
    expect((await vfs.stat('/prog'))?.mode).toBe(0o700);
    expect(statSync(join(dir, 'prog')).mode & 0o7777).toBe(0o755);
    await expect(vfs.chmod('/nope', 0o700)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
