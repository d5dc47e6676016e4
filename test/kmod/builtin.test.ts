// Built-in modules (modules.builtin + modules.builtin.modinfo): depmod's index section for their aliases,
// libkmod's lookup step 7, modinfo's (builtin) blocks (kmod's test_modinfo_builtin) and modprobe on them,
// with the index and from the text files; then the same against the real kernel and the build's files.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinAliases, builtinModules, parseBuiltinModinfo } from '../../src/kmod/builtin.js';
import { IndexFormatError, ModuleIndex, buildIndex } from '../../src/kmod/index-file.js';
import { openSession } from '../../src/session/session.node.js';
import { depmod } from '../../src/tools/depmod.js';
import { modinfo } from '../../src/tools/modinfo.js';
import { EXTRA } from '../helpers/paths.js';
import { MODDIR, run, shellOver, synth, tree, withKernel } from './helpers.js';

const nul = (...s: string[]) => s.map((x) => `${x}\0`).join('');
/** Two built-in modules in the layout kbuild writes (NAME.key=value, MODULE_FILE first). */
const BUILTIN_MODINFO = nul(
  'crc32.file=lib/crc32', 'crc32.license=GPL', 'crc32.description=CRC-32 checksums', 'crc32.author=lkm-wasm developers',
  'sensor_hub.file=drivers/misc/sensor-hub', 'sensor_hub.license=GPL', 'sensor_hub.parm=debug:Debug level',
  'sensor_hub.parmtype=debug:int', 'sensor_hub.description=Sensor hub transport',
  'sensor_hub.alias=pci:v00001234d00005678sv*sd*bc*sc*i*', 'sensor_hub.alias=sensor-hub-transport',
  'sensor_hub.parmtype=quiet:bool',
);
const MODULES_BUILTIN = 'kernel/lib/crc32.ko\nkernel/drivers/misc/sensor-hub.ko\n';
const SENSOR_HUB =
  'name:           sensor_hub\n' +
  'filename:       (builtin)\n' +
  'file:           drivers/misc/sensor-hub\n' +
  'license:        GPL\n' +
  'description:    Sensor hub transport\n' +
  'alias:          pci:v00001234d00005678sv*sd*bc*sc*i*\n' +
  'alias:          sensor-hub-transport\n' +
  'parm:           quiet:bool\n' +
  'parm:           debug:Debug level (int)\n';
const PCI = 'pci:v00001234d00005678sv00000001sd00000002bc03sc00i00';

async function setup(opts: { modinfo?: boolean; index?: boolean } = {}) {
  const files: Record<string, string | Uint8Array> = {
    'kernel/a.ko': synth('a', { info: [['license', 'GPL'], ['alias', 'gadget-*']] }),
    'modules.order': 'kernel/a.ko\n',
    'modules.builtin': MODULES_BUILTIN,
  };
  if (opts.modinfo !== false) files['modules.builtin.modinfo'] = BUILTIN_MODINFO;
  const vfs = tree(files);
  const k = withKernel(vfs);
  const t = shellOver(vfs, k);
  expect(await t.run('depmod')).toEqual({ status: 0, stdout: '', stderr: '' });
  if (opts.index === false) await vfs.unlink(`${MODDIR}/modules.lkm.bin`);
  return { vfs, k, t };
}

describe('modules.builtin.modinfo', () => {
  it('splits NAME.key=value strings; a string without a NAME. prefix is skipped', () => {
    expect(parseBuiltinModinfo(new TextEncoder().encode(nul('m.license=GPL', 'm.flag', 'noprefix', '.x=1', 'n.alias=a=b') + '\0'))).toEqual([
      { module: 'm', key: 'license', value: 'GPL' },
      { module: 'm', key: 'flag', value: '' },
      { module: 'n', key: 'alias', value: 'a=b' },
    ]);
  });

  it('a module\'s entries are its first run of consecutive strings (libkmod\'s grouping)', () => {
    const entries = parseBuiltinModinfo(new TextEncoder().encode(nul('a.license=GPL', 'a.alias=x', 'b.alias=y', 'a.alias=z')));
    expect([...builtinModules(entries)]).toEqual([
      ['a', [{ key: 'license', value: 'GPL' }, { key: 'alias', value: 'x' }]], ['b', [{ key: 'alias', value: 'y' }]],
    ]);
    expect(builtinAliases(entries)).toEqual([['x', 'a'], ['y', 'b']]);
  });

  it('the index keeps built-in aliases in their own sections (patterns, normalised names)', () => {
    const idx = new ModuleIndex(buildIndex({
      modules: [{ name: 'a', path: 'kernel/a.ko', deps: [] }], symbols: [], aliases: [['gadget_*', 0]], builtin: ['crc32'],
      builtinAliases: [['pci:v00001234d00005678sv*sd*bc*sc*i*', 'sensor_hub'], ['sensor_hub_transport', 'sensor_hub'], ['gadget_x', 'other'], ['crc*x', 'other']],
    }));
    expect(idx.builtinAlias(PCI)).toEqual(['sensor_hub']);
    expect(idx.builtinAlias('sensor_hub_transport')).toEqual(['sensor_hub']);
    expect(idx.builtinAlias('crc32x')).toEqual(['other']);
    expect(idx.builtinAlias('crc32')).toEqual([]);
    expect(idx.alias('gadget_x')).toEqual(['a']); // the module aliases are separate
    expect(idx.builtinAlias('gadget_x')).toEqual(['other']);
  });

  it('an index of the previous version is refused (modprobe then reads the text files)', () => {
    const old = buildIndex({ modules: [], symbols: [], aliases: [], builtin: [] });
    new DataView(old.buffer).setUint32(8, 1, true);
    expect(() => new ModuleIndex(old)).toThrow(IndexFormatError);
  });

  it('depmod indexes the built-in aliases; a bad pattern is warned about; without the file there are none', async () => {
    const { vfs } = await setup();
    const idx = new ModuleIndex(await vfs.readFile(`${MODDIR}/modules.lkm.bin`));
    expect(idx.builtinAlias('sensor_hub_transport')).toEqual(['sensor_hub']);
    expect(idx.builtinAlias(PCI)).toEqual(['sensor_hub']);
    expect(idx.isBuiltin('crc32')).toBe(true);
    // modules.alias stays the modules' own (kmod writes built-in aliases to its binary index only).
    expect(await vfs.readText(`${MODDIR}/modules.alias`)).toBe('# Aliases extracted from modules themselves.\nalias gadget-* a\n');

    await vfs.writeFile(`${MODDIR}/modules.builtin.modinfo`, nul('x.alias=bad[x', 'x.alias=good'));
    expect(await run(depmod, [], vfs)).toEqual({ status: 0, stdout: '', stderr: 'depmod: WARNING: Unmatched bracket in bad[x\n' });
    expect(new ModuleIndex(await vfs.readFile(`${MODDIR}/modules.lkm.bin`)).builtinAlias('good')).toEqual(['x']);

    await vfs.unlink(`${MODDIR}/modules.builtin.modinfo`);
    expect(await run(depmod, [], vfs)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(new ModuleIndex(await vfs.readFile(`${MODDIR}/modules.lkm.bin`)).builtinAlias('good')).toEqual([]);
  });

  it('depmod -A rebuilds when modules.builtin.modinfo changed after modules.dep', async () => {
    const { vfs } = await setup({ modinfo: false });
    await vfs.writeFile(`${MODDIR}/modules.builtin.modinfo`, BUILTIN_MODINFO);
    expect(await run(depmod, ['-A'], vfs)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(new ModuleIndex(await vfs.readFile(`${MODDIR}/modules.lkm.bin`)).builtinAlias(PCI)).toEqual(['sensor_hub']);
  });
});

describe.each([['the index', true], ['the text files (no index)', false]])('built-in modules, from %s', (_, index) => {
  it('modinfo prints name, (builtin), the file\'s entries in order, parm lines last (test_modinfo_builtin)', async () => {
    const { t } = await setup({ index });
    expect(await t.run('modinfo sensor_hub')).toEqual({ status: 0, stdout: SENSOR_HUB, stderr: '' });
    expect(await t.run('modinfo sensor-hub-transport')).toEqual({ status: 0, stdout: SENSOR_HUB, stderr: '' });
    expect(await t.run(`modinfo ${PCI}`)).toEqual({ status: 0, stdout: SENSOR_HUB, stderr: '' });
    expect((await t.run('modinfo crc32')).stdout).toBe(
      'name:           crc32\nfilename:       (builtin)\nfile:           lib/crc32\nlicense:        GPL\n' +
      'description:    CRC-32 checksums\nauthor:         lkm-wasm developers\n');
  });

  it('modinfo -F, -0, -p, -n and -m', async () => {
    const { t } = await setup({ index });
    expect((await t.run('modinfo -F file crc32')).stdout).toBe('lib/crc32\n');
    expect((await t.run('modinfo -F name crc32')).stdout).toBe('crc32\n');
    expect((await t.run('modinfo -n crc32')).stdout).toBe('(builtin)\n');
    expect((await t.run('modinfo -F alias sensor_hub')).stdout).toBe('pci:v00001234d00005678sv*sd*bc*sc*i*\nsensor-hub-transport\n');
    expect((await t.run('modinfo -p sensor_hub')).stdout).toBe('quiet: (bool)\ndebug:Debug level (int)\n');
    expect((await t.run('modinfo -0 crc32')).stdout).toBe(
      'name:           crc32\0filename:       (builtin)\0file=lib/crc32\0license=GPL\0description=CRC-32 checksums\0author=lkm-wasm developers\0');
    expect((await t.run('modinfo -0 -F license crc32')).stdout).toBe('GPL\0');
    // -m: modules.dep, modules.builtin, then the aliases of built-in modules.
    expect((await t.run('modinfo -m -F license crc32')).stdout).toBe('GPL\n');
    expect((await t.run('modinfo -m -F name sensor-hub-transport')).stdout).toBe('sensor_hub\n');
    expect(await t.run('modinfo -m gadget-x')).toEqual({ status: 1, stdout: '', stderr: 'modinfo: ERROR: Module name gadget-x not found.\n' });
  });

  it('modprobe: loaded already (exit 0, silent), --first-time, -r, -R, -D, -n -v; aliases resolve to the built-in', async () => {
    const { k, t } = await setup({ index });
    for (const name of ['crc32', 'sensor-hub-transport', PCI]) {
      expect(await t.run(`modprobe ${name}`)).toEqual({ status: 0, stdout: '', stderr: '' });
      expect(await t.run(`modprobe -n -v ${name}`)).toEqual({ status: 0, stdout: '', stderr: '' });
    }
    expect(await t.run('modprobe --first-time crc32')).toEqual({ status: 1, stdout: '', stderr: "modprobe: ERROR: could not insert 'crc32': Module already in kernel\n" });
    expect(await t.run('modprobe --first-time sensor-hub-transport')).toEqual({ status: 1, stdout: '', stderr: "modprobe: ERROR: could not insert 'sensor_hub': Module already in kernel\n" });
    expect(await t.run('modprobe -r crc32')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module crc32 is builtin.\n' });
    expect(await t.run('modprobe -r sensor-hub-transport')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module sensor_hub is builtin.\n' });
    expect(await t.run('modprobe -R crc32')).toEqual({ status: 0, stdout: 'crc32\n', stderr: '' });
    expect(await t.run(`modprobe -R ${PCI}`)).toEqual({ status: 0, stdout: 'sensor_hub\n', stderr: '' });
    expect(await t.run('modprobe --show-depends crc32')).toEqual({ status: 0, stdout: 'builtin crc32\n', stderr: '' });
    expect(await t.run('modprobe -D sensor-hub-transport')).toEqual({ status: 0, stdout: 'builtin sensor_hub\n', stderr: '' });
    expect(k.calls).toEqual([]);
  });

  it('a module alias wins over a built-in alias (step 5 before step 7)', async () => {
    const { vfs, k, t } = await setup({ index });
    await vfs.writeFile(`${MODDIR}/modules.builtin.modinfo`, BUILTIN_MODINFO + nul('crc32.alias=gadget-x'));
    expect((await t.run('depmod')).status).toBe(0);
    if (!index) await vfs.unlink(`${MODDIR}/modules.lkm.bin`);
    expect(await t.run('modprobe -R gadget-x')).toEqual({ status: 0, stdout: 'a\n', stderr: '' });
    expect(await t.run('modprobe -R gadget_y')).toEqual({ status: 0, stdout: 'a\n', stderr: '' });
    expect(await t.run('modprobe gadget-x')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['a']);
  });

  it('without modules.builtin.modinfo: name and (builtin) only, and built-in aliases are unknown', async () => {
    const { t } = await setup({ index, modinfo: false });
    expect(await t.run('modinfo crc32')).toEqual({ status: 0, stdout: 'name:           crc32\nfilename:       (builtin)\n', stderr: '' });
    expect(await t.run('modinfo -F license crc32')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('modprobe crc32')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('modinfo sensor-hub-transport')).toEqual({ status: 1, stdout: '', stderr: 'modinfo: ERROR: Module sensor-hub-transport not found.\n' });
    expect(await t.run('modprobe sensor-hub-transport')).toEqual({
      status: 1, stdout: '', stderr: `modprobe: FATAL: Module sensor-hub-transport not found in directory ${MODDIR}\n`,
    });
  });
});

describe('the kernel build\'s built-in modules, with the real kernel', () => {
  it('crc32 is built in: modinfo shows the build\'s entries, modprobe finds it loaded, nothing in /sys/module', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lkm-root-'));
    const modules = mkdtempSync(join(tmpdir(), 'lkm-modules-'));
    cpSync(EXTRA, join(modules, 'extra'), { recursive: true });
    for (const f of ['modules.order', 'modules.builtin', 'modules.builtin.modinfo']) cpSync(join(EXTRA, '..', f), join(modules, f));
    let stdout = '';
    let stderr = '';
    const s = await openSession({ root, modules, cmdline: '', io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } } });
    expect(stderr).toBe('');
    const sh = async (line: string) => {
      stdout = '';
      stderr = '';
      const status = await s.sh.run(line);
      return { status, stdout, stderr };
    };
    expect(await sh(`cat ${MODDIR}/modules.builtin`)).toEqual({ status: 0, stdout: 'kernel/lib/kunit/kunit.ko\nkernel/lib/crc32.ko\n', stderr: '' });
    expect(await sh('modinfo crc32')).toEqual({
      status: 0, stderr: '', stdout: 'name:           crc32\nfilename:       (builtin)\nfile:           lib/crc32\nlicense:        GPL\n' +
        'description:    CRC-32 (IEEE 802.3, both bit orders) and CRC-32C (Castagnoli) checksums\nauthor:         lkm-wasm developers\n',
    });
    expect(await sh('modprobe crc32')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await sh('modprobe -r crc32')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module crc32 is builtin.\n' });
    expect(await sh('modprobe --show-depends crc32')).toEqual({ status: 0, stdout: 'builtin crc32\n', stderr: '' });
    expect(await sh('lsmod')).toEqual({ status: 0, stdout: 'Module                  Size  Used by\n', stderr: '' });
    expect((await sh('ls /sys/module/crc32')).status).not.toBe(0);
    expect(s.kernel.dmesg({ time: false }).filter((l) => /crc32/.test(l))).toEqual([]);
  });
});
