// debugfs: directories, u32/bool/x32 files, a DEFINE_SHOW_ATTRIBUTE file, the proxy's module reference
// and removal protection, duplicates.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

const dec = new TextDecoder();
const O_RDWR = 2;
const D = '/sys/kernel/debug/debugfs_demo';

describe('debugfs-demo (debugfs_create_dir/u32/bool/x32/file)', () => {
  it('formats and parses as Linux', async () => {
    const t = await bootTestKernel();
    // The kernel's own: the fault-injection capabilities (lib/fault-inject.c).
    expect((await t.run('ls /sys/kernel/debug')).stdout).toBe('devices_deferred  fail_page_alloc  failslab\n');
    expect((await t.run(`insmod ${example('debugfs-demo')}`)).status).toBe(0);
    expect((await t.run('ls /sys/kernel/debug')).stdout).toBe('debugfs_demo  devices_deferred  fail_page_alloc  failslab\n');
    expect((await t.run(`ls ${D}`)).stdout).toBe('counter  enabled  flags  summary\n');
    expect((await t.run(`cat ${D}/counter`)).stdout).toBe('42\n');
    await t.run(`echo 7 > ${D}/counter`);
    expect(t.k.readFile(`${D}/counter`)).toBe('7\n');
    // kstrtoull with base 0: hex and octal too; not a number: EINVAL.
    t.k.writeFile(`${D}/counter`, '0x10');
    expect(t.k.readFile(`${D}/counter`)).toBe('16\n');
    expect((await t.run(`echo abc > ${D}/counter`)).stderr).toBe('lkm: echo: write error: Invalid argument\n');
    expect(t.k.readFile(`${D}/counter`)).toBe('16\n');
    // A u32 keeps the low 32 bits of what was written, as debugfs_u32_set does.
    t.k.writeFile(`${D}/counter`, '4294967297');
    expect(t.k.readFile(`${D}/counter`)).toBe('1\n');

    expect(t.k.readFile(`${D}/enabled`)).toBe('Y\n');
    await t.run(`echo n > ${D}/enabled`);
    expect(t.k.readFile(`${D}/enabled`)).toBe('N\n');
    t.k.writeFile(`${D}/enabled`, 'on');
    expect(t.k.readFile(`${D}/enabled`)).toBe('Y\n');
    // Not a boolean: the write still "succeeds" and changes nothing (debugfs_write_file_bool).
    expect((await t.run(`echo maybe > ${D}/enabled`)).status).toBe(0);
    expect(t.k.readFile(`${D}/enabled`)).toBe('Y\n');

    expect(t.k.readFile(`${D}/flags`)).toBe('0x0000beef\n');
    // Read-only number: simple_attr_write without set() is EACCES.
    expect((await t.run(`echo 1 > ${D}/flags`)).stderr).toBe('lkm: echo: write error: Permission denied\n');
    expect(t.k.readFile(`${D}/summary`)).toBe('counter=1 enabled=yes flags=0xbeef\n');
    // simple attributes are not seekable.
    const f = t.k.open(`${D}/counter`, O_RDWR);
    expect(() => f.lseek(0)).toThrow(expect.objectContaining({ code: 'ESPIPE' }));
    expect(dec.decode(f.read(1))).toBe('1');
    expect(dec.decode(f.read(5))).toBe('\n');
    expect(() => f.writeFrom({ view: () => new Uint8Array(1) }, 4, 2)).toThrow(expect.objectContaining({ code: 'EFAULT' }));
    f.close();
  });

  it('an open file of module fops holds the module; removed files fail with EIO', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('debugfs-demo')}`);
    const summary = t.k.open(`${D}/summary`);
    expect((await t.run('rmmod debugfs_demo')).stderr).toBe('rmmod: ERROR: Module debugfs_demo is in use\n');
    expect(dec.decode(summary.read(8))).toBe('counter=');
    summary.close();
    // The number files use vmlinux's operations: open, they do not hold the module.
    const counter = t.k.open(`${D}/counter`);
    expect((await t.run('rmmod debugfs_demo')).status).toBe(0);
    expect(() => counter.read(10)).toThrow(expect.objectContaining({ code: 'EIO' }));
    counter.close();
    expect(t.k.readdir('/sys/kernel/debug')).toEqual(['failslab', 'fail_page_alloc', 'devices_deferred']);
    const mark = t.mark();
    expect((await t.run(`insmod ${example('debugfs-demo')}`)).status).toBe(0);
    expect(mark().filter(Boolean)).toEqual([]);
    expect(t.k.readFile(`${D}/counter`)).toBe('42\n');
  });

  it('refuses a duplicate directory with debugfs\'s message and ERR_PTR(-EEXIST)', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')} mode=dup`);
    expect(t.log()).toEqual(expect.arrayContaining([
      "debugfs: Directory 'pfs' with parent '/' already present!",
      'second debugfs dir: -17',
    ]));
    expect(t.k.readFile('/sys/kernel/debug/pfs/value')).toBe('5\n');
  });

  it('numbers in every format, atomic_t, blob and symlink files', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')}`);
    const P = '/sys/kernel/debug/pfs';
    expect((await t.run(`ls ${P}`)).stdout).toBe('atomic  blob  items  link  size  square  u16  u64  u8  value  x16  x64  x8\n');
    const read = (n: string) => t.k.readFile(`${P}/${n}`);
    expect([read('u8'), read('x8'), read('u16'), read('u64'), read('x64'), read('size'), read('atomic')]).toEqual([
      '200\n', '0xab\n', '65535\n', '1099511627776\n', '0x0123456789abcdef\n', '4096\n', '-5\n',
    ]);
    expect(read('blob')).toBe('blob\x01data');
    expect(read('link')).toBe('5\n');
    t.k.writeFile(`${P}/link`, '6');
    expect(read('value')).toBe('6\n');
    t.k.writeFile(`${P}/u8`, '257');
    expect(read('u8')).toBe('1\n');
    t.k.writeFile(`${P}/atomic`, '-12');
    expect(read('atomic')).toBe('-12\n');
    // The unsigned ones refuse a sign; write-only (0200) cannot be read; 0444 cannot be written.
    expect(() => t.k.writeFile(`${P}/u64`, '-1')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => read('x16')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    t.k.writeFile(`${P}/x16`, '0xffff');
    expect(() => t.k.writeFile(`${P}/u16`, '1')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    // A blob is as long as it is: writes past the end write nothing.
    expect(() => t.k.writeFile(`${P}/blob`, 'x')).not.toThrow();
  });

  it('DEFINE_SEQ_ATTRIBUTE and DEFINE_DEBUGFS_ATTRIBUTE files of a module', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${fixture('pseudofs')}`);
    const P = '/sys/kernel/debug/pfs';
    expect(t.k.readFile(`${P}/items`)).toBe('name\nalpha\nbeta\ngamma\n');
    expect(t.k.readFile(`${P}/square`)).toBe('25\n');
    t.k.writeFile(`${P}/square`, '12');
    expect(t.k.readFile(`${P}/value`)).toBe('12\n');
    expect(t.k.readFile(`${P}/square`)).toBe('144\n');
    // set()'s error is the write's error.
    expect(() => t.k.writeFile(`${P}/square`, '70000')).toThrow(expect.objectContaining({ code: 'ERANGE' }));
    // Both hold the module while open (the _unsafe file too: its operations are the module's).
    for (const name of ['items', 'square']) {
      const f = t.k.open(`${P}/${name}`);
      expect((await t.run('rmmod pseudofs')).stderr).toBe('rmmod: ERROR: Module pseudofs is in use\n');
      f.close();
    }
    expect((await t.run('rmmod pseudofs')).status).toBe(0);
  });
});
