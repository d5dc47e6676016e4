// The 128-bit libgcc routines vmlinux provides (lib/libgcc128.c): a module's __int128 operators compile
// to calls of __multi3, __udivti3 … on wasm32; each result is checked against BigInt arithmetic.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/math64.h>

static u64 res[2];
static int ovf;

u64 *t_res(void) { return res; }
int t_ovf(void) { return ovf; }

void t_op(int op, u64 alo, u64 ahi, u64 blo, u64 bhi)
{
	unsigned __int128 a = ((unsigned __int128)ahi << 64) | alo, b = ((unsigned __int128)bhi << 64) | blo, r = 0;
	__int128 sa = (__int128)a, sb = (__int128)b, sr;
	volatile int n = (int)blo;

	switch (op) {
	case 0: r = a * b; break;
	case 1: r = a / b; break;
	case 2: r = a % b; break;
	case 3: r = (unsigned __int128)(sa / sb); break;
	case 4: r = (unsigned __int128)(sa % sb); break;
	case 5: r = a << n; break;
	case 6: r = a >> n; break;
	case 7: r = (unsigned __int128)(sa >> n); break;
	case 8: ovf = __builtin_mul_overflow(sa, sb, &sr); r = (unsigned __int128)sr; break;
	}
	res[0] = (u64)r;
	res[1] = (u64)(r >> 64);
}

u64 t_mul_div(u64 a, u64 b, u64 c) { return mul_u64_u64_div_u64(a, b, c); }
u64 t_mul_shr(u64 a, u64 b, int s) { return mul_u64_u64_shr(a, b, s); }
MODULE_LICENSE("GPL");
`;

const M128 = (1n << 128n) - 1n, M64 = (1n << 64n) - 1n;
const signed = (v: bigint) => BigInt.asIntN(128, v);
const unsigned = (v: bigint) => BigInt.asUintN(128, v);
/** C's truncating signed division and remainder. */
const sdiv = (a: bigint, b: bigint) => a / b;
const smod = (a: bigint, b: bigint) => a % b;

let k: Vmlinux;
let m: TestModule;

beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'ti3test', SRC, ['t_op', 't_res', 't_ovf', 't_mul_div', 't_mul_shr']);
}, 300_000);

function op(code: number, a: bigint, b: bigint): bigint {
  m.call('t_op', code, a & M64, (a >> 64n) & M64, b & M64, (b >> 64n) & M64);
  const at = m.call('t_res') >>> 0;
  return k.dv.getBigUint64(at, true) | (k.dv.getBigUint64(at + 8, true) << 64n);
}

// Edge values and a fixed pseudo-random set (xorshift), so a failure is reproducible.
const values: bigint[] = [0n, 1n, 2n, 3n, 7n, M64, 1n << 64n, (1n << 64n) + 1n, 1n << 127n, M128, M128 - 1n,
  (1n << 127n) - 1n, 0xdeadbeefcafebaben, 0x123456789abcdef0fedcba9876543210n];
let seed = 0x2545f4914f6cdd1dn;
for (let i = 0; i < 24; i++) {
  seed ^= (seed << 13n) & M64; seed ^= seed >> 7n; seed ^= (seed << 17n) & M64;
  const hi = seed;
  seed ^= (seed << 13n) & M64; seed ^= seed >> 7n; seed ^= (seed << 17n) & M64;
  values.push(i % 3 === 0 ? seed : (hi << 64n) | seed);
}

describe('128-bit libgcc routines', () => {
  it('multiply wraps like unsigned __int128 (__multi3)', () => {
    for (const a of values) for (const b of values) expect(op(0, a, b)).toBe((a * b) & M128);
  });

  it('unsigned divide and remainder (__udivti3, __umodti3)', () => {
    for (const a of values) for (const b of values) {
      if (b === 0n) continue;
      expect(op(1, a, b)).toBe(a / b);
      expect(op(2, a, b)).toBe(a % b);
    }
  });

  it('signed divide truncates toward zero, remainder has the dividend\'s sign (__divti3, __modti3)', () => {
    for (const a of values) for (const b of values) {
      const sa = signed(a), sb = signed(b);
      if (sb === 0n || (sa === -(1n << 127n) && sb === -1n)) continue;
      expect(op(3, a, b)).toBe(unsigned(sdiv(sa, sb)));
      expect(op(4, a, b)).toBe(unsigned(smod(sa, sb)));
    }
  });

  it('variable shifts (__ashlti3, __lshrti3, __ashrti3)', () => {
    for (const a of values) for (const n of [0, 1, 5, 63, 64, 65, 100, 127]) {
      expect(op(5, a, BigInt(n))).toBe((a << BigInt(n)) & M128);
      expect(op(6, a, BigInt(n))).toBe(a >> BigInt(n));
      expect(op(7, a, BigInt(n))).toBe(unsigned(signed(a) >> BigInt(n)));
    }
  });

  it('signed multiply with overflow check (__muloti4)', () => {
    for (const a of values) for (const b of values) {
      const exact = signed(a) * signed(b);
      expect(op(8, a, b)).toBe(unsigned(exact));
      expect(m.call('t_ovf')).toBe(exact !== signed(unsigned(exact)) ? 1 : 0);
    }
  });

  it('a zero divisor traps as a 64-bit division does', () => {
    expect(() => op(1, 5n, 0n)).toThrow(/divide by zero/);
    expect(() => op(3, 1n << 100n, 0n)).toThrow(/divide by zero/);
  });

  it('math64 helpers that use __int128 link and compute', () => {
    expect(BigInt.asUintN(64, m.call('t_mul_div', 1n << 40n, 3n << 30n, 1n << 20n))).toBe(((1n << 40n) * (3n << 30n)) / (1n << 20n));
    expect(BigInt.asUintN(64, m.call('t_mul_shr', M64, M64, 64))).toBe((M64 * M64) >> 64n);
  });
});
