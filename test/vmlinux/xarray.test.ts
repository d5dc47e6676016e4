// The XArray, the IDA and hash.h against models in TypeScript: long runs of pseudo-random operations
// over sparse indices (the whole 32-bit range), compared after every step with a Map / Set, so that the
// tree's growth, shrinking, mark propagation and free-index search are checked by an independent oracle.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/xarray.h>
#include <linux/idr.h>
#include <linux/hash.h>

static struct xarray xa;
static unsigned long found;
static DEFINE_IDA(ida);

void t_init(int kind)
{
	xa_init_flags(&xa, kind == 1 ? XA_FLAGS_ALLOC : kind == 2 ? XA_FLAGS_ALLOC1 : 0);
}
unsigned long t_store(unsigned long index, unsigned long v) { return (unsigned long)xa_store(&xa, index, xa_mk_value(v), GFP_KERNEL); }
unsigned long t_load(unsigned long index) { return (unsigned long)xa_load(&xa, index); }
unsigned long t_erase(unsigned long index) { return (unsigned long)xa_erase(&xa, index); }
void t_set_mark(unsigned long index, int m) { xa_set_mark(&xa, index, (__force xa_mark_t)m); }
void t_clear_mark(unsigned long index, int m) { xa_clear_mark(&xa, index, (__force xa_mark_t)m); }
int t_get_mark(unsigned long index, int m) { return xa_get_mark(&xa, index, (__force xa_mark_t)m); }
int t_marked(int m) { return xa_marked(&xa, (__force xa_mark_t)m); }
/* filter < 0: XA_PRESENT */
unsigned long t_find(unsigned long start, unsigned long max, int filter)
{
	found = start;
	return (unsigned long)xa_find(&xa, &found, max, filter < 0 ? XA_PRESENT : (__force xa_mark_t)filter);
}
unsigned long t_find_after(unsigned long start, unsigned long max, int filter)
{
	found = start;
	return (unsigned long)xa_find_after(&xa, &found, max, filter < 0 ? XA_PRESENT : (__force xa_mark_t)filter);
}
unsigned long t_found(void) { return found; }
unsigned long t_head(void) { return (unsigned long)xa.xa_head; }
int t_alloc(unsigned int min, unsigned int max, unsigned long v)
{
	u32 id = 0xdeadbeef;
	int err = xa_alloc(&xa, &id, v ? xa_mk_value(v) : NULL, XA_LIMIT(min, max), GFP_KERNEL);

	return err ? err : (int)id;
}
unsigned int t_alloc_id(unsigned int min, unsigned int max)
{
	u32 id = 0;

	return xa_alloc(&xa, &id, xa_mk_value(1), XA_LIMIT(min, max), GFP_KERNEL) ? 0xdeadbeef : id;
}
void t_destroy(void) { xa_destroy(&xa); }
int t_ida_alloc(unsigned int min, unsigned int max) { return ida_alloc_range(&ida, min, max, GFP_KERNEL); }
void t_ida_free(unsigned int id) { ida_free(&ida, id); }
int t_ida_empty(void) { return ida_is_empty(&ida); }
u32 t_hash32(u32 v, unsigned int bits) { return hash_32(v, bits); }
u32 t_hash64(u32 lo, u32 hi, unsigned int bits) { return hash_64(((u64)hi << 32) | lo, bits); }
u32 t_hash_ptr(unsigned long p, unsigned int bits) { return hash_ptr((void *)p, bits); }

MODULE_LICENSE("GPL");
`;
const EXPORTS = ['t_init', 't_store', 't_load', 't_erase', 't_set_mark', 't_clear_mark', 't_get_mark', 't_marked',
  't_find', 't_find_after', 't_found', 't_head', 't_alloc', 't_alloc_id', 't_destroy', 't_ida_alloc', 't_ida_free',
  't_ida_empty', 't_hash32', 't_hash64', 't_hash_ptr'];

const EBUSY = -16, ENOSPC = -28;
const u32 = (x: number) => x >>> 0;
const mkValue = (v: number) => u32(v * 2 + 1);

/** xorshift32, deterministic. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}

let k: Vmlinux;
let m: TestModule;
beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'xatest', SRC, EXPORTS);
}, 300_000);

const call = (name: string, ...args: number[]) => u32(m.call(name, ...args));

/** Pages in use in the kernel heap (lkm_mm_stats): nodes that are not freed keep their slabs. */
function usedPages(): number {
  const out = k.alloc(8);
  k.fn('lkm_mm_stats')(out);
  const n = k.u32(out) - k.u32(out + 4);
  k.freeScratch();
  return n;
}

describe('XArray against a model', () => {
  it('stores, erases, marks and searches over sparse indices', () => {
    const rand = rng(0x5eed);
    const model = new Map<number, number>();
    const marks = [new Set<number>(), new Set<number>(), new Set<number>()];
    const pick = () => {
      const r = rand() % 4;
      if (r === 0) return rand() % 200;
      if (r === 1) return rand() % 70000;
      if (r === 2 && model.size) return [...model.keys()][rand() % model.size]!;
      return rand();
    };
    const mismatches: string[] = [];
    call('t_init', 0);
    // Warm the node cache up (one empty slab per cache stays), then count.
    for (let i = 0; i < 64; i++) call('t_store', i * 4096, 1);
    for (let i = 0; i < 64; i++) call('t_erase', i * 4096);
    const before = usedPages();
    for (let step = 0; step < 6000 && mismatches.length < 5; step++) {
      const op = rand() % 10;
      const i = pick();
      if (op < 4) {
        const v = rand() % 0x40000000;
        const old = call('t_store', i, v);
        const want = model.has(i) ? mkValue(model.get(i)!) : 0;
        if (old !== want) mismatches.push(`step ${step}: store ${i} returned ${old}, want ${want}`);
        model.set(i, v);
      } else if (op < 6) {
        const old = call('t_erase', i);
        const want = model.has(i) ? mkValue(model.get(i)!) : 0;
        if (old !== want) mismatches.push(`step ${step}: erase ${i} returned ${old}, want ${want}`);
        model.delete(i);
        for (const s of marks) s.delete(i);
      } else if (op < 8) {
        const mk = rand() % 3;
        if (op === 6) {
          call('t_set_mark', i, mk);
          if (model.has(i)) marks[mk]!.add(i);
        } else {
          call('t_clear_mark', i, mk);
          marks[mk]!.delete(i);
        }
      }
      // Check a few loads and marks, the whole array now and then.
      const probe = [i, pick(), u32(i + 1), u32(i - 1)];
      for (const p of probe) {
        const got = call('t_load', p);
        const want = model.has(p) ? mkValue(model.get(p)!) : 0;
        if (got !== want) mismatches.push(`step ${step}: load ${p} = ${got}, want ${want}`);
        for (let mk = 0; mk < 3; mk++)
          if (!!call('t_get_mark', p, mk) !== marks[mk]!.has(p)) mismatches.push(`step ${step}: mark ${mk} of ${p}`);
      }
      for (let mk = 0; mk < 3; mk++)
        if (!!call('t_marked', mk) !== (marks[mk]!.size > 0)) mismatches.push(`step ${step}: xa_marked ${mk}`);
      if (step % 500 === 499) {
        for (const filter of [-1, 0, 1, 2]) {
          const want = [...(filter < 0 ? model.keys() : marks[filter]!)].sort((a, b) => a - b);
          const got: number[] = [];
          let e = call('t_find', 0, 0xffffffff, filter);
          while (e && got.length <= want.length) {
            got.push(call('t_found'));
            e = call('t_find_after', call('t_found'), 0xffffffff, filter);
          }
          if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`step ${step}: walk ${filter}: ${got.length} vs ${want.length}`);
        }
        // Bounded searches from random points.
        const keys = [...model.keys()].sort((a, b) => a - b);
        for (let q = 0; q < 20; q++) {
          const a = rand(), b = u32(a + (rand() % 100000));
          const want = keys.find((x) => x >= a && x <= b);
          const e = call('t_find', a, b, -1);
          const got = e ? call('t_found') : undefined;
          if (got !== want) mismatches.push(`step ${step}: find [${a}, ${b}] = ${got}, want ${want}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(model.size).toBeGreaterThan(100);
    const during = usedPages();
    for (const i of [...model.keys()]) call('t_erase', i);
    expect(call('t_head')).toBe(0);
    expect([0, 1, 2].map((mk) => call('t_marked', mk))).toEqual([0, 0, 0]);
    // Every node went back: the pages the tree took are free again.
    expect(during - before).toBeGreaterThan(10);
    expect(usedPages()).toBe(before);
    // xa_destroy frees a whole tree at once.
    for (let i = 0; i < 3000; i++) call('t_store', rand(), i);
    expect(usedPages()).toBeGreaterThan(before);
    call('t_destroy');
    expect(call('t_head')).toBe(0);
    expect(usedPages()).toBe(before);
  });

  it('xa_alloc hands out the lowest free index in the limit, -EBUSY when full', () => {
    const rand = rng(77);
    const used = new Set<number>();
    const lowestFree = (min: number, max: number) => {
      for (let i = min; i <= max; i++) if (!used.has(i)) return i;
      return undefined;
    };
    call('t_init', 1);
    const mismatches: string[] = [];
    for (let step = 0; step < 3000 && mismatches.length < 5; step++) {
      if (rand() % 3 === 0 && used.size) {
        const i = [...used][rand() % used.size]!;
        call('t_erase', i);
        used.delete(i);
        continue;
      }
      const min = rand() % 300, max = min + (rand() % 200);
      const want = lowestFree(min, max);
      const got = m.call('t_alloc', min, max, 1 + (rand() % 1000)) | 0;
      if (got !== (want ?? EBUSY)) mismatches.push(`step ${step}: alloc [${min}, ${max}] = ${got}, want ${want}`);
      if (want !== undefined) used.add(want);
    }
    expect(mismatches).toEqual([]);
    call('t_destroy');
    expect(call('t_head')).toBe(0);
    // The top of the range.
    expect(call('t_alloc_id', 0xfffffff0, 0xffffffff)).toBe(0xfffffff0);
    expect(call('t_alloc_id', 0xffffffff, 0xffffffff)).toBe(0xffffffff);
    expect(m.call('t_alloc', 0xffffffff, 0xffffffff, 1) | 0).toBe(EBUSY);
    expect(call('t_alloc_id', 0, 0xffffffff)).toBe(0);
    call('t_destroy');
    // ALLOC1 never hands out 0; NULL entries keep their index.
    call('t_init', 2);
    expect(m.call('t_alloc', 0, 10, 0) | 0).toBe(1);
    expect(m.call('t_alloc', 0, 10, 0) | 0).toBe(2);
    expect(call('t_load', 1)).toBe(0);
    expect(m.call('t_alloc', 0, 2, 5) | 0).toBe(EBUSY);
    call('t_erase', 1);
    expect(m.call('t_alloc', 0, 2, 5) | 0).toBe(1);
    call('t_destroy');
  });
});

describe('IDA against a model', () => {
  it('ida_alloc_range gives the lowest free ID, -ENOSPC past the range; ida_free returns it', () => {
    const rand = rng(4242);
    const used = new Set<number>();
    const mismatches: string[] = [];
    call('t_ida_free', m.call('t_ida_alloc', 0, 0) | 0);
    const before = usedPages();
    for (let step = 0; step < 4000 && mismatches.length < 5; step++) {
      if (rand() % 3 === 0 && used.size) {
        const i = [...used][rand() % used.size]!;
        call('t_ida_free', i);
        used.delete(i);
        continue;
      }
      const min = rand() % 5000, max = min + (rand() % 3000);
      let want: number | undefined;
      for (let i = min; i <= max; i++) if (!used.has(i)) { want = i; break; }
      const got = m.call('t_ida_alloc', min, max) | 0;
      if (got !== (want ?? ENOSPC)) mismatches.push(`step ${step}: [${min}, ${max}] = ${got}, want ${want}`);
      if (want !== undefined) used.add(want);
    }
    expect(mismatches).toEqual([]);
    for (const i of used) call('t_ida_free', i);
    expect(call('t_ida_empty')).toBe(1);
    expect(usedPages()).toBe(before);
    expect(m.call('t_ida_alloc', 0x80000000, 0xffffffff) | 0).toBe(ENOSPC);
    expect(m.call('t_ida_alloc', 10, 9) | 0).toBe(ENOSPC);
    expect(m.call('t_ida_alloc', 0x7fffffff, 0xffffffff) | 0).toBe(0x7fffffff);
    call('t_ida_free', 0x7fffffff);
    expect(call('t_ida_empty')).toBe(1);
  });
});

describe('hash.h', () => {
  it('hash_32, hash_64 (32-bit variant) and hash_ptr as Linux computes them', () => {
    const G32 = 0x61C88647n;
    const h32 = (v: bigint, bits: number) => Number(((v * G32) & 0xffffffffn) >> BigInt(32 - bits));
    const h64 = (v: bigint, bits: number) => h32((v & 0xffffffffn) ^ (((v >> 32n) * G32) & 0xffffffffn), bits);
    const rand = rng(99);
    for (let n = 0; n < 500; n++) {
      const v = rand(), hi = rand(), bits = 1 + (rand() % 32);
      expect(call('t_hash32', v, bits)).toBe(h32(BigInt(v), bits));
      expect(call('t_hash64', v, hi, bits)).toBe(h64((BigInt(hi) << 32n) | BigInt(v), bits));
      expect(call('t_hash_ptr', v, bits)).toBe(h32(BigInt(v), bits));
    }
  });
});
