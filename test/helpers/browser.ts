// Headless Chromium for browser tests: Debian's chromium driven by playwright-core. Tests skip with a
// clear message where it is not installed (CI installs it in .ci/run).
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM = `browser test skipped: ${CHROMIUM} not found (apt-get install chromium, or set CHROMIUM_PATH)`;

export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
