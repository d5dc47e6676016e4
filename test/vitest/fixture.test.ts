// lkm-wasm/vitest: the kernel fixture builds its module directory, boots a kernel per test, unloads what
// a test left loaded and fails on leaks; the matchers read the log and lsmod.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { buildModules, expect, kernelTest, unloadAll, withKernel } from '../../src/vitest/index.node.js';
import { FIXTURE_SRC, ROOT } from '../helpers/paths.js';

// A module directory as a user has one: hello (clean) and leaky (keeps two of its three allocations).
const dir = mkdtempSync(join(tmpdir(), 'lkm-vitest-'));
copyFileSync(join(ROOT, 'modules-src/hello/hello.c'), join(dir, 'hello.c'));
copyFileSync(join(FIXTURE_SRC, 'leaky.c'), join(dir, 'leaky.c'));
writeFileSync(join(dir, 'Kbuild'), 'obj-m += hello.o leaky.o\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const test = kernelTest({ modules: dir, boot: { isolate: 'none' } });

describe('the kernel fixture', () => {
  test('builds the directory once and boots a kernel the matchers read', async ({ kernel, modules }) => {
    expect(Object.keys(modules).sort()).toEqual(['hello', 'leaky']);
    expect(await buildModules(dir)).toBe(modules);
    await expect(kernel).not.toHaveLoaded('hello');
    await kernel.insmod(modules.hello!);
    expect(kernel).toHaveLogged('hello: Hello, world');
    expect(kernel).toHaveLogged(/^hello: Hello, w.rld$/g);
    expect(kernel).toHaveLogged(/^hello: Hello, w.rld$/g);
    expect(kernel).not.toHaveLogged('Goodbye');
    await expect(kernel).toHaveLoaded('hello');
    // Left loaded: the teardown unloads it (a clean module, so the test passes).
  });

  test('a fresh kernel for every test', async ({ kernel }) => {
    expect(await kernel.lsmod()).toEqual([]);
    expect(kernel).not.toHaveLogged('hello');
  });

  test('failing matchers say what the log and lsmod hold', async ({ kernel, modules }) => {
    await kernel.insmod(modules.hello!);
    expect(() => expect(kernel).toHaveLogged('nothing like this')).toThrow(
      /expected the kernel log to have a line containing "nothing like this"; its last lines:\n(.|\n)*hello: Hello, world/);
    await expect(expect(kernel).toHaveLoaded('leaky')).rejects.toThrow('expected module leaky to be loaded; lsmod: hello');
    expect(() => expect({}).toHaveLogged('x')).toThrow('expected a kernel');
  });
});

describe('the teardown', () => {
  test('unloads what is left and reports a leak as Linux words it', async ({ modules }) => {
    const err = await withKernel(async (k) => {
      await k.insmod(modules.hello!);
      await k.insmod(modules.leaky!);
    }, { boot: { isolate: 'none' } }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('kernel teardown:\n  leaky: 2 allocations (4100 bytes) not freed at unload: leaked');
  });

  test('a leak in a module the test unloaded itself counts too; leakCheck: false turns the check off', async ({ kernel, modules }) => {
    await kernel.insmod(modules.leaky!);
    await kernel.rmmod('leaky');
    expect(kernel).toHaveLogged('leaky: 2 allocations (4100 bytes) not freed at unload: leaked');
    expect(await unloadAll(kernel)).toEqual(['leaky: 2 allocations (4100 bytes) not freed at unload: leaked']);
    expect(await unloadAll(kernel, { leakCheck: false })).toEqual([]);
    await kernel.reboot();
  });

  // The fixture's teardown error is the test's: test.fails passes only if the test failed.
  test.fails('a test that leaves a leaking module loaded fails', async ({ kernel, modules }) => {
    await kernel.insmod(modules.leaky!);
  });

  test('withKernel returns what its function returns, in a worker kernel too', async ({ modules }) => {
    const lines = await withKernel(async (k) => {
      await k.insmod(modules.hello!);
      return k.dmesg({ time: false });
    });
    expect(lines).toContain('hello: Hello, world');
  });
});
