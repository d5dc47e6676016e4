// Modules build with the flags Linux's Makefile passes where they change meaning or diagnostics
// (src/kbuild/toolchain.ts): the textbook NULL store faults as on Linux, char is unsigned, a
// module_param_array count of type int does not warn, and the 32-bit CONFIG_FRAME_WARN applies.
import { describe, expect, it } from 'vitest';
import { compileOnly } from '../helpers/vmlinux-harness.ts';
import { fixture } from '../helpers/paths.js';
import { boot, linesSince } from '../worker/helpers.js';

describe("Linux's compiler flags", () => {
  it('-fno-delete-null-pointer-checks: the NULL store of the textbook demo is an Oops, not "invalid opcode"', async () => {
    const k = await boot('none');
    const seq = k.log.seq;
    const err = await k.asProcess('insmod', () => k.insmod(fixture('nullderef'))).catch((e: unknown) => e);
    expect((err as Error).name).toBe('KernelOops');
    const lines = linesSince(k, seq);
    // The store happens (the NULL page is memory here); the guard finds it when the call returns.
    expect(lines).toContain('about to write through NULL');
    expect(lines).toContain(`BUG: kernel NULL pointer dereference, address: ${'0'.repeat(16)}`);
    expect(lines).toContain('RIP: nullderef_init [nullderef]');
    expect(lines.some((l) => l.includes('invalid opcode'))).toBe(false);
  }, 60_000);

  it('-funsigned-char, -fno-strict-overflow, -Wno-pointer-sign as kbuild has them', async () => {
    expect(await compileOnly([
      '#include <linux/module.h>',
      '#include <linux/moduleparam.h>',
      '_Static_assert((char)-1 > 0, "char is unsigned");',
      'static int nids[4];',
      'static int nids_count;',
      'module_param_array(nids, int, &nids_count, 0444);',
      'static unsigned char ub[4];',
      'int f(char *s);',
      'int f(char *s) { unsigned char *u = s; return *u + ub[0]; }',
      'int g(int x);',
      'int g(int x) { return x + 1 > x; }',
    ].join('\n'))).toBe('');
  }, 60_000);

  it('the default warnings: missing prototypes, VLAs, implicit fallthrough, frames above 1024 bytes', async () => {
    const d = await compileOnly([
      '#include <linux/module.h>',
      'int noproto(int n) { int vla[n]; vla[0] = 0; return vla[0]; }',
      'static int sw(int x) { switch (x) { case 1: x++; case 2: return x; } return 0; }',
      'int (*keep)(int) = sw;',
    ].join('\n'));
    const frame = await compileOnly('#include <linux/module.h>\nint big(void);\n'
      + 'int big(void) { char buf[2000]; memset(buf, 1, sizeof(buf)); return strlen(buf); }\n');
    expect(d).toMatch(/no previous prototype for function 'noproto' \[-Wmissing-prototypes\]/);
    expect(d).toMatch(/\[-Wvla\]/);
    expect(d).toMatch(/\[-Wimplicit-fallthrough\]/);
    expect(frame).toMatch(/stack frame size \(\d+\) exceeds limit \(1024\) in 'big' \[-Wframe-larger-than\]/);
  }, 60_000);
});
