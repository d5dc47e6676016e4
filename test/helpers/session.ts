// A session like `lkm shell --root DIR --modules DIR` on temporary copies (the build tree is never written):
// the example tree, optional modprobe.d files, extra modules and files in the root; run() returns what a
// terminal would show.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { buildFiles, closeBuildPool } from '../../src/kbuild/build.node.js';
import { openSession } from '../../src/session/session.node.js';
import { EXTRA } from './paths.js';

export interface TempSessionOptions {
  /** Files written in the root (path → content), e.g. etc/modprobe.d/x.conf. */
  conf?: Record<string, string>;
  cmdline?: string;
  /** Modules copied into the module tree (path in the tree → host file). */
  extraKo?: Record<string, string>;
  /** Host files copied into the root (path in the root → host file). */
  rootFiles?: Record<string, string>;
  isolate?: 'worker';
}

export async function tempSession(opts: TempSessionOptions = {}) {
  const root = mkdtempSync(join(tmpdir(), 'lkm-root-'));
  const modules = mkdtempSync(join(tmpdir(), 'lkm-modules-'));
  cpSync(EXTRA, join(modules, 'extra'), { recursive: true });
  cpSync(join(EXTRA, '..', 'modules.order'), join(modules, 'modules.order'));
  const copy = (dir: string, files: Record<string, string>) => {
    for (const [p, src] of Object.entries(files)) { mkdirSync(join(dir, p, '..'), { recursive: true }); cpSync(src, join(dir, p)); }
  };
  copy(modules, opts.extraKo ?? {});
  copy(root, opts.rootFiles ?? {});
  for (const [p, c] of Object.entries(opts.conf ?? {})) { mkdirSync(join(root, p, '..'), { recursive: true }); writeFileSync(join(root, p), c); }
  let stdout = '';
  let stderr = '';
  const s = await openSession({ root, modules, isolate: opts.isolate, cmdline: opts.cmdline ?? '', io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } } });
  expect(stderr).toBe('');
  return {
    ...s, root, modules,
    async run(line: string) {
      stdout = '';
      stderr = '';
      const status = await s.sh.run(line);
      return { status, stdout, stderr };
    },
    dmesg: () => s.kernel.dmesg({ time: false }),
  };
}

/** The seed articles' lkm.c (hello on init, bye on exit), built in a temporary directory: its lkm.ko. */
export async function buildSeedLkm(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lkm-src-'));
  writeFileSync(join(dir, 'lkm.c'), '#include <linux/module.h>\n#include <linux/init.h>\n' +
    'static int __init lkm_init(void) { pr_info("lkm: hello\\n"); return 0; }\n' +
    'static void __exit lkm_exit(void) { pr_info("lkm: bye\\n"); }\n' +
    'module_init(lkm_init);\nmodule_exit(lkm_exit);\nMODULE_LICENSE("GPL");\n');
  try {
    const r = await buildFiles([join(dir, 'lkm.c')], { outDir: dir, log: () => {} });
    expect(r.ok).toBe(true);
  } finally {
    await closeBuildPool();
  }
  return join(dir, 'lkm.ko');
}
