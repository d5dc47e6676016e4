import { describe, expect, it } from 'vitest';
import { bootKernel, build, KernelError, UTS_RELEASE } from 'lkm-wasm';

// The library entry without the fixture: the package's own vmlinux.ko, headers and clang.
describe('lkm-wasm as a library', () => {
  it('builds a module and boots a kernel that loads it', { timeout: 120_000 }, async () => {
    const r = await build(new URL('../hello', import.meta.url).pathname);
    expect(r.ok).toBe(true);
    const kernel = await bootKernel({ isolate: 'none' });
    try {
      await kernel.insmod(r.modules[0]!.path);
      expect(await kernel.readFile('/proc/sys/kernel/osrelease')).toBe(`${UTS_RELEASE}\n`);
      const err = await kernel.insmod(r.modules[0]!.path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KernelError);
      expect((err as KernelError).code).toBe('EEXIST');
    } finally {
      await kernel.close();
    }
  });
});
