// The fail-nth sweep over a module's load: one line per fault-injectable call, with what init returned
// and what the failed load left behind.
import { describe, expect, it } from 'vitest';
import { bootNodeKernel } from '../../src/session/boot.node.js';
import { failNthSweep } from '../../src/testing/fail-nth-sweep.js';
import { formatSweep } from '../../src/testing/fail-nth-report.js';
import { example, fixture } from '../helpers/paths.js';

const boot = async () => (await bootNodeKernel()).kernel;
/** The load's own points before init: module memory (vmalloc: vm_struct, vmap_area, page array), its arguments. */
const LOAD = [1, 2, 3, 4].map((n) => `fail-nth ${n}: init -12 ENOMEM, clean`);

describe('failNthSweep', () => {
  it('finds the error path that forgets an object, and names the function that allocated it', async () => {
    const s = await failNthSweep(boot, fixture('sweep-leaky'));
    expect(s.module).toBe('sweep_leaky');
    expect(s.count).toBe(7);
    expect(formatSweep(s)).toEqual([
      ...LOAD,
      'fail-nth 5: init -12 ENOMEM, clean',
      'fail-nth 6: init -12 ENOMEM, 1 object leaked (64 bytes, allocated in leaky_init)',
      'fail-nth 7: init -12 ENOMEM, 1 object leaked (64 bytes, allocated in leaky_init)',
    ]);
    expect(s.results[5]!.leaks[0]).toMatchObject({ size: 64, func: 'leaky_init', line: 10 });
  }, 60_000);

  it('a module that frees on every error path is clean at each N', async () => {
    const seen: number[] = [];
    const s = await failNthSweep(boot, fixture('sweep-clean'), { onResult: (r) => seen.push(r.n) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(formatSweep(s)).toEqual([...LOAD, 5, 6, 7].map((l) => typeof l === 'string' ? l : `fail-nth ${l}: init -12 ENOMEM, clean`));
  }, 60_000);

  it('an init without allocations: only the load\'s own points', async () => {
    const s = await failNthSweep(boot, fixture('sweep-noalloc'));
    expect(formatSweep(s)).toEqual(LOAD);
  }, 60_000);
});

describe('failNthSweep with parameters', () => {
  it('a charp parameter is one more point (param_set_charp copies the value)', async () => {
    const s = await failNthSweep(boot, example('hello-params'), { params: 'type=wep' });
    expect(formatSweep(s)).toEqual([...LOAD, 'fail-nth 5: init -12 ENOMEM, clean']);
    const plain = await failNthSweep(boot, example('hello-params'));
    expect(plain.count).toBe(4);
  }, 60_000);
});

describe('failNthSweep: modules that do not check', () => {
  it('says when init succeeds despite the failure, and reports an Oops and what the crashed load left', async () => {
    const s = await failNthSweep(boot, fixture('sweep-ignore'));
    const lines = formatSweep(s);
    expect(lines.slice(0, 5)).toEqual([...LOAD, 'fail-nth 5: init succeeded despite the failure, clean']);
    // The Oops leaves the module "Loading" forever, holding what it allocated.
    expect(lines[5]).toBe('fail-nth 6: init did not return, 1 object leaked (32 bytes, allocated in ignore_init), ' +
      'left behind: module sweep_ignore on the module list, /sys/module/sweep_ignore, Oops: 0002 [#1] SMP');
  }, 60_000);
});
