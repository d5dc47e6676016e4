// modprobe.d configuration (modprobe.d(5)) and the module options of the kernel command line, parsed as
// libkmod does: files sorted by basename across the configuration directories (the first directory
// that has a name wins), one command per line, '#' comments, '\' continuations, bad lines reported and
// skipped.

import type { Vfs } from '../vfs/index.js';
import { basename, joinPath } from '../vfs/index.js';
import type { Logger } from './log.js';
import { underscores } from './name.js';

/** The directories of modprobe.d and depmod.d, highest priority first. */
export function configDirs(kind: 'modprobe.d' | 'depmod.d'): string[] {
  return [`/etc/${kind}`, `/run/${kind}`, `/usr/local/lib/${kind}`, `/usr/lib/${kind}`, `/lib/${kind}`];
}

export interface Softdep { name: string; pre: string[]; post: string[]; }

export class ModprobeConfig {
  readonly aliases: { pattern: string; modname: string }[] = [];
  readonly options: { modname: string; options: string }[] = [];
  readonly installs: { modname: string; command: string }[] = [];
  readonly removes: { modname: string; command: string }[] = [];
  readonly blacklist: string[] = [];
  readonly softdeps: Softdep[] = [];
  readonly weakdeps: { name: string; deps: string[] }[] = [];
  /** The files that were read, in order. */
  readonly files: string[] = [];

  isBlacklisted(name: string): boolean {
    return this.blacklist.includes(name);
  }
}

/**
 * The configuration files to read: every `*.conf` (not hidden) of each directory, plus plain files
 * given as paths, plus `extra` files (modules.softdep, modules.weakdep), sorted by basename; a basename
 * already taken by an earlier (higher priority) path is skipped.
 */
export async function listConfigFiles(vfs: Vfs, paths: string[], extra: string[] = []): Promise<string[]> {
  const chosen = new Map<string, string>();
  const add = (full: string) => {
    const b = basename(full);
    if (!chosen.has(b)) chosen.set(b, full);
  };
  for (const p of paths) {
    const st = await vfs.stat(p);
    if (!st) continue;
    if (st.type === 'file') { add(p); continue; }
    let names: string[];
    try { names = await vfs.readdir(p); } catch { continue; }
    for (const n of names) {
      if (n.startsWith('.') || !n.endsWith('.conf') || n.length <= 5) continue;
      const full = joinPath(p, n);
      if ((await vfs.stat(full))?.type === 'file') add(full);
    }
  }
  for (const e of extra) if (await vfs.isFile(e)) add(e);
  return [...chosen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
}

/** freadline_wrapped: logical lines (a trailing '\' joins the next line) with the number of their last line. */
export function* logicalLines(text: string): Generator<{ line: string; lineno: number }> {
  const phys = text.split('\n');
  if (phys[phys.length - 1] === '') phys.pop();
  let acc = '';
  let n = 0;
  for (const raw of phys) {
    n++;
    if (raw.endsWith('\\')) {
      acc += raw.slice(0, -1);
      continue;
    }
    yield { line: acc + raw, lineno: n };
    acc = '';
  }
  if (acc) yield { line: acc, lineno: n };
}

/** strtok_r-style split: the next word, and the rest after the one delimiter that ended it. */
function nextWord(s: string): { word?: string; rest: string } {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  if (i === s.length) return { rest: '' };
  let j = i;
  while (j < s.length && s[j] !== ' ' && s[j] !== '\t') j++;
  return { word: s.slice(i, j), rest: s.slice(j + 1) };
}

const words = (s: string) => s.split(/[ \t]+/).filter(Boolean);

/**
 * Parses one modprobe.d file into `cfg`; bad lines are reported and skipped. libkmod reports them while
 * the context is created, through its default logger (`Logger.libkmodDefault()`).
 */
export function parseModprobeConfig(text: string, filename: string, cfg: ModprobeConfig, log: Logger): void {
  cfg.files.push(filename);
  for (const { line, lineno } of logicalLines(text)) {
    if (line === '' || line[0] === '#') continue;
    const first = nextWord(line);
    const cmd = first.word;
    if (cmd === undefined) continue;
    const a = nextWord(first.rest);
    const bad = () => log.err(`kmod_config_parse: ${filename} line ${lineno}: ignoring bad line starting with '${cmd}'`);
    switch (cmd) {
      case 'alias': {
        const b = nextWord(a.rest);
        const pattern = a.word !== undefined ? underscores(a.word) : undefined;
        const modname = b.word !== undefined ? underscores(b.word) : undefined;
        if (pattern === undefined || modname === undefined) { bad(); break; }
        cfg.aliases.push({ pattern, modname });
        break;
      }
      case 'blacklist': {
        const modname = a.word !== undefined ? underscores(a.word) : undefined;
        if (modname === undefined) { bad(); break; }
        cfg.blacklist.push(modname);
        break;
      }
      case 'options': case 'install': case 'remove': case 'softdep': case 'weakdep': {
        const modname = a.word !== undefined ? underscores(a.word) : undefined;
        const rest = a.rest;
        if (modname === undefined || rest === '') { bad(); break; }
        if (cmd === 'options') cfg.options.push({ modname, options: rest.replace(/\t/g, ' ') });
        else if (cmd === 'install') cfg.installs.push({ modname, command: rest });
        else if (cmd === 'remove') cfg.removes.push({ modname, command: rest });
        else if (cmd === 'softdep') cfg.softdeps.push(parseSoftdep(modname, rest));
        else cfg.weakdeps.push({ name: modname, deps: words(rest) });
        break;
      }
      case 'include': case 'config':
        log.err(`kmod_config_parse: ${filename}: command ${cmd} is deprecated and not parsed anymore`);
        break;
      default:
        bad();
    }
  }
}

/** "pre: a b post: c": words before the first group are ignored; several groups may appear. */
function parseSoftdep(name: string, text: string): Softdep {
  const sd: Softdep = { name, pre: [], post: [] };
  let mode: 'none' | 'pre' | 'post' = 'none';
  for (const w of words(text)) {
    if (w === 'pre:') mode = 'pre';
    else if (w === 'post:') mode = 'post';
    else if (mode === 'pre') sd.pre.push(w);
    else if (mode === 'post') sd.post.push(w);
  }
  return sd;
}

/**
 * Module options on the kernel command line: `mod.param[=value]` adds `options mod param[=value]`,
 * `modprobe.blacklist=a,b` adds blacklist entries. Double quotes group spaces and are kept. A word
 * whose '=' comes before any '.' is not for a module.
 */
export function parseKcmdline(cmdline: string, cfg: ModprobeConfig, log: Logger): void {
  const tokens: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of cmdline.replace(/\n$/, '')) {
    if (c === '"') { quoted = !quoted; cur += c; continue; }
    if (!quoted && (c === ' ' || c === '\n' || c === '\t')) { if (cur) tokens.push(cur); cur = ''; continue; }
    cur += c;
  }
  if (cur) tokens.push(cur);
  for (const tok of tokens) {
    // Find the first '.' and '=' outside quotes.
    let dot = -1;
    let eq = -1;
    let q = false;
    for (let i = 0; i < tok.length; i++) {
      const c = tok[i]!;
      if (c === '"') { q = !q; continue; }
      if (q) continue;
      if (c === '.' && dot < 0) dot = i;
      else if (c === '=' && eq < 0) {
        eq = i;
        if (dot < 0) break;
      }
    }
    if (dot < 0 || (eq >= 0 && eq < dot)) continue;
    const modname = tok.slice(0, dot);
    const param = tok.slice(dot + 1);
    if (!modname || !param) continue;
    if (modname === 'modprobe' && param.startsWith('blacklist=')) {
      for (const b of param.slice('blacklist='.length).split(',')) if (b) cfg.blacklist.push(b);
      continue;
    }
    const norm = underscores(modname);
    if (norm === undefined) {
      log.err(`kmod_config_parse_kcmdline: Ignoring bad option on kernel command line while parsing module name: '${modname}'`);
      continue;
    }
    cfg.options.push({ modname: norm, options: param });
  }
}

/** Loads the whole configuration: the files of `paths` (or the default directories), then the kernel command line. */
export async function loadModprobeConfig(vfs: Vfs, log: Logger, opts: { paths?: string[]; moduleDir?: string; cmdline?: string }): Promise<ModprobeConfig> {
  const cfg = new ModprobeConfig();
  const extra = opts.moduleDir ? [joinPath(opts.moduleDir, 'modules.softdep'), joinPath(opts.moduleDir, 'modules.weakdep')] : [];
  for (const f of await listConfigFiles(vfs, opts.paths ?? configDirs('modprobe.d'), extra)) {
    let text: string;
    try { text = await vfs.readText(f); } catch { continue; }
    parseModprobeConfig(text, f, cfg, log);
  }
  if (opts.cmdline !== undefined) parseKcmdline(opts.cmdline, cfg, log);
  return cfg;
}

/** `modprobe -c`: the configuration, one kind after the other. */
export function showConfig(cfg: ModprobeConfig): string {
  let out = '';
  for (const b of cfg.blacklist) out += `blacklist ${b}\n`;
  for (const c of cfg.installs) out += `install ${c.modname} ${c.command}\n`;
  for (const c of cfg.removes) out += `remove ${c.modname} ${c.command}\n`;
  for (const a of cfg.aliases) out += `alias ${a.pattern} ${a.modname}\n`;
  for (const o of cfg.options) out += `options ${o.modname} ${o.options}\n`;
  for (const s of cfg.softdeps) {
    out += `softdep ${s.name}`;
    if (s.pre.length) out += ` pre:${s.pre.map((p) => ` ${p}`).join('')}`;
    if (s.post.length) out += ` post:${s.post.map((p) => ` ${p}`).join('')}`;
    out += '\n';
  }
  for (const w of cfg.weakdeps) out += `weakdep ${w.name}${w.deps.map((d) => ` ${d}`).join('')}\n`;
  return out;
}
