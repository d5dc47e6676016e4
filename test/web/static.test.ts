// The static site (`npm run build:web`): served with the COOP/COEP headers (vite preview, as the build
// is meant to be served) the kernel runs in a Web Worker; served without them (any plain web server, a
// GitHub Pages-like host) the lab's header service worker adds them and the page reloads into the same
// mode; with the service worker turned off (?coi=0) the page still works, in single-thread mode, and
// says so.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launch, NO_CHROMIUM } from '../helpers/browser.js';
import { serveDir, startPreview, type WebServer } from './server.js';

if (!hasChromium) console.warn(NO_CHROMIUM);

type Lkm = { ready: boolean; error?: string; mode?: string; transcript: string; commands: number };

async function open(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  // The page may reload itself once (the header service worker taking over): wait across that.
  const ready = () => { const l = (window as unknown as { lkm?: Lkm }).lkm; return l?.ready || l?.error; };
  for (let i = 0; ; i++) {
    try {
      await page.waitForFunction(ready, null, { timeout: 60_000 });
      break;
    } catch (e) {
      if (i >= 2 || !/context was destroyed|navigation/i.test(String(e))) throw e;
    }
  }
  return { page, errors };
}

async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.press('Alt+1');
  const before = await page.evaluate(() => (window as unknown as { lkm: Lkm }).lkm.commands);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.commands > n, before, { timeout: 30_000 });
}

describe.skipIf(!hasChromium)('static build of the web lab', () => {
  let out: string;
  let preview: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'lkm-web-'));
    preview = await startPreview(out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('emits the site, its data and a _headers file with COOP/COEP', () => {
    expect(readFileSync(join(out, '_headers'), 'utf8')).toContain('Cross-Origin-Embedder-Policy: require-corp');
    const site = JSON.parse(readFileSync(join(out, 'lkm-root.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(site.files)).toEqual(expect.arrayContaining([
      '/lib/modules/6.12.0-lkm-wasm/extra/stack-c.ko', '/lib/modules/6.12.0-lkm-wasm/extra/soft-lockup.ko',
      '/lib/modules/6.12.0-lkm-wasm/modules.dep', '/lib/modules/6.12.0-lkm-wasm/modules.lkm.bin',
      '/usr/src/lkm-examples/stack/stack-c.c', '/usr/src/lkm-examples/rwdev/rwdev-user.c', '/root/rwdev-user',
    ]));
    // The example program is a WASI command (the shell runs it as ./rwdev-user).
    expect([...Buffer.from(site.files['/root/rwdev-user']!, 'base64').subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
    expect(Buffer.from(site.files['/lib/modules/6.12.0-lkm-wasm/modules.dep']!, 'base64').toString())
      .toContain('extra/stack-c.ko: extra/stack-b.ko extra/stack-a.ko');
  });

  it('served with the isolation headers (vite preview): kernel in a Web Worker', async () => {
    const { page, errors } = await open(browser, preview.url);
    const s = await page.evaluate(() => ({ ...(window as unknown as { lkm: Lkm }).lkm, lab: undefined, isolated: self.crossOriginIsolated }));
    expect(s.error).toBeUndefined();
    expect(s.isolated).toBe(true);
    expect(s.mode).toBe('worker');
    await run(page, 'modprobe hello-params');
    await page.waitForFunction(() => document.querySelector('#mods tbody tr')?.getAttribute('data-name') === 'hello_params');
    // A user program, in the program worker the build bundled; rwdev autoloads through char-major-240-0.
    await run(page, 'mknod /dev/rwdev c 240 0; ./rwdev-user statically; echo "status=$?"');
    const t = await page.evaluate(() => (window as unknown as { lkm: Lkm }).lkm.transcript);
    expect(t).toContain('read back: "ally"\n');
    expect(t).toContain('status=0\n');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone (390 px): one column, the panes as tabs, nothing wider than the screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(preview.url);
    await page.waitForFunction(() => (window as unknown as { lkm?: Lkm }).lkm?.ready, null, { timeout: 60_000 });
    const visible = () => page.evaluate(() => [...document.querySelectorAll('main#lab > .pane')]
      .filter((p) => (p as HTMLElement).offsetParent !== null).map((p) => p.id));
    expect(await page.isVisible('#tabs')).toBe(true);
    expect(await visible()).toEqual(['pane-term']);
    await page.click('#tabs button[data-key="2"]');
    expect(await visible()).toEqual(['pane-mods']);
    expect(await page.getAttribute('#tabs button[data-key="2"]', 'aria-selected')).toBe('true');
    await page.click('#tabs button[data-key="6"]');
    expect(await visible()).toEqual(['pane-editor']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.$eval('#pane-editor', (e) => e.getBoundingClientRect().width);
    expect(box).toBeGreaterThan(350);
    await page.click('#tabs button[data-key="1"]');
    expect(await visible()).toEqual(['pane-term']);
    mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
    await page.screenshot({ path: join(process.cwd(), 'test-results/web-lab-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('served without them: the header service worker isolates the page, the kernel runs in a Web Worker', async () => {
    const plain = await serveDir(out, false);
    try {
      const { page, errors } = await open(browser, plain.url);
      const s = await page.evaluate(() => ({
        ...(window as unknown as { lkm: Lkm }).lkm, lab: undefined, isolated: self.crossOriginIsolated,
        controlled: navigator.serviceWorker.controller?.scriptURL,
      }));
      expect(s.error).toBeUndefined();
      expect(s.controlled).toMatch(/\/coi-sw\.js$/);
      expect(s.isolated).toBe(true);
      expect(s.mode).toBe('worker');
      expect(await page.isHidden('#notice')).toBe(true);
      await run(page, 'modprobe stack_c');
      await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 3);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await plain.close();
    }
  });

  it('served without them and ?coi=0: single-thread mode, and the page says why', async () => {
    const plain = await serveDir(out, false);
    try {
      const { page, errors } = await open(browser, `${plain.url}?coi=0`);
      const s = await page.evaluate(() => ({ ...(window as unknown as { lkm: Lkm }).lkm, lab: undefined, isolated: self.crossOriginIsolated }));
      expect(s.error).toBeUndefined();
      expect(s.isolated).toBe(false);
      expect(s.mode).toBe('single-thread');
      expect(await page.textContent('#notice')).toContain('not cross-origin isolated: the header service worker is turned off (?coi=0)');
      expect(await page.textContent('#mode')).toBe('single-thread mode');
      await run(page, 'modprobe stack_c');
      await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 3);
      expect(await page.$eval('#dmesg', (d) => d.textContent)).toContain('stack_c: loaded');
      // User programs run on the page's thread here (no SharedArrayBuffer for a program worker).
      await run(page, 'modprobe rwdev; mknod /dev/rwdev c 240 0; ./rwdev-user plain; echo "status=$?"');
      const t = await page.evaluate(() => (window as unknown as { lkm: Lkm }).lkm.transcript);
      expect(t).toContain('the driver holds 5 bytes\n');
      expect(t).toContain('status=0\n');
      await page.screenshot({ path: join(process.cwd(), 'test-results/web-lab-single-thread.png') });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await plain.close();
    }
  });
});
