// jiffies as Linux has them (variables a module can name, address and poll) and the monotonic clock
// (kernel/time/timekeeping.c).
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/jiffies.h>
#include <linux/timekeeping.h>
#include <linux/processor.h>

/* A member and a local named jiffies compile, as on Linux (jiffies is a variable, not a macro). */
struct sample { unsigned long jiffies; int n; };

unsigned long t_member(void)
{
	struct sample s = { .jiffies = jiffies, .n = 1 };
	unsigned long jiffies = 7;	/* shadows the global */

	return s.jiffies - jiffies + 7 == s.jiffies;
}

volatile unsigned long *t_addr(void) { return &jiffies; }
u64 *t_addr64(void) { return &jiffies_64; }

/* LDD3's busy wait: polls jiffies with cpu_relax() until @n ticks have passed; returns the iterations. */
int t_busy(int n)
{
	unsigned long end = jiffies + n;
	int spins = 0;

	while (time_before(jiffies, end)) {
		cpu_relax();
		spins++;
	}
	return spins;
}

static struct timespec64 ts;
struct timespec64 *t_ts(void) { ktime_get_ts64(&ts); return &ts; }
u64 t_j64(void) { return get_jiffies_64(); }
MODULE_LICENSE("GPL");
`;

let k: Vmlinux;
let m: TestModule;
let clock = 5_000_000_000n;

beforeAll(async () => {
  // A clock that moves 1 ms each time it is read, so a polling loop sees time pass.
  k = await bootVmlinux({ clockNs: () => (clock += 1_000_000n) });
  m = await loadTestModule(k, 'timetest', SRC, ['t_member', 't_addr', 't_addr64', 't_busy', 't_ts', 't_j64']);
}, 300_000);

describe('jiffies and the clock', () => {
  it('jiffies is a variable: members and locals of that name compile, &jiffies is vmlinux\'s export', () => {
    expect(m.call('t_member')).toBe(1);
    expect(m.call('t_addr') >>> 0).toBe(k.sym('jiffies'));
    expect(m.call('t_addr64') >>> 0).toBe(k.sym('jiffies_64'));
  });

  it('jiffies is the low word of jiffies_64, INITIAL_JIFFIES + clock / (1 s / HZ)', () => {
    const j64 = BigInt.asUintN(64, m.call('t_j64'));
    expect(j64).toBe(0xffff8ad0n + clock / 10_000_000n);
    expect(k.dv.getUint32(k.sym('jiffies'), true)).toBe(Number(j64 & 0xffffffffn));
    expect(k.dv.getBigUint64(k.sym('jiffies_64'), true)).toBe(j64);
  });

  it('a loop polling jiffies with cpu_relax() sees them advance (the tick comes in at cpu_relax)', () => {
    // 3 jiffies at HZ=100 are 30 ms: about 30 reads of the 1 ms-per-read clock.
    const spins = m.call('t_busy', 3);
    expect(spins).toBeGreaterThan(20);
    expect(spins).toBeLessThan(40);
  });

  it('every entry from the host starts with a tick', () => {
    const before = k.dv.getUint32(k.sym('jiffies'), true);
    clock += 500_000_000n; // half a second passes outside the kernel
    m.call('t_addr'); // reads no clock itself
    expect((k.dv.getUint32(k.sym('jiffies'), true) - before) >>> 0).toBeGreaterThanOrEqual(50);
  });

  it('ktime_get_ts64 splits the monotonic clock into seconds and nanoseconds', () => {
    const at = m.call('t_ts') >>> 0;
    const ns = clock;
    const sec = k.dv.getBigInt64(at, true), nsec = k.dv.getInt32(at + 8, true);
    expect(sec * 1_000_000_000n + BigInt(nsec)).toBe(ns);
  });
});
