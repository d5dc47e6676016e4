// The package as another project installs it: what `npm pack` puts in the tarball, and the exports map.
// Cheap checks here; scripts/test-packed.sh installs the real tarball into examples/vitest-project.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { UTS_RELEASE } from '../../src/kernel/release.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; main: string; types: string };

/** Every file an exports entry points at (all conditions). */
function targets(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  return Object.values(entry as Record<string, unknown>).flatMap(targets);
}

/** The tarball's file list, without running prepack (the tree is built already). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
}

describe('the packed package', () => {
  const files = new Set(packedFiles());

  it('holds what runs without the checkout: vmlinux, the module tree, headers, the worker scripts', () => {
    for (const f of [
      'build/vmlinux.ko', 'build/Module.symvers', `build/lib/modules/${UTS_RELEASE}/extra/hello.ko`,
      `build/lib/modules/${UTS_RELEASE}/modules.builtin`, 'wasm/include/linux/module.h', 'wasm/user/lkm-user.c',
      'dist/src/worker/node-worker.js', 'dist/src/user/node-program-worker.js', 'dist/src/kbuild/worker-script.js', 'bin/lkm.js',
    ]) expect(files, f).toContain(f);
  });

  it('leaves out caches, test builds and sources of the tests', () => {
    expect([...files].filter((f) => /(^|\/)\.(lkm-)?cache\/|^build\/(test-modules|worker-dist)\/|^test\/|^modules-src\//.test(f))).toEqual([]);
  });

  it('every exports target, main and types is a file in it (and built)', () => {
    const all = [...Object.values(pkg.exports).flatMap(targets), pkg.main, pkg.types].map((t) => t.replace(/^\.\//, ''));
    expect(all).toContain('dist/src/vitest/index.node.js');
    for (const t of all) {
      expect(files, t).toContain(t);
      expect(existsSync(join(ROOT, t)), t).toBe(true);
    }
  });
});

describe('import through the exports map', () => {
  // A project with lkm-wasm in node_modules (a link to this checkout), importing it as any project would.
  const project = mkdtempSync(join(tmpdir(), 'lkm-import-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules/lkm-wasm'), 'dir');
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  // A file, not `node -e`: the kernel's worker would inherit --input-type.
  const node = (script: string) => {
    writeFileSync(join(project, 'main.mjs'), script);
    return execFileSync(process.execPath, ['main.mjs'], { cwd: project, encoding: 'utf8' });
  };

  it("`import { bootKernel } from 'lkm-wasm'` boots the package's kernel in a worker and loads its modules", () => {
    const out = node(`
      import { bootKernel, moduleTreeDir, KernelError, build } from 'lkm-wasm';
      const k = await bootKernel();
      await k.insmod(moduleTreeDir() + '/extra/hello.ko');
      const again = await k.insmod(moduleTreeDir() + '/extra/hello.ko').catch((e) => e);
      console.log(JSON.stringify({ isolate: k.isolate, mods: (await k.lsmod()).map((m) => m.name),
        log: k.log.read().map((r) => r.text), eexist: again instanceof KernelError && again.code, build: typeof build }));
      await k.close();
    `);
    const r = JSON.parse(out) as { isolate: string; mods: string[]; log: string[]; eexist: string; build: string };
    expect(r).toMatchObject({ isolate: 'worker', mods: ['hello'], eexist: 'EEXIST', build: 'function' });
    expect(r.log).toContain('hello: Hello, world');
  });

  it('Node resolves the Node entry; the browser condition names the entry without Node adapters', () => {
    expect(pkg.exports['.']).toMatchObject({
      browser: { types: './dist/src/lib/index.browser.d.ts', default: './dist/src/lib/index.browser.js' },
    });
    const out = node(`
      const url = import.meta.resolve('lkm-wasm');
      const m = await import(${JSON.stringify(join(ROOT, 'dist/src/lib/index.browser.js'))});
      console.log(JSON.stringify({ url, keys: Object.keys(m) }));
    `);
    const r = JSON.parse(out) as { url: string; keys: string[] };
    expect(r.url).toMatch(/\/dist\/src\/lib\/index\.node\.js$/);
    expect(r.keys).toEqual(expect.arrayContaining(['bootKernel', 'Kernel', 'KernelError', 'KernelOops', 'spawnWebWorker']));
    expect(r.keys).not.toContain('build');
  });
});
