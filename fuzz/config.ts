// Target: the modprobe.d and depmod.d parsers (src/kmod/config.ts, src/kmod/depmod.ts) and the module
// options of the kernel command line, on generated files. No exception; every message is one of
// kmod's; what modprobe -c prints of a parsed file parses to the same configuration again.

import fc from 'fast-check';
import { ModprobeConfig, parseKcmdline, parseModprobeConfig, showConfig } from '../src/kmod/config.js';
import { loadDepmodConfig } from '../src/kmod/depmod.js';
import { Logger, Prio } from '../src/kmod/log.js';
import { MemoryBacking, Vfs } from '../src/vfs/index.js';
import type { Tally } from './tally.js';

const WORDS = ['alias', 'options', 'install', 'remove', 'blacklist', 'softdep', 'weakdep', 'include', 'config',
  'search', 'override', 'external', 'exclude', 'make_map_files', 'built-in', 'updates', 'extra', '*', '6.12.0-lkm-wasm',
  'pre:', 'post:', 'hello', 'hello-params', 'a_b', 'pci:v*d*', '[ab]-c', '[', ']', 'x=1', 'p="a b"', '"', '#', '#x',
  '\\', '(', ')+', '.*', '?', 'é'];
const SEP = [' ', ' ', '\t', '  '];

const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
/** A line: words with separators after each, maybe indented. */
const line = fc.tuple(fc.constantFrom('', ' ', '\t'), fc.array(fc.tuple(word, fc.constantFrom(...SEP)), { maxLength: 6 }))
  .map(([lead, parts]) => lead + parts.map(([w, sep]) => w + sep).join(''));

export const configFile = fc.array(line, { maxLength: 10 }).chain((lines) => fc.constantFrom('\n', '\\\n').map((end) => lines.join('\n') + (lines.length ? end : '')));

const MODPROBE_MESSAGE = /^modprobe: ERROR: kmod_config_parse(_kcmdline)?: .*(ignoring bad line starting with '.*'|is deprecated and not parsed anymore|Ignoring bad option on kernel command line while parsing module name: '.*')$/s;
const DEPMOD_MESSAGE = /^depmod: (ERROR|INFO): \/etc\/depmod\.d\/fuzz\.conf:\d+: (ignoring bad line starting with '.*'|override kernel did not match .*|external directory did not match .*|command \S+ not implemented yet)$/s;

function logger(prog: string, lines: string[]): Logger {
  return new Logger(prog, Prio.DEBUG, (t) => { lines.push(t.replace(/\n$/, '')); });
}

function checkMessages(lines: string[], re: RegExp): void {
  for (const l of lines) if (!re.test(l)) throw new Error(`not a kmod message: ${JSON.stringify(l)}`);
}

export function modprobeConfigProperty(tally: Tally) {
  return fc.property(configFile, fc.string({ maxLength: 30 }), (text, cmdline) => {
    const lines: string[] = [];
    const cfg = new ModprobeConfig();
    parseModprobeConfig(text, '/etc/modprobe.d/fuzz.conf', cfg, logger('modprobe', lines));
    const shown = showConfig(cfg);
    const again = new ModprobeConfig();
    parseModprobeConfig(shown, '-c', again, logger('modprobe', lines));
    // A softdep or weakdep without modules prints as a line kmod's parser rejects, and a word ending in
    // '\' as a continuation: kmod's modprobe -c does the same.
    const parsable = shown.replace(/^(softdep|weakdep) \S+\n/gm, '');
    if (!/\\\n/.test(shown) && showConfig(again) !== parsable) throw new Error(`modprobe -c does not parse back: ${JSON.stringify(shown)}`);
    parseKcmdline(cmdline, cfg, logger('modprobe', lines));
    showConfig(cfg);
    checkMessages(lines, MODPROBE_MESSAGE);
    tally.add(lines.length ? 'bad lines reported' : 'clean');
  });
}

export function depmodConfigProperty(tally: Tally) {
  return fc.asyncProperty(configFile, async (text) => {
    const vfs = new Vfs(new MemoryBacking({ '/etc/depmod.d/fuzz.conf': text }));
    const lines: string[] = [];
    const cfg = await loadDepmodConfig(vfs, logger('depmod', lines), '6.12.0-lkm-wasm', ['/etc/depmod.d']);
    if (!cfg.searches.includes('')) throw new Error('the search list lost built-in');
    checkMessages(lines, DEPMOD_MESSAGE);
    tally.add(lines.length ? 'bad lines reported' : 'clean');
  });
}
