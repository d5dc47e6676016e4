// Browser: the kernel runs in a module Web Worker; an infinite loop in a module's init leaves the page
// responsive, the watchdog reports it, and after reboot() hello loads again.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, NO_CHROMIUM } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';
import { BARE_IMPORTS, serveStatic } from '../helpers/static-server.js';

if (!hasChromium) console.warn(NO_CHROMIUM);


const serve = () => serveStatic(ROOT, BARE_IMPORTS);

describe.skipIf(!hasChromium)('worker kernel in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { server = await serve(); });
  afterAll(async () => { await server?.close(); });

  it('loads hello, survives an infinite loop in init with the page responsive, reboots', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}/test/worker/worker-page.html`);
      await page.waitForFunction(() => (window as unknown as { stage?: string }).stage === 'spinning', null, { timeout: 60_000 });
      // While the worker spins: the page answers, its timer ticks, a click is handled.
      const t0 = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
      await page.click('#btn');
      expect(await page.textContent('#btn')).toBe('clicked 1');
      await page.waitForFunction((t) => (window as unknown as { ticks: number }).ticks > t, t0);
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, null, { timeout: 60_000 });
      const r = await page.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result);
      expect(errors).toEqual([]);
      expect(r.fatal).toBeUndefined();
      expect(r.isolate).toBe('worker');
      expect(r.isolated).toBe(true);
      expect(r.error).toMatch(/^SoftLockupError: watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! \[insmod:\d+\]: module spin did not return from spin_init/);
      expect(r.ticksDuringLockup).toBeGreaterThan(0);
      const dmesg = r.dmesg as string[];
      expect(dmesg).toContain('hello: Hello, world');
      expect(dmesg).toContain('spin: spinning in init');
      expect(dmesg.some((l) => /^watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! \[insmod:\d+\]$/.test(l))).toBe(true);
      expect(dmesg).toContain('RIP: spin_init [spin]');
      expect(r.modules).toMatch(/^hello \d+ 0 - Live 0x[0-9a-f]{8} \(OE\)\n$/);
      expect(Number(r.tainted) & (1 << 14)).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
