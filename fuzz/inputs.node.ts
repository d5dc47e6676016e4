// The fuzz targets' inputs on Node: the built .ko files of the module tree and a kernel booted from
// the build's vmlinux (no file system: inputs are bytes), and a host directory for the paths target.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostBacking } from '../src/vfs/host.node.js';
import { OUTSIDE_MARKER, type HostRoot } from './paths.js';
import { Kernel } from '../src/kernel/kernel.js';
import { moduleTreeDir, readVmlinux } from '../src/session/paths.node.js';

/** The .ko files of build/lib/modules/RELEASE/extra (after npm run build), by file name. */
export async function builtModules(): Promise<Map<string, Uint8Array>> {
  const dir = join(moduleTreeDir(), 'extra');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ko')).sort();
  const out = new Map<string, Uint8Array>();
  for (const n of names) out.set(n, new Uint8Array(await readFile(join(dir, n))));
  return out;
}

/** Boots kernels from one read of vmlinux. */
export async function kernelBooter(): Promise<() => Promise<Kernel>> {
  const vmlinux = await readVmlinux();
  return () => Kernel.boot({ vmlinux });
}

/**
 * A host directory `root/` for the paths target, beside `outside/` (a secret file and a marker), with
 * links planted in the root that point out of it: `escape` (the host's absolute path of outside/) and
 * `up` (`../outside`).
 */
export function hostRoot(): HostRoot {
  const base = mkdtempSync(join(tmpdir(), 'lkm-fuzz-paths-'));
  const dir = join(base, 'root');
  const outside = join(base, 'outside');
  const secret = `secret-${base}`;
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret'), secret);
  writeFileSync(join(outside, OUTSIDE_MARKER), '');
  const expected = JSON.stringify(snapshot(outside));
  process.once('exit', () => rmSync(base, { recursive: true, force: true }));
  return {
    hostDir: dir,
    secret,
    fresh() {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      symlinkSync(outside, join(dir, 'escape'));
      symlinkSync('../outside', join(dir, 'up'));
      return new HostBacking(dir, true);
    },
    checkOutside() {
      const now = JSON.stringify(snapshot(outside));
      if (now !== expected) throw new Error(`the outside changed: ${now}`);
      if (JSON.stringify(readdirSync(base).sort()) !== JSON.stringify(['outside', 'root'])) throw new Error(`new entries beside the root: ${readdirSync(base).join(' ')}`);
    },
  };
}

/** Names, modes and contents of a directory's files. */
function snapshot(dir: string): [string, number, string][] {
  return readdirSync(dir).sort().map((n) => [n, statSync(join(dir, n)).mode, readFileSync(join(dir, n), 'utf8')]);
}
