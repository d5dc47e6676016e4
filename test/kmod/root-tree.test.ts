// `lkm shell --root DIR`: a root with its own /lib/modules/<release> keeps that module tree (the build's
// is mounted there only when the root has none), so depmod writes into the user's tree.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/session/session.node.js';
import { example, ROOT } from '../helpers/paths.js';
import { REL } from './helpers.js';

const MOD = `/lib/modules/${REL}`;

async function session(root: string) {
  let stdout = '';
  let stderr = '';
  const s = await openSession({ root, isolate: 'none', io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } } });
  return async (line: string) => {
    stdout = '';
    stderr = '';
    const status = await s.sh.run(line);
    return { status, stdout, stderr };
  };
}

describe('lkm shell --root DIR and the module tree', () => {
  it("uses the root's own /lib/modules/<release>; depmod -a writes there", async () => {
    const root = mkdtempSync(join(tmpdir(), 'lkm-root-'));
    const tree = join(root, 'lib/modules', REL);
    mkdirSync(join(tree, 'kernel/mine'), { recursive: true });
    cpSync(example('hello'), join(tree, 'kernel/mine/hello.ko'));
    const run = await session(root);
    expect(await run(`ls ${MOD} ${MOD}/kernel/mine`)).toMatchObject({ status: 0, stderr: '' });
    // Only the user's module: none of the build's extra/ tree shows.
    expect((await run(`ls ${MOD}/extra`)).status).not.toBe(0);
    expect(await run(`rm ${MOD}/modules.dep && depmod -a && cat ${MOD}/modules.dep`)).toEqual({ status: 0, stdout: 'kernel/mine/hello.ko:\n', stderr: '' });
    expect(readFileSync(join(tree, 'modules.dep'), 'utf8')).toBe('kernel/mine/hello.ko:\n');
    expect(existsSync(join(tree, 'modules.lkm.bin'))).toBe(true);
    expect(await run('modprobe hello && lsmod')).toMatchObject({ status: 0, stdout: expect.stringMatching(/\nhello +\d+ {2}0\n$/) });
  });

  it('`lkm depmod --root DIR -a` (a one-shot) writes into the root\'s own tree too', () => {
    const root = mkdtempSync(join(tmpdir(), 'lkm-root-'));
    const tree = join(root, 'lib/modules', REL);
    mkdirSync(join(tree, 'extra'), { recursive: true });
    cpSync(example('hello-params'), join(tree, 'extra/hello-params.ko'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/lkm.js'), 'depmod', '--root', root, '-a'], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(join(tree, 'modules.dep'), 'utf8')).toBe('extra/hello-params.ko:\n');
  });

  it("a root without a module tree gets the build's", async () => {
    const root = mkdtempSync(join(tmpdir(), 'lkm-root-'));
    const run = await session(root);
    expect((await run(`ls ${MOD}/extra`)).stdout).toContain('procfs1.ko');
  });
});
