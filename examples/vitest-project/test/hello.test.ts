import { fileURLToPath } from 'node:url';
import { expect, kernelTest } from 'lkm-wasm/vitest';

// Builds ./hello once per test process; each test gets a fresh kernel, unloaded and leak-checked after it.
const test = kernelTest({ modules: fileURLToPath(new URL('../hello', import.meta.url)) });

test('hello greets at load and is listed by lsmod', async ({ kernel, modules }) => {
  await kernel.insmod(modules.hello!, ['whom=vitest']);
  expect(kernel).toHaveLogged('hello: Hello, vitest');
  await expect(kernel).toHaveLoaded('hello');
  expect(await kernel.readFile('/sys/module/hello/parameters/whom')).toBe('vitest\n');
});

test('rmmod runs its exit function', async ({ kernel, modules }) => {
  await kernel.insmod(modules.hello!);
  await kernel.rmmod('hello');
  expect(kernel).toHaveLogged(/^hello: Goodbye, world$/);
  await expect(kernel).not.toHaveLoaded('hello');
});
