// `mknod` and `ls -l` for the lkm shell, with coreutils' messages and column layout.

import { KernelError, strerror, EOPNOTSUPP } from '../kernel/errno.js';
import type { Stat } from '../vfs/backing.js';
import { FsError } from '../vfs/errors.js';
import { permBits } from './commands/common.js';
import { modeText } from './commands/mode.js';

/** What the commands need of the shell (Shell implements it). */
export interface NodeShell {
  kernel: { mknod(path: string, major: number, minor: number, mode?: number, type?: 'c' | 'b'): unknown };
  fs: { stat(path: string): Promise<Stat | undefined>; readdir(path: string): Promise<string[]> };
  resolve(path: string): string;
}

export interface NodeIo { stdout(text: string): void; stderr(text: string): void; }

const TRY = (prog: string) => `Try '${prog} --help' for more information.\n`;

/** coreutils' quote(): 'name' (shell-quoted when it has a quote or a special character). */
function quote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** xstrtoumax with base 0, as mknod parses device numbers: decimal, 0x hex, 0 octal. */
function parseNumber(s: string): number | undefined {
  const m = /^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const t = m[1]!;
  const v = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : t.length > 1 && t[0] === '0' ? parseInt(t.slice(1), 8) : Number(t);
  return Number.isSafeInteger(v) ? v : undefined;
}

/** mode_compile + mode_adjust for `-m`: octal, or symbolic clauses ("u=rw,go=r", "a+w") from 0666 … as mknod does. */
export function parseMode(spec: string, base = 0o666): number | undefined {
  if (/^[0-7]+$/.test(spec)) {
    const v = parseInt(spec, 8);
    return v > 0o7777 ? undefined : v;
  }
  let mode = base;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] || 'a';
    let mask = 0;
    for (const w of who) mask |= w === 'u' ? 0o4700 : w === 'g' ? 0o2070 : w === 'o' ? 0o1007 : 0o7777;
    let bits = 0;
    for (const p of m[3]!) bits |= p === 'r' ? 0o444 : p === 'w' ? 0o222 : p === 'x' || p === 'X' ? 0o111 : p === 's' ? 0o6000 : 0o1000;
    bits &= mask;
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else mode = (mode & ~(mask & 0o777 | (mask & 0o7000))) | bits;
  }
  return mode & 0o7777;
}

/** mknod [-m MODE] NAME TYPE [MAJOR MINOR] (coreutils 9): character and block nodes under /dev (devtmpfs). */
export async function mknodCommand(argv: string[], io: NodeIo, sh: NodeShell): Promise<number> {
  const prog = 'mknod';
  let modeSpec: string | undefined;
  const ops: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { ops.push(...args.slice(i + 1)); break; }
    if (a === '-m' || a === '--mode') {
      if (i + 1 >= args.length) { io.stderr(`${prog}: option requires an argument -- 'm'\n${TRY(prog)}`); return 1; }
      modeSpec = args[++i];
    } else if (a.startsWith('--mode=')) modeSpec = a.slice('--mode='.length);
    else if (a.startsWith('-m')) modeSpec = a.slice(2);
    else if (a === '--help') {
      io.stdout(`Usage: mknod [OPTION]... NAME TYPE [MAJOR MINOR]\nCreate the special file NAME of the given TYPE.\n\n` +
        `  -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask\n\n` +
        `Both MAJOR and MINOR must be specified when TYPE is b, c, or u, and they\nmust be omitted when TYPE is p.\n` +
        `TYPE may be:\n  b      create a block (buffered) special file\n  c, u   create a character (unbuffered) special file\n  p      create a FIFO\n`);
      return 0;
    } else if (a.startsWith('-') && a.length > 1) {
      io.stderr(a.startsWith('--') ? `${prog}: unrecognized option '${a}'\n${TRY(prog)}` : `${prog}: invalid option -- '${a[1]}'\n${TRY(prog)}`);
      return 1;
    } else ops.push(a);
  }
  // umask 022: a=rw - umask is 0644 (the mode given with -m is used as is).
  let mode = 0o644;
  if (modeSpec !== undefined) {
    const m = parseMode(modeSpec);
    if (m === undefined) { io.stderr(`${prog}: invalid mode\n`); return 1; }
    mode = m;
  }
  const expected = ops.length >= 2 && ops[1] === 'p' ? 2 : 4;
  if (ops.length < expected) {
    io.stderr(ops.length === 0 ? `${prog}: missing operand\n` : `${prog}: missing operand after ${quote(ops[ops.length - 1]!)}\n`);
    if (ops.length >= 2 && expected === 4) io.stderr('Special files require major and minor device numbers.\n');
    io.stderr(TRY(prog));
    return 1;
  }
  if (ops.length > expected) {
    io.stderr(`${prog}: extra operand ${quote(ops[expected]!)}\n`);
    if (expected === 2) io.stderr('Fifos do not have major and minor device numbers.\n');
    io.stderr(TRY(prog));
    return 1;
  }
  const [name, type, maj, min] = ops as [string, string, string?, string?];
  if (!['b', 'c', 'u', 'p'].includes(type)) { io.stderr(`${prog}: invalid device type ${quote(type)}\n${TRY(prog)}`); return 1; }
  const path = sh.resolve(name);
  if (type === 'p') {
    // This kernel's devtmpfs holds device nodes only.
    io.stderr(`${prog}: ${name}: ${strerror(EOPNOTSUPP)}\n`);
    return 1;
  }
  const major = parseNumber(maj!);
  if (major === undefined || major >= 4096) { io.stderr(`${prog}: invalid major device number ${quote(maj!)}\n`); return 1; }
  const minor = parseNumber(min!);
  if (minor === undefined || minor >= 1 << 20) { io.stderr(`${prog}: invalid minor device number ${quote(min!)}\n`); return 1; }
  try {
    if (!path.startsWith('/dev/')) {
      // Device nodes live in devtmpfs; elsewhere: an existing file is EEXIST, else the emulated file systems refuse.
      throw new KernelError((await sh.fs.stat(path)) ? 17 : 1);
    }
    await sh.kernel.mknod(path, major, minor, mode, type === 'b' ? 'b' : 'c');
  } catch (e) {
    if (!(e instanceof KernelError) && !(e instanceof FsError)) throw e;
    io.stderr(`${prog}: ${name}: ${strerror(e.errno)}\n`);
    return 1;
  }
  return 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = (365.2425 * 24 * 3600 * 1000) / 2;

/** ls's default time style: "Nov 22 01:14" within six months of now, else "Nov 22  2025". */
export function lsTime(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const day = String(d.getDate()).padStart(2);
  const recent = ms > now - SIX_MONTHS_MS && ms <= now + 60_000;
  const tail = recent ? `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}` : ` ${d.getFullYear()}`;
  return `${MONTHS[d.getMonth()]} ${day} ${tail}`;
}

/** The names ls lists of a directory, sorted: dot files only with -a (then with . and ..) or -A. */
export function listedNames(names: string[], flags: Set<string>): string[] {
  const all = flags.has('a') ? ['.', '..', ...names] : flags.has('A') ? names : names.filter((n) => !n.startsWith('.'));
  return all.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** An ls -l entry; `target`: a link's text (shown as "name -> target"). */
export interface LongEntry { name: string; st: Stat; target?: string; }

/** What ls needs of the file system. */
export interface LsFs {
  stat(path: string): Promise<Stat | undefined>;
  lstat(path: string): Promise<Stat | undefined>;
  readlink(path: string): Promise<string>;
}

/**
 * The stat ls shows for an operand: with -l a link itself; without, what it leads to when that is a
 * directory (to list it), else the link (a dangling one or a loop too, as coreutils' lstat fallback).
 * Undefined when nothing is there; ELOOP and other errors of a path on the way are thrown.
 */
export async function lsOperand(fs: LsFs, path: string, long: boolean): Promise<{ st: Stat; target?: string } | undefined> {
  const lst = await fs.lstat(path);
  if (lst?.type !== 'symlink') return lst && { st: lst };
  const target = await fs.readlink(path);
  if (long) return { st: lst, target };
  const st = await fs.stat(path).catch(() => undefined);
  return st?.type === 'dir' ? { st } : { st: lst, target };
}

/** ls -l entries of a directory's names: links as themselves with their targets (entries gone meanwhile are left out). */
export async function longEntries(fs: LsFs, dir: string, names: string[]): Promise<LongEntry[]> {
  const all = await Promise.all(names.map(async (name) => {
    const p = `${dir === '/' ? '' : dir}/${name}`;
    const st = await fs.lstat(p).catch(() => undefined);
    const target = st?.type === 'symlink' ? await fs.readlink(p).catch(() => '') : undefined;
    return st && { name, st, ...(target !== undefined ? { target } : {}) };
  }));
  return all.filter((e): e is LongEntry => e !== undefined);
}

/**
 * ls -l lines in coreutils' layout: type and permissions, links, owner, group, size (or "MAJOR, MINOR"
 * for a device, the two numbers right-aligned in their own columns), time, name; every column as wide
 * as its widest entry.
 */
export function longLines(entries: LongEntry[], now = Date.now()): string[] {
  const rows = entries.map(({ name, st, target }) => {
    const d = st.rdev;
    const type = d ? d.type : st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
    // A link's permissions are always rwxrwxrwx on Linux; its size is the length of its target text.
    const perm = modeText(permBits(st));
    const links = String(st.nlink ?? (st.type === 'dir' ? 2 : 1));
    const shown = st.type === 'symlink' && target !== undefined ? `${name} -> ${target}` : name;
    return { name: shown, type, perm, links, size: d ? undefined : String(st.size), maj: d ? String(d.major) : '', min: d ? String(d.minor) : '', time: lsTime(st.mtimeMs, now) };
  });
  const w = (f: (r: (typeof rows)[number]) => string) => Math.max(0, ...rows.map((r) => f(r).length));
  const majW = w((r) => r.maj);
  const minW = w((r) => r.min);
  const devW = rows.some((r) => r.size === undefined) ? majW + 2 + minW : 0;
  const sizeW = Math.max(devW, w((r) => r.size ?? ''));
  const linkW = w((r) => r.links);
  return rows.map((r) => {
    const size = r.size ?? `${r.maj.padStart(majW)}, ${r.min.padStart(minW)}`;
    return `${r.type}${r.perm} ${r.links.padStart(linkW)} root root ${size.padStart(sizeW)} ${r.time} ${r.name}`;
  });
}

/** ls -l's "total": 1 KiB blocks of the listed files (4 KiB blocks, as a disk file system allocates them). */
export function totalBlocks(entries: LongEntry[]): number {
  return entries.reduce((n, { st }) => n + (st.type === 'file' && !st.rdev ? Math.ceil(st.size / 4096) * 4 : st.type === 'dir' ? 4 : 0), 0);
}
