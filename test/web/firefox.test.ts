// The web lab in Firefox: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core (Playwright
// needs its own patched Firefox, which cannot be downloaded here). Skips with a clear message where
// Firefox is missing; .ci/run installs it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { serveDir, startPreview, type WebServer } from './server.js';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const hasFirefox = existsSync(FIREFOX);
if (!hasFirefox) console.warn(`Firefox test skipped: ${FIREFOX} not found (apt-get install firefox-esr, or set FIREFOX_PATH)`);

type Lkm = { ready: boolean; error?: string; mode?: string; transcript: string; commands: number };

describe.skipIf(!hasFirefox)('web lab in Firefox', () => {
  let out: string;
  let preview: WebServer;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'lkm-web-ff-'));
    preview = await startPreview(out);
  });
  afterAll(async () => {
    await preview?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('boots the kernel in a Web Worker, loads a stack from the terminal and refuses rmmod of a used module', async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${preview.url}/`);
      await page.waitForFunction(() => { const l = (window as unknown as { lkm?: Lkm }).lkm; return l?.ready || l?.error; }, { timeout: 60_000 });
      const lkm = () => page.evaluate(() => { const l = (window as unknown as { lkm: Lkm }).lkm; return { ...l }; });
      expect((await lkm()).error).toBeUndefined();
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      const run = async (line: string) => {
        const before = (await lkm()).commands;
        await page.keyboard.down('Alt');
        await page.keyboard.press('1');
        await page.keyboard.up('Alt');
        await page.keyboard.type(line);
        await page.keyboard.press('Enter');
        await page.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.commands > n, { timeout: 30_000 }, before);
      };
      await run('modprobe stack_c');
      await run('rmmod stack_a');
      // The module list is redrawn after the command's state refresh: wait for it rather than race it.
      await page.waitForFunction(() => /stack_a\s+Live\s+8192\s+2\s+stack_c,stack_b/.test(document.body.innerText), { timeout: 30_000 }).catch(() => {});
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toMatch(/stack_c\s+Live\s+8192\s+0/);
      expect(text).toMatch(/stack_a\s+Live\s+8192\s+2\s+stack_c,stack_b/);
      expect((await lkm()).transcript).toContain('rmmod: ERROR: Module stack_a is in use by: stack_b stack_c');
      // A C user program in its own Web Worker (the bundled program worker), rwdev autoloaded on open.
      await run('mknod /dev/rwdev c 240 0; ./rwdev-user in-firefox; echo "status=$?"');
      const t = (await lkm()).transcript;
      expect(t).toContain('read back: "efox"\n');
      expect(t).toContain('status=0\n');
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results/web-lab-firefox.png') });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('without COOP/COEP and its header service worker (?coi=0) it runs in single-thread mode and says so', async () => {
    const plain = await serveDir(out, false);
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${plain.url}/?coi=0`);
      await page.waitForFunction(() => { const l = (window as unknown as { lkm?: Lkm }).lkm; return l?.ready || l?.error; }, { timeout: 60_000 });
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
      // xterm draws on animation frames: under load its rows reach the DOM a little after `ready`.
      await page.waitForFunction(() => document.body.innerText.includes('example modules installed'), { timeout: 30_000 }).catch(() => {});
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain('single-thread mode');
      expect(text).toContain('example modules installed');
    } finally {
      await browser.close();
      await plain.close();
    }
  });
});
