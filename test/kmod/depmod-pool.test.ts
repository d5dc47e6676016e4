// depmod's metadata scan on the worker pool (src/kmod/metadata-pool.node.ts) writes what the in-thread scan
// writes, byte for byte: host files (read by the threads), files in memory (sent as bytes), read errors
// and files that are not modules.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { depmod } from '../../src/tools/depmod.js';
import { HostBacking } from '../../src/vfs/host.node.js';
import { NodeMetadataPool, POOL_MIN_CORES, machinePool } from '../../src/kmod/metadata-pool.node.js';
import { availableParallelism } from 'node:os';
import { Vfs } from '../../src/vfs/index.js';
import { MODDIR, REL, synth, tree } from './helpers.js';

/** A tree of `n` modules in a chain of dependencies, aliases and soft dependencies, plus two broken files. */
function files(n: number): Record<string, Uint8Array | string> {
  const out: Record<string, Uint8Array | string> = {};
  for (let i = 0; i < n; i++) {
    out[`kernel/drivers/d${i % 7}/m${i}.ko`] = synth(`m${i}`, {
      exports: [`m${i}_fn`], gplExports: i % 3 === 0 ? [`m${i}_gpl`] : [],
      imports: i > 0 ? [`m${i - 1}_fn`, ...(i % 5 === 0 ? [`m${Math.floor(i / 2)}_fn`] : [])] : [],
      info: [['license', 'GPL'], ['alias', `pci:v0000${i}d*`], ...(i % 11 === 0 ? [['softdep', 'pre: m1'] as [string, string]] : [])],
    });
  }
  out['kernel/drivers/bad.ko'] = 'not a module';
  out['kernel/drivers/nomodinfo.ko'] = synth('nomodinfo', { omitModinfo: true });
  return out;
}

const pool = new NodeMetadataPool({ size: 2, threshold: 0 });
afterAll(() => pool.close());

async function runDepmod(vfs: Vfs, withPool: boolean): Promise<{ status: number; stderr: string; out: Record<string, string> }> {
  let stderr = '';
  const status = await depmod(['-a', REL], { vfs, cwd: '/', stdout: () => {}, stderr: (t) => { stderr += t; }, pool: withPool ? pool : undefined });
  const out: Record<string, string> = {};
  for (const f of ['modules.dep', 'modules.alias', 'modules.softdep', 'modules.symbols', 'modules.devname', 'modules.lkm.bin']) {
    out[f] = Buffer.from(await vfs.readFile(`${MODDIR}/${f}`)).toString('base64');
  }
  return { status, stderr, out };
}

describe('depmod on the metadata pool', () => {
  it('host tree: the same files and messages as the in-thread scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkm-pool-'));
    for (const [p, c] of Object.entries(files(300))) {
      const f = join(dir, 'lib/modules', REL, p);
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, c);
    }
    const vfs = new Vfs(new HostBacking(dir, true));
    expect(vfs.hostFile(`${MODDIR}/kernel/drivers/bad.ko`)).toBe(join(dir, 'lib/modules', REL, 'kernel/drivers/bad.ko'));
    const a = await runDepmod(vfs, false);
    const b = await runDepmod(vfs, true);
    expect(a.status).toBe(0);
    expect(a.stderr).toContain('failed to load symbols from');
    expect(b).toEqual(a);
  });

  it('memory tree (bytes to the threads) and a read-only host root with a memory overlay', async () => {
    const mem = tree(files(150));
    const a = await runDepmod(mem, false);
    const b = await runDepmod(tree(files(150)), true);
    expect(b).toEqual(a);
    const dir = mkdtempSync(join(tmpdir(), 'lkm-pool-ro-'));
    const ro = new HostBacking(dir, false);
    const vfs = new Vfs(ro);
    for (const [p, c] of Object.entries(files(150))) {
      await vfs.mkdir(dirname(`${MODDIR}/${p}`));
      await vfs.writeFile(`${MODDIR}/${p}`, c);
    }
    expect(vfs.hostFile(`${MODDIR}/kernel/drivers/bad.ko`)).toBeUndefined();
    expect(await runDepmod(vfs, true)).toEqual(a);
  });

  it('below the threshold the scan stays on this thread', async () => {
    const small = new NodeMetadataPool({ threshold: 10_000 });
    let used = false;
    const spy = { size: 1, threshold: small.threshold, facts: async () => { used = true; return []; } };
    const vfs = tree(files(20));
    await depmod(['-a', REL], { vfs, cwd: '/', stdout: () => {}, stderr: () => {}, pool: spy });
    expect(used).toBe(false);
    expect(await vfs.readText(`${MODDIR}/modules.dep`)).toContain('kernel/drivers/d1/m1.ko: kernel/drivers/d0/m0.ko\n');
    await small.close();
  });

  it('machinePool: one thread per core from POOL_MIN_CORES cores, or LKM_DEPMOD_THREADS', async () => {
    const saved = process.env.LKM_DEPMOD_THREADS;
    try {
      delete process.env.LKM_DEPMOD_THREADS;
      expect(machinePool()?.size).toBe(availableParallelism() >= POOL_MIN_CORES ? availableParallelism() : undefined);
      process.env.LKM_DEPMOD_THREADS = '0';
      expect(machinePool()).toBeUndefined();
      process.env.LKM_DEPMOD_THREADS = '3';
      expect(machinePool()?.size).toBe(3);
    } finally {
      if (saved === undefined) delete process.env.LKM_DEPMOD_THREADS;
      else process.env.LKM_DEPMOD_THREADS = saved;
    }
  });
});
