// lib/ pieces modules call: uuid, prandom (LFSR113), glob_match, parser.h, memcat_p, crc32 combine.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/uuid.h>
#include <linux/prandom.h>
#include <linux/glob.h>
#include <linux/parser.h>
#include <linux/crc32.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/min_heap.h>

static char out[256];

static bool less_int(const void *a, const void *b, void *args) { (*(int *)args)++; return *(const int *)a < *(const int *)b; }
DEFINE_MIN_HEAP(int, min_heap_int);

/* Heap sort through min_heap: push all, pop all; then heapify_all, del and pop_push. */
const char *t_heap(void)
{
	static int store[16];
	static const int in[10] = { 5, 3, 9, 1, 7, 2, 8, 6, 4, 0 };
	struct min_heap_int h;
	const struct min_heap_callbacks cb = { .less = less_int, .swp = NULL };
	int i, calls = 0, pos = 0, x = 42;

	min_heap_init(&h, store, 10);
	for (i = 0; i < 10; i++)
		min_heap_push(&h, &in[i], &cb, &calls);
	pos += scnprintf(out + pos, sizeof(out) - pos, "%d%d ", min_heap_full(&h), !min_heap_push(&h, &x, &cb, &calls));
	while (h.nr) {
		pos += scnprintf(out + pos, sizeof(out) - pos, "%d", *min_heap_peek(&h));
		min_heap_pop(&h, &cb, &calls);
	}
	memcpy(store, in, sizeof(in));
	h.nr = 10;
	min_heapify_all(&h, &cb, &calls);
	min_heap_del(&h, 0, &cb, &calls);		/* removes 0 */
	min_heap_pop_push(&h, &x, &cb, &calls);	/* replaces 1 by 42 */
	pos += scnprintf(out + pos, sizeof(out) - pos, " %d %d %d", *min_heap_peek(&h), h.nr, calls > 0);
	return out;
}

const char *t_uuid(const char *text)
{
	uuid_t u;
	guid_t g;
	int ru = uuid_parse(text, &u), rg = guid_parse(text, &g);

	if (ru || rg)
		snprintf(out, sizeof(out), "%d %d %d", uuid_is_valid(text), ru, rg);
	else
		snprintf(out, sizeof(out), "%pUb %pUl %*ph %d", &u, &g, 4, g.b,
			 guid_equal(&g, &GUID_INIT(0xc33f4995, 0x3701, 0x450e, 0x9f, 0xbf, 0x20, 0x6a, 0x2e, 0x98, 0xe5, 0x76)));
	return out;
}

/* Bits a v4 UUID/GUID must have: "version variant" for each. */
const char *t_gen(void)
{
	uuid_t u;
	guid_t g;

	uuid_gen(&u);
	guid_gen(&g);
	snprintf(out, sizeof(out), "%x %x %x %x %d", u.b[6] >> 4, u.b[8] >> 6, g.b[7] >> 4, g.b[8] >> 6,
		 uuid_is_null(&uuid_null) && guid_is_null(&guid_null) && !uuid_is_null(&u));
	return out;
}

static struct rnd_state st;
void t_seed(u64 seed) { prandom_seed_state(&st, seed); }
u32 t_next(void) { return prandom_u32_state(&st); }
static u8 bytes[7];
u8 *t_bytes(void) { prandom_bytes_state(&st, bytes, sizeof(bytes)); return bytes; }

int t_glob(const char *pat, const char *str) { return glob_match(pat, str); }

enum { Opt_uid, Opt_mode, Opt_name, Opt_short, Opt_pct, Opt_big, Opt_flag, Opt_err };
static const match_table_t tokens = {
	{ Opt_uid, "uid=%u" }, { Opt_mode, "mode=%o" }, { Opt_name, "name=%s" }, { Opt_short, "s=%3s" },
	{ Opt_pct, "pct=%d%%" }, { Opt_big, "big=%s" }, { Opt_flag, "flag" }, { Opt_err, NULL },
};

const char *t_parse(char *opt)
{
	substring_t args[MAX_OPT_ARGS];
	int token = match_token(opt, tokens, args), n = 0, r = 0;
	u64 v = 0;
	char *s;

	switch (token) {
	case Opt_uid: case Opt_pct: r = match_int(&args[0], &n); break;
	case Opt_mode: r = match_octal(&args[0], &n); break;
	case Opt_big: r = match_u64(&args[0], &v); n = (int)v; break;
	case Opt_name: case Opt_short:
		s = match_strdup(&args[0]);
		snprintf(out, sizeof(out), "%d %s", token, s);
		kfree(s);
		return out;
	}
	snprintf(out, sizeof(out), "%d %d %d", token, r, n);
	return out;
}

int t_wild(const char *pat, const char *str) { return match_wildcard(pat, str); }

const char *t_memcat(void)
{
	static char a0[] = "a", a1[] = "b", b0[] = "c";
	char *a[] = { a0, a1, NULL }, *b[] = { b0, NULL }, **c = memcat_p(a, b);

	snprintf(out, sizeof(out), "%s%s%s %d", c[0], c[1], c[2], c[3] == NULL);
	kfree(c);
	return out;
}

u32 t_crc(int c, u32 seed, const u8 *p, size_t n) { return c ? __crc32c_le(seed, p, n) : crc32_le(seed, p, n); }
u32 t_combine(int c, u32 a, u32 b, size_t n) { return c ? __crc32c_le_combine(a, b, n) : crc32_le_combine(a, b, n); }
MODULE_LICENSE("GPL");
`;

let k: Vmlinux;
let m: TestModule;
const EXPORTS = ['t_uuid', 't_gen', 't_seed', 't_next', 't_bytes', 't_glob', 't_parse', 't_wild', 't_memcat', 't_crc', 't_combine', 't_heap'];

beforeAll(async () => {
  k = await bootVmlinux({ random: (n) => crypto.getRandomValues(new Uint8Array(n)) });
  m = await loadTestModule(k, 'libmisc', SRC, EXPORTS);
}, 300_000);

const s = (name: string, ...args: (string | number | bigint)[]) => {
  const r = k.cstr(m.call(name, ...args.map((a) => (typeof a === 'string' ? k.str(a) : a))));
  k.freeScratch();
  return r;
};
const n = (name: string, ...args: (string | number)[]) => {
  const r = m.call(name, ...args.map((a) => (typeof a === 'string' ? k.str(a) : a)));
  k.freeScratch();
  return r;
};

describe('uuid', () => {
  it('parses the text form into UUID (big-endian) and GUID (first three fields swapped) byte order', () => {
    expect(s('t_uuid', 'c33f4995-3701-450e-9fbf-206a2e98e576'))
      .toBe('c33f4995-3701-450e-9fbf-206a2e98e576 c33f4995-3701-450e-9fbf-206a2e98e576 95 49 3f c3 1');
    expect(s('t_uuid', 'C33F4995-3701-450E-9FBF-206A2E98E576').startsWith('c33f4995-3701-450e')).toBe(true);
  });

  it('rejects misplaced dashes, non-hex digits and short strings with -EINVAL', () => {
    for (const bad of ['c33f499-53701-450e-9fbf-206a2e98e576', '0cb4ddff-a545-4401-9d06-688af53e', 'g33f4995-3701-450e-9fbf-206a2e98e576'])
      expect(s('t_uuid', bad)).toBe('0 -22 -22');
  });

  it('uuid_gen/guid_gen set version 4 and the RFC 4122 variant', () => {
    for (let i = 0; i < 8; i++) expect(s('t_gen')).toBe('4 2 4 2 1');
  });
});

describe('prandom (LFSR113)', () => {
  // L'Ecuyer's combined Tausworthe generator, written from its definition, seeded as prandom_seed_state.
  function model(seed: bigint) {
    const i = Number(BigInt.asUintN(32, (seed >> 32n) ^ (seed << 10n) ^ seed));
    const fix = (x: number, min: number) => (x < min ? x + min : x) >>> 0;
    const st = [fix(i, 2), fix(i, 8), fix(i, 16), fix(i, 128)];
    const P: [number, number, number, number][] = [[6, 13, 0xfffffffe, 18], [2, 27, 0xfffffff8, 2], [13, 21, 0xfffffff0, 7], [3, 12, 0xffffff80, 13]];
    return () => {
      P.forEach(([q, ks, mask, sh], j) => { const x = st[j]!; st[j] = (((x & mask) << sh) ^ (((x << q) ^ x) >>> ks)) >>> 0; });
      return (st[0]! ^ st[1]! ^ st[2]! ^ st[3]!) >>> 0;
    };
  }

  it('a seed gives the generator\'s sequence; bytes are little-endian words then a partial one', () => {
    for (const seed of [0n, 1n, 42n, 0xdeadbeefcafen]) {
      m.call('t_seed', seed);
      const next = model(seed);
      for (let j = 0; j < 100; j++) expect(m.call('t_next') >>> 0).toBe(next());
      const at = m.call('t_bytes') >>> 0;
      const w0 = next(), w1 = next();
      expect([...k.u8.subarray(at, at + 7)]).toEqual([w0 & 255, (w0 >>> 8) & 255, (w0 >>> 16) & 255, w0 >>> 24, w1 & 255, (w1 >>> 8) & 255, (w1 >>> 16) & 255]);
    }
  });
});

describe('glob_match', () => {
  it('matches as fnmatch(pat, str, 0) would', () => {
    const cases: [string, string, number][] = [
      ['a', 'a', 1], ['a', 'b', 0], ['a', 'aa', 0], ['a', '', 0], ['', '', 1], ['', 'a', 0],
      ['?', 'a', 1], ['?', 'aa', 0], ['??', 'a', 0], ['?x?', 'axb', 1],
      ['[a]', 'a', 1], ['[!a]', 'a', 0], ['[!a]', 'b', 1], ['[ab]', 'b', 1], ['[a-c]', 'b', 1], ['[a-c]', 'd', 0],
      ['[]]', ']', 1], ['[]a]', 'a', 1], ['[!]]', 'a', 1], ['[!]]', ']', 0], ['[a-]', '-', 1], ['[-a]', '-', 1],
      ['[', '[', 1], ['[a', '[a', 1], ['[a', 'a', 0],
      ['*', '', 1], ['*', 'abc', 1], ['a*', 'abc', 1], ['*c', 'abc', 1], ['a*b*c', 'aXbYc', 1], ['*a*b', 'ab', 1],
      ['a*b', 'ac', 0], ['**', 'x', 1], ['*?', '', 0], ['*.ko', 'hello.ko', 1], ['*.ko', 'hello.ko.xz', 0],
      ['\\*', '*', 1], ['\\*', 'a', 0], ['usb*[0-9]', 'usb-storage3', 1], ['usb*[0-9]', 'usb-storage', 0],
    ];
    for (const [pat, str, want] of cases) expect(n('t_glob', pat, str), `${pat} ${str}`).toBe(want);
  });
});

describe('parser.h', () => {
  it('match_token picks the first matching pattern and its substrings; match_* convert them', () => {
    expect(s('t_parse', 'uid=1000')).toBe('0 0 1000');
    expect(s('t_parse', 'uid=0x10')).toBe('0 0 16');
    expect(s('t_parse', 'mode=755')).toBe('1 0 493');
    expect(s('t_parse', 'name=abc')).toBe('2 abc');
    expect(s('t_parse', 's=ab')).toBe('3 ab');
    expect(s('t_parse', 'pct=50%')).toBe('4 0 50');
    expect(s('t_parse', 'big=0x7fffffff')).toBe('5 0 2147483647');
    expect(s('t_parse', 'flag')).toBe('6 0 0');
  });

  it('no match is the end entry\'s token; out-of-range numbers are -ERANGE', () => {
    for (const bad of ['flagx', 'uid=', 'uid=x', 's=abcdef', 'name=', 'pct=50', 'other'])
      expect(s('t_parse', bad), bad).toBe('7 0 0');
    expect(s('t_parse', 'uid=99999999999')).toBe('0 -34 0');
    expect(s('t_parse', 'big=zz').split(' ')[1]).toBe('-22');
  });

  it('match_wildcard: * and ?', () => {
    expect(n('t_wild', 'a*c?', 'abxcd')).toBe(1);
    expect(n('t_wild', 'a*c', 'ab')).toBe(0);
    expect(n('t_wild', '*', '')).toBe(1);
    expect(n('t_wild', 'a?c', 'abc')).toBe(1);
  });
});

describe('min_heap', () => {
  it('push/pop order, full heap, heapify_all, del, pop_push', () => {
    expect(s('t_heap')).toBe('11 0123456789 2 9 1');
  });
});

describe('memcat_p and crc32 combine', () => {
  it('memcat_p concatenates NULL-terminated pointer arrays', () => {
    expect(s('t_memcat')).toBe('abc 1');
  });

  it('crc(A‖B) from crc(A) and crc(B) for both polynomials and many lengths', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 255);
    const p = k.bytesIn(data);
    for (const c of [0, 1]) for (const [la, lb] of [[0, 5], [1, 1], [10, 0], [7, 100], [100, 200], [3, 257]]) {
      const whole = m.call('t_crc', c, 0xffffffff, p, la + lb) >>> 0;
      const a = m.call('t_crc', c, 0xffffffff, p, la) >>> 0, b = m.call('t_crc', c, 0, p + la, lb) >>> 0;
      expect(m.call('t_combine', c, a, b, lb) >>> 0, `${c} ${la}+${lb}`).toBe(whole);
    }
    k.freeScratch();
  });
});
