// The header API compiled into a module (macros, inlines, type checks) and the lib/ functions behind it.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/list_sort.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/atomic.h>
#include <linux/overflow.h>
#include <linux/minmax.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/crc32.h>
#include <linux/ctype.h>
#include <linux/hex.h>
#include <linux/gcd.h>
#include <linux/random.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/stat.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/cleanup.h>

static char out[512];
static int pos;
#define OUT(fmt, ...) (pos += scnprintf(out + pos, sizeof(out) - pos, fmt, ##__VA_ARGS__))

struct node { int v; struct list_head l; struct hlist_node h; };

static int cmp_node(void *priv, const struct list_head *a, const struct list_head *b)
{
	return list_entry(a, struct node, l)->v - list_entry(b, struct node, l)->v;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static const int table[4] __maybe_unused = { 1, 2, 3, 4 };
static char static_buf[MAX(3, 5)] __maybe_unused;	/* file scope: MIN()/MAX(), as Linux 6.12 */

const char *t_lists(void)
{
	LIST_HEAD(head);
	HLIST_HEAD(hh);
	struct node n[5], *p, *tmp;
	int vals[5] = { 3, 1, 4, 1, 5 }, i;

	pos = 0;
	for (i = 0; i < 5; i++) {
		n[i].v = vals[i];
		list_add_tail(&n[i].l, &head);
		hlist_add_head(&n[i].h, &hh);
	}
	list_sort(NULL, &head, cmp_node);
	list_for_each_entry(p, &head, l)
		OUT("%d", p->v);
	list_for_each_entry_safe(p, tmp, &head, l)
		if (p->v == 1)
			list_del(&p->l);
	OUT(" %zu", list_count_nodes(&head));
	OUT(" %d", list_first_entry(&head, struct node, l)->v);
	OUT(" %d", list_last_entry(&head, struct node, l)->v);
	list_for_each_entry_reverse(p, &head, l)
		OUT("%d", p->v);
	hlist_for_each_entry(p, &hh, h)
		OUT(".%d", p->v);
	OUT(" %d", list_empty(&head));
	list_del_init(&n[0].l);
	OUT(" %d", list_empty(&n[0].l));
	return out;
}

const char *t_bits(void)
{
	DECLARE_BITMAP(bm, 70) = { 0 };
	unsigned long bit;
	atomic_t a = ATOMIC_INIT(5);
	atomic64_t a64 = ATOMIC64_INIT(1LL << 40);
	atomic_long_t al = ATOMIC_LONG_INIT(2);
	int x = 10;

	pos = 0;
	set_bit(3, bm); set_bit(33, bm); __set_bit(69, bm);
	for_each_set_bit(bit, bm, 70)
		OUT("%lu,", bit);
	OUT(" %d%d", test_and_clear_bit(33, bm), test_bit(33, bm));
	OUT(" %lu %lu", find_first_bit(bm, 70), find_next_zero_bit(bm, 70, 3));
	OUT(" %d %d %d %lu %d", fls(0x80), ffs(0x80), fls64(1ULL << 40), __ffs(0x10), hweight32(0xff00ff));
	OUT(" %#lx %#llx %lx", GENMASK(7, 4), GENMASK_ULL(39, 32), BIT(31));
	OUT(" %d %d %d", atomic_inc_return(&a), atomic_dec_and_test(&a), atomic_cmpxchg(&a, 5, 9));
	OUT(" %d %d", atomic_read(&a), atomic_fetch_add_unless(&a, 1, 9));
	OUT(" %lld", atomic64_add_return(1, &a64));
	OUT(" %ld", atomic_long_inc_return(&al));
	OUT(" %d", cmpxchg(&x, 10, 11));
	OUT(" %d", xchg(&x, 12));
	OUT(" %d", x);
	return out;
}

const char *t_math(void)
{
	size_t sz;
	u64 d = 1000000000007ULL;
	u32 rem = do_div(d, 1000);
	struct flex { int n; int items[]; } *f = NULL;
	int arr[] = { 5, 2, 9, 1 };
	int key = 9, *found;
	volatile int v300 = 300;

	pos = 0;
	OUT("%d %d %u", min(3, 7), max(-1, -5), min_t(u8, v300, 200));
	OUT(" %d %lu %d", clamp(15, 0, 10), clamp_val(5UL, 6, 9), min3(4, 2, 8));
	OUT(" %d %d %d", DIV_ROUND_UP(7, 2), DIV_ROUND_CLOSEST(7, 2), roundup(7, 5));
	OUT(" %d %d %lu", round_up(9, 8), round_down(9, 8), ALIGN(13UL, 4));
	OUT(" %d %d %d", ilog2(1024), is_power_of_2(48), order_base_2(5));
	OUT(" %lu %lu", roundup_pow_of_two(33UL), rounddown_pow_of_two(33UL));
	OUT(" %d", check_add_overflow(INT_MAX, 1, &pos) ? 1 : 0);
	pos = strlen(out);
	OUT(" %d", check_mul_overflow((size_t)1 << 20, (size_t)1 << 13, &sz));
	OUT(" %zu %zu", struct_size(f, items, 3), array_size(SIZE_MAX, 2));
	OUT(" %llu %u %llu", d, rem, div_u64(10, 3));
	OUT(" %lld", div_s64(-10, 3));
	OUT(" %u %u", upper_32_bits(0x123456789ULL), lower_32_bits(0x123456789ULL));
	OUT(" %d %d", abs(-4), (int)ARRAY_SIZE(table));
	OUT(" %lu %lu %lu", int_sqrt(99), gcd(12, 18), (unsigned long)sizeof(static_buf));
	sort(arr, 4, sizeof(int), cmp_int, NULL);
	OUT(" %d%d%d%d", arr[0], arr[1], arr[2], arr[3]);
	found = bsearch(&key, arr, 4, sizeof(int), cmp_int);
	OUT(" %d", found ? (int)(found - arr) : -1);
	OUT(" %o %o", S_IRUGO | S_IWUSR, S_IRWXUGO);
	OUT(" %d", (int)PAGE_SIZE);
	return out;
}

const char *t_text(void)
{
	u8 bin[4];
	char hex[9] = { 0 };
	char line[100];
	static const u8 data[] = { 'H', 'i', 0, 0xff, 0x41, 0x42, 0x43, 0x44, 0x45 };
	int r;

	pos = 0;
	OUT("%d%d%d%d", isdigit('7'), isspace('\\t'), isxdigit('g'), isupper('A'));
	OUT(" %c%c", tolower('Q'), toupper('q'));
	OUT(" %d", hex2bin(bin, "deadBEEF", 4));
	bin2hex(hex, bin, 4);
	OUT(" %s %d %d", hex, hex_to_bin('c'), hex_to_bin('z'));
	OUT(" %08x", crc32_le(~0, "123456789", 9) ^ ~0);
	OUT(" %08x", crc32_be(~0, "123456789", 9) ^ ~0);
	OUT(" %08x", crc32c(~0, "123456789", 9) ^ ~0);
	r = hex_dump_to_buffer(data, sizeof(data), 16, 1, line, sizeof(line), true);
	OUT(" [%s] %d", line, r);
	hex_dump_to_buffer(data + 1, 8, 16, 4, line, sizeof(line), false);
	OUT(" [%s]", line);
	OUT(" %s", kbasename("/a/b/c.ko"));
	OUT(" %zu", str_has_prefix("module_param", "module"));
	return out;
}

void t_hexdump(void)
{
	static const u8 data[20] = "0123456789abcdefXYZ";

	print_hex_dump(KERN_INFO, "dump: ", DUMP_PREFIX_OFFSET, 16, 1, data, sizeof(data), true);
	print_hex_dump_bytes("", DUMP_PREFIX_NONE, data, 4);
}

unsigned long t_jiffies(void) { return jiffies; }
unsigned int t_msecs(void) { return jiffies_to_msecs(msecs_to_jiffies(1234)); }
u64 t_ktime(void) { return ktime_get_ns(); }
u32 t_random(void) { return get_random_u32_below(10); }

int t_cleanup(void)
{
	char *p __free(kfree) = kmalloc(10, GFP_KERNEL);
	char *q __free(kfree) = kmalloc(20, GFP_KERNEL);

	return p && q && THIS_MODULE->kmem_count == 2;
}

int t_count(void) { return THIS_MODULE->kmem_count; }

#include <linux/kref.h>
static int released;
static void release(struct kref *k) { released++; }
const char *t_kref(void)
{
	struct kref k;
	refcount_t r = REFCOUNT_INIT(1);

	pos = 0;
	kref_init(&k);
	kref_get(&k);
	OUT("%u", kref_read(&k));
	OUT(" %d", kref_put(&k, release));
	OUT(" %d", kref_put(&k, release));
	OUT(" %d", released);
	OUT(" %d", kref_get_unless_zero(&k));
	OUT(" %d", refcount_dec_and_test(&r));
	OUT(" %d", refcount_dec_and_test(&r));	/* underflow: warns, saturates */
	OUT(" %d", refcount_read(&r) == REFCOUNT_SATURATED);
	return out;
}

MODULE_LICENSE("GPL");
`;
const EXPORTS = ['t_kref', 't_lists', 't_bits', 't_math', 't_text', 't_hexdump', 't_jiffies', 't_msecs', 't_ktime', 't_random', 't_cleanup', 't_count'];

let k: Vmlinux;
let m: TestModule;
beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'libtest', SRC, EXPORTS);
}, 300_000);
beforeEach(() => { k.takeEvents(); });

describe('headers and lib/ from a module', () => {
  it('lists, hlists and list_sort (stable)', () => {
    expect(k.cstr(m.call('t_lists'))).toBe('11345 3 3 5543.5.1.4.1.3 0 1');
  });
  it('bitops, bitmaps and atomics', () => {
    expect(k.cstr(m.call('t_bits'))).toBe('3,33,69, 10 3 4 8 8 41 4 16 0xf0 0xff00000000 80000000 6 0 5 9 9 1099511627777 3 10 11 12');
  });
  it('math, minmax, overflow, log2, sort and bsearch', () => {
    expect(k.cstr(m.call('t_math'))).toBe(
      '3 -1 44 10 6 2 4 4 10 16 8 16 10 0 3 64 32 1 1 16 4294967295 1000000000 7 3 -3 1 591751049 4 4 9 6 5 1259 3 644 777 4096');
  });
  it('ctype, hex, crc32, hex dumps, strings', () => {
    expect(k.cstr(m.call('t_text'))).toBe(
      '1101 qQ 0 deadbeef 12 -1 cbf43926 fc891918 e3069283 [48 69 00 ff 41 42 43 44 45                       Hi..ABCDE] 58 [41ff0069 45444342] c.ko 6');
  });
  it('print_hex_dump', () => {
    m.call('t_hexdump');
    expect(k.takeEvents()).toEqual([
      '\x016dump: 00000000: 30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  0123456789abcdef\n',
      '\x016dump: 00000010: 58 59 5a 00                                      XYZ.\n',
      '\x01730 31 32 33                                      0123\n',
    ]);
  });
  it('jiffies, ktime and random', () => {
    const j0 = m.call('t_jiffies') >>> 0;
    expect(j0).toBe((0x100000000 - 30000 + 100) >>> 0); // INITIAL_JIFFIES + 1 s at HZ=100
    k.advance(250);
    expect((m.call('t_jiffies') >>> 0) - j0).toBe(25);
    expect(m.call('t_msecs')).toBe(1240);
    expect(m.call('t_ktime')).toBe(k.now);
    for (let i = 0; i < 20; i++) expect(m.call('t_random')).toBeLessThan(10);
  });
  it('kref and refcount_t, with the underflow warning', () => {
    expect(k.cstr(m.call('t_kref'))).toBe('2 0 1 1 0 1 0 1');
    const ev = k.takeEvents();
    expect(ev[1]).toBe('refcount_t: underflow; use-after-free.\n');
    expect(ev[2]).toMatch(/^\x014WARNING: CPU: 0 PID: 0 at lib\/refcount\.c:\d+ refcount_warn_saturate\n$/);
  });
  it('plain-named allocation symbols are exported for foreign callers, charged to the kernel', () => {
    const p = k.fn('kmalloc')(10, 0xcc0) >>> 0;
    expect(p % 16).toBe(0);
    expect(k.fn('ksize')(p)).toBe(16);
    k.fn('kfree')(p);
    const s = k.fn('kasprintf')(0xcc0, k.str('%d-%s'), k.vaList([5, 'x'])) >>> 0;
    expect(k.cstr(s)).toBe('5-x');
    k.fn('kfree')(s);
    k.freeScratch();
    expect(k.takeEvents()).toEqual([]);
  });
  it('__free(kfree) frees at the end of the scope', () => {
    expect(m.call('t_cleanup')).toBe(1);
    expect(m.call('t_count')).toBe(0);
  });
});
