// printk, WARN/BUG, ratelimit and panic as module code sees them.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/ratelimit.h>

int t_printk(void)
{
	pr_info("hello %s %d\\n", "world", 42);
	pr_cont("more\\n");
	printk(KERN_ERR "err %pe\\n", ERR_PTR(-ENOENT));
	return printk("plain %u\\n", 7u);
}

int t_warn_on(int c) { return WARN_ON(c); }
int t_warn(int v) { return WARN(v > 1, "value %d too big\\n", v); }
int t_warn_once(void) { return WARN_ON_ONCE(1); }
void t_bug(void) { BUG(); }
void t_bug_on(int c) { BUG_ON(c); }

int t_ratelimited(int n)
{
	int i;

	for (i = 0; i < n; i++)
		pr_warn_ratelimited("rl %d\\n", i);
	return 0;
}

static DEFINE_RATELIMIT_STATE(rs, 2 * HZ, 3);
int t_ratelimit(void) { return __ratelimit(&rs); }

void t_panic(void) { panic("oh no %d\\n", 5); }

char buf[256];
const char *t_snprintf(void)
{
	int n = snprintf(buf, sizeof(buf), "%s|%5.2s|%-4d|%llx|%zu|%c|%hhd|%p", "abc", "xyz", -3,
			 0xfedcba9876543210ULL, (size_t)77, 'q', (signed char)-1, NULL);
	scnprintf(buf + n, sizeof(buf) - n, "|%d", n);
	return buf;
}

int t_sscanf(void)
{
	int a; unsigned long long b; char s[8]; unsigned short h;
	if (sscanf("12 0x1234567890 name 65535", "%d %llx %7s %hu", &a, &b, s, &h) != 4)
		return -1;
	return a == 12 && b == 0x1234567890ULL && !strcmp(s, "name") && h == 65535;
}
MODULE_LICENSE("GPL");
`;
const EXPORTS = ['t_printk', 't_warn_on', 't_warn', 't_warn_once', 't_bug', 't_bug_on', 't_ratelimited', 't_ratelimit', 't_panic', 't_snprintf', 't_sscanf'];

let k: Vmlinux;
let m: TestModule;
beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'wtest', SRC, EXPORTS);
}, 300_000);
beforeEach(() => { k.takeEvents(); });

describe('printk', () => {
  it('hands each formatted call to host.printk with its level prefix', () => {
    expect(m.call('t_printk')).toBe(8);
    expect(k.takeEvents()).toEqual(['\x016hello world 42\n', '\x01cmore\n', '\x013err -ENOENT\n', 'plain 7\n']);
  });
  it('real varargs call sites: snprintf, scnprintf, sscanf', () => {
    expect(k.cstr(m.call('t_snprintf'))).toBe('abc|   xy|-3  |fedcba9876543210|77|q|-1|00000000|48');
    expect(m.call('t_sscanf')).toBe(1);
  });
});

describe('WARN and BUG', () => {
  it('WARN_ON prints the report, calls dump_stack, taints W and returns the condition', () => {
    k.fn('lkm_set_current_pid')(123);
    expect(m.call('t_warn_on', 0)).toBe(0);
    expect(k.takeEvents()).toEqual([]);
    expect(m.call('t_warn_on', 5)).toBe(1);
    const ev = k.takeEvents();
    expect(ev[0]).toBe('------------[ cut here ]------------\n');
    expect(ev[1]).toMatch(/^\x014WARNING: CPU: 0 PID: 123 at \/src\/wtest\/wtest\.c:\d+ t_warn_on \[wtest\]\n$/);
    expect(ev.slice(2)).toEqual(['host.print_modules', 'dump_stack', '\x014---[ end trace 0000000000000000 ]---\n', 'taint 9']);
    k.fn('lkm_set_current_pid')(0);
  });
  it('WARN prints its message after the cut line', () => {
    expect(m.call('t_warn', 1)).toBe(0);
    expect(m.call('t_warn', 3)).toBe(1);
    const ev = k.takeEvents();
    expect(ev.slice(0, 2)).toEqual(['\x014------------[ cut here ]------------\n', 'value 3 too big\n']);
    expect(ev[2]).toMatch(/^\x014WARNING: CPU: 0 PID: 0 at .*wtest\.c:\d+ t_warn \[wtest\]\n$/);
    expect(ev[ev.length - 1]).toBe('taint 9');
  });
  it('WARN_ON_ONCE reports once but returns the condition every time', () => {
    expect(m.call('t_warn_once')).toBe(1);
    expect(k.takeEvents().length).toBeGreaterThan(0);
    expect(m.call('t_warn_once')).toBe(1);
    expect(k.takeEvents()).toEqual([]);
  });
  it('BUG prints "kernel BUG at" and traps', () => {
    expect(() => m.call('t_bug')).toThrow(WebAssembly.RuntimeError);
    const ev = k.takeEvents();
    expect(ev[0]).toBe('------------[ cut here ]------------\n');
    expect(ev[1]).toMatch(/^\x012kernel BUG at \/src\/wtest\/wtest\.c:\d+!\n$/);
    m.call('t_bug_on', 0);
    expect(() => m.call('t_bug_on', 1)).toThrow(WebAssembly.RuntimeError);
  });
  it('panic prints the message and the end marker, then traps', () => {
    expect(() => m.call('t_panic')).toThrow(WebAssembly.RuntimeError);
    expect(k.takeEvents()).toEqual([
      '\x010Kernel panic - not syncing: oh no 5\n', 'dump_stack', '\x010---[ end Kernel panic - not syncing: oh no 5 ]---\n',
    ]);
  });
});

describe('ratelimit', () => {
  it('lets a burst of 10 through per 5 s and then reports the suppressed count', () => {
    m.call('t_ratelimited', 15);
    expect(k.takeEvents()).toEqual(Array.from({ length: 10 }, (_, i) => `\x014rl ${i}\n`));
    k.advance(4000);
    m.call('t_ratelimited', 1);
    expect(k.takeEvents()).toEqual([]);
    k.advance(1100);
    m.call('t_ratelimited', 1);
    expect(k.takeEvents()).toEqual(['\x014t_ratelimited: 6 callbacks suppressed\n', '\x014rl 0\n']);
  });
  it('__ratelimit with a custom state', () => {
    const r = Array.from({ length: 5 }, () => m.call('t_ratelimit'));
    expect(r).toEqual([1, 1, 1, 0, 0]);
    k.advance(2100);
    expect(m.call('t_ratelimit')).toBe(1);
    expect(k.takeEvents()).toEqual(['\x014t_ratelimit: 2 callbacks suppressed\n']);
  });
});
