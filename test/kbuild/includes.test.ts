// Includes outside the module's directory resolve as with gcc and kbuild: `#include "../include/x.h"`
// from the including file's directory, and `ccflags-y := -I$(src)/../include`, in the host tree the
// module lives in (yowasp's file system has no `..`: the build mounts what is reached and lets clang's
// overlay layer resolve the dots).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, closeBuildPool, type BuildOptions } from '../../src/kbuild/build.node.js';
import { readModuleMetadata } from '../../src/wasm/metadata.js';
import { workspace, writeTree } from './fixtures.js';
import { ROOT } from '../helpers/paths.js';

const T = 120_000;
const INCLUDE = join(ROOT, 'wasm/include');
let ws: ReturnType<typeof workspace>;
let logs: string[] = [];

beforeAll(() => { ws = workspace(); });
afterAll(async () => { await closeBuildPool(); ws.cleanup(); });

function opts(jobs: number): BuildOptions {
  logs = [];
  return { includeDir: INCLUDE, vmlinux: false, jobs, log: (t) => { logs.push(t); } };
}

const modinfo = (path: string) => {
  const bin = new Uint8Array(readFileSync(path));
  const s = readModuleMetadata(bin).customSections.get('.modinfo')!;
  return new TextDecoder().decode(bin.subarray(s.start, s.end)).split('\0').filter(Boolean);
};

describe('includes outside the module directory', () => {
  for (const jobs of [1, 2]) {
    it(`quoted ../ includes (nested) and -I$(src)/../include (${jobs === 1 ? 'in-thread' : 'worker pool'})`, async () => {
      const root = join(ws.root, `tree${jobs}`);
      writeTree(root, {
        'include/proj/version.h': '#include "../common.h"\n#define PROJ_VERSION COMMON_MAJOR ".7"\n',
        'include/common.h': '#define COMMON_MAJOR "3"\n',
        'include/shared.h': '#define SHARED_NAME "shared"\n',
        // A file of the same name inside the module directory must not be picked for "../include/…".
        'drv/include/proj/version.h': '#error wrong file: the module directory, not its parent\n',
        'drv/Kbuild': 'obj-m := drv.o\nccflags-y := -I$(src)/../include\n',
        'drv/drv.c': [
          '#include <linux/module.h>',
          '#include "../include/proj/version.h"',
          '#include <shared.h>',
          'static int __init drv_init(void) { return 0; }',
          'module_init(drv_init);',
          'MODULE_LICENSE("GPL");',
          'MODULE_VERSION(PROJ_VERSION);',
          'MODULE_DESCRIPTION(SHARED_NAME);',
          '',
        ].join('\n'),
      });
      const r = await buildDir(join(root, 'drv'), opts(jobs));
      expect(logs.join('')).not.toMatch(/error/);
      expect(r.ok).toBe(true);
      const info = modinfo(join(root, 'drv', 'drv.ko'));
      expect(info).toContain('version=3.7');
      expect(info).toContain('description=shared');

      // The headers outside the directory are dependencies: changing one rebuilds the object.
      writeTree(root, { 'include/common.h': '#define COMMON_MAJOR "4"\n' });
      const again = await buildDir(join(root, 'drv'), opts(jobs));
      expect(again.stats.compiled).toBeGreaterThan(0);
      expect(modinfo(join(root, 'drv', 'drv.ko'))).toContain('version=4.7');
    }, T);
  }

  it('a quoted include that does not exist is clang\'s error, with the path as written', async () => {
    const dir = join(ws.root, 'missing', 'drv');
    writeTree(dir, { Kbuild: 'obj-m := m.o\n', 'm.c': '#include "../nope.h"\nint x;\n' });
    const r = await buildDir(dir, opts(1));
    expect(r.ok).toBe(false);
    expect(logs.join('')).toMatch(/'\.\.\/nope\.h' file not found/);
  }, T);
});
