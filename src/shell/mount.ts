// mount, umount and mkdir for the lkm shell, with util-linux 2.38's and coreutils' messages and exit
// statuses (mount/umount: 32 for a failed mount or umount, 1 for bad usage; mkdir: 1).

import type { KernelApi } from '../api/api.js';
import { KernelError, strerror, EACCES, EBUSY, EINVAL, EIO, ENODEV, ENOENT, ENOTBLK, ENOTDIR, ENXIO, EPERM, EROFS } from '../kernel/errno.js';
import { MNT_DETACH, MNT_FORCE, MS } from '../kernel/mounts.js';
import { FsError } from '../vfs/errors.js';
import type { Stat } from '../vfs/backing.js';
import { isWithin } from '../vfs/path.js';

/** What the commands need of the shell (Shell implements it). */
export interface MountShell {
  kernel: KernelApi;
  fs: {
    stat(path: string): Promise<Stat | undefined>;
    mkdir(path: string): Promise<void>;
  };
  cwd: string;
  resolve(path: string): string;
}

export interface MountIo { stdout(text: string): void; stderr(text: string): void; }

/** util-linux's exit statuses. */
const EX_USAGE = 1, EX_FAIL = 32;

/** mount(8)'s -o words that are mount(2) flags: [set, clear]. Anything else is passed as data. */
const FLAG_OPTIONS: Record<string, [number, number]> = {
  ro: [MS.RDONLY, 0], rw: [0, MS.RDONLY], nosuid: [MS.NOSUID, 0], suid: [0, MS.NOSUID],
  nodev: [MS.NODEV, 0], dev: [0, MS.NODEV], noexec: [MS.NOEXEC, 0], exec: [0, MS.NOEXEC],
  sync: [MS.SYNCHRONOUS, 0], async: [0, MS.SYNCHRONOUS], dirsync: [MS.DIRSYNC, 0],
  noatime: [MS.NOATIME, 0], atime: [0, MS.NOATIME], nodiratime: [MS.NODIRATIME, 0], diratime: [0, MS.NODIRATIME],
  relatime: [MS.RELATIME, 0], norelatime: [0, MS.RELATIME], strictatime: [MS.STRICTATIME, 0],
  nostrictatime: [0, MS.STRICTATIME], lazytime: [MS.LAZYTIME, 0], nolazytime: [0, MS.LAZYTIME],
  mand: [MS.MANDLOCK, 0], nomand: [0, MS.MANDLOCK], silent: [MS.SILENT, 0], loud: [0, MS.SILENT],
  nosymfollow: [MS.NOSYMFOLLOW, 0], symfollow: [0, MS.NOSYMFOLLOW], defaults: [0, 0],
  remount: [MS.REMOUNT, 0], bind: [MS.BIND, 0], rbind: [MS.BIND | MS.REC, 0], move: [MS.MOVE, 0],
};

/** Options only mount(8) itself looks at: never given to the kernel. */
const USERSPACE_OPTIONS = new Set(['auto', 'noauto', 'user', 'nouser', 'users', 'owner', 'group', 'nofail', '_netdev', 'loop']);

/** Splits -o options into mount(2) flags and the data string. */
export function parseMountOptions(opts: string[]): { flags: number; data: string } {
  let flags = 0;
  const data: string[] = [];
  for (const o of opts.join(',').split(',')) {
    if (!o) continue;
    const f = FLAG_OPTIONS[o];
    if (f) flags = (flags | f[0]) & ~f[1];
    else if (!USERSPACE_OPTIONS.has(o) && !o.startsWith('x-') && !o.startsWith('comment=')) data.push(o);
  }
  return { flags, data: data.join(',') };
}

/** /proc/mounts fields are escaped (" \t\n\\" as \ooo); mount(8) prints them plain. */
const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

export interface MountLine { source: string; target: string; fstype: string; options: string }

export function parseProcMounts(text: string): MountLine[] {
  return text.split('\n').filter(Boolean).map((l) => {
    const [source = '', target = '', fstype = '', options = ''] = l.split(' ');
    return { source: unescape(source), target: unescape(target), fstype, options };
  });
}

/** `-t` patterns: "a,b" selects types, "noa,nob" (every entry "no…") excludes them (mnt_match_fstype()). */
function typeMatches(pattern: string, type: string): boolean {
  const items = pattern.split(',').filter(Boolean);
  const negated = items.length > 0 && items.every((i) => i.startsWith('no'));
  return negated ? !items.some((i) => i.slice(2) === type) : items.includes(type);
}

function errnoOf(e: unknown): number | undefined {
  if (e instanceof KernelError || e instanceof FsError) return e.errno;
  return undefined;
}

function getopt(prog: string, argv: string[], spec: { flags: string; withArg: string; long: Record<string, string> }, io: MountIo):
  { opts: [string, string][]; args: string[] } | undefined {
  const opts: [string, string][] = [];
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { args.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const short = spec.long[name];
      if (short === undefined) {
        io.stderr(`${prog}: unrecognized option '${a}'\nTry '${prog} --help' for more information.\n`);
        return undefined;
      }
      if (spec.withArg.includes(short)) {
        const v = value ?? argv[++i];
        if (v === undefined) {
          io.stderr(`${prog}: option '--${name}' requires an argument\nTry '${prog} --help' for more information.\n`);
          return undefined;
        }
        opts.push([short, v]);
      } else opts.push([short, '']);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (spec.withArg.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) {
            io.stderr(`${prog}: option requires an argument -- '${c}'\nTry '${prog} --help' for more information.\n`);
            return undefined;
          }
          opts.push([c, v]);
          break;
        }
        if (!spec.flags.includes(c)) {
          io.stderr(`${prog}: invalid option -- '${c}'\nTry '${prog} --help' for more information.\n`);
          return undefined;
        }
        opts.push([c, '']);
      }
      continue;
    }
    args.push(a);
  }
  return { opts, args };
}

/** libmount's text for a failed mount(2) (mnt_context_get_mount_excode()). */
async function mountFailure(errno: number, sh: MountShell, src: string, tgt: string, fstype: string, flags: number): Promise<string> {
  const st = (p: string) => sh.fs.stat(sh.resolve(p)).catch(() => undefined);
  switch (errno) {
    case EPERM:
      return (await st(tgt))?.type !== 'dir' ? 'mount point is not a directory' : 'permission denied';
    case EBUSY:
      if (flags & MS.REMOUNT) return 'mount point is busy';
      return `${src} already mounted or mount point busy`;
    case ENOENT:
      if (!(await st(tgt))) return 'mount point does not exist';
      if (src && !(await st(src))) return `special device ${src} does not exist`;
      break;
    case ENOTDIR:
      if ((await st(tgt))?.type !== 'dir') return 'mount point is not a directory';
      break;
    case EINVAL:
      if (flags & MS.REMOUNT) return 'mount point not mounted or bad option';
      return `wrong fs type, bad option, bad superblock on ${src}, missing codepage or helper program, or other error`;
    case ENODEV:
      return fstype ? `unknown filesystem type '${fstype}'` : 'unknown filesystem type';
    case ENOTBLK: {
      const s = await st(src);
      if (!s) return `${src} is not a block device, and stat(2) fails?`;
      return s.type === 'file' && !s.rdev ? `${src} is not a block device; try "-o loop"` : `${src} is not a block device`;
    }
    case EACCES: case EROFS:
      if (flags & MS.RDONLY) return `cannot mount ${src} read-only`;
      break;
  }
  return `mount(2) system call failed: ${strerror(errno)}`;
}

const MOUNT_SPEC = {
  flags: 'lhVnrwvaf', withArg: 'tosO',
  long: {
    types: 't', options: 'o', 'read-only': 'r', rw: 'w', 'read-write': 'w', verbose: 'v', 'no-mtab': 'n',
    help: 'h', version: 'V', source: 's', target: 'T', all: 'a', fake: 'f', 'show-labels': 'l',
  } as Record<string, string>,
};

/** mount [-t TYPE] [-o OPTS] [-r|-w] [-v] SOURCE DIR; mount [-t TYPE] lists the mounts (util-linux 2.38). */
export async function mountCommand(argv: string[], io: MountIo, sh: MountShell): Promise<number> {
  const prog = 'mount';
  const parsed = getopt(prog, argv.slice(1), MOUNT_SPEC, io);
  if (!parsed) return EX_USAGE;
  let fstype = '';
  const options: string[] = [];
  let verbose = false;
  let fake = false;
  for (const [o, v] of parsed.opts) {
    if (o === 't') fstype = v;
    else if (o === 'o') options.push(v);
    else if (o === 'r') options.push('ro');
    else if (o === 'w') options.push('rw');
    else if (o === 'v') verbose = true;
    else if (o === 'f') fake = true;
    else if (o === 'h') {
      io.stdout('\nUsage:\n mount [-lhV]\n mount -a [options]\n mount [options] [--source] <source> | [--target] <directory>\n' +
        ' mount [options] <source> <directory>\n mount <operation> <mountpoint> [<target>]\n\nMount a filesystem.\n');
      return 0;
    } else if (o === 'V') {
      io.stdout('mount from util-linux 2.38.1 (lkm-wasm shell)\n');
      return 0;
    } else if (o === 'a') {
      // There is no /etc/fstab to mount from.
      return 0;
    }
  }
  const args = parsed.args;
  if (args.length === 0) {
    // mount [-t TYPE]: the mount table, as "SOURCE on DIR type TYPE (OPTIONS)".
    const lines = parseProcMounts(await sh.kernel.readFile('/proc/self/mounts'));
    for (const m of lines) {
      if (fstype && !typeMatches(fstype, m.fstype)) continue;
      io.stdout(`${m.source} on ${m.target} type ${m.fstype} (${m.options})\n`);
    }
    return 0;
  }
  if (args.length === 1) {
    io.stderr(`${prog}: ${args[0]}: can't find in /etc/fstab.\n`);
    return EX_USAGE;
  }
  if (args.length > 2) {
    io.stderr(`${prog}: bad usage\nTry '${prog} --help' for more information.\n`);
    return EX_USAGE;
  }
  const [src, tgt] = args as [string, string];
  const target = sh.resolve(tgt);
  // Messages name the mount point as mount(8) canonicalised it (the path as given when it does not exist).
  const shown = (await sh.fs.stat(target).catch(() => undefined)) ? target : tgt;
  const { flags, data } = parseMountOptions(options);
  if (!fstype) {
    // No type given: mount(8) would probe the source for one; there are no block devices to probe.
    const exists = await sh.fs.stat(sh.resolve(src)).catch(() => undefined);
    io.stderr(`${prog}: ${shown}: ${exists ? `wrong fs type, bad option, bad superblock on ${src}, missing codepage or helper program, or other error` : `special device ${src} does not exist`}.\n`);
    io.stderr('       dmesg(1) may have more information after failed mount system call.\n');
    return EX_FAIL;
  }
  if (fake) return 0;
  try {
    await sh.kernel.mount(src, target, fstype, flags, data);
  } catch (e) {
    const errno = errnoOf(e);
    if (errno === undefined) throw e;
    io.stderr(`${prog}: ${shown}: ${await mountFailure(errno, sh, src, tgt, fstype, flags)}.\n`);
    io.stderr('       dmesg(1) may have more information after failed mount system call.\n');
    return EX_FAIL;
  }
  if (verbose) io.stdout(`${prog}: ${src} mounted on ${target}.\n`);
  return 0;
}

const UMOUNT_SPEC = {
  flags: 'lfvnhVrR', withArg: 'tO',
  long: { lazy: 'l', force: 'f', verbose: 'v', 'no-mtab': 'n', help: 'h', version: 'V', types: 't', recursive: 'R' } as Record<string, string>,
};

/** libmount's text for a failed umount(2) (mnt_context_get_umount_excode()). */
function umountFailure(errno: number): string {
  switch (errno) {
    case ENXIO: return 'invalid block device';
    case EINVAL: return 'not mounted';
    case EIO: return "can't write superblock";
    case EBUSY: return 'target is busy';
    case ENOENT: return 'no mount point specified';
    case EPERM: return 'must be superuser to unmount';
    case EACCES: return 'block devices are not permitted on filesystem';
    default: return `umount(2) system call failed: ${strerror(errno)}`;
  }
}

/** umount [-l] [-f] [-v] DIR|SOURCE…: each argument in turn; the exit statuses add up (as umount's do). */
export async function umountCommand(argv: string[], io: MountIo, sh: MountShell): Promise<number> {
  const prog = 'umount';
  const parsed = getopt(prog, argv.slice(1), UMOUNT_SPEC, io);
  if (!parsed) return EX_USAGE;
  let flags = 0;
  let verbose = false;
  for (const [o] of parsed.opts) {
    if (o === 'l') flags |= MNT_DETACH;
    else if (o === 'f') flags |= MNT_FORCE;
    else if (o === 'v') verbose = true;
    else if (o === 'h') {
      io.stdout('\nUsage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>\n\nUnmount filesystems.\n');
      return 0;
    }
  }
  if (parsed.args.length === 0) {
    io.stderr(`${prog}: bad usage\nTry '${prog} --help' for more information.\n`);
    return EX_USAGE;
  }
  let status = 0;
  for (const arg of parsed.args) {
    const table = parseProcMounts(await sh.kernel.readFile('/proc/self/mounts'));
    let target = sh.resolve(arg);
    let entry = [...table].reverse().find((m) => m.target === target);
    // A source name (mount's first argument) stands for where it is mounted, the last mount first.
    if (!entry && !arg.includes('/')) {
      entry = [...table].reverse().find((m) => m.source === arg);
      if (entry) target = entry.target;
    }
    try {
      if (!entry && !(await sh.fs.stat(target).catch(() => undefined))) throw new KernelError(ENOENT);
      // The shell's working directory is in use, as a process's cwd is on Linux.
      if (entry && !(flags & MNT_DETACH) && isWithin(sh.cwd, target)) throw new KernelError(EBUSY);
      await sh.kernel.umount(target, flags);
    } catch (e) {
      const errno = errnoOf(e);
      if (errno === undefined) throw e;
      io.stderr(`${prog}: ${arg}: ${umountFailure(errno)}.\n`);
      status += EX_FAIL;
      continue;
    }
    if (verbose) io.stderr(entry ? `${prog}: ${target} (${entry.source}) unmounted\n` : `${prog}: ${target} unmounted\n`);
  }
  return Math.min(status, 255);
}

/** mkdir [-p] [-v] [-m MODE] DIR… (coreutils; messages in the C locale). */
export async function mkdirCommand(argv: string[], io: MountIo, sh: MountShell): Promise<number> {
  const prog = 'mkdir';
  const parsed = getopt(prog, argv.slice(1), { flags: 'pv', withArg: 'm', long: { parents: 'p', verbose: 'v', mode: 'm' } }, io);
  if (!parsed) return 1;
  const parents = parsed.opts.some(([o]) => o === 'p');
  const verbose = parsed.opts.some(([o]) => o === 'v');
  if (parsed.args.length === 0) {
    io.stderr(`${prog}: missing operand\nTry '${prog} --help' for more information.\n`);
    return 1;
  }
  let status = 0;
  for (const arg of parsed.args) {
    const p = sh.resolve(arg);
    const fail = (errno: number) => {
      io.stderr(`${prog}: cannot create directory '${arg}': ${strerror(errno)}\n`);
      status = 1;
    };
    try {
      const st = await sh.fs.stat(p);
      if (st) {
        if (!parents || st.type !== 'dir') fail(17);
        continue;
      }
      // Without -p the parent must exist (and be a directory).
      const parent = p.slice(0, p.lastIndexOf('/')) || '/';
      const pst = await sh.fs.stat(parent);
      if (!parents && !pst) { fail(2); continue; }
      if (pst && pst.type !== 'dir') { fail(20); continue; }
      await sh.fs.mkdir(p);
      if (verbose) io.stdout(`${prog}: created directory '${arg}'\n`);
    } catch (e) {
      const errno = errnoOf(e);
      if (errno === undefined) throw e;
      fail(errno);
    }
  }
  return status;
}

/**
 * Tab completion after mount/umount: file system types after -t, mount points (and sources) for umount.
 * Undefined when the word is not one of those (paths are completed as usual).
 */
export async function mountCompletions(sh: MountShell, words: string[]): Promise<string[] | undefined> {
  const cmd = words[0];
  const cur = words[words.length - 1] ?? '';
  const prev = words[words.length - 2];
  if (cmd === 'mount' && (prev === '-t' || prev === '--types')) {
    const text = await sh.kernel.readFile('/proc/filesystems').catch(() => '');
    return text.split('\n').filter(Boolean).map((l) => l.slice(l.indexOf('\t') + 1)).filter((t) => t.startsWith(cur)).sort();
  }
  if (cmd === 'umount' && !cur.startsWith('-')) {
    const text = await sh.kernel.readFile('/proc/self/mounts').catch(() => '');
    return [...new Set(parseProcMounts(text).map((m) => m.target))].filter((t) => t.startsWith(cur)).sort();
  }
  return undefined;
}
