// chmod [-cfvR] MODE FILE… (coreutils) on the files the shell sees: the store keeps the bits and ls -l
// shows them; a device node's are the kernel's (devtmpfs).

import { applyMode, compileMode, modeText } from './mode.js';
import { errText, permBits, quote, tryHelp } from './common.js';
import type { Stat } from '../../vfs/backing.js';

interface ChmodShell {
  fs: {
    stat(path: string): Promise<Stat | undefined>;
    lstat(path: string): Promise<Stat | undefined>;
    readdir(path: string): Promise<string[]>;
    chmod(path: string, mode: number): Promise<void>;
  };
  resolve(path: string): string;
}

const octal = (m: number) => m.toString(8).padStart(4, '0');

export async function chmodCommand(argv: string[], io: { stdout(t: string): void; stderr(t: string): void }, sh: ChmodShell): Promise<number> {
  const opts = new Set<string>();
  const ops: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { ops.push(...argv.slice(i + 1)); break; }
    // "-w", "-x" … are modes, not options (as chmod's own parsing lets them through).
    if (/^-[cfvR]+$/.test(a)) for (const c of a.slice(1)) opts.add(c);
    else if (a === '--changes' || a === '--silent' || a === '--quiet' || a === '--verbose' || a === '--recursive') opts.add(a === '--changes' ? 'c' : a === '--verbose' ? 'v' : a === '--recursive' ? 'R' : 'f');
    else if (a.startsWith('--')) { io.stderr(`chmod: unrecognized option '${a}'\n${tryHelp('chmod')}`); return 1; }
    else if (a.startsWith('-') && a.length > 1 && !/^-[rwxXstugo=+-]+/.test(a)) { io.stderr(`chmod: invalid option -- '${a[1]}'\n${tryHelp('chmod')}`); return 1; }
    else ops.push(a);
  }
  if (ops.length === 0) { io.stderr(`chmod: missing operand\n${tryHelp('chmod')}`); return 1; }
  const [mode, ...files] = ops as [string, ...string[]];
  if (files.length === 0) { io.stderr(`chmod: missing operand after ${quote(mode)}\n${tryHelp('chmod')}`); return 1; }
  if (compileMode(mode) === undefined) { io.stderr(`chmod: invalid mode: ${quote(mode)}\n${tryHelp('chmod')}`); return 1; }
  let status = 0;
  const one = async (name: string, path: string): Promise<void> => {
    const cannot = (why: string) => { if (!opts.has('f')) io.stderr(`chmod: cannot access ${quote(name)}: ${why}\n`); status = 1; };
    let st: Stat | undefined;
    try { st = await sh.fs.stat(path); } catch (e) { cannot(errText(e)); return; }
    if (!st) { cannot('No such file or directory'); return; }
    const old = permBits(st);
    const next = applyMode(mode, old, st.type === 'dir')!;
    try {
      if (next !== old) await sh.fs.chmod(path, next);
      if (opts.has('v') || (opts.has('c') && next !== old)) {
        io.stdout(next === old ? `mode of ${quote(name)} retained as ${octal(old)} (${modeText(old)})\n`
          : `mode of ${quote(name)} changed from ${octal(old)} (${modeText(old)}) to ${octal(next)} (${modeText(next)})\n`);
      }
    } catch (e) {
      if (!opts.has('f')) io.stderr(`chmod: changing permissions of ${quote(name)}: ${errText(e)}\n`);
      status = 1;
    }
    // -R descends into directories (links met on the way are not followed, as chmod -R does by default).
    if (opts.has('R') && st.type === 'dir' && (await sh.fs.lstat(path))?.type === 'dir') {
      for (const n of await sh.fs.readdir(path)) {
        const child = `${path === '/' ? '' : path}/${n}`;
        if ((await sh.fs.lstat(child))?.type === 'symlink') continue;
        await one(`${name.replace(/\/$/, '')}/${n}`, child);
      }
    }
  };
  for (const f of files) await one(f, sh.resolve(f));
  return status;
}
