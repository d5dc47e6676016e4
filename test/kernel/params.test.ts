// Module parameters at load time and in sysfs: Linux's parse_args() syntax, types and messages.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const KO = example('hello-params');
const P = '/sys/module/hello_params/parameters';

async function load(args: string) {
  const t = await bootTestKernel();
  const m = t.mark();
  const r = await t.run(`insmod ${KO} ${args}`);
  return { t, r, log: () => m().filter((l) => !l.includes('taints') && !l.includes('verification')) };
}

describe('load-time parameters', () => {
  it('the seed example: insmod hello-params.ko type="wpa" debug=1', async () => {
    const { r, log } = await load('type="wpa" debug=1');
    expect(r.status).toBe(0);
    expect(log()[0]).toBe('hello_params: type=wpa debug=1 verbose=0 enabled=1 level=4');
  });

  it('every type, quoting, arrays and dashes for underscores', async () => {
    const { t, r, log } = await load(`"name=a b" byte-val=255 short_val=-32768 ushort_val=0x10 uint_val=010 long_val=-5 ulong_val=4294967295 ullong_val=18446744073709551615 mask=0x1234 flag=y verbose=on ports=1,-2,3 level=7`);
    expect(r.status).toBe(0);
    expect(log()).toEqual([
      'hello_params: level set to 7',
      'hello_params: type=open debug=0 verbose=1 enabled=1 level=7',
      'hello_params: byte=255 short=-32768 ushort=16 uint=8 long=-5 ulong=4294967295 ullong=18446744073709551615 mask=0x1234 flag=1',
      'hello_params: name=a b secret=1 nr_ports=3',
      'hello_params: ports[0]=1', 'hello_params: ports[1]=-2', 'hello_params: ports[2]=3',
    ]);
    const cat = async (p: string) => (await t.run(`cat ${P}/${p}`)).stdout;
    expect(await cat('byte_val')).toBe('255\n');
    expect(await cat('short_val')).toBe('-32768\n');
    expect(await cat('mask')).toBe('0x001234\n');
    expect(await cat('verbose')).toBe('Y\n');
    expect(await cat('ports')).toBe('1,-2,3\n');
    expect(await cat('ullong_val')).toBe('18446744073709551615\n');
  });

  it('a bool without a value is true; invbool without a value fails', async () => {
    expect((await load('verbose')).log()[0]).toContain('verbose=1');
    const { r, log } = await load('disable');
    expect(r.stderr).toContain(': Invalid parameters');
    expect(log()).toEqual(["hello_params: `' invalid for parameter `disable'"]);
  });

  it('bad values: invalid int, out of range, too many array elements, string too long', async () => {
    let x = await load('debug=abc');
    expect(x.log()).toEqual(["hello_params: `abc' invalid for parameter `debug'"]);
    expect(x.r.stderr).toMatch(/Invalid parameters\n$/);
    x = await load('byte_val=256');
    expect(x.log()).toEqual(["hello_params: `256' invalid for parameter `byte_val'"]);
    expect(x.r.stderr).toMatch(/Numerical result out of range\n$/);
    x = await load('ports=1,2,3,4,5');
    expect(x.log()).toEqual(['ports: can only take 4 arguments', "hello_params: `1' invalid for parameter `ports'"]);
    x = await load('name=0123456789abcdefXYZ');
    expect(x.log()).toEqual(["name: string doesn't fit in 15 chars.",
      "hello_params: `0123456789abcdefXYZ' too large for parameter `name'"]);
    expect(x.r.stderr).toMatch(/No space left on device\n$/);
    x = await load('level=8');
    expect(x.log()).toEqual(["hello_params: `8' invalid for parameter `level'"]);
    // Parsing goes on after an error and the last error wins; init never runs.
    x = await load('debug=x level=3');
    expect(x.log()).toEqual(["hello_params: `x' invalid for parameter `debug'", 'hello_params: level set to 3']);
    expect((await x.t.run('cat /proc/modules')).stdout).toBe('');
  });

  it('unknown parameters are ignored with a warning; -- ends parsing', async () => {
    const { r, log } = await load('bogus=1 debug=2 -- level=1');
    expect(r.status).toBe(0);
    expect(log().slice(0, 3)).toEqual([
      "hello_params: unknown parameter 'bogus' ignored",
      "hello_params: parameters 'level=1' after `--' ignored",
      'hello_params: type=open debug=2 verbose=0 enabled=1 level=4',
    ]);
  });
});

describe('sysfs parameters', () => {
  it('honour the permission bits and call the setter on write', async () => {
    const { t } = await load('');
    expect((await t.run(`ls ${P} | grep -c secret`)).stdout).toBe('0\n');
    expect((await t.run(`cat ${P}/secret`)).status).toBe(1);
    // As on Linux, a charp keeps what was written, echo's newline included (hence echo -n).
    expect((await t.run(`echo wep > ${P}/type; cat ${P}/type`)).stdout).toBe('wep\n\n');
    expect((await t.run(`echo -n wep > ${P}/type; cat ${P}/type`)).stdout).toBe('wep\n');
    const m = t.mark();
    expect((await t.run(`echo 6 > ${P}/level; cat ${P}/level`)).stdout).toBe('6\n');
    expect(m()).toEqual(['hello_params: level set to 6']);
    expect((await t.run(`echo 12 > ${P}/level`)).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect((await t.run(`echo N > ${P}/verbose; cat ${P}/verbose`)).stdout).toBe('N\n');
    expect((await t.run(`echo 1 > ${P}/ports`)).stderr).toBe('lkm: echo: write error: Permission denied\n');
    const bye = t.mark();
    await t.run('rmmod hello_params');
    expect(bye()).toEqual(['hello_params: bye (type=wep level=6)']);
  });
});
