// The kernel core runs unchanged in a browser: boot, insmod hello.ko, read its printk line, rmmod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, NO_CHROMIUM } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';
import { serveStatic } from '../helpers/static-server.js';

if (!hasChromium) console.warn(NO_CHROMIUM);

describe.skipIf(!hasChromium)('kernel in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => { server = await serveStatic(ROOT); });
  afterAll(async () => { await server?.close(); });

  it('loads hello.ko and shows its printk line', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}/test/browser/kernel-page.html`);
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, null, { timeout: 60_000 });
      const result = await page.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result);
      expect(errors).toEqual([]);
      expect(result.error).toBeUndefined();
      expect(result.isolated).toBe(true);
      expect(result.dmesg).toContain('hello: Hello, world');
      expect(result.dmesg).toContain('hello: Goodbye, world');
      expect(result.modules).toMatch(/^hello \d+ 0 - Live 0x[0-9a-f]{8} \(OE\)\n$/);
    } finally {
      await browser.close();
    }
  });
});
