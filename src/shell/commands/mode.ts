// coreutils' modechange: a MODE operand (octal, or symbolic clauses "u+x,go-w,a=r,g=u") applied to a
// file's permission bits, and the rwx text ls and chmod -v show.

/** The umask the shell's files are made with (root's usual 022): symbolic clauses without u/g/o/a respect it. */
export const UMASK = 0o022;

type Clause = { who: number; masked: boolean; op: string; perms: string };

/** The clauses of a mode, or undefined when it is none ("invalid mode"). Octal: one clause '='. */
export function compileMode(spec: string): Clause[] | 'octal' | undefined {
  if (/^[0-7]+$/.test(spec)) return parseInt(spec, 8) > 0o7777 ? undefined : 'octal';
  const out: Clause[] = [];
  for (const part of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(part);
    if (!m) return undefined;
    let who = 0;
    for (const w of m[1]!) who |= w === 'u' ? 0o4700 : w === 'g' ? 0o2070 : w === 'o' ? 0o1007 : 0o7777;
    for (const a of m[2]!.matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) {
      out.push({ who: who || 0o7777, masked: who === 0, op: a[1]!, perms: a[2]! });
    }
  }
  return out;
}

/** The new permission bits of a file with bits `old` (a directory: `dir`, for X and octal). */
export function applyMode(spec: string, old: number, dir: boolean): number | undefined {
  const c = compileMode(spec);
  if (c === undefined) return undefined;
  if (c === 'octal') {
    const v = parseInt(spec, 8);
    // A directory keeps its set-user/group-ID bits unless five digits (00755) say otherwise (as chmod does).
    return dir && spec.length < 5 ? v | (old & 0o6000) : v;
  }
  let mode = old & 0o7777;
  for (const { who, masked, op, perms } of c) {
    let bits = 0;
    if (/^[ugo]$/.test(perms)) {
      // Copy another class's bits: g=u gives the group what the owner has.
      const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
      const rwx = (mode >> shift) & 7;
      bits = (rwx << 6) | (rwx << 3) | rwx;
    } else {
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x' || (p === 'X' && (dir || (mode & 0o111) !== 0))) bits |= 0o111;
        else if (p === 's') bits |= 0o6000;
        else if (p === 't') bits |= 0o1000;
      }
    }
    // Without u/g/o/a the umask's bits are left alone (chmod +w writes the owner's bit only, under 022).
    const affect = who & (masked ? ~UMASK : 0o7777);
    bits &= affect;
    if (op === '+') mode |= bits;
    else if (op === '-') mode &= ~bits;
    else {
      // '=' clears what the classes had; a directory keeps set-ID bits the clause does not name.
      const keep = dir && !perms.includes('s') ? 0o6000 : 0;
      mode = (mode & ~(who & ~keep)) | bits;
    }
  }
  return mode & 0o7777;
}

/** ls's nine permission characters, with s/S for set-ID bits and t/T for the sticky bit. */
export function modeText(mode: number): string {
  const cls = (r: number, w: number, x: number, special: number, ch: string) =>
    `${mode & r ? 'r' : '-'}${mode & w ? 'w' : '-'}${mode & special ? (mode & x ? ch : ch.toUpperCase()) : mode & x ? 'x' : '-'}`;
  return cls(0o400, 0o200, 0o100, 0o4000, 's') + cls(0o40, 0o20, 0o10, 0o2000, 's') + cls(0o4, 0o2, 0o1, 0o1000, 't');
}
