// vsnprintf/sscanf with the kernel's rules, called through a laid-out wasm32 va_list.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootVmlinux, type Vmlinux } from '../helpers/vmlinux-harness.ts';

let k: Vmlinux;
beforeAll(async () => {
  k = await bootVmlinux({
    kallsyms: (addr, flags) => (addr === 7 ? (flags ? 'hello_init+0x0/0x20 [hello]' : 'hello_init') : undefined),
  });
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
  it('%pE escapes', () => {
    expect(f('%*pE', 4, { bytes: Uint8Array.from([0x61, 0x0a, 0x01, 0x5c]) })).toBe('a\\n\\001\\\\');
  });
  it('%pb and %pbl print bitmaps', () => {
    const bm = { bytes: Uint8Array.from([0x2f, 0x01, 0, 0]) }; // bits 0-3,5,8
    expect(f('%*pbl', 16, bm)).toBe('0-3,5,8');
    expect(f('%*pb', 16, bm)).toBe('012f');
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
