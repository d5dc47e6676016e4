// Browser: a kernel in a module Web Worker and a user program in a Web Worker of its own (src/user/spawn.browser.ts),
// its system calls served by the page's thread. Headless Chromium (skipped where it is not installed).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, closeBuildPool } from '../../src/kbuild/build.node.js';
import { hasChromium, launch, NO_CHROMIUM } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';
import { BARE_IMPORTS, serveStatic } from '../helpers/static-server.js';

if (!hasChromium) console.warn(NO_CHROMIUM);

const BIN = '/build/test-user-web';

const serve = () => serveStatic(ROOT, BARE_IMPORTS);

describe.skipIf(!hasChromium)('user programs with a worker kernel in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const out = join(ROOT, BIN);
    mkdirSync(out, { recursive: true });
    const r = await buildDir(join(ROOT, 'test/fixtures/user'), { outDir: out, jobs: 2, log: () => {} });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    server = await serve();
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    await closeBuildPool();
    rmSync(join(ROOT, BIN), { recursive: true, force: true });
  });

  it('runs rwdev\'s program and a /proc read in a Web Worker of their own', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}/test/user/program-page.html?bin=${BIN}`);
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, null, { timeout: 60_000 });
      const r = await page.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result);
      expect(errors).toEqual([]);
      expect(r).toMatchObject({ ok: true, isolated: true });
      const rw = r.rwdev as { status: number; stdout: string };
      expect(rw.status).toBe(0);
      expect(rw.stdout).toContain('len=11\n');
      expect(rw.stdout).toContain('after fill: 256 bytes, first=z last=z\n');
      expect((r.version as { stdout: string }).stdout).toMatch(/^Linux version 6\.12\.0-lkm-wasm/);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
