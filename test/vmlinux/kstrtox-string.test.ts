// kstrto*() and the string functions, called directly.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, type Vmlinux } from '../helpers/vmlinux-harness.ts';

let k: Vmlinux;
beforeAll(async () => { k = await bootVmlinux(); }, 300_000);

const EINVAL = -22, ERANGE = -34, E2BIG = -7;

function kstrto(fn: string, s: string, base = 0, size = 8): [number, bigint] {
  const res = k.alloc(8, 8);
  k.dv.setBigUint64(res, 0xdeadbeefdeadbeefn, true);
  const r = k.fn(fn)(k.str(s), base, res);
  let v: bigint;
  switch (size) {
    case 1: v = BigInt(k.dv.getInt8(res)); break;
    case 2: v = BigInt(k.dv.getInt16(res, true)); break;
    case 4: v = BigInt(k.i32(res)); break;
    default: v = k.dv.getBigInt64(res, true);
  }
  k.freeScratch();
  return [r, v];
}

describe('kstrtox', () => {
  it('base detection, sign, one newline', () => {
    expect(kstrto('kstrtoll', '0x1f')).toEqual([0, 31n]);
    expect(kstrto('kstrtoll', '010')).toEqual([0, 8n]);
    expect(kstrto('kstrtoll', '10')).toEqual([0, 10n]);
    expect(kstrto('kstrtoll', '+5')).toEqual([0, 5n]);
    expect(kstrto('kstrtoll', '-5')).toEqual([0, -5n]);
    expect(kstrto('kstrtoll', '7\n')).toEqual([0, 7n]);
    expect(kstrto('kstrtoll', 'ff', 16)).toEqual([0, 255n]);
    expect(kstrto('kstrtoll', '0xff', 16)).toEqual([0, 255n]);
  });
  it('malformed input is -EINVAL and leaves the result alone', () => {
    for (const s of ['', ' 5', '5 ', '7\n\n', '0x', '+-5', '-+5', '12a', '09', 'x']) {
      expect(kstrto('kstrtoll', s)[0], JSON.stringify(s)).toBe(EINVAL);
    }
    expect(kstrto('kstrtoull', '-1')[0]).toBe(EINVAL);
    expect(kstrto('kstrtoll', 'zz')[1]).toBe(-2401053088876216593n); // untouched 0xdeadbeefdeadbeef
  });
  it('overflow is -ERANGE per type', () => {
    expect(kstrto('kstrtoull', '18446744073709551615')).toEqual([0, -1n]);
    expect(kstrto('kstrtoull', '18446744073709551616')[0]).toBe(ERANGE);
    expect(kstrto('kstrtoll', '9223372036854775807')).toEqual([0, 9223372036854775807n]);
    expect(kstrto('kstrtoll', '9223372036854775808')[0]).toBe(ERANGE);
    expect(kstrto('kstrtoll', '-9223372036854775808')).toEqual([0, -9223372036854775808n]);
    expect(kstrto('kstrtoint', '2147483647', 0, 4)).toEqual([0, 2147483647n]);
    expect(kstrto('kstrtoint', '2147483648', 0, 4)[0]).toBe(ERANGE);
    expect(kstrto('kstrtoint', '-2147483648', 0, 4)).toEqual([0, -2147483648n]);
    expect(kstrto('kstrtouint', '4294967296', 0, 4)[0]).toBe(ERANGE);
    expect(kstrto('kstrtou8', '255', 0, 1)).toEqual([0, -1n]);
    expect(kstrto('kstrtou8', '256', 0, 1)[0]).toBe(ERANGE);
    expect(kstrto('kstrtos8', '-128', 0, 1)).toEqual([0, -128n]);
    expect(kstrto('kstrtos8', '128', 0, 1)[0]).toBe(ERANGE);
    expect(kstrto('kstrtos16', '-32769', 0, 2)[0]).toBe(ERANGE);
    expect(kstrto('kstrtou16', '0xffff', 0, 2)).toEqual([0, -1n]);
    expect(kstrto('_kstrtoul', '4294967295', 0, 4)).toEqual([0, -1n]);
    expect(kstrto('_kstrtol', '-2147483649', 0, 4)[0]).toBe(ERANGE);
  });
  it('kstrtobool', () => {
    const b = (s: string): [number, number] => {
      const res = k.alloc(1);
      k.u8[res] = 0x55;
      const r = k.fn('kstrtobool')(k.str(s), res);
      const v = k.u8[res]!;
      k.freeScratch();
      return [r, v];
    };
    for (const s of ['y', 'Y', 't', 'T', '1', 'e', 'E', 'on', 'ON', 'yes', 'oN\n']) expect(b(s), s).toEqual([0, 1]);
    for (const s of ['n', 'N', 'f', 'F', '0', 'd', 'D', 'off', 'Of', 'no']) expect(b(s), s).toEqual([0, 0]);
    for (const s of ['', 'o', 'ox', 'x', '2', ' y']) expect(b(s), s).toEqual([EINVAL, 0x55]);
  });
  it('simple_strto* stop at the first non-digit', () => {
    const end = k.alloc(4);
    const s = k.str('0x1fz');
    expect(k.fn('simple_strtoul')(s, end, 0)).toBe(31);
    expect(k.u32(end) - s).toBe(4);
    const t = k.str('-12abc');
    expect(k.fn('simple_strtol')(t, end, 10)).toBe(-12);
    expect(k.u32(end) - t).toBe(3);
    expect(k.fn('simple_strtoull')(k.str('777'), 0, 8)).toBe(511n);
    k.freeScratch();
  });
});

describe('string.c', () => {
  it('strscpy returns the length or -E2BIG, always terminated', () => {
    const d = k.alloc(8);
    expect(k.fn('sized_strscpy')(d, k.str('abc'), 8)).toBe(3);
    expect(k.cstr(d)).toBe('abc');
    expect(k.fn('sized_strscpy')(d, k.str('abcdefgh'), 8)).toBe(E2BIG);
    expect(k.cstr(d)).toBe('abcdefg');
    expect(k.fn('sized_strscpy')(d, k.str('x'), 0)).toBe(E2BIG);
    k.freeScratch();
  });
  it('comparisons', () => {
    const c = (fn: string, a: string, b: string, ...n: number[]) => Math.sign(k.fn(fn)(k.str(a), k.str(b), ...n));
    expect(c('strcmp', 'abc', 'abd')).toBe(-1);
    expect(c('strcmp', 'abc', 'abc')).toBe(0);
    expect(c('strcmp', '\xff', 'a')).toBe(1);
    expect(c('strncmp', 'abcx', 'abcy', 3)).toBe(0);
    expect(c('strcasecmp', 'HeLLo', 'hello')).toBe(0);
    expect(c('strncasecmp', 'ABCd', 'abce', 3)).toBe(0);
    expect(c('strncasecmp', 'ABCd', 'abce', 4)).toBe(-1);
    expect(k.fn('sysfs_streq')(k.str('on'), k.str('on\n'))).toBe(1);
    expect(k.fn('sysfs_streq')(k.str('on\n'), k.str('on'))).toBe(1);
    expect(k.fn('sysfs_streq')(k.str('on'), k.str('onn'))).toBe(0);
    k.freeScratch();
  });
  it('searching and splitting', () => {
    const s = k.str('  hello world  ');
    expect(k.fn('strstr')(s, k.str('wor')) - s).toBe(8);
    expect(k.fn('strstr')(s, k.str('xyz'))).toBe(0);
    expect(k.fn('strnstr')(s, k.str('world'), 12)).toBe(0);
    expect(k.fn('strchr')(s, 0x6f) - s).toBe(6);
    expect(k.fn('strrchr')(s, 0x6f) - s).toBe(9);
    expect(k.fn('strspn')(s, k.str(' '))).toBe(2);
    expect(k.fn('strcspn')(s, k.str('w'))).toBe(8);
    expect(k.fn('strpbrk')(s, k.str('dl')) - s).toBe(4);
    expect(k.fn('skip_spaces')(s) - s).toBe(2);
    const t = k.fn('strim')(s);
    expect(k.cstr(t)).toBe('hello world');
    const p = k.alloc(4);
    k.setU32(p, k.str('a,b,,c'));
    const toks: string[] = [];
    for (let tok; (tok = k.fn('strsep')(p, k.str(','))) !== 0;) toks.push(k.cstr(tok));
    expect(toks).toEqual(['a', 'b', '', 'c']);
    k.freeScratch();
  });
  it('memory functions', () => {
    const a = k.alloc(16), b = k.alloc(16);
    k.fn('memset')(a, 0x41, 5);
    expect(k.cstr(a)).toBe('AAAAA');
    k.fn('memcpy')(b, a, 6);
    expect(k.cstr(b)).toBe('AAAAA');
    k.u8.set([1, 2, 3, 4, 5], a);
    k.fn('memmove')(a + 1, a, 4);
    expect([...k.u8.slice(a, a + 5)]).toEqual([1, 1, 2, 3, 4]);
    expect(Math.sign(k.fn('memcmp')(a, b, 1))).toBe(-1);
    expect(k.fn('memchr')(a, 3, 5) - a).toBe(3);
    expect(k.fn('memchr_inv')(b, 0x41, 5)).toBe(0);
    expect(k.fn('memchr_inv')(b, 0x41, 6) - b).toBe(5);
    k.freeScratch();
  });
  it('strlcat, strncat, match_string', () => {
    const d = k.alloc(8);
    k.fn('sized_strscpy')(d, k.str('abc'), 8);
    expect(k.fn('strlcat')(d, k.str('defgh'), 8)).toBe(8);
    expect(k.cstr(d)).toBe('abcdefg');
    k.fn('sized_strscpy')(d, k.str('ab'), 8);
    k.fn('strncat')(d, k.str('xyz'), 2);
    expect(k.cstr(d)).toBe('abxy');
    const arr = k.alloc(12);
    k.setU32(arr, k.str('off')); k.setU32(arr + 4, k.str('on')); k.setU32(arr + 8, 0);
    expect(k.fn('match_string')(arr, 3, k.str('on'))).toBe(1);
    expect(k.fn('match_string')(arr, 3, k.str('x'))).toBe(EINVAL);
    expect(k.fn('__sysfs_match_string')(arr, 2, k.str('on\n'))).toBe(1);
    k.freeScratch();
  });
});
