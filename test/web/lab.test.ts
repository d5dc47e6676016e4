// The web lab end to end in headless Chromium (playwright-core), served by vite's dev server as
// `npm run web` serves it: the terminal drives the kernel, the live views follow, a module that never
// returns trips the watchdog while the page stays responsive. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launch, NO_CHROMIUM } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';
import { startDevServer, type WebServer } from './server.js';

if (!hasChromium) console.warn(NO_CHROMIUM);

const SHOTS = join(ROOT, 'test-results');
const WATCHDOG_S = 3;

type Lkm = { ready: boolean; error?: string; mode?: string; transcript: string; commands: number; modules: { name: string; state: string; refcount: number; users: string[] }[]; lockups: number; compiles: number };
const lkm = (p: Page) => p.evaluate(() => (window as unknown as { lkm: Lkm }).lkm && {
  ...(window as unknown as { lkm: Lkm }).lkm, lab: undefined,
});

async function typeLine(p: Page, line: string): Promise<void> {
  await p.keyboard.press('Alt+1');
  const before = (await lkm(p)).commands;
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
  // The command has finished when the terminal counted it (its prompt is back).
  await p.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.commands > n, before, { timeout: 30_000 });
}

const names = (p: Page) => p.$$eval('#mods tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.name));
const graphNodes = (p: Page) => p.$$eval('#graph g.node', (gs) => gs.map((g) => g.getAttribute('data-name')).sort());
const dmesgText = (p: Page) => p.$eval('#dmesg', (d) => d.textContent ?? '');

describe.skipIf(!hasChromium)('web lab in headless Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startDevServer();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/?watchdog=${WATCHDOG_S}`);
    await page.waitForFunction(() => { const l = (window as unknown as { lkm?: Lkm }).lkm; return l?.ready || l?.error; }, null, { timeout: 90_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('boots the kernel in a Web Worker, cross-origin isolated', async () => {
    const s = await lkm(page);
    expect(s.error).toBeUndefined();
    expect(s.mode).toBe('worker');
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    expect(await page.textContent('#mode')).toContain('Web Worker');
    expect(await page.$eval('#notice', (n) => (n as HTMLElement).hidden)).toBe(true);
  });

  it('modprobe stack_c: three modules in the list and the graph, their dmesg lines', async () => {
    await typeLine(page, 'modprobe stack_c');
    await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 3);
    expect(await names(page)).toEqual(['stack_c', 'stack_b', 'stack_a']);
    expect(await graphNodes(page)).toEqual(['stack_a', 'stack_b', 'stack_c']);
    expect(await page.$$eval('#graph path.edge', (es) => es.map((e) => e.querySelector('title')?.textContent).sort()))
      .toEqual(['stack_b uses stack_a', 'stack_c uses stack_a', 'stack_c uses stack_b']);
    const rows = await page.$$eval('#mods tbody tr', (rs) => rs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows[2]).toEqual(['stack_a', 'Live', expect.stringMatching(/^\d+$/), '2', 'stack_c,stack_b', 'OE']);
    const d = await dmesgText(page);
    expect(d).toContain('stack_a: loading out-of-tree module taints kernel.');
    expect(d).toMatch(/stack_c: loaded, stack_c_sum\(10\) = \d+/);
    // Selecting stack_c shows what modprobe -r would remove.
    await page.click('#graph g.node[data-name="stack_c"]');
    // As kmod does it: stack_a comes first in stack_c's reversed dependency list, while stack_b still uses it.
    expect(await page.textContent('#graph-note')).toContain('modprobe -r stack_c removes: stack_c → stack_b; keeps stack_a');
    expect(await page.$$eval('#graph g.node.removes', (gs) => gs.map((g) => g.getAttribute('data-name')).sort())).toEqual(['stack_b', 'stack_c']);
    await page.click('#graph g.node[data-name="stack_a"]');
    expect(await page.textContent('#graph-note')).toMatch(/fails: Module stack_a is in use by stack_(c, stack_b|b, stack_c)/);
    await page.screenshot({ path: join(SHOTS, 'web-lab-stack.png') });
    // A smaller laptop screen.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'web-lab-stack-1280x720.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('rmmod stack_a is refused; unloading in order empties the list', async () => {
    await typeLine(page, 'rmmod stack_a');
    expect((await lkm(page)).transcript).toMatch(/rmmod: ERROR: Module stack_a is in use by: (stack_b stack_c|stack_c stack_b)\n/);
    expect(await names(page)).toEqual(['stack_c', 'stack_b', 'stack_a']);
    for (const m of ['stack_c', 'stack_b', 'stack_a']) await typeLine(page, `rmmod ${m}`);
    await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 0);
    expect(await dmesgText(page)).toContain('stack_c: unloaded');
  });

  it('keyboard: Tab completes module names; in the module list, r types modprobe -r for the selection', async () => {
    await page.keyboard.press('Alt+1');
    await page.keyboard.type('modprobe stack_');
    await page.keyboard.press('Tab');
    // xterm's DOM rows (spaces are non-breaking there; \s matches them).
    await page.waitForFunction(() => /stack_a\s+stack_b\s+stack_c/.test(document.querySelector('.xterm-rows')?.textContent ?? ''));
    await page.keyboard.type('c');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 3);
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('#mods tbody tr.sel', (r) => (r as HTMLElement).dataset.name)).toBe('stack_c');
    const predicted = await page.$$eval('#mods tbody tr.removes', (rs) => rs.map((r) => (r as HTMLElement).dataset.name).sort());
    expect(predicted).toEqual(['stack_b', 'stack_c']);
    await page.keyboard.press('r');
    // The prediction holds: what is left is what it kept.
    await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 1);
    expect(await names(page)).toEqual(['stack_a']);
    expect(await page.textContent('.xterm-rows')).toContain('modprobe -r stack_c');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 0);
  });

  it('the file browser shows /proc/modules and follows the kernel', async () => {
    await typeLine(page, 'insmod /lib/modules/6.12.0-lkm-wasm/extra/hello.ko');
    await page.waitForFunction(() => /^hello \d+ 0 - Live 0x[0-9a-f]{8} \(OE\)/.test(document.getElementById('file-body')?.textContent ?? ''));
    expect(await page.textContent('#file-path')).toBe('/proc/modules');
    await typeLine(page, 'rmmod hello');
  });

  it('a module whose init never returns: the page stays responsive, the watchdog reports and reboots', async () => {
    await page.keyboard.press('Alt+1');
    await page.keyboard.type('insmod /lib/modules/6.12.0-lkm-wasm/extra/soft-lockup.ko');
    await page.keyboard.press('Enter');
    // While the kernel worker spins, the page's own thread keeps running: timers tick, the DOM answers.
    const ticks = await page.evaluate(() => new Promise<number>((ok) => {
      let n = 0;
      const t = setInterval(() => { n++; }, 50);
      setTimeout(() => { clearInterval(t); ok(n); }, 1000);
    }));
    expect(ticks).toBeGreaterThan(10);
    await page.keyboard.press('Alt+6');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    await page.waitForFunction(() => (window as unknown as { lkm: Lkm }).lkm.lockups === 1, null, { timeout: (WATCHDOG_S + 20) * 1000 });
    const d = await dmesgText(page);
    expect(d).toContain('soft_lockup: spinning forever in init');
    expect(d).toMatch(/watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! \[insmod:\d+\]/);
    expect(d).toContain('Modules linked in: soft_lockup(OE+)');
    expect(d).toMatch(/RIP: \w+ \[soft_lockup\]/);
    expect((await lkm(page)).transcript).toMatch(/module soft_lockup did not return from \w+/);
    expect(await page.textContent('#taint')).toMatch(/^Tainted: .*L/);
    expect(await page.textContent('#mode')).toContain('kernel hung');
    // Hung until a reboot is asked for.
    await typeLine(page, 'lsmod');
    expect((await lkm(page)).transcript).toContain('kernel is hung after a soft lockup in module soft_lockup');
    await page.screenshot({ path: join(SHOTS, 'web-lab-watchdog.png') });
    await typeLine(page, 'reboot');
    await page.waitForFunction(() => document.getElementById('dmesg')?.textContent?.includes('a new kernel booted'));
    expect(await page.textContent('#mode')).toContain('Web Worker');
    // The new kernel works.
    await typeLine(page, 'modprobe hello');
    await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 1);
    expect(await names(page)).toEqual(['hello']);
    await typeLine(page, 'rmmod hello');
  });

  it('compiles an edited module in the page (clang loaded on demand), marks errors inline, and loads it', async () => {
    const original = await page.inputValue('#code');
    expect(original).toContain('Hello, world');
    // A compile error first: marked at its line.
    const broken = original.replace('return 0;', 'return undeclared_thing;');
    const errLine = broken.split('\n').findIndex((l) => l.includes('undeclared_thing')) + 1;
    await page.fill('#code', broken);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as unknown as { lkm: Lkm }).lkm.compiles === 1, null, { timeout: 240_000 });
    expect(await page.textContent('#diag')).toContain("use of undeclared identifier 'undeclared_thing'");
    expect(await page.$$eval('#gutter span.err', (s) => s.map((e) => e.textContent))).toEqual([String(errLine)]);
    expect(await page.textContent(`#backdrop span.err[data-line="${errLine}"] .msg`)).toContain('undeclared_thing');
    await page.screenshot({ path: join(SHOTS, 'web-lab-compile-error.png') });
    // Fixed and edited: built, written to /root and loaded with insmod from the terminal.
    await page.fill('#code', original.replace('Hello, world', 'Hello from the page'));
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as unknown as { lkm: Lkm }).lkm.compiles === 2, null, { timeout: 120_000 });
    await page.waitForFunction(() => document.getElementById('dmesg')?.textContent?.includes('hello: Hello from the page'), null, { timeout: 30_000 });
    expect(await page.textContent('#diag')).toMatch(/^Built hello\.ko in/);
    expect(await page.$$eval('#gutter span.err', (s) => s.length)).toBe(0);
    expect((await lkm(page)).transcript).not.toContain('insmod: ERROR');
    await page.waitForFunction(() => document.querySelector('#mods tbody tr')?.getAttribute('data-name') === 'hello');
    await page.screenshot({ path: join(SHOTS, 'web-lab-compiled.png') });
    await typeLine(page, 'rmmod hello');
    // A module of a stack: its dependencies, built from the same directory, are loaded first.
    await page.selectOption('#src-select', 'stack/stack-c.c');
    const c = await page.inputValue('#code');
    await page.fill('#code', c.replace('pr_info("loaded, ', 'pr_info("rebuilt in the page, '));
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as unknown as { lkm: Lkm }).lkm.compiles === 3, null, { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll('#mods tbody tr').length === 3, null, { timeout: 30_000 });
    expect(await names(page)).toEqual(['stack_c', 'stack_b', 'stack_a']);
    expect(await dmesgText(page)).toMatch(/stack_c: rebuilt in the page, stack_c_sum\(10\) = \d+/);
    const rows = await page.textContent('.xterm-rows');
    expect(rows).toContain('insmod /root/stack-a.ko');
    expect(rows).toContain('insmod /root/stack-c.ko');
    for (const m of ['stack_c', 'stack_b', 'stack_a']) await typeLine(page, `rmmod ${m}`);
  }, 300_000);

  it('the shipped user program rwdev-user talks to its driver from the xterm shell, in a worker of its own', async () => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await typeLine(page, 'modprobe rwdev');
    await typeLine(page, 'mknod /dev/rwdev c 240 0');
    const before = (await lkm(page)).transcript.length;
    await typeLine(page, './rwdev-user; echo "status=$?"');
    const out = (await lkm(page)).transcript.slice(before);
    expect(out).toContain('open("/dev/rwdev")           = 4\n');
    expect(out).toContain('the driver holds 11 bytes\n');
    expect(out).toContain('read back: "rwdev"\n');
    expect(out).toContain("after fill: 256 bytes of '*'\n");
    expect(out).toContain('ioctl(unknown request)       = -1 (Not a tty)\n');
    expect(out).toContain('status=0\n');
    // The driver saw the program's ioctl (its pr_info), and the program ran in a program worker.
    expect(await dmesgText(page)).toContain('rwdev: reset');
    expect(workers.some((u) => /web-program-worker/.test(u))).toBe(true);
    // Arguments and pipes, as for any command.
    const b2 = (await lkm(page)).transcript.length;
    await typeLine(page, './rwdev-user from-the-lab | grep "read back"');
    expect((await lkm(page)).transcript.slice(b2)).toContain('read back: "he-lab"\n');
    await typeLine(page, 'rmmod rwdev');
  });

  it('compiles a user program in the editor: errors inline, then built, written to /root and run in the terminal', async () => {
    const compiles = (await lkm(page)).compiles;
    await page.selectOption('#src-select', 'rwdev/rwdev-user.c');
    expect(await page.isDisabled('#run')).toBe(true);
    const program = [
      '#include <fcntl.h>',
      '#include <stdio.h>',
      '#include <unistd.h>',
      '',
      'int main(int argc, char **argv)',
      '{',
      '\tchar buf[64];',
      '\tint fd = open("/proc/sys/kernel/osrelease", O_RDONLY);',
      '\tssize_t n = read(fd, buf, sizeof(buf));',
      '',
      '\tprintf("%s, compiled in the page, runs on %.*s", argv[0], (int)n, buf);',
      '\treturn 3;',
      '}',
      '',
    ].join('\n');
    // A compile error: marked at its line, nothing written or run.
    const broken = program.replace('return 3;', 'return not_declared;');
    const errLine = broken.split('\n').findIndex((l) => l.includes('not_declared')) + 1;
    await page.fill('#code', broken);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.compiles > n, compiles, { timeout: 240_000 });
    expect(await page.textContent('#diag')).toMatch(/^Build failed/);
    expect(await page.textContent('#diag')).toContain("/src/rwdev/rwdev-user.c:12:9: error: use of undeclared identifier 'not_declared'");
    expect(await page.$$eval('#gutter span.err', (s) => s.map((e) => e.textContent))).toEqual([String(errLine)]);
    expect(await page.textContent(`#backdrop span.err[data-line="${errLine}"] .msg`)).toContain('not_declared');
    expect(await page.isDisabled('#run')).toBe(true);
    // Fixed: the directory builds (rwdev.ko and the program), the driver is loaded, the program runs.
    const before = (await lkm(page)).transcript.length;
    await page.fill('#code', program);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.compiles > n + 1, compiles, { timeout: 120_000 });
    const ran = '/root/rwdev-user, compiled in the page, runs on 6.12.0-lkm-wasm\n';
    await page.waitForFunction((t) => (window as unknown as { lkm: Lkm }).lkm.transcript.includes(t), ran, { timeout: 60_000 });
    expect(await page.textContent('#diag')).toMatch(/^Built rwdev\.ko, rwdev-user in/);
    expect(await page.$$eval('#gutter span.err', (s) => s.length)).toBe(0);
    const rows = await page.textContent('.xterm-rows');
    expect(rows).toContain('insmod /root/rwdev.ko');
    expect(rows).toContain('/root/rwdev-user');
    expect(await names(page)).toContain('rwdev');
    await page.screenshot({ path: join(SHOTS, 'web-lab-program.png') });
    // The Run button runs it again (no compile); its status is the program's.
    expect(await page.isDisabled('#run')).toBe(false);
    await page.click('#run');
    await page.waitForFunction(({ t, from }) => (window as unknown as { lkm: Lkm }).lkm.transcript.indexOf(t, from) !== (window as unknown as { lkm: Lkm }).lkm.transcript.lastIndexOf(t), { t: ran, from: before }, { timeout: 30_000 });
    expect((await lkm(page)).compiles).toBe(compiles + 2);
    const b2 = (await lkm(page)).transcript.length;
    await typeLine(page, 'echo $?; ls /root');
    const tail = (await lkm(page)).transcript.slice(b2);
    expect(tail).toMatch(/^3\n/m);
    expect(tail).toContain('rwdev-user');
    await typeLine(page, 'rmmod rwdev');
  }, 300_000);

  it('the terminal is the foreground program\'s: typed lines are its stdin, Ctrl+D ends it, Ctrl+C interrupts a sleeping cat', async () => {
    const compiles = (await lkm(page)).compiles;
    await page.selectOption('#src-select', 'rwdev/rwdev-user.c');
    await page.fill('#code', [
      '#include <stdio.h>',
      '#include <string.h>',
      '',
      'int main(void)',
      '{',
      '\tchar line[128];',
      '',
      '\tprintf("ready\\n");',
      '\tfflush(stdout);',
      '\twhile (fgets(line, sizeof(line), stdin)) {',
      '\t\tline[strcspn(line, "\\n")] = 0;',
      '\t\tprintf("got <%s>\\n", line);',
      '\t\tfflush(stdout);',
      '\t}',
      '\tprintf("end of input\\n");',
      '\treturn 0;',
      '}',
      '',
    ].join('\n'));
    const before = (await lkm(page)).transcript.length;
    // Compile & load runs /root/rwdev-user in the terminal; it waits for a line.
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.compiles > n, compiles, { timeout: 120_000 });
    await page.waitForFunction((from) => (window as unknown as { lkm: Lkm }).lkm.transcript.indexOf('ready\n', from) >= 0, before, { timeout: 30_000 });
    await page.keyboard.press('Alt+1');
    await page.keyboard.type('hello lab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((from) => (window as unknown as { lkm: Lkm }).lkm.transcript.indexOf('got <hello lab>\n', from) >= 0, before, { timeout: 30_000 });
    const commands = (await lkm(page)).commands;
    await page.keyboard.press('Control+D');
    await page.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.commands > n, commands, { timeout: 30_000 });
    let tail = (await lkm(page)).transcript.slice(before);
    // The typed line echoed once (by the line discipline), then the program's answer and its end.
    expect(tail).toContain('hello lab\r\ngot <hello lab>\nend of input\n');
    // Ctrl+C: cat sleeping in /dev/sleepy's read ends with EINTR (status 130), the module can go.
    await typeLine(page, 'modprobe sleepy');
    const b2 = (await lkm(page)).transcript.length;
    const c2 = (await lkm(page)).commands;
    await page.keyboard.type('cat /dev/sleepy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('#dmesg')?.textContent ?? '').includes('going to sleep'), null, { timeout: 30_000 });
    expect((await lkm(page)).commands).toBe(c2);
    await page.keyboard.press('Control+C');
    await page.waitForFunction((n) => (window as unknown as { lkm: Lkm }).lkm.commands > n, c2, { timeout: 30_000 });
    await typeLine(page, 'echo "status=$?"; rmmod sleepy; echo "rmmod=$?"');
    tail = (await lkm(page)).transcript.slice(b2);
    expect(tail).toContain('^C\n');
    expect(tail).toContain('status=130\n');
    expect(tail).toContain('rmmod=0\n');
    await typeLine(page, 'rmmod rwdev');
  }, 300_000);

  it('single-thread mode (?isolate=none) runs programs on the page\'s thread', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errs: string[] = [];
    p2.on('pageerror', (e) => errs.push(String(e)));
    try {
      await p2.goto(`${server.url}/?isolate=none`);
      await p2.waitForFunction(() => { const l = (window as unknown as { lkm?: Lkm }).lkm; return l?.ready || l?.error; }, null, { timeout: 90_000 });
      expect((await lkm(p2)).error).toBeUndefined();
      expect((await lkm(p2)).mode).toBe('single-thread');
      await typeLine(p2, 'modprobe rwdev; mknod /dev/rwdev c 240 0');
      await typeLine(p2, './rwdev-user single; echo "status=$?"');
      const t = (await lkm(p2)).transcript;
      expect(t).toContain('the driver holds 6 bytes\n');
      expect(t).toContain("after fill: 256 bytes of '*'\n");
      expect(t).toContain('status=0\n');
      expect(errs).toEqual([]);
    } finally {
      await p2.close();
    }
  });

  it('has no page errors', () => {
    expect(errors).toEqual([]);
  });
});
