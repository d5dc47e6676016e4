// depmod over module trees built from the example modules and from metadata-only modules: kmod's file
// formats byte for byte, modules.order, depmod.d search order, cycles, -n, -A, -e.
import { describe, expect, it } from 'vitest';
import { depmod } from '../../src/tools/depmod.js';
import { ModuleIndex, buildIndex } from '../../src/kmod/index-file.js';
import { superFastHash, kmodHashOrder } from '../../src/kmod/hash.js';
import { EXAMPLES, MODDIR, exampleTree, run, synth, tree } from './helpers.js';

const read = (vfs: ReturnType<typeof tree>, f: string) => vfs.readText(`${MODDIR}/${f}`);

describe('depmod over the example tree', () => {
  it('writes modules.dep in modules.order order with transitive dependencies, closest first', async () => {
    const vfs = exampleTree();
    expect(await run(depmod, ['-a'], vfs)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await read(vfs, 'modules.dep')).toBe(
      EXAMPLES.filter((e) => !e.startsWith('stack')).map((e) => `extra/${e}.ko:\n`).join('') +
      'extra/stack-a.ko:\n' +
      'extra/stack-b.ko: extra/stack-a.ko\n' +
      'extra/stack-c.ko: extra/stack-b.ko extra/stack-a.ko\n');
    expect(await read(vfs, 'modules.alias')).toBe('# Aliases extracted from modules themselves.\n');
    expect(await read(vfs, 'modules.softdep')).toBe('# Soft dependencies extracted from modules themselves.\n');
    expect(await read(vfs, 'modules.weakdep')).toBe('# Weak dependencies extracted from modules themselves.\n');
    expect(await read(vfs, 'modules.devname')).toBe('');
    const syms = (await read(vfs, 'modules.symbols')).split('\n');
    expect(syms[0]).toBe('# Aliases for symbols, used by symbol_request().');
    expect(syms.slice(1, -1).sort()).toEqual([
      'alias symbol:stack_a_add stack_a', 'alias symbol:stack_a_calls stack_a', 'alias symbol:stack_a_secret stack_a',
      'alias symbol:stack_b_calls stack_b', 'alias symbol:stack_b_twice stack_b',
      'alias symbol:stack_c_calls stack_c', 'alias symbol:stack_c_sum stack_c',
    ]);
    // kmod's hash-table order: bucket (SuperFastHash & 2047), then strcmp within a bucket.
    const names = syms.slice(1, -1).map((l) => l.split(' ')[1]!.slice('symbol:'.length));
    expect(names).toEqual(kmodHashOrder([...names].sort(), (s) => s, 2048));
    expect(await vfs.readdir(MODDIR)).toEqual(['extra', 'modules.alias', 'modules.dep', 'modules.devname',
      'modules.lkm.bin', 'modules.order', 'modules.softdep', 'modules.symbols', 'modules.weakdep']);
  });

  it('-n writes the text files to stdout and nothing to the tree', async () => {
    const vfs = exampleTree();
    const r = await run(depmod, ['-n'], vfs);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^extra\/hello\.ko:\n[\s\S]*extra\/stack-c\.ko: extra\/stack-b\.ko extra\/stack-a\.ko\n# Aliases extracted from modules themselves\.\n# Soft dependencies extracted from modules themselves\.\n# Weak dependencies extracted from modules themselves\.\n# Aliases for symbols, used by symbol_request\(\)\.\n(alias symbol:\S+ \S+\n){7}$/);
    expect(await vfs.readdir(MODDIR)).toEqual(['extra', 'modules.order']);
  });

  it('modules missing from modules.order come after the listed ones, in kmod hash order', async () => {
    const vfs = tree({
      'kernel/b.ko': synth('b'), 'kernel/a.ko': synth('a'), 'kernel/z.ko': synth('z'),
      'kernel/y.ko': synth('y'), 'kernel/x.ko': synth('x'), 'modules.order': 'kernel/z.ko\nkernel/b.ko\n',
    });
    expect((await run(depmod, [], vfs)).status).toBe(0);
    const rest = kmodHashOrder(['a', 'x', 'y'], (s) => s, 512).map((n) => `kernel/${n}.ko:\n`).join('');
    expect(await read(vfs, 'modules.dep')).toBe(`kernel/z.ko:\nkernel/b.ko:\n${rest}`);
  });

  it('SuperFastHash matches the published algorithm (values from the C reference code)', () => {
    const ref: Record<string, number> = {
      '': 0, a: 291415938, ab: 1366002500, abc: 3535673738, abcd: 3671636187, abcde: 1374488366,
      stack_a_calls: 1146045250, snd_sof_pci_intel_tgl: 3249111627, printk: 1778934737,
    };
    for (const [k, v] of Object.entries(ref)) expect(superFastHash(k)).toBe(v);
  });
});

describe('depmod formats from module metadata', () => {
  const rich = () => tree({
    'kernel/drivers/watchdog/softdog.ko': synth('softdog', {
      info: [['license', 'GPL'], ['alias', 'char-major-10-130'], ['alias', 'devname:watchdog'], ['softdep', 'pre: wd_core'], ['weakdep', 'wd_extra']],
      imports: ['wd_register', '_printk'],
    }),
    'kernel/drivers/watchdog/wd-core.ko': synth('wd-core', { exports: ['wd_register'], gplExports: ['wd_gpl'], info: [['license', 'GPL'], ['alias', 'platform:wd*']] }),
    'kernel/drivers/block/loop.ko': synth('loop', { info: [['license', 'GPL'], ['alias', 'block-major-7-*'], ['alias', 'devname:loop-control'], ['alias', 'char-major-10-237']] }),
    'kernel/drivers/misc/nodev.ko': synth('nodev', { info: [['license', 'GPL'], ['alias', 'devname:nodev']] }),
    'modules.order': 'kernel/drivers/watchdog/wd-core.ko\nkernel/drivers/watchdog/softdog.ko\nkernel/drivers/block/loop.ko\nkernel/drivers/misc/nodev.ko\n',
  });

  it('modules.alias, .softdep, .weakdep and .devname', async () => {
    const vfs = rich();
    const r = await run(depmod, ['-a'], vfs);
    expect(r.stderr).toBe("depmod: ERROR: Module 'nodev' has devname (nodev) but lacks major and minor information. Ignoring.\n");
    expect(r.status).toBe(0);
    expect(await read(vfs, 'modules.dep')).toBe(
      'kernel/drivers/watchdog/wd-core.ko:\n' +
      'kernel/drivers/watchdog/softdog.ko: kernel/drivers/watchdog/wd-core.ko\n' +
      'kernel/drivers/block/loop.ko:\n' +
      'kernel/drivers/misc/nodev.ko:\n');
    expect(await read(vfs, 'modules.alias')).toBe('# Aliases extracted from modules themselves.\n' +
      'alias platform:wd* wd_core\n' +
      'alias char-major-10-130 softdog\n' +
      'alias devname:watchdog softdog\n' +
      'alias block-major-7-* loop\n' +
      'alias devname:loop-control loop\n' +
      'alias char-major-10-237 loop\n' +
      'alias devname:nodev nodev\n');
    expect(await read(vfs, 'modules.softdep')).toBe('# Soft dependencies extracted from modules themselves.\nsoftdep softdog pre: wd_core\n');
    expect(await read(vfs, 'modules.weakdep')).toBe('# Weak dependencies extracted from modules themselves.\nweakdep softdog wd_extra\n');
    expect(await read(vfs, 'modules.devname')).toBe('# Device nodes to trigger on-demand module loading.\n' +
      'softdog watchdog c10:130\n' +
      'loop loop-control c10:237\n');
  });

  it('the binary index answers the same questions as the text files', async () => {
    const vfs = rich();
    await run(depmod, [], vfs);
    const idx = new ModuleIndex(await vfs.readFile(`${MODDIR}/modules.lkm.bin`));
    expect(idx.module('softdog')).toEqual({
      name: 'softdog', path: 'kernel/drivers/watchdog/softdog.ko', order: 1,
      deps: [{ name: 'wd_core', path: 'kernel/drivers/watchdog/wd-core.ko' }],
    });
    expect(idx.module('nope')).toBeUndefined();
    expect(idx.symbol('wd_gpl')).toEqual(['wd_core']);
    // Patterns are stored normalised, as lookups normalise the name first ('-' → '_').
    expect(idx.alias('char_major_10_130')).toEqual(['softdog']);
    expect(idx.alias('platform:wdt')).toEqual(['wd_core']);
    expect(idx.alias('block_major_7_3')).toEqual(['loop']);
    expect(idx.alias('block_major_8_0')).toEqual([]);
    expect(idx.modules().map((m) => m.name)).toEqual(['wd_core', 'softdog', 'loop', 'nodev']);
  });

  it('an unreadable .ko is reported and kept without dependencies', async () => {
    const vfs = tree({ 'extra/bad.ko': 'not wasm', 'extra/good.ko': synth('good') });
    const r = await run(depmod, [], vfs);
    expect(r.stderr).toBe(`depmod: ERROR: failed to load symbols from ${MODDIR}/extra/bad.ko: Invalid argument\n`);
    expect(r.status).toBe(0);
    expect((await read(vfs, 'modules.dep')).split('\n').sort()).toEqual(['', 'extra/bad.ko:', 'extra/good.ko:']);
  });
});

describe('modules.lkm.bin', () => {
  it('finds every name, symbol and alias, non-ASCII ones included', () => {
    const names = ['zeta', 'état', 'alpha', 'm\u{1F600}', 'beta', 'Éclair', '\uE000x'];
    const idx = new ModuleIndex(buildIndex({
      modules: names.map((name, i) => ({ name, path: `k/${name}.ko`, deps: i ? [0] : [] })),
      symbols: names.map((n, i) => [`sym_${n}`, i] as [string, number]),
      aliases: names.map((n, i) => [`al:${n}*`, i] as [string, number]),
      builtin: ['unix', 'ünix'],
    }));
    for (const [i, n] of names.entries()) {
      expect(idx.module(n)?.path).toBe(`k/${n}.ko`);
      expect(idx.module(n)?.deps.map((d) => d.name)).toEqual(i ? ['zeta'] : []);
      expect(idx.symbol(`sym_${n}`)).toEqual([n]);
      expect(idx.alias(`al:${n}-suffix`)).toEqual([n]);
    }
    expect(idx.isBuiltin('ünix')).toBe(true);
    expect(idx.isBuiltin('unix')).toBe(true);
    expect(idx.isBuiltin('uni')).toBe(false);
    expect(idx.modules().map((m) => m.name)).toEqual(names);
  });
});

describe('dependency cycles', () => {
  it('are reported with kmod lines, exit 1 and no files written', async () => {
    const vfs = tree({
      'kernel/mod-loop-a.ko': synth('mod-loop-a', { exports: ['a'], imports: ['b'] }),
      'kernel/mod-loop-b.ko': synth('mod-loop-b', { exports: ['b'], imports: ['c'] }),
      'kernel/mod-loop-c.ko': synth('mod-loop-c', { exports: ['c'], imports: ['a'] }),
      'kernel/mod-loop-d.ko': synth('mod-loop-d', { exports: ['d'], imports: ['e'] }),
      'kernel/mod-loop-e.ko': synth('mod-loop-e', { exports: ['e'], imports: ['d'] }),
      'kernel/mod-user.ko': synth('mod-user', { imports: ['a'] }),
      'kernel/mod-ok.ko': synth('mod-ok'),
      'modules.order': ['a', 'b', 'c', 'd', 'e'].map((x) => `kernel/mod-loop-${x}.ko\n`).join('') + 'kernel/mod-user.ko\nkernel/mod-ok.ko\n',
    });
    const r = await run(depmod, [], vfs);
    expect(r).toEqual({
      status: 1, stdout: '',
      stderr: 'depmod: ERROR: Cycle detected: mod_loop_a -> mod_loop_b -> mod_loop_c -> mod_loop_a\n' +
        'depmod: ERROR: Cycle detected: mod_loop_d -> mod_loop_e -> mod_loop_d\n' +
        'depmod: ERROR: Found 5 modules in dependency cycles!\n',
    });
    expect(await vfs.exists(`${MODDIR}/modules.dep`)).toBe(false);
  });
});

describe('depmod.d and search order', () => {
  const dup = (extra: Record<string, string> = {}) => tree({
    'kernel/mod-simple.ko': synth('mod-simple'),
    'updates/mod-simple.ko': synth('mod-simple'),
    'extra/mod-simple.ko': synth('mod-simple'),
  }, extra);

  it('updates/ wins over the rest by default', async () => {
    const vfs = dup();
    await run(depmod, [], vfs);
    expect(await read(vfs, 'modules.dep')).toBe('updates/mod-simple.ko:\n');
  });

  it('search lines set the priority; built-in stands for everything else', async () => {
    const vfs = dup({ '/etc/depmod.d/search.conf': 'search extra built-in updates\n' });
    await run(depmod, [], vfs);
    expect(await read(vfs, 'modules.dep')).toBe('extra/mod-simple.ko:\n');
  });

  it('override wins for its kernel version; another version is ignored', async () => {
    const vfs = dup({ '/etc/depmod.d/o.conf': 'override mod-simple 1.2.3 extra\noverride mod-simple * kernel\n' });
    await run(depmod, [], vfs);
    expect(await read(vfs, 'modules.dep')).toBe('kernel/mod-simple.ko:\n');
  });

  it('external directories are scanned and written with absolute paths; bad lines are reported', async () => {
    const vfs = tree({ 'kernel/a.ko': synth('a', { exports: ['fa'] }) }, {
      '/opt/ext/mod-ext.ko': synth('mod-ext', { imports: ['fa'] }),
      '/usr/lib/depmod.d/ext.conf': 'external * /opt/ext\nfrobnicate x\n',
      '/etc/depmod.d/ignored.txt': 'search nothing\n',
    });
    const r = await run(depmod, [], vfs);
    expect(r.stderr).toBe("depmod: ERROR: /usr/lib/depmod.d/ext.conf:2: ignoring bad line starting with 'frobnicate'\n");
    const lines: Record<string, string> = { a: 'kernel/a.ko:\n', mod_ext: '/opt/ext/mod-ext.ko: kernel/a.ko\n' };
    expect(await read(vfs, 'modules.dep')).toBe(kmodHashOrder(['a', 'mod_ext'], (s) => s, 512).map((n) => lines[n]).join(''));
  });

  it('exclude skips directories', async () => {
    const vfs = tree({ 'kernel/a.ko': synth('a'), 'kernel/old/b.ko': synth('b') }, { '/etc/depmod.d/x.conf': 'exclude old\n' });
    await run(depmod, [], vfs);
    expect(await read(vfs, 'modules.dep')).toBe('kernel/a.ko:\n');
  });
});

describe('depmod options', () => {
  it('-e with -F reports unknown symbols (weak ones excepted); -e alone says it needs -E or -F', async () => {
    const vfs = tree({ 'kernel/a.ko': synth('a', { imports: ['printk', 'missing_sym', '__start___param'], weak: ['__start___param'] }) },
      { '/boot/System.map': '0000 T printk\n0001 r __ksymtab_printk\n' });
    expect((await run(depmod, ['-e'], vfs)).stderr).toBe('depmod: WARNING: -e needs -E or -F\n');
    expect((await run(depmod, ['-e', '-F', '/boot/System.map'], vfs)).stderr)
      .toBe(`depmod: WARNING: ${MODDIR}/kernel/a.ko needs unknown symbol missing_sym\n`);
    expect((await run(depmod, ['-F', '/boot/System.map'], vfs)).stderr).toBe('');
  });

  it('-E Module.symvers gives the kernel symbols too', async () => {
    const vfs = tree({ 'kernel/a.ko': synth('a', { imports: ['printk', 'nope'] }) },
      { '/Module.symvers': '0x00000000\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n' });
    expect((await run(depmod, ['-ae', '-E', '/Module.symvers'], vfs)).stderr)
      .toBe(`depmod: WARNING: ${MODDIR}/kernel/a.ko needs unknown symbol nope\n`);
  });

  it('a version argument selects the tree; a bad one is refused', async () => {
    const vfs = tree({}, { '/lib/modules/4.4.4/kernel/m.ko': synth('m') });
    expect(await run(depmod, ['4.4.4'], vfs)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await vfs.readText('/lib/modules/4.4.4/modules.dep')).toBe('kernel/m.ko:\n');
    expect(await run(depmod, ['lkm'], vfs)).toEqual({ status: 1, stdout: '', stderr: 'depmod: ERROR: Bad version passed lkm\n' });
    expect(await run(depmod, ['9.9'], vfs)).toEqual({
      status: 1, stdout: '',
      stderr: 'depmod: ERROR: could not open directory /lib/modules/9.9: No such file or directory\n' +
        'depmod: FATAL: could not search modules: No such file or directory\n',
    });
  });

  it('-b uses an image of a tree and -o writes elsewhere', async () => {
    const vfs = tree({}, { '/img/lib/modules/6.12.0-lkm-wasm/kernel/m.ko': synth('m') });
    expect((await run(depmod, ['-b', '/img', '-o', '/out'], vfs)).status).toBe(0);
    expect(await vfs.readText('/out/lib/modules/6.12.0-lkm-wasm/modules.dep')).toBe('kernel/m.ko:\n');
    expect(await vfs.exists('/img/lib/modules/6.12.0-lkm-wasm/modules.dep')).toBe(false);
  });

  it('-A does nothing when no module is newer than modules.dep', async () => {
    const vfs = tree({ 'kernel/a.ko': synth('a') });
    await run(depmod, [], vfs);
    await vfs.writeFile(`${MODDIR}/modules.dep`, 'sentinel\n');
    await run(depmod, ['-A'], vfs);
    expect(await read(vfs, 'modules.dep')).toBe('sentinel\n');
    await vfs.writeFile(`${MODDIR}/kernel/b.ko`, synth('b'));
    await run(depmod, ['-A'], vfs);
    expect(await read(vfs, 'modules.dep')).toBe(kmodHashOrder(['a', 'b'], (s) => s, 512).map((n) => `kernel/${n}.ko:\n`).join(''));
  });

  it('-v prints which module provides each needed symbol', async () => {
    const vfs = tree({ 'kernel/a.ko': synth('a', { exports: ['fa'] }), 'kernel/b.ko': synth('b', { imports: ['fa'] }), 'modules.order': 'kernel/a.ko\nkernel/b.ko\n' });
    expect((await run(depmod, ['-v'], vfs)).stdout).toBe(`${MODDIR}/kernel/b.ko needs "fa": ${MODDIR}/kernel/a.ko\n`);
  });
});
