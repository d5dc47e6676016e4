// The allocator: kmalloc size classes and alignment, reuse, page allocations, module accounting, bad frees.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const GFP_KERNEL = 0xcc0, __GFP_ZERO = 0x100, __GFP_NOWARN = 0x2000;

const SRC = `
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/gfp.h>

struct item { int a; char name[20]; };
static struct kmem_cache *cache;
static int ctor_calls;
static void item_ctor(void *p) { ((struct item *)p)->a = 77; ctor_calls++; }

void *m_kmalloc(size_t n) { return kmalloc(n, GFP_KERNEL); }
void *m_kzalloc(size_t n) { return kzalloc(n, GFP_KERNEL); }
void *m_kcalloc(size_t n, size_t s) { return kcalloc(n, s, GFP_KERNEL); }
void *m_krealloc(void *p, size_t n) { return krealloc(p, n, GFP_KERNEL); }
void *m_vmalloc(unsigned long n) { return vmalloc(n); }
void *m_kvmalloc(size_t n) { return kvmalloc(n, GFP_KERNEL); }
char *m_kstrdup(const char *s) { return kstrdup(s, GFP_KERNEL); }
char *m_kasprintf(int v) { return kasprintf(GFP_KERNEL, "v=%d:%s", v, "x"); }
unsigned long m_pages(unsigned int order) { return __get_free_pages(GFP_KERNEL, order); }
void m_free_pages(unsigned long a, unsigned int order) { free_pages(a, order); }
void m_kfree(const void *p) { kfree(p); }
int m_cache_create(void)
{
	struct kmem_cache *plain = KMEM_CACHE(item, 0);

	kmem_cache_destroy(plain);
	cache = kmem_cache_create("item", sizeof(struct item), 0, SLAB_HWCACHE_ALIGN, item_ctor);
	return cache != NULL;
}
void *m_cache_alloc(void) { return kmem_cache_alloc(cache, GFP_KERNEL); }
void *m_cache_zalloc(void) { return kmem_cache_zalloc(cache, GFP_KERNEL); }
void m_cache_free(void *p) { kmem_cache_free(cache, p); }
void m_cache_destroy(void) { kmem_cache_destroy(cache); }
int m_ctor_calls(void) { return ctor_calls; }
unsigned int m_cache_size(void) { return kmem_cache_size(cache); }
MODULE_LICENSE("GPL");
`;
const EXPORTS = ['m_kmalloc', 'm_kzalloc', 'm_kcalloc', 'm_krealloc', 'm_vmalloc', 'm_kvmalloc', 'm_kstrdup', 'm_kasprintf',
  'm_pages', 'm_free_pages', 'm_kfree', 'm_cache_create', 'm_cache_alloc', 'm_cache_zalloc', 'm_cache_free',
  'm_cache_destroy', 'm_ctor_calls', 'm_cache_size'];

let k: Vmlinux;
let m: TestModule;
const bytes = () => k.u32(m.thisModule + 84);
const count = () => k.u32(m.thisModule + 88);
/** Walks the module's kmem_allocs list: [ptr, size] of each track. */
const allocs = (): [number, number][] => {
  const head = m.thisModule + 76, out: [number, number][] = [];
  if (k.u32(head) === 0) return out;
  for (let n = k.u32(head); n !== head; n = k.u32(n)) {
    expect(k.u32(n + 16)).toBe(m.thisModule); // owner
    out.push([k.u32(n + 8), k.u32(n + 12)]);
  }
  return out;
};
const kmalloc = (n: number, flags = GFP_KERNEL) => k.fn('__lkm_kmalloc')(n, flags, 0) >>> 0;
const kfree = (p: number) => k.fn('kfree')(p);
const ksize = (p: number) => k.fn('ksize')(p) >>> 0;

beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'stest', SRC, EXPORTS);
}, 300_000);
beforeEach(() => { k.takeEvents(); });

describe('kmalloc', () => {
  it('size 0 is ZERO_SIZE_PTR; kfree(NULL) and kfree(ZERO_SIZE_PTR) do nothing', () => {
    expect(kmalloc(0)).toBe(16);
    kfree(0);
    kfree(16);
    expect(k.takeEvents()).toEqual([]);
  });
  it('size classes: ksize, natural alignment of powers of two, 16-byte minimum', () => {
    for (const [n, cls] of [[1, 16], [16, 16], [17, 32], [33, 64], [65, 96], [97, 128], [129, 192], [200, 256], [300, 512], [600, 1024], [1500, 2048], [3000, 4096], [4096, 4096], [5000, 8192]]) {
      const p = kmalloc(n!);
      expect(p).not.toBe(0);
      expect(ksize(p), `ksize(kmalloc(${n}))`).toBe(cls);
      expect(p % 16).toBe(0);
      if ((n! & (n! - 1)) === 0) expect(p % Math.min(n!, 65536), `alignment of ${n}`).toBe(0);
      kfree(p);
    }
    expect(kmalloc(8192) % 8192).toBe(0);
    expect(k.takeEvents()).toEqual([]);
  });
  it('freed objects are reused; objects do not overlap', () => {
    const a = kmalloc(40);
    kfree(a);
    expect(kmalloc(40)).toBe(a);
    const ps = Array.from({ length: 200 }, () => kmalloc(24));
    const sorted = [...ps].sort((x, y) => x - y);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(32);
    ps.forEach(kfree);
    kfree(a);
  });
  it('__GFP_ZERO zeroes reused memory', () => {
    const p = kmalloc(100);
    k.u8.fill(0xaa, p, p + 100);
    kfree(p);
    const q = kmalloc(100, GFP_KERNEL | __GFP_ZERO);
    expect(q).toBe(p);
    expect(k.u8.slice(q, q + 100).every((b) => b === 0)).toBe(true);
    kfree(q);
  });
  it('large allocations are page aligned, coalesce and are reused', () => {
    const stats = () => { const o = k.alloc(8); k.fn('lkm_mm_stats')(o); const r = [k.u32(o), k.u32(o + 4)]; k.freeScratch(); return r; };
    const [, free0] = stats();
    const a = kmalloc(3 * 4096), b = kmalloc(5 * 4096), c = kmalloc(4096);
    expect([a % 4096, b % 4096, c % 4096]).toEqual([0, 0, 0]);
    kfree(a); kfree(b); kfree(c);
    expect(stats()[1]).toBe(free0);
    const big = kmalloc(8 * 4096);
    expect(big).not.toBe(0);
    kfree(big);
    expect(stats()[1]).toBe(free0);
  });
  it('grows the memory when needed and fails cleanly when too large', () => {
    const before = k.memory.buffer.byteLength;
    const p = kmalloc(3 << 20);
    expect(p).not.toBe(0);
    expect(k.memory.buffer.byteLength).toBeGreaterThan(before);
    k.u8[p + (3 << 20) - 1] = 1;
    kfree(p);
    expect(kmalloc(5 << 20, GFP_KERNEL | __GFP_NOWARN)).toBe(0);
    expect(k.takeEvents()).toEqual([]);
    expect(kmalloc(5 << 20)).toBe(0);
    const ev = k.takeEvents();
    expect(ev[0]).toBe('------------[ cut here ]------------\n');
    expect(ev[1]).toMatch(/^\x014WARNING: CPU: 0 PID: 0 at mm\/page_alloc\.c:\d+ __alloc_pages_noprof\n$/);
  });
  it('krealloc keeps the content, grows in place within ksize', () => {
    const p = kmalloc(20);
    k.u8.set([1, 2, 3], p);
    expect(k.fn('__lkm_krealloc')(p, 30, GFP_KERNEL, 0) >>> 0).toBe(p);
    const q = k.fn('__lkm_krealloc')(p, 100, GFP_KERNEL, 0) >>> 0;
    expect(q).not.toBe(p);
    expect([...k.u8.slice(q, q + 3)]).toEqual([1, 2, 3]);
    expect(k.fn('__lkm_krealloc')(q, 0, GFP_KERNEL, 0) >>> 0).toBe(16);
  });
});

describe('stress', () => {
  it('random kmalloc/kfree/krealloc keeps every object intact and non-overlapping', () => {
    let seed = 12345;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const live = new Map<number, { size: number; tag: number }>();
    const check = (p: number, size: number, tag: number) => {
      const u8 = k.u8;
      for (let i = 0; i < size; i += Math.max(1, size >> 4)) expect(u8[p + i]).toBe(tag);
      expect(u8[p + size - 1]).toBe(tag);
    };
    for (let step = 0; step < 3000; step++) {
      const r = rnd(10);
      if (r < 5 || live.size === 0) {
        const size = rnd(4) === 0 ? 1 + rnd(20000) : 1 + rnd(300);
        const p = kmalloc(size);
        expect(p).not.toBe(0);
        expect(live.has(p)).toBe(false);
        const tag = 1 + rnd(255);
        k.u8.fill(tag, p, p + size);
        live.set(p, { size, tag });
      } else {
        const keys = [...live.keys()];
        const p = keys[rnd(keys.length)]!;
        const { size, tag } = live.get(p)!;
        check(p, size, tag);
        live.delete(p);
        if (r === 9) {
          const nsize = 1 + rnd(6000);
          const q = k.fn('__lkm_krealloc')(p, nsize, GFP_KERNEL, 0) >>> 0;
          check(q, Math.min(size, nsize), tag);
          k.u8.fill(tag, q, q + nsize);
          live.set(q, { size: nsize, tag });
        } else {
          kfree(p);
        }
      }
    }
    const spans = [...live.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![0] + spans[i - 1]![1].size);
    for (const [p, { size, tag }] of live) { check(p, size, tag); kfree(p); }
    expect(k.takeEvents()).toEqual([]);
  });
});

describe('bad frees', () => {
  it('double free and invalid pointers warn and taint B, without corrupting', () => {
    const p = kmalloc(64);
    kfree(p);
    kfree(p);
    let ev = k.takeEvents();
    expect(ev[0]).toBe('\x014------------[ cut here ]------------\n');
    expect(ev[1]).toBe(`kfree: double free of ${p.toString(16).padStart(8, '0')}\n`);
    expect(ev[2]).toMatch(/^\x014WARNING: CPU: 0 PID: 0 at mm\/slub\.c:\d+ kfree\n$/);
    expect(ev).toContain('dump_stack');
    expect(ev).toContain('\x014---[ end trace 0000000000000000 ]---\n');
    expect(ev[ev.length - 1]).toBe('taint 5');
    const q = kmalloc(64);
    expect(q).toBe(p); // still usable
    kfree(q + 4);
    ev = k.takeEvents();
    expect(ev[1]).toBe(`kfree: invalid pointer ${(q + 4).toString(16).padStart(8, '0')} (not an allocated object)\n`);
    const big = kmalloc(10000);
    kfree(big);
    kfree(big);
    expect(k.takeEvents()[1]).toBe(`kfree: double free of ${big.toString(16).padStart(8, '0')}\n`);
    kfree(q);
  });
});

describe('module accounting', () => {
  it('allocations by module code are charged to it and listed', () => {
    expect([bytes(), count()]).toEqual([0, 0]);
    const a = m.call('m_kmalloc', 100) >>> 0;
    const b = m.call('m_kzalloc', 10) >>> 0;
    const c = m.call('m_vmalloc', 10000) >>> 0;
    const d = m.call('m_kstrdup', k.str('hello')) >>> 0;
    const e = m.call('m_kasprintf', 42) >>> 0;
    const f = m.call('m_pages', 1) >>> 0;
    expect(k.cstr(d)).toBe('hello');
    expect(k.cstr(e)).toBe('v=42:x');
    expect(f % 8192).toBe(0);
    expect(count()).toBe(6);
    expect(bytes()).toBe(100 + 10 + 10000 + 6 + 7 + 8192);
    expect(allocs()).toEqual([[a, 100], [b, 10], [c, 10000], [d, 6], [e, 7], [f, 8192]]);
    // the kernel's own allocations are not charged
    const kp = kmalloc(50);
    expect(count()).toBe(6);
    kfree(kp);
    // freeing from anywhere uncharges
    kfree(b);
    m.call('m_kfree', d);
    m.call('m_free_pages', f, 1);
    expect(count()).toBe(3);
    expect(bytes()).toBe(100 + 10000 + 7);
    // krealloc follows the object
    const a2 = m.call('m_krealloc', a, 5000) >>> 0;
    expect(bytes()).toBe(5000 + 10000 + 7);
    expect(allocs().map(([p]) => p)).toContain(a2);
    k.fn('vfree')(c);
    m.call('m_kfree', a2);
    expect(allocs()).toEqual([[e, 7]]);
    k.freeScratch();
  });
  it('lkm_kmem_orphan hands the leftovers to the kernel', () => {
    const a = m.call('m_kmalloc', 33) >>> 0;
    expect(count()).toBeGreaterThan(0);
    k.fn('lkm_kmem_orphan')(m.thisModule);
    expect([k.u32(m.thisModule + 76), k.u32(m.thisModule + 80), bytes(), count()]).toEqual([0, 0, 0, 0]);
    kfree(a); // still a valid allocation
    expect(k.takeEvents()).toEqual([]);
    expect(count()).toBe(0);
  });
  it('vfree of a kmalloc pointer is refused with a warning', () => {
    const p = m.call('m_kmalloc', 10) >>> 0;
    k.fn('vfree')(p);
    const ev = k.takeEvents();
    expect(ev[1]).toMatch(/^\x013Trying to vfree\(\) nonexistent vm area \([0-9a-f]{8}\)\n$/);
    m.call('m_kfree', p);
    expect(count()).toBe(0);
  });
});

describe('kmem_cache', () => {
  it('constructs, aligns, allocates and frees objects, charged to the module', () => {
    expect(m.call('m_cache_create')).toBe(1);
    expect(m.call('m_cache_size')).toBe(24);
    const objs = Array.from({ length: 20 }, () => m.call('m_cache_alloc') >>> 0);
    expect(objs.every((p) => p % 32 === 0)).toBe(true); // SLAB_HWCACHE_ALIGN: 24 → 32
    expect(k.i32(objs[0]!)).toBe(77);
    expect(m.call('m_ctor_calls')).toBeGreaterThanOrEqual(20);
    expect(count()).toBe(20);
    expect(bytes()).toBe(20 * 24);
    const z = m.call('m_cache_zalloc') >>> 0;
    expect(k.i32(z)).toBe(0);
    m.call('m_cache_free', z);
    // kfree works on cache objects too
    kfree(objs.pop()!);
    m.call('m_cache_destroy');
    const ev = k.takeEvents();
    expect(ev[1]).toBe('kmem_cache_destroy item: Slab cache still has objects\n');
    objs.forEach((p) => m.call('m_cache_free', p));
    expect(count()).toBe(0);
    m.call('m_cache_destroy');
    expect(k.takeEvents()).toEqual([]);
  });
});

describe('lkm_region_alloc', () => {
  it('returns zeroed memory at the requested alignment', () => {
    for (const [size, align] of [[10, 16], [100, 64], [5000, 4096], [300, 8192], [1, 1]]) {
      const p = k.fn('lkm_region_alloc')(size, align) >>> 0;
      expect(p % align!).toBe(0);
      expect(k.u8.slice(p, p + size!).every((b) => b === 0)).toBe(true);
      k.u8.fill(0xff, p, p + size!);
      k.fn('lkm_region_free')(p);
    }
    const again = k.fn('lkm_region_alloc')(100, 64) >>> 0;
    expect(k.u8.slice(again, again + 100).every((b) => b === 0)).toBe(true);
    k.fn('lkm_region_free')(again);
  });
});
