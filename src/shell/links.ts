// `ln`, `readlink` and `rm` for the lkm shell, with coreutils 9's options and messages.

import type { Stat } from '../vfs/backing.js';
import { FsError } from '../vfs/errors.js';
import { dirname, normalizePath } from '../vfs/path.js';

/** What the commands need of the shell (Shell implements it). */
export interface LinkShell {
  fs: {
    stat(path: string): Promise<Stat | undefined>;
    lstat(path: string): Promise<Stat | undefined>;
    readlink(path: string): Promise<string>;
    readdir(path: string): Promise<string[]>;
    realpath(path: string, followLast?: boolean): Promise<string>;
    symlink(target: string, path: string): Promise<void>;
    link(existing: string, path: string): Promise<void>;
    unlink(path: string): Promise<void>;
    rmdir(path: string): Promise<void>;
  };
  cwd: string;
  resolve(path: string): string;
}

export interface LinkIo { stdout(text: string): void; stderr(text: string): void; }

const TRY = (prog: string) => `Try '${prog} --help' for more information.\n`;

/** coreutils' quoteaf(): 'name', "name" when it holds a single quote. */
function quote(s: string): string {
  return s.includes("'") ? `"${s.replace(/(["\\$`])/g, '\\$1')}"` : `'${s}'`;
}

/** coreutils' quotef(): the name alone when nothing in it needs quoting. */
function quotef(s: string): string {
  return /^[\w./+,:@%=-]+$/.test(s) ? s : quote(s);
}

function reason(e: unknown): string {
  if (e instanceof FsError) return e.reason;
  throw e;
}

/**
 * getopt_long as coreutils uses it: options anywhere before `--` (operands are permuted), clustered short
 * options; `withArg`: short options that take an argument. Undefined after printing the complaint.
 */
function getopt(prog: string, args: string[], short: string, withArg: string, long: Record<string, string>, io: LinkIo):
  { flags: Map<string, string>; ops: string[] } | undefined {
  const flags = new Map<string, string>();
  const ops: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { ops.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s) as [string, string?];
      const hits = Object.keys(long).filter((l) => l.startsWith(name));
      const exact = hits.includes(name) ? name : hits.length === 1 ? hits[0] : undefined;
      if (!exact) {
        io.stderr(hits.length > 1 ? `${prog}: option '${a}' is ambiguous\n${TRY(prog)}` : `${prog}: unrecognized option '${a}'\n${TRY(prog)}`);
        return undefined;
      }
      const key = long[exact]!;
      if (withArg.includes(key)) {
        const v = value ?? args[++i];
        if (v === undefined) { io.stderr(`${prog}: option '--${exact}' requires an argument\n${TRY(prog)}`); return undefined; }
        flags.set(key, v);
      } else flags.set(key, '');
      continue;
    }
    if (!a.startsWith('-') || a === '-') { ops.push(a); continue; }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (!short.includes(c)) { io.stderr(`${prog}: invalid option -- '${c}'\n${TRY(prog)}`); return undefined; }
      if (withArg.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) { io.stderr(`${prog}: option requires an argument -- '${c}'\n${TRY(prog)}`); return undefined; }
        flags.set(c, v);
        break;
      }
      flags.set(c, '');
    }
  }
  return { flags, ops };
}

/** `dir/name` as coreutils' file_name_concat writes it (no doubled slash). */
function concat(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** The last component of an operand, trailing slashes ignored (coreutils' last_component). */
function lastComponent(s: string): string {
  const t = s.replace(/\/+$/, '');
  return t === '' ? '/' : t.slice(t.lastIndexOf('/') + 1);
}

const LN_HELP = `Usage: ln [OPTION]... [-T] TARGET LINK_NAME
  or:  ln [OPTION]... TARGET
  or:  ln [OPTION]... TARGET... DIRECTORY
  or:  ln [OPTION]... -t DIRECTORY TARGET...
In the 1st form, create a link to TARGET with the name LINK_NAME.
In the 2nd form, create a link to TARGET in the current directory.
In the 3rd and 4th forms, create links to each TARGET in DIRECTORY.
Create hard links by default, symbolic links with --symbolic.
By default, each destination (name of new link) should not already exist.
When creating hard links, each TARGET must exist.  Symbolic links
can hold arbitrary text; if later resolved, a relative link is
interpreted in relation to its parent directory.

  -f, --force                 remove existing destination files
  -L, --logical               dereference TARGETs that are symbolic links
  -n, --no-dereference        treat LINK_NAME as a normal file if
                                it is a symbolic link to a directory
  -P, --physical              make hard links directly to symbolic links
  -s, --symbolic              make symbolic links instead of hard links
  -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create
                                the links
  -T, --no-target-directory   treat LINK_NAME as a normal file always
  -v, --verbose               print name of each linked file
      --help        display this help and exit
`;

/** ln [-s] [-f] [-n] [-v] [-L|-P] [-T] [-t DIR] TARGET… (coreutils 9). */
export async function lnCommand(argv: string[], io: LinkIo, sh: LinkShell): Promise<number> {
  const prog = 'ln';
  const o = getopt(prog, argv.slice(1), 'sfnvLPTt', 't', {
    symbolic: 's', force: 'f', 'no-dereference': 'n', verbose: 'v', logical: 'L', physical: 'P',
    'no-target-directory': 'T', 'target-directory': 't', help: 'h',
  }, io);
  if (!o) return 1;
  const { flags, ops } = o;
  if (flags.has('h')) { io.stdout(LN_HELP); return 0; }
  const symbolic = flags.has('s');
  const force = flags.has('f');
  const noDeref = flags.has('n');
  const verbose = flags.has('v');
  // -L or -P, whichever came last; -P is the default on Linux. Both are ignored with -s.
  let logical = false;
  for (const a of argv.slice(1)) {
    if (a === '--') break;
    if (a === '--logical' || a === '--physical') logical = a === '--logical';
    else if (/^-[^-]/.test(a)) for (const c of a.slice(1)) if (c === 'L' || c === 'P') logical = c === 'L';
  }
  const abs = (p: string) => sh.resolve(p);
  /** A directory to put links in: follows a link unless -n says a link is a file. */
  const isDir = async (p: string) => {
    if (noDeref && (await sh.fs.lstat(abs(p)).catch(() => undefined))?.type === 'symlink') return false;
    return (await sh.fs.stat(abs(p)).catch(() => undefined))?.type === 'dir';
  };
  let pairs: [string, string][];
  const target = flags.get('t');
  if (target !== undefined) {
    if (flags.has('T')) { io.stderr(`${prog}: cannot combine --target-directory and --no-target-directory\n`); return 1; }
    if (!(await isDir(target))) {
      const st = await sh.fs.stat(abs(target)).catch(() => undefined);
      io.stderr(`${prog}: target directory ${quote(target)}: ${st ? 'Not a directory' : 'No such file or directory'}\n`);
      return 1;
    }
    if (ops.length === 0) { io.stderr(`${prog}: missing file operand\n${TRY(prog)}`); return 1; }
    pairs = ops.map((s) => [s, concat(target, lastComponent(s))]);
  } else {
    if (ops.length === 0) { io.stderr(`${prog}: missing file operand\n${TRY(prog)}`); return 1; }
    if (flags.has('T')) {
      if (ops.length < 2) { io.stderr(`${prog}: missing destination file operand after ${quote(ops[0]!)}\n${TRY(prog)}`); return 1; }
      if (ops.length > 2) { io.stderr(`${prog}: extra operand ${quote(ops[2]!)}\n${TRY(prog)}`); return 1; }
      pairs = [[ops[0]!, ops[1]!]];
    } else if (ops.length === 1) {
      pairs = [[ops[0]!, concat('.', lastComponent(ops[0]!))]];
    } else {
      const last = ops[ops.length - 1]!;
      if (await isDir(last)) {
        pairs = ops.slice(0, -1).map((s) => [s, concat(last, lastComponent(s))]);
      } else if (ops.length > 2) {
        const st = await sh.fs.lstat(abs(last)).catch(() => undefined);
        io.stderr(`${prog}: target ${quote(last)}: ${st ? 'Not a directory' : 'No such file or directory'}\n`);
        return 1;
      } else pairs = [[ops[0]!, last]];
    }
  }
  let status = 0;
  for (const [source, dest] of pairs) {
    if (!(await lnOne(source, dest))) status = 1;
  }
  return status;

  async function lnOne(source: string, dest: string): Promise<boolean> {
    const d = abs(dest);
    let s = abs(source);
    if (!symbolic) {
      // A hard link is made to the TARGET itself (-P), or to what its links lead to (-L).
      let st: Stat | undefined;
      try {
        if (logical) s = await sh.fs.realpath(s);
        st = await sh.fs.lstat(s);
      } catch (e) {
        io.stderr(`${prog}: failed to access ${quote(source)}: ${reason(e)}\n`);
        return false;
      }
      if (!st) { io.stderr(`${prog}: failed to access ${quote(source)}: No such file or directory\n`); return false; }
      if (st.type === 'dir') { io.stderr(`${prog}: ${quotef(source)}: hard link not allowed for directory\n`); return false; }
    }
    if (force) {
      const dst = await sh.fs.lstat(d).catch(() => undefined);
      if (dst) {
        if (dst.type === 'dir') { io.stderr(`${prog}: ${quotef(dest)}: cannot overwrite directory\n`); return false; }
        // The new link would replace what it names: coreutils refuses instead of leaving a link to itself.
        const named = symbolic ? (source.startsWith('/') ? source : `${dirname(await sh.fs.realpath(d, false))}/${source}`) : s;
        const [a, b] = await Promise.all([sh.fs.realpath(named, symbolic).catch(() => ''), sh.fs.realpath(d, symbolic).catch(() => '')]);
        if (a && a === b && (await sh.fs.stat(a).catch(() => undefined))) {
          io.stderr(`${prog}: ${quote(source)} and ${quote(dest)} are the same file\n`);
          return false;
        }
        try {
          await sh.fs.unlink(d);
        } catch (e) {
          io.stderr(`${prog}: cannot remove ${quote(dest)}: ${reason(e)}\n`);
          return false;
        }
      }
    }
    try {
      if (symbolic) await sh.fs.symlink(source, d);
      else await sh.fs.link(s, d);
    } catch (e) {
      const why = reason(e);
      const code = (e as FsError).code;
      if (symbolic) io.stderr(`${prog}: failed to create symbolic link ${quote(dest)}: ${why}\n`);
      else if (['EEXIST', 'EROFS', 'ENOSPC', 'EDQUOT'].includes(code)) io.stderr(`${prog}: failed to create hard link ${quote(dest)}: ${why}\n`);
      else io.stderr(`${prog}: failed to create hard link ${quote(dest)} => ${quote(source)}: ${why}\n`);
      return false;
    }
    if (verbose) io.stdout(`${quote(dest)} ${symbolic ? '->' : '=>'} ${quote(source)}\n`);
    return true;
  }
}

/** readlink [-f|-e|-m] [-n] [-q|-s|-v] [-z] FILE… (coreutils 9). */
export async function readlinkCommand(argv: string[], io: LinkIo, sh: LinkShell): Promise<number> {
  const prog = 'readlink';
  const o = getopt(prog, argv.slice(1), 'femnqsvz', '', {
    canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n',
    quiet: 'q', silent: 's', verbose: 'v', zero: 'z', help: 'h',
  }, io);
  if (!o) return 1;
  const { flags, ops } = o;
  if (flags.has('h')) {
    io.stdout('Usage: readlink [OPTION]... FILE...\nPrint value of a symbolic link or canonical file name\n\n' +
      '  -f, --canonicalize            canonicalize by following every symlink in\n' +
      '                                every component of the given name recursively;\n' +
      '                                all but the last component must exist\n' +
      '  -e, --canonicalize-existing   canonicalize by following every symlink in\n' +
      '                                every component of the given name recursively,\n' +
      '                                all components must exist\n' +
      '  -m, --canonicalize-missing    canonicalize by following every symlink in\n' +
      '                                every component of the given name recursively,\n' +
      '                                without requirements on components existence\n' +
      '  -n, --no-newline              do not output the trailing delimiter\n' +
      '  -q, --quiet\n  -s, --silent                  suppress most error messages (on by default)\n' +
      '  -v, --verbose                 report error messages\n' +
      '  -z, --zero                    end each output line with NUL, not newline\n');
    return 0;
  }
  if (ops.length === 0) { io.stderr(`${prog}: missing operand\n${TRY(prog)}`); return 1; }
  // The last of -f, -e, -m wins; -q/-s and -v likewise.
  const letters = argv.slice(1).join('');
  const canon = ['f', 'e', 'm'].filter((c) => flags.has(c)).sort((a, b) => letters.lastIndexOf(a) - letters.lastIndexOf(b)).pop();
  const verbose = flags.has('v') && letters.lastIndexOf('v') > Math.max(letters.lastIndexOf('q'), letters.lastIndexOf('s'));
  let noNewline = flags.has('n');
  if (noNewline && ops.length > 1) { io.stderr(`${prog}: ignoring --no-newline with multiple arguments\n`); noNewline = false; }
  const end = flags.has('z') ? '\0' : noNewline ? '' : '\n';
  let status = 0;
  for (const a of ops) {
    // The operand as written below the working directory: '..' after a link is resolved where the link led.
    const raw = a.startsWith('/') ? a : `${sh.cwd}/${a}`;
    try {
      let out: string;
      if (canon === undefined) out = await sh.fs.readlink(raw);
      else {
        out = await sh.fs.realpath(raw);
        const missing = canon === 'e' ? !(await sh.fs.stat(out))
          : canon === 'f' ? out !== '/' && (await sh.fs.stat(dirname(out)))?.type !== 'dir'
            : false;
        if (missing) throw new FsError('ENOENT', 2, normalizePath(raw));
        if (canon === 'e' && /\/\.?$/.test(a) && (await sh.fs.stat(out))?.type !== 'dir') throw new FsError('ENOTDIR', 20, out);
      }
      io.stdout(out + end);
    } catch (e) {
      if (verbose) io.stderr(`${prog}: ${quotef(a)}: ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
}

/** rm [-f] [-r|-R] [-d] [-v] FILE… (coreutils 9; links are removed, never followed). */
export async function rmCommand(argv: string[], io: LinkIo, sh: LinkShell): Promise<number> {
  const prog = 'rm';
  const o = getopt(prog, argv.slice(1), 'frRdvI', '', {
    force: 'f', recursive: 'r', dir: 'd', verbose: 'v', help: 'h', 'no-preserve-root': 'N', 'preserve-root': 'p',
  }, io);
  if (!o) return 1;
  const { flags, ops } = o;
  if (flags.has('h')) {
    io.stdout('Usage: rm [OPTION]... [FILE]...\nRemove (unlink) the FILE(s).\n\n' +
      '  -f, --force           ignore nonexistent files and arguments, never prompt\n' +
      '  -r, -R, --recursive   remove directories and their contents recursively\n' +
      '  -d, --dir             remove empty directories\n' +
      '  -v, --verbose         explain what is being done\n');
    return 0;
  }
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  const verbose = flags.has('v');
  if (ops.length === 0) {
    if (force) return 0;
    io.stderr(`${prog}: missing operand\n${TRY(prog)}`);
    return 1;
  }
  let status = 0;
  const fail = (name: string, why: string) => { io.stderr(`${prog}: cannot remove ${quote(name)}: ${why}\n`); status = 1; };
  const remove = async (name: string, p: string): Promise<void> => {
    const st = await sh.fs.lstat(p).catch(() => undefined);
    if (!st) { if (!force) fail(name, 'No such file or directory'); return; }
    if (st.type === 'dir') {
      if (!recursive && !flags.has('d')) { fail(name, 'Is a directory'); return; }
      if (recursive) {
        const children = await sh.fs.readdir(p).catch(() => [] as string[]);
        for (const c of children) await remove(concat(name, c), `${p === '/' ? '' : p}/${c}`);
      }
      try {
        await sh.fs.rmdir(p);
        if (verbose) io.stdout(`removed directory ${quote(name)}\n`);
      } catch (e) {
        fail(name, reason(e));
      }
      return;
    }
    try {
      await sh.fs.unlink(p);
      if (verbose) io.stdout(`removed ${quote(name)}\n`);
    } catch (e) {
      if (!(force && (e as FsError).code === 'ENOENT')) fail(name, reason(e));
    }
  };
  for (const a of ops) {
    const base = lastComponent(a);
    if (base === '.' || base === '..') {
      io.stderr(`${prog}: refusing to remove '.' or '..' directory: skipping ${quote(a)}\n`);
      status = 1;
      continue;
    }
    // The operand's last component is the name removed: a link there goes, not what it leads to.
    const p = await sh.fs.realpath(a.startsWith('/') ? a : `${sh.cwd}/${a}`, false).catch(() => sh.resolve(a));
    if (recursive && p === '/' && !flags.has('N')) {
      io.stderr(`${prog}: it is dangerous to operate recursively on '/'\n${prog}: use --no-preserve-root to override this failsafe\n`);
      status = 1;
      continue;
    }
    await remove(a, p);
  }
  return status;
}

