// linux/bitmap.h and lib/bitmap.c, lib/bitmap-str.c: word operations masked to nbits, regions, and the
// two text formats (bitmap_parse's hex chunks, bitmap_parselist's ranges) round-tripped through %*pb/%*pbl.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/bitmap.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

#define NB 100
static DECLARE_BITMAP(a, NB);
static DECLARE_BITMAP(b, NB);
static DECLARE_BITMAP(d, NB);
static char out[600];
static int pos;
#define OUT(fmt, ...) (pos += scnprintf(out + pos, sizeof(out) - pos, fmt, ##__VA_ARGS__))

/* bitmap_parse (hex) or bitmap_parselist (list) of @text into @nbits: "<ret> <list>". */
const char *t_parse(int list, const char *text, int nbits)
{
	unsigned long *m = bitmap_zalloc(nbits, GFP_KERNEL);
	int ret = list ? bitmap_parselist(text, m, nbits) : bitmap_parse(text, strlen(text), m, nbits);

	pos = 0;
	OUT("%d %*pbl|%*pb", ret, nbits, m, nbits, m);
	bitmap_free(m);
	return out;
}

const char *t_ops(void)
{
	unsigned long area;

	pos = 0;
	bitmap_zero(a, NB);
	bitmap_zero(b, NB);
	bitmap_set(a, 3, 40);			/* 3-42 */
	bitmap_set(b, 40, 60);			/* 40-99 */
	OUT("%u %u ", bitmap_weight(a, NB), bitmap_weight(b, NB));
	OUT("%d:%*pbl ", bitmap_and(d, a, b, NB), NB, d);
	bitmap_or(d, a, b, NB);
	OUT("%*pbl ", NB, d);
	bitmap_xor(d, a, b, NB);
	OUT("%*pbl ", NB, d);
	OUT("%d:%*pbl ", bitmap_andnot(d, a, b, NB), NB, d);
	bitmap_complement(d, a, NB);
	OUT("%*pbl ", NB, d);
	OUT("%d%d%d ", bitmap_intersects(a, b, NB), bitmap_subset(a, b, NB), bitmap_equal(a, a, NB));
	bitmap_shift_right(d, b, 50, NB);
	OUT("%*pbl ", NB, d);
	bitmap_shift_left(d, a, 60, NB);
	OUT("%*pbl ", NB, d);
	bitmap_clear(a, 10, 20);
	OUT("%*pbl ", NB, a);
	OUT("%d%d ", bitmap_empty(d, 60), bitmap_full(b + 2, 30));
	area = bitmap_find_next_zero_area(a, NB, 0, 5, 7);
	OUT("%lu ", area);
	bitmap_zero(d, NB);
	bitmap_fill(d, 64);
	OUT("%d ", bitmap_find_free_region(d, NB, 3));
	OUT("%d %d ", bitmap_allocate_region(d, 64, 2), bitmap_allocate_region(d, 72, 2));
	bitmap_release_region(d, 72, 2);
	OUT("%*pbl", NB, d);
	return out;
}

static char page[4096] __attribute__((aligned(4096)));
int t_pagebuf(int list) { bitmap_zero(a, NB); bitmap_set(a, 0, 4); bitmap_set(a, 64, 1); return bitmap_print_to_pagebuf(list, page, a, NB); }
const char *t_page(void) { return page; }
MODULE_LICENSE("GPL");
`;

let k: Vmlinux;
let m: TestModule;

beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'bitmaptest', SRC, ['t_parse', 't_ops', 't_pagebuf', 't_page']);
}, 300_000);

const parse = (list: boolean, text: string, nbits: number) => {
  const r = k.cstr(m.call('t_parse', list ? 1 : 0, k.str(text), nbits));
  k.freeScratch();
  return r;
};

describe('bitmap operations', () => {
  it('and/or/xor/andnot/complement/shift/set/clear, masked to nbits', () => {
    expect(k.cstr(m.call('t_ops'))).toBe([
      '40 60', '1:40-42', '3-99', '3-39,43-99', '1:3-39', '0-2,43-99', '101', '0-49', '63-99',
      '3-9,30-42', '11', '16', '64', '-16 0', '0-71',
    ].join(' '));
  });

  it('bitmap_print_to_pagebuf prints %*pb or %*pbl and a newline', () => {
    expect(m.call('t_pagebuf', 0)).toBe(29);
    expect(k.cstr(m.call('t_page'))).toBe('0,00000001,00000000,0000000f\n');
    expect(m.call('t_pagebuf', 1)).toBe(7);
    expect(k.cstr(m.call('t_page'))).toBe('0-3,64\n');
  });
});

describe('bitmap_parse (32-bit hex chunks, most significant first)', () => {
  it('reads chunks, pads missing ones with zeros, accepts comma/space separators and a newline', () => {
    expect(parse(false, 'ff', 64)).toBe('0 0-7|00000000,000000ff');
    expect(parse(false, '1,00000001', 64)).toBe('0 0,32|00000001,00000001');
    expect(parse(false, ' 1 , 2\n', 64)).toBe('0 1,32|00000001,00000002');
    expect(parse(false, '', 64)).toBe('0 |00000000,00000000');
    expect(parse(false, '1,,5', 64)).toBe('0 0,2,32|00000001,00000005');
  });

  it('EINVAL for a non-hex character, EOVERFLOW for 9 digits, too many chunks or bits past nbits', () => {
    expect(parse(false, 'fg', 64).split(' ')[0]).toBe('-22');
    expect(parse(false, '123456789', 64).split(' ')[0]).toBe('-75');
    expect(parse(false, '1,2,3', 64).split(' ')[0]).toBe('-75');
    expect(parse(false, '100', 8).split(' ')[0]).toBe('-75');
    expect(parse(false, 'ff', 8)).toBe('0 0-7|ff');
  });
});

describe('bitmap_parselist (ranges, groups, N)', () => {
  it('bits, ranges, used/group, N, whitespace', () => {
    expect(parse(true, '0,3-5,8', 16)).toBe('0 0,3-5,8|0139');
    expect(parse(true, '0-15:2/4', 16)).toBe('0 0-1,4-5,8-9,12-13|3333');
    expect(parse(true, '10-N', 16)).toBe('0 10-15|fc00');
    expect(parse(true, 'N', 16)).toBe('0 15|8000');
    expect(parse(true, ' 1 , 2\n', 16)).toBe('0 1-2|0006');
    expect(parse(true, '', 16)).toBe('0 |0000');
    expect(parse(true, '0-3:0/4', 16)).toBe('0 |0000');
  });

  it('EINVAL for bad syntax, ERANGE past nbits, EOVERFLOW for a number past 32 bits', () => {
    for (const bad of ['5-3', 'x', '1-', '0-7:2', '0-7:3/2', '0-7:1/0', '3a', '-1'])
      expect(parse(true, bad, 16).split(' ')[0], bad).toBe('-22');
    expect(parse(true, '16', 16).split(' ')[0]).toBe('-34');
    expect(parse(true, '3-20', 16).split(' ')[0]).toBe('-34');
    expect(parse(true, '99999999999', 16).split(' ')[0]).toBe('-75');
  });
});
