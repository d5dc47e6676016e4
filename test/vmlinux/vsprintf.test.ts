// vsnprintf/sscanf with the kernel's rules, called through a laid-out wasm32 va_list.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, loadTestModule, type TestModule, type Vmlinux } from '../helpers/vmlinux-harness.ts';

// Dentries and a file laid out by the compiler: /usr/lib/modules/hello.ko, and "orphan" whose d_parent
// is a bad pointer.
const DENTRIES = `
#include <linux/module.h>
#include <linux/dcache.h>
#include <linux/fs.h>

static struct dentry d[6];
static struct file f;

static void set(int i, const char *name, struct dentry *parent)
{
	d[i].d_name.name = (const unsigned char *)name;
	d[i].d_name.len = strlen(name);
	d[i].d_parent = parent;
}

struct dentry *t_dentry(int i)
{
	if (!d[0].d_parent) {
		set(0, "/", &d[0]);
		set(1, "usr", &d[0]);
		set(2, "lib", &d[1]);
		set(3, "modules", &d[2]);
		set(4, "hello.ko", &d[3]);
		set(5, "orphan", (struct dentry *)16);
		f.f_path.dentry = &d[4];
	}
	return &d[i];
}

struct file *t_file(void)
{
	t_dentry(0);
	return &f;
}
MODULE_LICENSE("GPL");
`;

let k: Vmlinux;
let dm: TestModule;
beforeAll(async () => {
  k = await bootVmlinux({
    kallsyms: (addr, flags) => (addr === 7 ? (flags ? 'hello_init+0x0/0x20 [hello]' : 'hello_init') : undefined),
  });
  dm = await loadTestModule(k, 'dentries', DENTRIES, ['t_dentry', 't_file']);
}, 300_000);

const f = (fmt: string, ...args: any[]) => k.sprintf(fmt, ...args);

describe('integers', () => {
  it('decimal, signedness, qualifiers', () => {
    expect(f('%d %i %u', -5, 42, -1)).toBe('-5 42 4294967295');
    expect(f('%hhu %hhd %hu %hd', 0x1ff, 0xff, 0x1ffff, 0xffff)).toBe('255 -1 65535 -1');
    expect(f('%ld %lu %zu %zd %td', -2, -2, 7, -7, -3)).toBe('-2 4294967294 7 -7 -3');
    expect(f('%lld %llu %Lu', -9007199254740993n, 18446744073709551615n, 5n)).toBe('-9007199254740993 18446744073709551615 5');
    expect(f('%jd', -1n)).toBe('-1');
  });
  it('hex and octal, # flag as Linux', () => {
    expect(f('%x %X %o', 255, 255, 8)).toBe('ff FF 10');
    expect(f('%#x %#X %#o', 255, 255, 8)).toBe('0xff 0XFF 010');
    expect(f('%#x %#o', 0, 0)).toBe('0x0 0');
    expect(f('%#08x', 0x1f)).toBe('0x00001f');
    expect(f('%llx', 0x123456789abcdefn)).toBe('123456789abcdef');
  });
  it('width, precision, flags', () => {
    expect(f('[%5d] [%-5d] [%05d] [%+d] [% d]', 42, 42, 42, 42, 42)).toBe('[   42] [42   ] [00042] [+42] [ 42]');
    expect(f('[%.3d] [%8.3d] [%-8.3d|]', 7, 7, 7)).toBe('[007] [     007] [007     |]');
    expect(f('[%*d] [%-*d] [%.*d]', 4, 1, 4, 1, 3, 1)).toBe('[   1] [1   ] [001]');
    expect(f('[%*d]', -4, 1)).toBe('[1   ]');
    expect(f('[%.0d]', 0)).toBe('[0]');
    expect(f('[%05d]', -42)).toBe('[-0042]');
    expect(f('[%2d]', 100)).toBe('[100]');
  });
});

describe('chars and strings', () => {
  it('%c and %s with width/precision', () => {
    expect(f('[%c%c] [%3c] [%-3c]', 0x41, 0x62, 0x78, 0x78)).toBe('[Ab] [  x] [x  ]');
    expect(f('[%s] [%8s] [%-8s] [%.3s]', 'abc', 'abc', 'abc', 'abcdef')).toBe('[abc] [     abc] [abc     ] [abc]');
    expect(f('%%')).toBe('%');
  });
  it('NULL and bad pointers', () => {
    expect(f('[%s]', 0)).toBe('[(null)]');
    expect(f('[%s]', 100)).toBe('[(efault)]');
    expect(f('[%s]', -12)).toBe('[(efault)]');
    expect(f('[%.3s]', 0)).toBe('[(nu]');
  });
});

describe('return value and truncation', () => {
  it('returns the untruncated length and always terminates', () => {
    expect(k.vsnprintf('hello %s', ['world'], 6)).toEqual([11, 'hello']);
    expect(k.vsnprintf('abc', [], 0)).toEqual([3, '']);
    expect(k.vsnprintf('%d', [12345], 3)).toEqual([5, '12']);
  });
  it('scnprintf returns what was written', () => {
    const buf = k.alloc(8);
    const r = k.fn('vscnprintf')(buf, 4, k.str('%s'), k.vaList(['abcdef']));
    expect(r).toBe(3);
    expect(k.cstr(buf)).toBe('abc');
    expect(k.fn('vscnprintf')(buf, 0, k.str('x'), k.vaList([]))).toBe(0);
    k.freeScratch();
  });
});

describe('pointers', () => {
  it('%px is raw, %p hashed to 8 hex digits, NULL and ERR_PTR raw', () => {
    expect(f('%px', 0x12345678)).toBe('12345678');
    expect(f('%px', 0x10)).toBe('00000010');
    const h = f('%p', 0x12345678);
    expect(h).toMatch(/^[0-9a-f]{8}$/);
    expect(h).not.toBe('12345678');
    expect(f('%p', 0x12345678)).toBe(h); // stable
    expect(f('%p', 0x12345679)).not.toBe(h);
    expect(f('%pK', 0x12345678)).toBe(h);
    expect(f('%p', 0)).toBe('00000000');
    expect(f('%p', -12)).toBe('fffffff4');
    expect(f('[%20px]', 0x1234)).toBe('[                1234]');
  });
  it('%pS/%ps via host kallsyms, raw address when unknown', () => {
    expect(f('%pS', 7)).toBe('hello_init+0x0/0x20 [hello]');
    expect(f('%ps', 7)).toBe('hello_init');
    expect(f('%pS', 0x99)).toBe('0x99');
    expect(f('%pSR', 7)).toBe('hello_init+0x0/0x20 [hello]');
  });
  it('%pe names errors', () => {
    expect(f('%pe', -12)).toBe('-ENOMEM');
    expect(f('%pe', -517)).toBe('-EPROBE_DEFER');
    expect(f('%pe', -4000)).toBe('-4000');
  });
  it('%*ph hex dumps, %pM, %pI4, %pi4, %pI6c, %pU', () => {
    const b = { bytes: Uint8Array.from([0x00, 0x11, 0xab, 0xff, 0x7f, 0x01]) };
    expect(f('%*ph', 4, b)).toBe('00 11 ab ff');
    expect(f('%*phC', 3, b)).toBe('00:11:ab');
    expect(f('%*phD', 3, b)).toBe('00-11-ab');
    expect(f('%*phN', 3, b)).toBe('0011ab');
    expect(f('%ph', b)).toBe('00');
    expect(f('%pM', b)).toBe('00:11:ab:ff:7f:01');
    expect(f('%pMR', b)).toBe('01:7f:ff:ab:11:00');
    expect(f('%pMF', b)).toBe('00-11-ab-ff-7f-01');
    expect(f('%pm', b)).toBe('0011abff7f01');
    const ip = { bytes: Uint8Array.from([192, 168, 1, 7]) };
    expect(f('%pI4', ip)).toBe('192.168.1.7');
    expect(f('%pi4', ip)).toBe('192.168.001.007');
    const ip6 = { bytes: Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) };
    expect(f('%pI6c', ip6)).toBe('2001:db8::1');
    expect(f('%pI6', ip6)).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
    const uuid = { bytes: Uint8Array.from({ length: 16 }, (_, i) => i) };
    expect(f('%pUb', uuid)).toBe('00010203-0405-0607-0809-0a0b0c0d0e0f');
    expect(f('%pUl', uuid)).toBe('03020100-0504-0706-0809-0a0b0c0d0e0f');
    expect(f('%pUB', uuid)).toBe('00010203-0405-0607-0809-0A0B0C0D0E0F');
  });
  it('%pa prints the physical address in full width', () => {
    const a = { bytes: Uint8Array.from([0x78, 0x56, 0x34, 0x12]) };
    expect(f('%pa', a)).toBe('0x12345678');
    expect(f('%pad', a)).toBe('0x12345678');
  });
  it('%pE escapes as string_escape_mem() (the documented examples; \\" is special since 5.15)', () => {
    const b = { bytes: Uint8Array.from([0x1b, 0x62, 0x20, 0x5c, 0x43, 0x07, 0x22, 0x90, 0x0d, 0x5d]) };
    expect(f('%*pE', 10, b)).toBe('\\eb \\C\\a"\\220\\r]');
    expect(f('%*pEhp', 10, b)).toBe('\\x1bb \\C\\x07"\\x90\\x0d]');
    expect(f('%*pEa', 10, b)).toBe('\\e\\142\\040\\\\\\103\\a\\"\\220\\r\\135');
    expect(f('%*pE', 4, { bytes: Uint8Array.from([0x61, 0x0a, 0x01, 0x5c]) })).toBe('a\\n\\001\\');
    const z = { bytes: Uint8Array.from([0, 0x0a, 0xc3, 0xa9, 0x7f, 0x08]) };
    expect(f('%*pE', 6, z)).toBe('\\0\\né\\177\\010'); // Latin-1 letters (here UTF-8 é) are printable
    expect(f('%*pEn', 6, z)).toBe('\\0\né\x7f\x08'); // what no class takes passes through
    const w = { bytes: Uint8Array.from([0x0a, 0x7f, 0x20, 0x5c, 0x22]) };
    expect(f('%*pEs|%*pEc|%*pEo', 5, w, 5, w, 2, w)).toBe('\\n\x7f \\"|\n\x7f \\\\\\"|\\012\\177');
    const tab = { bytes: Uint8Array.from([0x09, 0x09]) };
    expect(f('%pE|%*pE|', tab, 0, tab)).toBe('\\t||'); // one byte without a width, none with 0
    expect(f('%*pE', 3, 0)).toBe('(null)');
  });
  it('%pb and %pbl print bitmaps', () => {
    const bm = { bytes: Uint8Array.from([0x2f, 0x01, 0, 0]) }; // bits 0-3,5,8
    expect(f('%*pbl', 16, bm)).toBe('0-3,5,8');
    expect(f('%*pb', 16, bm)).toBe('012f');
  });
});

// Expected strings: Documentation/core-api/printk-formats.rst (Linux 6.12) and the rules it states.
const le32 = (...v: number[]) => ({ bytes: new Uint8Array(Uint32Array.from(v.map((x) => x >>> 0)).buffer) });
const BAD = [[0, '(null)'], [100, '(efault)'], [-12, '(efault)']] as const;

function sin(port: number, a: number[]) {
  return { bytes: Uint8Array.from([2, 0, port >> 8, port & 0xff, ...a, 0, 0, 0, 0, 0, 0, 0, 0]) };
}
function sin6(port: number, flowinfo: number, a: number[], scope: number) {
  const b = new Uint8Array(28);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 10, true);
  dv.setUint16(2, port, false);
  dv.setUint32(4, flowinfo >>> 0, false);
  b.set(a, 8);
  dv.setUint32(24, scope >>> 0, true);
  return { bytes: b };
}
const six = (...w: number[]) => w.flatMap((x) => [x >> 8, x & 0xff]);

describe('%p extensions: IP addresses', () => {
  it('%pI4/%pi4 with the byte order letters: host (little-endian here), network, big, little', () => {
    const ip = { bytes: Uint8Array.from([1, 2, 3, 4]) };
    expect(f('%pI4|%pi4', ip, ip)).toBe('1.2.3.4|001.002.003.004');
    expect(f('%pI4n|%pI4b|%pI4l|%pI4h', ip, ip, ip, ip)).toBe('1.2.3.4|1.2.3.4|4.3.2.1|4.3.2.1');
    expect(f('%pi4l', ip)).toBe('004.003.002.001');
    expect(f('[%16pI4] [%-16pI4]', ip, ip)).toBe('[         1.2.3.4] [1.2.3.4         ]');
  });
  it('%pI6, %pi6, %pI6c compressed as RFC 5952', () => {
    const a = { bytes: Uint8Array.from(six(1, 2, 3, 4, 5, 6, 7, 8)) };
    expect(f('%pI6', a)).toBe('0001:0002:0003:0004:0005:0006:0007:0008');
    expect(f('%pi6', a)).toBe('00010002000300040005000600070008');
    expect(f('%pI6c', a)).toBe('1:2:3:4:5:6:7:8');
    const c = (...w: number[]) => f('%pI6c', { bytes: Uint8Array.from(six(...w)) });
    expect(c(0, 0, 0, 0, 0, 0, 0, 0)).toBe('::');
    expect(c(0, 0, 0, 0, 0, 0, 0, 1)).toBe('::1');
    expect(c(1, 0, 0, 0, 0, 0, 0, 0)).toBe('1::');
    expect(c(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)).toBe('2001:db8:0:1:1:1:1:1'); // a single 0 stays
    expect(c(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1)).toBe('2001:db8::1:0:0:1'); // the first of equal runs
    expect(c(0x2001, 0, 0, 1, 0, 0, 0, 1)).toBe('2001:0:0:1::1'); // the longest run
    expect(c(0x2001, 0xdb8, 0xabcd, 0x12, 0xff, 0xf00, 0xabc, 0xdef)).toBe('2001:db8:abcd:12:ff:f00:abc:def');
    expect(c(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304)).toBe('::ffff:1.2.3.4'); // IPv4-mapped
    expect(c(0xfe80, 0, 0, 0, 0, 0x5efe, 0xc000, 0x028f)).toBe('fe80::5efe:192.0.2.143'); // ISATAP
    expect(c(0xfe80, 0, 0, 0, 0x200, 0x5efe, 0xc000, 0x028f)).toBe('fe80::200:5efe:192.0.2.143');
  });
  it('%pIS/%piS/%pISc/%pISpc... of struct sockaddr (the documented examples)', () => {
    const v4 = sin(12345, [1, 2, 3, 4]);
    const v6 = sin6(12345, 123456789, six(1, 2, 3, 4, 5, 6, 7, 8), 1234567890);
    expect(f('%pIS', v4)).toBe('1.2.3.4');
    expect(f('%pIS', v6)).toBe('0001:0002:0003:0004:0005:0006:0007:0008');
    expect(f('%piS', v4)).toBe('001.002.003.004');
    expect(f('%piS', v6)).toBe('00010002000300040005000600070008');
    expect(f('%pISc', v4)).toBe('1.2.3.4');
    expect(f('%pISc', v6)).toBe('1:2:3:4:5:6:7:8');
    expect(f('%pISpc', v4)).toBe('1.2.3.4:12345');
    expect(f('%pISpc', v6)).toBe('[1:2:3:4:5:6:7:8]:12345');
    expect(f('%pISfc', v4)).toBe('1.2.3.4');
    expect(f('%pISfc', v6)).toBe('[1:2:3:4:5:6:7:8]/123456789');
    expect(f('%pISsc', v4)).toBe('1.2.3.4');
    expect(f('%pISsc', v6)).toBe('[1:2:3:4:5:6:7:8]%1234567890');
    expect(f('%pISpfc', v4)).toBe('1.2.3.4:12345');
    expect(f('%pISpfc', v6)).toBe('[1:2:3:4:5:6:7:8]:12345/123456789');
    expect(f('%pISpfsc', v6)).toBe('[1:2:3:4:5:6:7:8]:12345/123456789%1234567890');
    expect(f('%pISp', v6)).toBe('[0001:0002:0003:0004:0005:0006:0007:0008]:12345');
    expect(f('%piSpc', v6)).toBe('[00010002000300040005000600070008]:12345'); // c only with I
    // Only the flow label and traffic class of sin6_flowinfo; [hnbl] apply to IPv4 only.
    expect(f('%pISfc', sin6(0, 0xffffffff, six(1, 0, 0, 0, 0, 0, 0, 1), 0))).toBe('[1::1]/268435455');
    expect(f('%pISpl', v4)).toBe('4.3.2.1:12345');
    expect(f('%piSph', v4)).toBe('004.003.002.001:12345');
    expect(f('%pISlc', v6)).toBe('1:2:3:4:5:6:7:8');
  });
  it('another family is (einval); bad pointers', () => {
    expect(f('%pIS', { bytes: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0]) })).toBe('(einval)');
    expect(f('%pI5', { bytes: Uint8Array.from([1, 2, 3, 4]) })).toBe('(%pI?)');
    expect(f('%pi', { bytes: Uint8Array.from([1, 2, 3, 4]) })).toBe('(%pi?)');
    for (const [p, s] of BAD) {
      expect(f('%pI4|%pI6c|%pIS|%piSpc', p, p, p, p)).toBe(`${s}|${s}|${s}|${s}`);
    }
  });
});

describe('%p extensions: dentry and file names', () => {
  const d = (i: number) => dm.call('t_dentry', i) >>> 0;
  it('%pd, %pd2, %pd3, %pd4: the last components, "/" between them and for the root', () => {
    expect(f('%pd', d(4))).toBe('hello.ko');
    expect(f('%pd2', d(4))).toBe('modules/hello.ko');
    expect(f('%pd3', d(4))).toBe('lib/modules/hello.ko');
    expect(f('%pd4', d(4))).toBe('usr/lib/modules/hello.ko');
    expect(f('%pd4', d(2))).toBe('/usr/lib');
    expect(f('%pd2', d(1))).toBe('/usr');
    expect(f('%pd|%pd2|%pd4', d(0), d(0), d(0))).toBe('/|/|/');
    expect(f('%pd5', d(4))).toBe('hello.ko'); // depth 1 unless 2-4
  });
  it('width and precision apply to the whole name', () => {
    expect(f('[%12pd] [%-12pd] [%.5pd4]', d(4), d(4), d(4))).toBe('[    hello.ko] [hello.ko    ] [usr/l]');
  });
  it('%pD of a struct file', () => {
    const file = dm.call('t_file') >>> 0;
    expect(f('%pD|%pD2|%pD4', file, file, file)).toBe('hello.ko|modules/hello.ko|usr/lib/modules/hello.ko');
  });
  it('bad pointers: the dentry, a parent on the way, the file', () => {
    for (const [p, s] of BAD) expect(f('%pd|%pd3|%pD|%pD2', p, p, p, p)).toBe(`${s}|${s}|${s}|${s}`);
    expect(f('%pd|%pd2', d(5), d(5))).toBe('orphan|(efault)');
  });
});

describe('%p extensions: time and date', () => {
  // struct rtc_time { sec, min, hour, mday, mon, year, wday, yday, isdst }: 2018-11-26T05:35:43
  const tm = le32(43, 35, 5, 26, 10, 118, 1, 329, 0);
  const t64 = (t: bigint) => ({ bytes: new Uint8Array(BigInt64Array.from([t]).buffer) });
  it('%ptR: ISO 8601, year + 1900 and month + 1 unless raw; date or time only; space separator', () => {
    expect(f('%ptR', tm)).toBe('2018-11-26T05:35:43');
    expect(f('%ptRr', tm)).toBe('0118-10-26T05:35:43');
    expect(f('%ptRs', tm)).toBe('2018-11-26 05:35:43');
    expect(f('%ptRd|%ptRt', tm, tm)).toBe('2018-11-26|05:35:43');
    expect(f('%ptRdr|%ptRtr', tm, tm)).toBe('0118-10-26|05:35:43');
    expect(f('%ptRds|%ptRts', tm, tm)).toBe('2018-11-26|05:35:43'); // no separator without both
    expect(f('%ptRt tr', tm)).toBe('05:35:43 tr');
    expect(f('[%30ptR]', tm)).toBe('[2018-11-26T05:35:43]'); // the width is not used
  });
  it('%ptT: a time64_t as UTC', () => {
    const t = t64(1546615943n); // 2019-01-04T15:32:23
    expect(f('%ptT', t)).toBe('2019-01-04T15:32:23');
    expect(f('%ptTr', t)).toBe('0119-00-04T15:32:23');
    expect(f('%ptTs|%ptTsr', t, t)).toBe('2019-01-04 15:32:23|0119-00-04 15:32:23');
    expect(f('%ptTd|%ptTt', t, t)).toBe('2019-01-04|15:32:23');
    expect(f('%ptT', t64(0n))).toBe('1970-01-01T00:00:00');
    expect(f('%ptT', t64(-1n))).toBe('1969-12-31T23:59:59');
    expect(f('%ptT', t64(1709251199n))).toBe('2024-02-29T23:59:59');
    expect(f('%ptT', t64(4102444800n))).toBe('2100-01-01T00:00:00');
    expect(f('%ptT', t64(-2208988800n))).toBe('1900-01-01T00:00:00');
  });
  it('unknown kinds and bad pointers', () => {
    expect(f('%pt', tm)).toBe('(%pt?)');
    expect(f('%ptX', tm)).toBe('(%pt?)');
    for (const [p, s] of BAD) expect(f('%ptR|%ptT', p, p)).toBe(`${s}|${s}`);
  });
});

describe('%p extensions: FourCC', () => {
  it('%p4cc: characters, endianness, value (the documented examples)', () => {
    expect(f('%p4cc', le32(0x32314742))).toBe('BG12 little-endian (0x32314742)');
    expect(f('%p4cc', le32(0x20303159))).toBe('Y10  little-endian (0x20303159)');
    expect(f('%p4cc', le32(0xb231564e))).toBe('NV12 big-endian (0xb231564e)');
    expect(f('%p4cc', le32(0x0a7f0141))).toBe('A... little-endian (0x0a7f0141)');
    expect(f('[%36p4cc]', le32(0x32314742))).toBe('[     BG12 little-endian (0x32314742)]');
  });
  it('other letters and bad pointers', () => {
    expect(f('%p4', le32(1))).toBe('(%p4?)');
    expect(f('%p4c', le32(1))).toBe('(%p4?)');
    expect(f('%p4cb', le32(1))).toBe('(%p4?)'); // not in Linux 6.12
    for (const [p, s] of BAD) expect(f('%p4cc', p)).toBe(s);
  });
});

describe('%p extensions: flags', () => {
  it('%pGg: gfp flags, combinations first, unknown bits in hex', () => {
    expect(f('%pGg', le32(0xcc0))).toBe('GFP_KERNEL');
    expect(f('%pGg', le32(0x820 | 0x1))).toBe('GFP_ATOMIC|GFP_DMA');
    expect(f('%pGg', le32(0x20))).toBe('__GFP_HIGH');
    expect(f('%pGg', le32(0xcc0 | 0x100 | 0x2000))).toBe('GFP_KERNEL|__GFP_NOWARN|__GFP_ZERO');
    expect(f('%pGg', le32(0xcc0 | 0x100000))).toBe('GFP_USER');
    expect(f('%pGg', le32(0x400))).toBe('__GFP_DIRECT_RECLAIM');
    expect(f('%pGg', le32(0xf0000000))).toBe('0xf0000000');
    expect(f('%pGg', le32(0xf0000020))).toBe('__GFP_HIGH|0xf0000000');
    expect(f('[%pGg]', le32(0))).toBe('[]');
  });
  it('%pGv: vma flags', () => {
    expect(f('%pGv', le32(0x75))).toBe('read|exec|mayread|maywrite|mayexec');
    expect(f('%pGv', le32(0x80000001))).toBe('read|mergeable');
    expect(f('%pGv', le32(0x802))).toBe('write|0x800');
  });
  it('%pGp: page flags, the value, the names and the zone field', () => {
    // referenced|uptodate|lru|active|private: bits 2, 3, 5, 8, 14
    expect(f('%pGp', le32(0x412c))).toBe('0x412c(referenced|uptodate|lru|active|private|zone=0)');
    expect(f('%pGp', le32(0x8000412c))).toBe('0x8000412c(referenced|uptodate|lru|active|private|zone=1)');
    expect(f('%pGp', le32(0x1 | 0x80 | 0x40000))).toBe('0x40081(locked|waiters|unevictable|zone=0)');
    expect(f('%pGp', le32(0))).toBe('0x0(zone=0)');
    expect(f('%pGp', le32(0x100000))).toBe('0x100000(zone=0)'); // outside the flag bits: not named
  });
  it('other letters and bad pointers', () => {
    expect(f('%pGx', le32(1))).toBe('(%pG?)');
    for (const [p, s] of BAD) expect(f('%pGp|%pGg|%pGv', p, p, p)).toBe(`${s}|${s}|${s}`);
  });
});

describe('unsupported conversions', () => {
  it('stop the output and warn once', () => {
    k.takeEvents();
    expect(f('a%yb%d', 1)).toBe('a');
    const ev = k.takeEvents();
    expect(ev[0]).toBe('\x014------------[ cut here ]------------\n');
    expect(ev[1]).toBe('Please remove unsupported %y in format string\n');
    expect(ev[2]).toMatch(/^\x014WARNING: CPU: 0 PID: 0 at .*vsprintf\.c:\d+ format_decode\n$/);
    expect(ev).toContain('taint 9');
    expect(f('a%nb', 1)).toBe('a');
    expect(k.takeEvents()).toEqual([]); // once
  });
});

describe('sscanf', () => {
  function scan(input: string, fmt: string, kinds: ('i32' | 'i64' | 'str' | 'i8' | 'i16')[]): [number, any[]] {
    const ptrs = kinds.map((kd) => k.alloc(kd === 'str' ? 64 : 8, 8));
    const n = k.fn('vsscanf')(k.str(input), k.str(fmt), k.vaList(ptrs));
    const vals = kinds.map((kd, i) => {
      const p = ptrs[i]!;
      switch (kd) {
        case 'i32': return k.i32(p);
        case 'i64': return k.dv.getBigInt64(p, true);
        case 'i8': return k.dv.getInt8(p);
        case 'i16': return k.dv.getInt16(p, true);
        default: return k.cstr(p);
      }
    });
    k.freeScratch();
    return [n, vals];
  }
  it('integers in every base', () => {
    expect(scan('12 -7 ff 0x1f 017 0x10', '%d %d %x %x %o %i', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32']))
      .toEqual([6, [12, -7, 255, 31, 15, 16]]);
    expect(scan('-9000000000', '%lld', ['i64'])).toEqual([1, [-9000000000n]]);
    expect(scan('300 70000', '%hhu %hd', ['i8', 'i16'])).toEqual([2, [44, 4464]]);
  });
  it('strings, chars, widths, %n, literal matching', () => {
    expect(scan('  hello world', '%s %s', ['str', 'str'])).toEqual([2, ['hello', 'world']]);
    expect(scan('abcdef', '%3s%s', ['str', 'str'])).toEqual([2, ['abc', 'def']]);
    expect(scan('12345', '%2d%3d', ['i32', 'i32'])).toEqual([2, [12, 345]]);
    expect(scan('key=42', 'key=%d%n', ['i32', 'i32'])).toEqual([1, [42, 6]]); // %n is not counted
    expect(scan('1,2', '%d,%d', ['i32', 'i32'])).toEqual([2, [1, 2]]);
    expect(scan('1;2', '%d,%d', ['i32', 'i32'])[0]).toBe(1);
    expect(scan('abc', '%d', ['i32'])[0]).toBe(0);
    expect(scan('+5', '%d', ['i32'])[0]).toBe(0); // the kernel takes no '+'
    expect(scan('ab', '%c', ['str'])[1][0].slice(0, 1)).toBe('a');
    expect(scan('1 2 3', '%d %*d %d', ['i32', 'i32'])).toEqual([2, [1, 3]]);
    expect(scan('abc123', '%4[a-c]', ['str'])).toEqual([1, ['a']]); // '-' is not a range
    expect(scan('abba9', '%9[ab]%d', ['str', 'i32'])).toEqual([2, ['abba', 9]]);
    expect(scan('xyz:1', '%9[^:]:%d', ['str', 'i32'])).toEqual([2, ['xyz', 1]]);
  });
});
