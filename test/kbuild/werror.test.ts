// The repository's examples (modules-src) build with -Werror: a warning in an example, or one a header
// change brings into every module, fails here. Each example directory is built as `make ccflags-y=-Werror`
// would, into a scratch directory (objects cached under build/.cache/werror).
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir, closeBuildPool } from '../../src/kbuild/build.node.js';
import { BUILD, ROOT } from '../helpers/paths.js';

const SRC = join(ROOT, 'modules-src');
const hasKbuild = (d: string) => ['Kbuild', 'Makefile'].some((f) => existsSync(join(SRC, d, f)));

describe('examples with -Werror', () => {
  it('every modules-src example builds without a warning', async () => {
    const dirs = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory() && hasKbuild(e.name)).map((e) => e.name).sort();
    expect(dirs.length).toBeGreaterThan(30);
    const out = mkdtempSync(join(tmpdir(), 'lkm-werror-'));
    const failed: string[] = [];
    try {
      for (const d of dirs) {
        const r = await buildDir(join(SRC, d), {
          outDir: join(out, d), cacheDir: join(BUILD, '.cache/werror'), vars: { 'ccflags-y': '-Werror' },
          extraSymbols: [join(BUILD, 'Module.symvers')], log: () => {},
        });
        if (!r.ok) failed.push(`${d}:\n${r.errors.join('\n')}\n${r.diagnostics}`);
      }
    } finally {
      await closeBuildPool();
    }
    expect(failed).toEqual([]);
  }, 600_000);
});
