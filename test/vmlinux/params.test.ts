// Module parameters: a real module's __param table, parsed by lkm_parse_params and read/written as sysfs.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

const SRC = `
#include <linux/module.h>
#include <linux/moduleparam.h>

static unsigned char b = 1;	module_param(b, byte, 0644);
static short s = -2;		module_param(s, short, 0644);
static unsigned short us = 3;	module_param(us, ushort, 0644);
static int i = -4;		module_param(i, int, 0644);
static unsigned int ui = 5;	module_param(ui, uint, 0644);
static long l = -6;		module_param(l, long, 0644);
static unsigned long ul = 7;	module_param(ul, ulong, 0644);
static unsigned long long ull = 8; module_param(ull, ullong, 0644);
static unsigned int hx = 0xff;	module_param(hx, hexint, 0644);
static char *cp = "init";	module_param(cp, charp, 0644);
static bool bo;			module_param(bo, bool, 0644);
static bool ib;			module_param(ib, invbool, 0644);
static int bi;			module_param(bi, bint, 0644);
static int arr[3];
static unsigned int arr_n;	module_param_array(arr, int, &arr_n, 0644);
static int arr2[2] = {9, 8};	module_param_array(arr2, int, NULL, 0444);
static char str[6] = "abc";	module_param_string(str, str, sizeof(str), 0644);
static int foo_bar;		module_param(foo_bar, int, 0644);
static int danger;		module_param_unsafe(danger, int, 0644);

int get_i(void) { return i; }
int get_bo(void) { return bo; }
int get_arr_n(void) { return arr_n; }
int get_foo_bar(void) { return foo_bar; }
const char *get_cp(void) { return cp; }
void debug_a(void) { pr_debug("debug a %d\\n", 1); }
void debug_b(void) { pr_debug("debug b\\n"); }

#include <linux/kernel.h>
struct my_va_format { const char *fmt; va_list *va; };	/* Linux's struct va_format layout */
static char vbuf[64];
static const char *inner(const char *fmt, ...)
{
	va_list ap;
	struct my_va_format vaf;

	va_start(ap, fmt);
	vaf.fmt = fmt;
	vaf.va = &ap;
	snprintf(vbuf, sizeof(vbuf), "<%pV>", &vaf);
	va_end(ap);
	return vbuf;
}
const char *pv(void) { return inner("%s=%d", "x", 3); }
MODULE_LICENSE("GPL");
`;
const EXPORTS = ['debug_a', 'debug_b', 'pv', 'get_i', 'get_bo', 'get_arr_n', 'get_foo_bar', 'get_cp'];

let k: Vmlinux;
let m: TestModule;
const kp = new Map<string, number>();

beforeAll(async () => {
  k = await bootVmlinux();
  m = await loadTestModule(k, 'ptest', SRC, EXPORTS);
  const start = k.u32(m.thisModule + 68), end = k.u32(m.thisModule + 72);
  for (let p = start; p < end; p += 20) kp.set(k.cstr(k.u32(p)), p);
}, 300_000);

beforeEach(() => { k.takeLog(); });

const get = (name: string): string => {
  const buf = k.alloc(4096);
  const n = k.fn('lkm_param_get')(kp.get(name)!, buf);
  const s = n >= 0 ? k.cstr(buf) : `err ${n}`;
  k.freeScratch();
  return s;
};
const set = (name: string, val: string): number => {
  const r = k.fn('lkm_param_set')(kp.get(name)!, k.str(val));
  k.freeScratch();
  return r;
};
const parse = (args: string): number => {
  const r = k.fn('lkm_parse_params')(m.thisModule, k.str(args));
  k.freeScratch();
  return r;
};

describe('sysfs read formats', () => {
  it('each type reads as Linux formats it', () => {
    expect(get('b')).toBe('1\n');
    expect(get('s')).toBe('-2\n');
    expect(get('us')).toBe('3\n');
    expect(get('i')).toBe('-4\n');
    expect(get('ui')).toBe('5\n');
    expect(get('l')).toBe('-6\n');
    expect(get('ul')).toBe('7\n');
    expect(get('ull')).toBe('8\n');
    expect(get('hx')).toBe('0x0000ff\n');
    expect(get('cp')).toBe('init\n');
    expect(get('bo')).toBe('N\n');
    expect(get('ib')).toBe('Y\n');
    expect(get('bi')).toBe('0\n');
    expect(get('arr')).toBe(''); // *nump == 0
    expect(get('arr2')).toBe('9,8\n');
    expect(get('str')).toBe('abc\n');
  });
});

describe('lkm_parse_params', () => {
  it('sets values with base detection, quotes and dash/underscore equivalence', () => {
    expect(parse('i=0x10 cp="hello world" bo foo-bar=3 arr=1,2,3 "str=x y"')).toBe(0);
    expect(m.call('get_i')).toBe(16);
    expect(k.cstr(m.call('get_cp'))).toBe('hello world');
    expect(get('cp')).toBe('hello world\n');
    expect(m.call('get_bo')).toBe(1);
    expect(m.call('get_foo_bar')).toBe(3);
    expect(get('arr')).toBe('1,2,3\n');
    expect(m.call('get_arr_n')).toBe(3);
    expect(get('str')).toBe('x y\n');
    expect(k.takeLog()).toEqual([]);
  });
  it('bool forms: bare name, invbool, bint', () => {
    expect(parse('bo=n ib=y bi')).toBe(0);
    expect(get('bo')).toBe('N\n');
    expect(get('ib')).toBe('Y\n'); // stored inverted, read back as set
    expect(get('bi')).toBe('1\n');
    expect(parse('ib')).toBe(-22);
    expect(k.takeLog()).toEqual(["\x013ptest: `' invalid for parameter `ib'\n"]);
  });
  it('unknown names are ignored with a warning; dyndbg and async_probe accepted', () => {
    expect(parse('nope=1 dyndbg=+p async_probe')).toBe(0);
    expect(k.takeLog()).toEqual(["\x014ptest: unknown parameter 'nope' ignored\n"]);
  });
  it('bad values: message, continue, last error wins', () => {
    expect(parse('i=abc ui=-1 b=256 s=1')).toBe(-34);
    expect(k.takeLog()).toEqual([
      "\x013ptest: `abc' invalid for parameter `i'\n",
      "\x013ptest: `-1' invalid for parameter `ui'\n",
      "\x013ptest: `256' invalid for parameter `b'\n",
    ]);
    expect(get('s')).toBe('1\n');
    expect(parse('i')).toBe(-22);
    expect(k.takeLog()).toEqual(["\x013ptest: `' invalid for parameter `i'\n"]);
  });
  it('arrays: too many values, bad element shows the part before the comma', () => {
    expect(parse('arr=1,2,3,4')).toBe(-22);
    expect(k.takeLog()).toEqual([
      '\x013arr: can only take 3 arguments\n',
      "\x013ptest: `1' invalid for parameter `arr'\n",
    ]);
    expect(parse('arr=5,x,7')).toBe(-22);
    expect(k.takeLog()).toEqual(["\x013ptest: `5' invalid for parameter `arr'\n"]);
    expect(parse('arr=')).toBe(-22);
  });
  it('strings that do not fit: -ENOSPC and "too large"', () => {
    expect(parse('str=abcdef')).toBe(-28);
    expect(k.takeLog()).toEqual([
      "\x013str: string doesn't fit in 5 chars.\n",
      "\x013ptest: `abcdef' too large for parameter `str'\n",
    ]);
    const long = 'x'.repeat(1025);
    expect(parse(`cp=${long}`)).toBe(-28);
    const log = k.takeLog();
    expect(log[0]).toBe('\x013cp: string parameter too long\n');
    // a printk record holds at most 1023 characters: the message is cut like Linux cuts it
    expect(log[1]).toBe(`\x013ptest: \`${long}' too large for parameter \`cp'\n`.slice(0, 1023));
    expect(parse(`cp=${'y'.repeat(1024)}`)).toBe(0);
  });
  it('-- stops parsing', () => {
    expect(parse('i=1 -- i=2 x')).toBe(0);
    expect(m.call('get_i')).toBe(1);
    expect(k.takeLog()).toEqual(["\x014ptest: parameters 'i=2 x' after `--' ignored\n"]);
    expect(parse('i=z -- i=2')).toBe(-22);
    expect(k.takeLog()).toEqual(["\x013ptest: `z' invalid for parameter `i'\n"]);
  });
  it('unsafe parameters taint the kernel', () => {
    k.takeEvents();
    expect(parse('danger=1')).toBe(0);
    expect(k.takeEvents()).toEqual(['\x015Setting dangerous option danger - tainting kernel\n', 'taint 6']);
  });
});

describe('dyndbg', () => {
  it('dyndbg="QUERY" enables the module\'s pr_debug sites', () => {
    expect(parse('dyndbg=-p')).toBe(0); // an earlier test enabled them all
    m.call('debug_a'); m.call('debug_b');
    expect(k.takeLog()).toEqual([]);
    expect(parse('dyndbg="func debug_a +p"')).toBe(0);
    m.call('debug_a'); m.call('debug_b');
    expect(k.takeLog()).toEqual(['\x017debug a 1\n']);
    expect(parse('dyndbg')).toBe(0); // bare: +p for every site
    m.call('debug_b');
    expect(k.takeLog()).toEqual(['\x017debug b\n']);
    expect(parse('ptest.dyndbg=-p')).toBe(0);
    m.call('debug_a'); m.call('debug_b');
    expect(k.takeLog()).toEqual([]);
  });
});

describe('%pV', () => {
  it('formats a nested va_format', () => {
    expect(k.cstr(m.call('pv'))).toBe('<x=3>');
  });
});

describe('lkm_destroy_params', () => {
  it('frees the charp strings the kernel allocated', () => {
    expect(parse('cp=abc')).toBe(0);
    // the value lives after a list_head in a kernel allocation (Linux's struct kmalloced_param)
    const obj = (m.call('get_cp') >>> 0) - 8;
    expect(k.fn('ksize')(obj)).toBe(16);
    k.takeEvents();
    k.fn('lkm_destroy_params')(m.thisModule);
    expect(k.takeEvents()).toEqual([]);
    k.fn('kfree')(obj); // already freed: reported as a double free
    expect(k.takeEvents().some((e) => /double free|invalid pointer/.test(e))).toBe(true);
  });
});

describe('lkm_param_set (sysfs write)', () => {
  it('accepts a trailing newline for numbers, keeps it for strings', () => {
    expect(set('ul', '42\n')).toBe(0);
    expect(get('ul')).toBe('42\n');
    expect(set('ul', 'x')).toBe(-22);
    expect(set('hx', '0x1234')).toBe(0);
    expect(get('hx')).toBe('0x001234\n');
    expect(set('cp', 'abc\n')).toBe(0);
    expect(get('cp')).toBe('abc\n\n');
    expect(set('ull', '18446744073709551615')).toBe(0);
    expect(get('ull')).toBe('18446744073709551615\n');
    expect(set('s', '32768')).toBe(-34);
    expect(k.takeLog()).toEqual([]);
  });
});
