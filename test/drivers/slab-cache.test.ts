// slab-cache: kmem_cache_create (five arguments, with a constructor), kmem_cache_alloc/free/destroy.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const show = (n: number, next: number) =>
  `cache: slab_cache_item\nobject size: 64\nobjects: ${n}\nnext id: ${next}\n`;

describe('slab-cache (kmem_cache_create, kmem_cache_alloc, kmem_cache_destroy)', () => {
  it('fills and empties its cache; bad input gets EINVAL/ENOSPC; unload leaves nothing', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('slab-cache')}`)).status).toBe(0);
    expect((await t.run('cat /proc/slab_cache')).stdout).toBe(show(0, 0));
    expect((await t.run('echo 5 > /proc/slab_cache')).status).toBe(0);
    expect(t.k.readFile('/proc/slab_cache')).toBe(show(5, 5));
    expect((await t.run('echo 996 > /proc/slab_cache')).stderr).toBe('lkm: echo: write error: No space left on device\n');
    expect((await t.run('echo abc > /proc/slab_cache')).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect((await t.run('echo 99999999999 > /proc/slab_cache')).stderr).toBe('lkm: echo: write error: Numerical result out of range\n');
    t.k.writeFile('/proc/slab_cache', '995');
    expect(t.k.readFile('/proc/slab_cache')).toBe(show(1000, 1000));
    t.k.writeFile('/proc/slab_cache', '0');
    expect(t.k.readFile('/proc/slab_cache')).toBe(show(0, 1000));
    expect(t.log()).toEqual(expect.arrayContaining([
      'slab_cache: allocated 5 objects, 5 in use', 'slab_cache: allocated 995 objects, 1000 in use', 'slab_cache: freed all objects',
    ]));
    // Objects still allocated at unload: exit() frees them before kmem_cache_destroy().
    t.k.writeFile('/proc/slab_cache', '3');
    const mark = t.mark();
    expect((await t.run('rmmod slab_cache')).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual([]);
    expect((await t.run(`insmod ${example('slab-cache')}`)).status).toBe(0);
    expect(t.k.readFile('/proc/slab_cache')).toBe(show(0, 0));
  });
});
