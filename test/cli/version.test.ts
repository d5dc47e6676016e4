// `lkm --version` and every kmod tool's -V/--version: one package version, one release, one kmod version.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lkm, versionLine } from '../../src/cli/lkm.js';
import { UTS_RELEASE } from '../../src/kernel/release.js';
import { KMOD_VERSION, kmodVersionText } from '../../src/tools/version.js';
import { bootTestKernel } from '../helpers/kernel.js';
import { ROOT } from '../helpers/paths.js';

afterEach(() => { vi.restoreAllMocks(); });

describe('versions', () => {
  it('lkm -V and --version: package, kernel release, kmod', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const want = `lkm-wasm ${pkg.version} (kernel ${UTS_RELEASE}, kmod ${KMOD_VERSION})\n`;
    expect(await versionLine()).toBe(want);
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((t: string | Uint8Array) => { out += String(t); return true; });
    expect(await lkm(['-V'])).toBe(0);
    expect(await lkm(['--version'])).toBe(0);
    expect(out).toBe(want + want);
  });

  it('every kmod tool prints kmod_version(): "kmod version N" and the features line', async () => {
    expect(kmodVersionText()).toMatch(/^kmod version \d+\n(?:[+-][A-Z]+ ?)+\n$/);
    const t = await bootTestKernel();
    for (const tool of ['insmod', 'rmmod', 'lsmod', 'modprobe', 'depmod', 'modinfo']) {
      for (const opt of ['-V', '--version']) {
        expect(await t.run(`${tool} ${opt}`), `${tool} ${opt}`).toEqual({ status: 0, stdout: kmodVersionText(), stderr: '' });
      }
    }
  });

  it('no tool writes a kmod version of its own', () => {
    for (const f of ['insmod', 'rmmod', 'lsmod', 'modprobe', 'depmod', 'modinfo']) {
      const src = readFileSync(join(ROOT, 'src/tools', `${f}.ts`), 'utf8');
      expect(src, f).not.toMatch(/kmod version|kmod-compatible/);
    }
  });
});
