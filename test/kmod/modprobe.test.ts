// modprobe over prepared trees with kmod's testsuite-style kernel stand-in (test/kmod/helpers.ts):
// resolution order, dependencies and soft dependencies, configuration, dry runs, removal, messages.
import { describe, expect, it } from 'vitest';
import { ENOENT, EINVAL } from '../../src/kernel/errno.js';
import { MODDIR, exampleTree, shellOver, synth, tree, withKernel, FakeKernel } from './helpers.js';

const P = (m: string) => `${MODDIR}/extra/${m}.ko`;

async function setup(conf: Record<string, string> = {}, cmdline = '') {
  const vfs = exampleTree(conf);
  const k = withKernel(vfs);
  k.cmdline = cmdline;
  const t = shellOver(vfs, k);
  expect((await t.run('depmod')).status).toBe(0);
  return { vfs, k, t };
}

describe('loading', () => {
  it('loads dependencies deepest first, then the module; a second run does nothing', async () => {
    const { k, t } = await setup();
    expect(await t.run('modprobe stack_c')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['stack_a', 'stack_b', 'stack_c']);
    expect(await t.run('modprobe stack-c')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toHaveLength(3);
  });

  it('-v shows the insmod lines as it loads; already loaded modules are skipped', async () => {
    const { k, t } = await setup();
    await t.run('modprobe stack_a');
    expect(await t.run('modprobe -v stack_c')).toEqual({
      status: 0, stdout: `insmod ${P('stack-b')} \ninsmod ${P('stack-c')} \n`, stderr: '',
    });
    expect(k.calls).toEqual(['stack_a', 'stack_b', 'stack_c']);
  });

  it('-n -v prints the insmod lines (trailing space without options) and loads nothing', async () => {
    const { k, t } = await setup();
    expect(await t.run('modprobe -n -v stack_c')).toEqual({
      status: 0, stdout: `insmod ${P('stack-a')} \ninsmod ${P('stack-b')} \ninsmod ${P('stack-c')} \n`, stderr: '',
    });
    expect((await t.run('modprobe -vn hello-params debug=1')).stdout).toBe(`insmod ${P('hello-params')} debug=1\n`);
    expect(k.calls).toEqual([]);
  });

  it('--show-depends lists dependencies even when loaded, and loads nothing', async () => {
    const { k, t } = await setup();
    await t.run('modprobe stack_c');
    expect(await t.run('modprobe --show-depends stack_c')).toEqual({
      status: 0, stdout: `insmod ${P('stack-a')} \ninsmod ${P('stack-b')} \ninsmod ${P('stack-c')} \n`, stderr: '',
    });
    expect((await t.run('modprobe -D hello')).stdout).toBe(`insmod ${P('hello')} \n`);
    expect(k.calls).toHaveLength(3);
  });

  it('--first-time on a loaded module: Module already in kernel', async () => {
    const { t } = await setup();
    await t.run('modprobe hello');
    expect(await t.run('modprobe --first-time hello')).toEqual({
      status: 1, stdout: '', stderr: "modprobe: ERROR: could not insert 'hello': Module already in kernel\n",
    });
  });

  it('not found: FATAL and exit 1; -q is silent but still exits 1; -a warns and goes on', async () => {
    const { k, t } = await setup();
    expect(await t.run('modprobe lk')).toEqual({
      status: 1, stdout: '', stderr: 'modprobe: FATAL: Module lk not found in directory /lib/modules/6.12.0-lkm-wasm\n',
    });
    expect(await t.run('modprobe -q lk')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await t.run('modprobe -a lk hello nope')).toEqual({
      status: 1, stdout: '',
      stderr: 'modprobe: WARNING: Module lk not found in directory /lib/modules/6.12.0-lkm-wasm\n' +
        'modprobe: WARNING: Module nope not found in directory /lib/modules/6.12.0-lkm-wasm\n',
    });
    expect(k.calls).toEqual(['hello']);
    expect(await t.run('modprobe')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: ERROR: missing parameters. See -h.\n' });
    // The seed's `modprobe -l` (module-init-tools' list): kmod has no -l; getopt's line is all it prints.
    expect(await t.run('modprobe -l crc*')).toEqual({ status: 1, stdout: '', stderr: "modprobe: invalid option -- 'l'\n" });
    expect(await t.run('depmod --bogus')).toEqual({ status: 1, stdout: '', stderr: "depmod: unrecognized option '--bogus'\n" });
    expect(await t.run('modinfo -Z')).toEqual({ status: 1, stdout: '', stderr: "modinfo: invalid option -- 'Z'\n" });
  });

  it('kernel errors: kmod reasons', async () => {
    const { k, t } = await setup();
    k.failures.set('hello', ENOENT);
    k.failures.set('stack_a', EINVAL);
    expect((await t.run('modprobe hello')).stderr)
      .toBe("modprobe: ERROR: could not insert 'hello': Unknown symbol in module, or unknown parameter (see dmesg)\n");
    expect(await t.run('modprobe stack_c')).toEqual({
      status: 1, stdout: '', stderr: "modprobe: ERROR: could not insert 'stack_c': Invalid argument\n",
    });
    expect(k.calls).toEqual(['hello', 'stack_a']);
    expect((await t.run('modprobe -q hello')).stderr).toBe('');
  });

  it('a module given as a path (/abs or ./rel) is that file', async () => {
    const { k, t } = await setup();
    expect((await t.run(`modprobe -n -v ${P('stack-b')}`)).stdout).toBe(`insmod ${P('stack-a')} \ninsmod ${P('stack-b')} \n`);
    await t.run(`cd ${MODDIR}/extra`);
    expect(await t.run('modprobe ./hello.ko')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['hello']);
    expect((await t.run('modprobe ./nope.ko')).stderr).toBe('modprobe: FATAL: Failed to get module from path ./nope.ko: No such file or directory\n');
  });

  it('MODPROBE_OPTIONS is prepended to the arguments', async () => {
    const { t } = await setup();
    t.sh.env.set('MODPROBE_OPTIONS', '-n -v');
    expect((await t.run('modprobe hello')).stdout).toBe(`insmod ${P('hello')} \n`);
  });
});

describe('options', () => {
  it('config options, then command-line options for the target only; values with spaces are quoted', async () => {
    // libkmod joins "<config options> <command-line options>": a trailing space when only config options exist.
    const { k, t } = await setup({
      '/etc/modprobe.d/params.conf': 'options hello-params debug=2\toptions_tab=1\noptions stack_a unused=1\noptions hello_params verbose\n',
    });
    expect((await t.run('modprobe -n -v hello_params type=wpa "name=a b"')).stdout)
      .toBe(`insmod ${P('hello-params')} debug=2 options_tab=1 verbose type=wpa name="a b"\n`);
    expect((await t.run('modprobe -n -v stack_b x=1')).stdout).toBe(`insmod ${P('stack-a')} unused=1 \ninsmod ${P('stack-b')} x=1\n`);
    await t.run('modprobe hello_params type=wpa');
    expect(k.calls).toEqual(['hello_params debug=2 options_tab=1 verbose type=wpa']);
  });

  it('kmod testsuite modprobe_param_kcmdline_show_deps: cmdline options are shown, trailing space kept', async () => {
    const { t } = await setup({}, 'hello.foo hello.bar=1');
    expect(await t.run('modprobe --show-depends hello')).toEqual({ status: 0, stdout: `insmod ${P('hello')} foo bar=1 \n`, stderr: '' });
  });

  it('the kernel command line adds options (quoted values kept) and modprobe.blacklist entries', async () => {
    const { t } = await setup({}, 'BOOT_IMAGE=/boot/vmlinuz-6.12.0.x root=/dev/vda1 hello_params.debug=3 hello-params.type="w p a" quiet modprobe.blacklist=a,b modprobe.blacklist=c stack_a.flag');
    expect((await t.run('modprobe -n -v hello_params verbose')).stdout).toBe(`insmod ${P('hello-params')} debug=3 type="w p a" verbose\n`);
    const cfg = (await t.run('modprobe -c')).stdout;
    expect(cfg.split('\n# End of configuration files')[0]).toBe(
      'blacklist a\nblacklist b\nblacklist c\n' +
      'options hello_params debug=3\noptions hello_params type="w p a"\noptions stack_a flag\n');
  });
});

describe('configuration', () => {
  it('-c prints every kind in kmod order, then the indexes', async () => {
    const vfs = tree({
      'kernel/foo.ko': synth('foo', { info: [['license', 'GPL'], ['alias', 'pci:v1234d*'], ['softdep', 'pre: bar']], exports: ['foo_fn'] }),
      'kernel/bar.ko': synth('bar'),
    }, {
      '/etc/modprobe.d/all.conf': 'alias foo* bar\noptions psmouse bar=1\ninstall x /bin/true\nremove y /bin/false\nblacklist floppy\nsoftdep c pre: a b post: d e\nweakdep w q r\n',
    });
    const t = shellOver(vfs, withKernel(vfs));
    await t.run('depmod');
    expect(await t.run('modprobe -c')).toEqual({
      status: 0, stderr: '',
      stdout: 'blacklist floppy\ninstall x /bin/true\nremove y /bin/false\nalias foo* bar\noptions psmouse bar=1\n' +
        'softdep c pre: a b post: d e\nsoftdep foo pre: bar\nweakdep w q r\n' +
        '\n# End of configuration files. Dumping indexes now:\n\n' +
        'alias pci:v1234d* foo\nalias symbol:foo_fn foo\n',
    });
  });

  it('files are sorted by name across directories; the first directory with a name wins; only .conf', async () => {
    const { t } = await setup({
      '/lib/modprobe.d/10-a.conf': 'options hello x=lib\n',
      '/etc/modprobe.d/10-a.conf': 'options hello x=etc\n',
      '/usr/lib/modprobe.d/05-b.conf': 'options hello y=usrlib\n',
      '/run/modprobe.d/20-c.conf': 'options hello z=run\n',
      '/etc/modprobe.d/30-d.txt': 'options hello ignored=1\n',
      '/etc/modprobe.d/.hidden.conf': 'options hello hidden=1\n',
    });
    expect((await t.run('modprobe -n -v hello')).stdout).toBe(`insmod ${P('hello')} y=usrlib x=etc z=run \n`);
  });

  it('bad lines are reported with kmod words and skipped; continuation lines join', async () => {
    const { t } = await setup({
      '/etc/modprobe.d/bad.conf': '# comment\nfrobnicate hello\nalias onlyone\ninclude /etc/other.conf\noptions hello \\\n  a=1\n  blacklist x\noptions\n',
    });
    const r = await t.run('modprobe -n -v hello');
    // Printed by libkmod's default logger: the configuration is read before modprobe hooks the logging
    // (checked against kmod 30; a --enable-debug build adds the level and source position).
    expect(r.stderr).toBe(
      "libkmod: kmod_config_parse: /etc/modprobe.d/bad.conf line 2: ignoring bad line starting with 'frobnicate'\n" +
      "libkmod: kmod_config_parse: /etc/modprobe.d/bad.conf line 3: ignoring bad line starting with 'alias'\n" +
      'libkmod: kmod_config_parse: /etc/modprobe.d/bad.conf: command include is deprecated and not parsed anymore\n' +
      "libkmod: kmod_config_parse: /etc/modprobe.d/bad.conf line 8: ignoring bad line starting with 'options'\n");
    expect(r.stdout).toBe(`insmod ${P('hello')}   a=1 \n`);
    const q = await t.run('modprobe -c -q');
    expect(q.stdout).toMatch(/^blacklist x\n/);
    expect(q.stderr.split('\n')).toHaveLength(5); // -q does not reach libkmod's default logger
  });

  it('-C reads only the given file', async () => {
    const { t } = await setup({ '/etc/modprobe.d/a.conf': 'options hello a=1\n', '/tmp/my.conf': 'options hello b=2\n' });
    expect((await t.run('modprobe -C /tmp/my.conf -n -v hello')).stdout).toBe(`insmod ${P('hello')} b=2 \n`);
  });
});

describe('name resolution', () => {
  it('config aliases (globs, several matches) come first; names normalise - and _', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/a.conf': 'alias my-stack* stack_c\nalias my-st[a-z]ck_x hello\n' });
    expect((await t.run('modprobe -R my_stack_x')).stdout).toBe('stack_c\nhello\n');
    expect((await t.run('modprobe -R hello-legacy')).stdout).toBe('hello_legacy\n');
    await t.run('modprobe my-stack');
    expect(k.calls).toEqual(['stack_a', 'stack_b', 'stack_c']);
  });

  it('alias char-major-10-30 softdog: config and modules.alias patterns resolve device aliases', async () => {
    const vfs = tree({
      'kernel/drivers/watchdog/softdog.ko': synth('softdog', { info: [['license', 'GPL'], ['alias', 'char-major-10-130']] }),
    }, { '/etc/modprobe.d/watchdog.conf': 'alias char-major-10-30 softdog\n' });
    const k = withKernel(vfs);
    const t = shellOver(vfs, k);
    await t.run('depmod');
    expect(await t.run('modprobe char-major-10-30')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('modprobe -R char-major-10-130')).toEqual({ status: 0, stdout: 'softdog\n', stderr: '' });
    expect(k.calls).toEqual(['softdog']);
  });

  it('symbol: aliases come from modules.symbols', async () => {
    const { k, t } = await setup();
    expect((await t.run('modprobe -R symbol:stack_b_twice')).stdout).toBe('stack_b\n');
    await t.run('modprobe symbol:stack_a_add');
    expect(k.calls).toEqual(['stack_a']);
  });

  it('builtins: exit 0, nothing loaded, -R prints the name, -D prints builtin', async () => {
    const vfs = tree({ 'modules.builtin': 'kernel/net/unix/unix.ko\n', 'kernel/a.ko': synth('a') });
    const k = withKernel(vfs);
    const t = shellOver(vfs, k);
    await t.run('depmod');
    expect(await t.run('modprobe unix')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('modprobe -R unix')).toEqual({ status: 0, stdout: 'unix\n', stderr: '' });
    expect(await t.run('modprobe -D unix')).toEqual({ status: 0, stdout: 'builtin unix\n', stderr: '' });
    expect(await t.run('modprobe -r unix')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module unix is builtin.\n' });
    expect(k.calls).toEqual([]);
  });

  it('an alias that points to nothing shows nothing with -D --ignore-install and loads nothing', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/a.conf': 'alias ghost nonexistent_module\n' });
    expect(await t.run('modprobe -D --ignore-install ghost')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual([]);
  });

  it('the text files are enough when modules.lkm.bin is missing', async () => {
    const { vfs, k, t } = await setup();
    await vfs.unlink(`${MODDIR}/modules.lkm.bin`);
    expect((await t.run('modprobe -n -v stack_c')).stdout).toBe(`insmod ${P('stack-a')} \ninsmod ${P('stack-b')} \ninsmod ${P('stack-c')} \n`);
    expect((await t.run('modprobe -R symbol:stack_c_sum')).stdout).toBe('stack_c\n');
    expect(k.calls).toEqual([]);
  });
});

describe('blacklist', () => {
  it('applies to modules reached through an alias only, unless -b', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/bl.conf': 'blacklist hello\nalias greeting hello\n' });
    expect(await t.run('modprobe greeting')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual([]);
    expect(await t.run('modprobe -b hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual([]);
    expect(await t.run('modprobe hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['hello']);
  });

  it('names must match exactly (no partial matches)', async () => {
    const vfs = tree({
      'kernel/pcspkr.ko': synth('pcspkr', { info: [['alias', 'snd:pcspkr']] }),
      'kernel/pcspkr2.ko': synth('pcspkr2', { info: [['alias', 'snd:pcspkr2']] }),
      'kernel/floppy.ko': synth('floppy', { info: [['alias', 'block:floppy']] }),
      'kernel/ext4.ko': synth('ext4', { info: [['alias', 'fs:ext4']] }),
    }, { '/etc/modprobe.d/bl.conf': 'blacklist floppy\nblacklist pcspkr\n' });
    const k = withKernel(vfs);
    const t = shellOver(vfs, k);
    await t.run('depmod');
    await t.run('modprobe -a snd:pcspkr snd:pcspkr2 block:floppy fs:ext4');
    expect(k.calls.sort()).toEqual(['ext4', 'pcspkr2']);
  });
});

describe('soft dependencies and commands', () => {
  it('pre: before, post: after, around dependencies too', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/sd.conf': 'softdep stack_c pre: hello post: hello-legacy\nsoftdep stack_a pre: hello_multi\n' });
    expect((await t.run('modprobe -n -v stack_c')).stdout).toBe([
      'hello-multi', 'stack-a', 'stack-b', 'hello', 'stack-c', 'hello-legacy',
    ].map((m) => `insmod ${P(m)} \n`).join(''));
    await t.run('modprobe stack_c');
    expect(k.calls).toEqual(['hello_multi', 'stack_a', 'stack_b', 'hello', 'stack_c', 'hello_legacy']);
  });

  it('softdep loops terminate and load both modules; errors of soft dependencies are ignored', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/sd.conf': 'softdep hello pre: hello_legacy\nsoftdep hello_legacy pre: hello\nsoftdep stack_a post: nolicense\n' });
    expect(await t.run('modprobe hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['hello_legacy', 'hello']);
    k.failures.set('nolicense', EINVAL);
    expect((await t.run('modprobe stack_a')).status).toBe(0);
  });

  it('weak dependencies are not loaded', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/wd.conf': 'weakdep hello hello_legacy\n' });
    await t.run('modprobe hello');
    expect(k.calls).toEqual(['hello']);
  });

  it('install commands run in the lkm shell with $CMDLINE_OPTS and MODPROBE_MODULE', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/i.conf': 'install hel* echo "installing $MODPROBE_MODULE with" $CMDLINE_OPTS; true\noptions hello a=1\n' });
    expect(await t.run('modprobe hello b=2')).toEqual({ status: 0, stdout: 'installing hello with a=1 b=2\n', stderr: '' });
    expect(k.calls).toEqual([]);
    expect((await t.run('modprobe -n -v hello')).stdout).toBe('install echo "installing $MODPROBE_MODULE with" $CMDLINE_OPTS; true a=1 \n');
    expect(await t.run('modprobe -i hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['hello a=1']);
  });

  it('a failing install command is an error; softdeps take precedence over install', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/i.conf': 'install hello false\ninstall stack_a echo never\nsoftdep stack_a pre: nolicense\n' });
    expect(await t.run('modprobe hello')).toEqual({
      status: 1, stdout: '', stderr: "modprobe: ERROR: Error running install command for hello\nmodprobe: ERROR: could not insert 'hello': Operation not permitted\n",
    });
    expect(await t.run('modprobe stack_a')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['nolicense', 'stack_a']);
  });

  it('install commands that call modprobe again terminate and load both modules', async () => {
    const { k, t } = await setup({
      '/etc/modprobe.d/loop.conf':
        'install hello $MODPROBE --ignore-install hello && /sbin/modprobe hello_legacy\n' +
        'install hello_legacy modprobe --ignore-install hello_legacy && modprobe hello\n',
    });
    expect(await t.run('modprobe hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.calls).toEqual(['hello', 'hello_legacy']);
  });
});

describe('removal (-r)', () => {
  it('removes the module, then one pass over unused dependencies, deepest first (not recursive)', async () => {
    const { k, t } = await setup();
    await t.run('modprobe stack_c');
    expect(await t.run('modprobe -r -v stack_c')).toEqual({ status: 0, stdout: 'rmmod stack_c\nrmmod stack_b\n', stderr: '' });
    expect([...k.loaded.keys()]).toEqual(['stack_a']);
    expect(await t.run('modprobe -r stack_a')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.loaded.size).toBe(0);
  });

  it('a module in use: FATAL with a trailing period; --remove-holders removes the holders first', async () => {
    const { k, t } = await setup();
    await t.run('modprobe stack_c');
    expect(await t.run('modprobe -r stack_a')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module stack_a is in use.\n' });
    expect(await t.run('modprobe -r --remove-holders -v stack_b')).toEqual({ status: 0, stdout: 'rmmod stack_c\nrmmod stack_b\nrmmod stack_a\n', stderr: '' });
    expect(k.loaded.size).toBe(0);
  });

  it('not loaded: nothing, exit 0; with --first-time: FATAL; unknown: FATAL not found', async () => {
    const { t } = await setup();
    expect(await t.run('modprobe -r hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('modprobe -r --first-time hello')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module hello is not in kernel.\n' });
    expect(await t.run('modprobe -r nosuch')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module nosuch not found.\n' });
    expect(await t.run('modprobe -rq nosuch')).toEqual({ status: 1, stdout: '', stderr: '' });
  });

  it('-w waits for the reference count to drop, then gives up with the kernel error', async () => {
    const { k, t } = await setup();
    await t.run('modprobe hello');
    k.loaded.get('hello')!.refs = 1;
    expect(await t.run('modprobe -r hello')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module hello is in use.\n' });
    expect(await t.run('modprobe -r -w 30 hello')).toEqual({ status: 1, stdout: '', stderr: "modprobe: ERROR: could not remove 'hello': Resource temporarily unavailable\n" });
    setTimeout(() => { k.loaded.get('hello')!.refs = 0; }, 20);
    expect(await t.run('modprobe -r -w 5000 hello')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(k.loaded.size).toBe(0);
  });

  it('-r -a removes each name; remove commands run instead of rmmod; -n only shows', async () => {
    const { k, t } = await setup({ '/etc/modprobe.d/r.conf': 'remove hello_legacy echo removing $MODPROBE_MODULE\n' });
    await t.run('modprobe -a hello hello_legacy');
    expect(await t.run('modprobe -r -n hello')).toEqual({ status: 0, stdout: 'rmmod hello\n', stderr: '' });
    expect(k.loaded.size).toBe(2);
    expect(await t.run('modprobe -r -a hello hello_legacy')).toEqual({ status: 0, stdout: 'removing hello_legacy\n', stderr: '' });
    expect([...k.loaded.keys()]).toEqual(['hello_legacy']);
  });
});

describe('queries', () => {
  it('--show-exports by path and by name; --show-modversions fails as for a module without __versions', async () => {
    const { t } = await setup();
    const exp = '0x00000000\tstack_a_calls\n0x00000000\tstack_a_add\n0x00000000\tstack_a_secret\n';
    expect(await t.run(`modprobe --show-exports ${P('stack-a')}`)).toEqual({ status: 0, stdout: exp, stderr: '' });
    expect(await t.run('modprobe --show-exports stack_a')).toEqual({ status: 0, stdout: exp, stderr: '' });
    expect(await t.run(`modprobe --show-modversions ${P('stack-a')}`)).toEqual({
      status: 1, stdout: '', stderr: `modprobe: FATAL: could not get modversions of ${P('stack-a')}: No such file or directory\n`,
    });
    expect(await t.run('modprobe --show-exports nope')).toEqual({ status: 1, stdout: '', stderr: 'modprobe: FATAL: Module nope not found.\n' });
  });

  it('-d and -S select another tree', async () => {
    const vfs = tree({}, { '/img/lib/modules/4.4.4/kernel/mod-simple.ko': synth('mod-simple') });
    const t = shellOver(vfs, withKernel(vfs, new FakeKernel()));
    await t.run('depmod -b /img 4.4.4');
    expect(await t.run('modprobe -d /img -S 4.4.4 --show-depends mod-simple')).toEqual({
      status: 0, stdout: 'insmod /img/lib/modules/4.4.4/kernel/mod-simple.ko \n', stderr: '',
    });
  });
});
