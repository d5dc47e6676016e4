// modinfo: kmod's layout (key padded to column 17, filename first and absolute, parm lines last with
// their type, depends always present), -F/-0/-p/-n/-a/-d/-l, lookups by name and alias, errors.
import { describe, expect, it } from 'vitest';
import { modinfo } from '../../src/tools/modinfo.js';
import { syntheticModule } from '../../src/kmod/synthetic.js';
import { MODDIR, exampleTree, run, shellOver, synth, tree, withKernel } from './helpers.js';

const P = (m: string) => `${MODDIR}/extra/${m}.ko`;

async function setup(other: Record<string, string> = {}) {
  const vfs = exampleTree(other);
  const t = shellOver(vfs, withKernel(vfs));
  await t.run('depmod');
  return { vfs, t };
}

describe('modinfo', () => {
  it('prints filename first, then .modinfo in section order, padded to column 17', async () => {
    const { t } = await setup();
    const r = await t.run(`modinfo ${P('hello')}`);
    expect(r.stderr).toBe('');
    expect(r.stdout.replace(/[0-9A-F]{23}/, 'SRCVERSION')).toBe(
      `filename:       ${P('hello')}\n` +
      'license:        GPL\n' +
      'author:         lkm-wasm developers\n' +
      'description:    Hello world: the smallest useful module\n' +
      'version:        1.0\n' +
      'srcversion:     SRCVERSION\n' +
      'depends:        \n' +
      'name:           hello\n' +
      'vermagic:       6.12.0-lkm-wasm SMP mod_unload wasm32 \n');
  });

  it('parm lines come last, in kmod order, with (type)', async () => {
    const { t } = await setup();
    const out = (await t.run('modinfo hello_params')).stdout;
    const parms = out.split('\n').filter((l) => l.startsWith('parm:'));
    expect(out.split('\n').slice(-parms.length - 1, -1)).toEqual(parms);
    // kmod puts each new parameter at the head of its list: reverse order of first appearance.
    expect(parms).toEqual([
      'parm:           level:Log level 0..7 (checked by a callback)',
      'parm:           secret:int',
      'parm:           name:A name copied into a 16-byte buffer (string)',
      'parm:           ports:Up to 4 port numbers (array of int)',
      'parm:           flag:bint',
      'parm:           mask:Feature mask (hexint)',
      'parm:           ullong_val:ullong',
      'parm:           ulong_val:ulong',
      'parm:           long_val:long',
      'parm:           uint_val:uint',
      'parm:           ushort_val:ushort',
      'parm:           short_val:short',
      'parm:           byte_val:byte',
      'parm:           disable:Start disabled (invbool)',
      'parm:           verbose:Print more (bool)',
      'parm:           debug:Debug level (0=none,...,16=all) (int)',
      'parm:           type:Network type (open, wep, wpa) (charp)',
    ]);
    expect((await t.run('modinfo -p hello_params')).stdout.split('\n').slice(0, 3)).toEqual([
      'level:Log level 0..7 (checked by a callback)', 'secret: (int)', 'name:A name copied into a 16-byte buffer (string)',
    ]);
  });

  it('-F prints values only; an empty depends is an empty line; -n/-a/-d/-l', async () => {
    const { t } = await setup();
    expect((await t.run(`modinfo -F depends ${P('hello')}`)).stdout).toBe('\n');
    expect((await t.run('modinfo -F depends stack_c')).stdout).toBe('stack-b,stack-a\n');
    expect((await t.run('modinfo -n stack-c')).stdout).toBe(`${P('stack-c')}\n`);
    expect((await t.run('modinfo -a hello')).stdout).toBe('lkm-wasm developers\n');
    expect((await t.run('modinfo -d hello')).stdout).toBe('Hello world: the smallest useful module\n');
    expect((await t.run('modinfo -l hello-multi')).stdout).toBe('GPL\nGPL\n');
    expect((await t.run('modinfo -F nosuchfield hello')).stdout).toBe('');
    expect((await t.run('modinfo --field=license hello stack_a')).stdout).toBe('GPL\nGPL\n');
  });

  it('-0 separates with NUL and prints key=value', async () => {
    const { t } = await setup();
    const out = (await t.run('modinfo -0 stack_a')).stdout;
    expect(out.split('\0').slice(0, 3)).toEqual([`filename:       ${P('stack-a')}`, 'license=GPL', 'description=Module stacking: the base module']);
    expect(out.endsWith('\0')).toBe(true);
    expect((await t.run('modinfo -0 -F license stack_a')).stdout).toBe('GPL\0');
  });

  it('a relative path is shown absolute', async () => {
    const { t } = await setup();
    await t.run(`cd ${MODDIR}`);
    expect((await t.run('modinfo -n extra/../extra/hello.ko')).stdout).toBe(`${P('hello')}\n`);
  });

  it('aliases resolve (several modules print several blocks); builtins print (builtin)', async () => {
    const vfs = tree({
      'kernel/a.ko': synth('a', { info: [['license', 'GPL'], ['alias', 'fs-x']] }),
      'kernel/b.ko': synth('b', { info: [['license', 'MIT'], ['alias', 'fs-*']] }),
      'modules.order': 'kernel/a.ko\nkernel/b.ko\n',
      'modules.builtin': 'kernel/net/unix/unix.ko\n',
    });
    const t = shellOver(vfs, withKernel(vfs));
    await t.run('depmod');
    expect((await t.run('modinfo -F license fs-x')).stdout).toBe('GPL\nMIT\n');
    expect(await t.run('modinfo unix')).toEqual({ status: 0, stdout: 'name:           unix\nfilename:       (builtin)\n', stderr: '' });
  });

  it('errors: not found, alias not found, missing argument; exit 1', async () => {
    const { vfs } = await setup();
    expect(await run(modinfo, ['nope'], vfs)).toEqual({ status: 1, stdout: '', stderr: 'modinfo: ERROR: Module nope not found.\n' });
    expect(await run(modinfo, ['/nonexistent.ko'], vfs)).toEqual({ status: 1, stdout: '', stderr: 'modinfo: ERROR: Module /nonexistent.ko not found.\n' });
    expect(await run(modinfo, ['bad[alias'], vfs)).toEqual({ status: 1, stdout: '', stderr: 'modinfo: ERROR: Module alias bad[alias not found.\n' });
    expect(await run(modinfo, ['-m', 'nope'], vfs)).toEqual({ status: 1, stdout: '', stderr: 'modinfo: ERROR: Module name nope not found.\n' });
    expect(await run(modinfo, [], vfs)).toEqual({ status: 1, stdout: '', stderr: 'modinfo: ERROR: missing module or filename.\n' });
    const r = await run(modinfo, ['-F', 'name', 'hello', 'nope'], vfs);
    expect(r).toEqual({ status: 1, stdout: 'hello\n', stderr: 'modinfo: ERROR: Module nope not found.\n' });
  });

  it('a module file without a .modinfo section: could not get modinfo', async () => {
    const vfs = tree({ 'kernel/bare.ko': syntheticModule({ modinfo: [], omitModinfo: true }) });
    const r = await run(modinfo, [`${MODDIR}/kernel/bare.ko`], vfs);
    expect(r).toEqual({ status: 1, stdout: `filename:       ${MODDIR}/kernel/bare.ko\n`, stderr: "modinfo: ERROR: could not get modinfo from 'bare': No such file or directory\n" });
  });

  it('-k and -b select another tree', async () => {
    const vfs = tree({}, { '/img/lib/modules/4.4.4/kernel/mod-simple.ko': synth('mod-simple', { info: [['license', 'GPL'], ['author', 'kmod']] }) });
    const t = shellOver(vfs, withKernel(vfs));
    await t.run('depmod -b /img 4.4.4');
    expect((await t.run('modinfo -b /img -k 4.4.4 -F author mod-simple')).stdout).toBe('kmod\n');
    expect((await t.run('modinfo -b /img -k 4.4.4 -F filename mod-simple')).stdout).toBe('/img/lib/modules/4.4.4/kernel/mod-simple.ko\n');
  });
});
