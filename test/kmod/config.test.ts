// Unit behaviour of libkmod's pieces: names, patterns, modprobe.d parsing, the kernel command line.
import { describe, expect, it } from 'vitest';
import { ModprobeConfig, listConfigFiles, parseKcmdline, parseModprobeConfig, showConfig } from '../../src/kmod/config.js';
import { Logger, Prio } from '../../src/kmod/log.js';
import { fnmatch, modnameNormalize, pathToModname, underscores } from '../../src/kmod/name.js';
import { MemoryBacking, Vfs } from '../../src/vfs/index.js';

const logger = () => {
  let out = '';
  return { log: new Logger('modprobe', Prio.WARNING, (t) => { out += t; }).libkmodDefault(), out: () => out };
};

describe('names', () => {
  it('normalise - to _ and cut at the first dot', () => {
    expect(modnameNormalize('snd-hda-intel')).toBe('snd_hda_intel');
    expect(modnameNormalize('iTCO_wdt')).toBe('iTCO_wdt');
    const long = 'a'.repeat(200);
    expect(modnameNormalize(long)).toBe(long);
    expect(pathToModname('/lib/modules/x/kernel/fs/ext4/ext4.ko.xz')).toBe('ext4');
    expect(pathToModname('stack-a.ko')).toBe('stack_a');
  });

  it('patterns keep [...] classes as written; unbalanced brackets are invalid', () => {
    expect(underscores('pci:v-d[a-f]-x')).toBe('pci:v_d[a-f]_x');
    expect(underscores('a[b')).toBeUndefined();
    expect(underscores('a]b')).toBeUndefined();
  });

  it('fnmatch: *, ?, classes, negation, escapes', () => {
    expect(fnmatch('pci:v00008086d*sv*sd*bc*sc*i*', 'pci:v00008086d00001234sv00000000sd00000000bc03sc00i00')).toBe(true);
    expect(fnmatch('char_major_10_*', 'char_major_10_130')).toBe(true);
    expect(fnmatch('snd_?cm', 'snd_pcm')).toBe(true);
    expect(fnmatch('[!a]bc', 'abc')).toBe(false);
    expect(fnmatch('[a-c]x', 'bx')).toBe(true);
    expect(fnmatch('a\\*', 'a*')).toBe(true);
    expect(fnmatch('a\\*', 'ab')).toBe(false);
    expect(fnmatch('a.b', 'axb')).toBe(false);
    expect(fnmatch('[', '[')).toBe(true);
  });
});

describe('modprobe.d parsing', () => {
  it('softdep: several groups, words before the first group ignored; only the first matching line is used later', () => {
    const cfg = new ModprobeConfig();
    const { log, out } = logger();
    parseModprobeConfig('softdep foo x pre: a b post: c pre: d\nsoftdep foo pre: e\n', '/etc/modprobe.d/s.conf', cfg, log);
    expect(cfg.softdeps).toEqual([{ name: 'foo', pre: ['a', 'b', 'd'], post: ['c'] }, { name: 'foo', pre: ['e'], post: [] }]);
    expect(showConfig(cfg)).toBe('softdep foo pre: a b d post: c\nsoftdep foo pre: e\n');
    expect(out()).toBe('');
  });

  it('option text keeps everything after the name (tabs become spaces); a missing part is a bad line', () => {
    const cfg = new ModprobeConfig();
    const { log, out } = logger();
    parseModprobeConfig('options m a=1\tb="x y"\ninstall m /bin/echo\t$CMDLINE_OPTS\nremove\nblacklist\nalias a\n   # indented comment\n\n', '/c.conf', cfg, log);
    expect(cfg.options).toEqual([{ modname: 'm', options: 'a=1 b="x y"' }]);
    expect(cfg.installs).toEqual([{ modname: 'm', command: '/bin/echo\t$CMDLINE_OPTS' }]);
    expect(out()).toBe(
      "libkmod: kmod_config_parse: /c.conf line 3: ignoring bad line starting with 'remove'\n" +
      "libkmod: kmod_config_parse: /c.conf line 4: ignoring bad line starting with 'blacklist'\n" +
      "libkmod: kmod_config_parse: /c.conf line 5: ignoring bad line starting with 'alias'\n" +
      "libkmod: kmod_config_parse: /c.conf line 6: ignoring bad line starting with '#'\n");
  });

  it('files: by basename across directories, first directory wins, modules.softdep in the same sort', async () => {
    const vfs = new Vfs(new MemoryBacking({
      '/etc/modprobe.d/b.conf': '', '/lib/modprobe.d/b.conf': '', '/lib/modprobe.d/a.conf': '', '/run/modprobe.d/z.conf': '',
      '/usr/local/lib/modprobe.d/c.conf': '', '/usr/lib/modprobe.d/.h.conf': '', '/usr/lib/modprobe.d/x.con': '',
      '/lib/modules/r/modules.softdep': '', '/lib/modules/r/modules.weakdep': '',
    }));
    expect(await listConfigFiles(vfs, ['/etc/modprobe.d', '/run/modprobe.d', '/usr/local/lib/modprobe.d', '/usr/lib/modprobe.d', '/lib/modprobe.d'],
      ['/lib/modules/r/modules.softdep', '/lib/modules/r/modules.weakdep'])).toEqual([
      '/lib/modprobe.d/a.conf', '/etc/modprobe.d/b.conf', '/usr/local/lib/modprobe.d/c.conf',
      '/lib/modules/r/modules.softdep', '/lib/modules/r/modules.weakdep', '/run/modprobe.d/z.conf',
    ]);
  });
});

describe('kernel command line', () => {
  const parse = (line: string) => {
    const cfg = new ModprobeConfig();
    const { log, out } = logger();
    parseKcmdline(line, cfg, log);
    return { text: showConfig(cfg), err: out() };
  };

  it('mod.param=value and bare mod.param become options', () => {
    expect(parse('psmouse.foo psmouse.bar=1 quiet').text).toBe('options psmouse foo\noptions psmouse bar=1\n');
  });

  it('quoted values keep their quotes and spaces; quotes hide dots and spaces', () => {
    expect(parse('psmouse.foobar="test 1" "a.b=c d" x."y.z"=1').text).toBe('options psmouse foobar="test 1"\noptions x "y.z"=1\n');
  });

  it('words whose = comes first, or without a dot, are not module options; dots in values are fine', () => {
    expect(parse('BOOT_IMAGE=/boot/vmlinuz-6.1.0.x root=UUID=1.2 ro psmouse.rate=1.5 nodot=1').text).toBe('options psmouse rate=1.5\n');
  });

  it('modprobe.blacklist= lists (several) become blacklist entries', () => {
    expect(parse('modprobe.blacklist=foo,bar modprobe.blacklist=baz').text).toBe('blacklist foo\nblacklist bar\nblacklist baz\n');
  });

  it('a bad module name is reported', () => {
    expect(parse('a[b.c=1').err).toBe("libkmod: kmod_config_parse_kcmdline: Ignoring bad option on kernel command line while parsing module name: 'a[b'\n");
  });
});
