// The seed scenario with a symbolic link: a module built in a working directory is linked into the
// module tree (`ln -s … /lib/modules/$(uname -r)/`), depmod indexes it under the link's name, modprobe
// loads it through the link. In a session like `lkm shell --root DIR --modules DIR` (temporary copies).
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedLkm, tempSession } from '../helpers/session.js';
import { REL } from './helpers.js';

const MOD = `/lib/modules/${REL}`;
// The articles' lines start with sudo; the shell runs them as they are.
const SUDO = 'sudo ';

let lkmKo = '';

beforeAll(async () => { lkmKo = await buildSeedLkm(); });

// The module as the article builds it: lkm.ko in the working directory (/root here).
const session = () => tempSession({ rootFiles: { 'root/lkm.ko': lkmKo } });

describe('seed scenario: a module linked into the tree', () => {
  it('ln -s, depmod -a, modprobe -vn, modprobe, modprobe -r; modinfo through the link', async () => {
    const t = await session();
    expect(await t.run('cd /root')).toMatchObject({ status: 0 });
    expect(await t.run(`${SUDO}ln -s /root/lkm.ko ${MOD}/`)).toEqual({ status: 0, stdout: '', stderr: '' });
    // A real host link with the article's target text, resolved inside the emulated root (the host's
    // /root/lkm.ko is not what it names).
    expect(lstatSync(join(t.modules, 'lkm.ko')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(t.modules, 'lkm.ko'), 'utf8')).toBe('/root/lkm.ko');
    expect(await t.run(`${SUDO}depmod -a`)).toEqual({ status: 0, stdout: '', stderr: '' });
    // kmod lists the module under the link's path, relative to the module directory.
    expect(readFileSync(join(t.modules, 'modules.dep'), 'utf8').split('\n')).toContain('lkm.ko:');
    expect(await t.run(`${SUDO}modprobe -vn lkm`)).toEqual({ status: 0, stdout: `insmod ${MOD}/lkm.ko \n`, stderr: '' });
    expect((await t.run('lsmod')).stdout).not.toMatch(/^lkm /m);
    expect(await t.run(`${SUDO}modprobe lkm`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('lsmod')).stdout).toMatch(/^lkm +\d+ {2}0$/m);
    expect(t.dmesg()).toContain('lkm: hello');
    expect(await t.run(`${SUDO}modprobe -r lkm`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(t.dmesg()).toContain('lkm: bye');
    expect(await t.run(`${SUDO}modprobe -vn lkm`)).toEqual({ status: 0, stdout: `insmod ${MOD}/lkm.ko \n`, stderr: '' });
    expect((await t.run('modinfo -F filename lkm')).stdout).toBe(`${MOD}/lkm.ko\n`);
    expect((await t.run(`modinfo -F license ${MOD}/lkm.ko`)).stdout).toBe('GPL\n');
    expect((await t.run(`ls -l ${MOD}/lkm.ko`)).stdout).toMatch(new RegExp(`^lrwxrwxrwx 1 root root 12 .* ${MOD}/lkm.ko -> /root/lkm.ko\\n$`));
  });

  it("the article's literal `ln -s lkm.ko DIR/` is a link to itself: depmod reports it as kmod does, modprobe finds nothing", async () => {
    const t = await session();
    await t.run('cd /root');
    expect(await t.run(`${SUDO}ln -s lkm.ko ${MOD}/`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run(`readlink ${MOD}/lkm.ko`)).toEqual({ status: 0, stdout: 'lkm.ko\n', stderr: '' });
    expect(await t.run(`${SUDO}depmod -a`)).toEqual({ status: 0, stdout: '', stderr: 'depmod: ERROR: fstatat(3, lkm.ko): Too many levels of symbolic links\n' });
    expect(await t.run(`${SUDO}modprobe lkm`)).toEqual({ status: 1, stdout: '', stderr: `modprobe: FATAL: Module lkm not found in directory ${MOD}\n` });
    // A link that leads nowhere is skipped the same way; the right link (absolute, or relative to the
    // link's directory) works.
    expect(await t.run(`rm ${MOD}/lkm.ko && ln -s /root/gone.ko ${MOD}/extra/gone.ko && ln -s ../../../root/lkm.ko ${MOD}/lkm.ko`)).toMatchObject({ status: 0, stderr: '' });
    expect(await t.run('depmod -a')).toEqual({ status: 0, stdout: '', stderr: 'depmod: ERROR: fstatat(4, gone.ko): No such file or directory\n' });
    expect(await t.run('modprobe -vn lkm')).toEqual({ status: 0, stdout: `insmod ${MOD}/lkm.ko \n`, stderr: '' });
    expect(existsSync(join(t.root, 'root', 'lkm.ko'))).toBe(true);
  });

  it('a link to a directory in the tree is scanned, a link back up is not entered again', async () => {
    const t = await session();
    expect(await t.run(`mkdir /root/mods && ln -s /root/lkm.ko /root/mods/lkm.ko && ln -s /root/mods ${MOD}/linked && ln -s .. ${MOD}/extra/up`)).toMatchObject({ status: 0, stderr: '' });
    expect(await t.run('depmod -a')).toEqual({ status: 0, stdout: '', stderr: '' });
    const dep = readFileSync(join(t.modules, 'modules.dep'), 'utf8').split('\n');
    expect(dep).toContain('linked/lkm.ko:');
    expect(dep.filter((l) => l.includes('up/'))).toEqual([]);
    expect(await t.run('modprobe -vn lkm')).toEqual({ status: 0, stdout: `insmod ${MOD}/linked/lkm.ko \n`, stderr: '' });
  });
});
