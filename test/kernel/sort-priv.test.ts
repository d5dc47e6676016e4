// sort_r() with a NULL swap and its own priv: lib.c once read that priv as sort()'s wrapper and called
// whatever word followed it as the swap function. test-sort's sort_r(…, NULL, &sign) oopsed wherever the
// word after `sign` was not 0: with test-bitmap loaded first, every time.
import { expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

it('test-sort passes after test-bitmap (sort_r with a NULL swap keeps its priv)', async () => {
  const t = await bootTestKernel();
  await t.k.insmod(example('test-bitmap'));
  await t.k.insmod(example('test-sort'));
  expect(t.log()).toContain('test_sort: all 23 tests passed');
  expect(t.k.lsmod().map((m) => m.name)).toEqual(['test_sort', 'test_bitmap']);
});
