// The one option parser of the tools (insmod, rmmod, lsmod, modprobe, depmod, modinfo, dmesg): glibc's
// getopt_long with GNU argument permutation — options may follow operands, "--" ends the options, a long
// name may be abbreviated to a unique prefix. Error texts are glibc's without the program name (the tool
// prints `NAME: ` before them); parsing goes on after an error, as getopt_long does, and `error` keeps the
// first one (the kmod tools stop there: their "case '?'" exits 1).

/** A long option: the short letter it stands for, whether it takes a value, or the name it is reported by. */
export interface LongOption {
  short?: string;
  arg?: boolean;
  /** Reported name of a long-only option (default: the long name itself). */
  name?: string;
}

export interface GetoptOptions {
  /** Everything from the first operand on is an operand (insmod: module parameters follow the file). */
  stopAtFirstOperand?: boolean;
  /**
   * Long names only in full, and a `=value` given to one that takes none is ignored: how insmod, rmmod,
   * lsmod and dmesg parsed before the tools shared this parser (kept so their behaviour is unchanged).
   */
  exactLongNames?: boolean;
}

/** An option as given: by its short letter, else by its LongOption name (default: the long name). */
export interface Opt { name: string; value?: string; }

export interface Getopt {
  opts: Opt[];
  operands: string[];
  error?: string;
}

/** `short` is getopt's optstring: letters, a ':' after one that takes a value ("ab:C:v"). */
export function getopt(argv: string[], short: string, long: Record<string, LongOption>, options: GetoptOptions = {}): Getopt {
  const res: Getopt = { opts: [], operands: [] };
  const fail = (text: string) => { res.error ??= text; };
  const takesArg = (c: string) => short.includes(`${c}:`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { res.operands.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = options.exactLongNames ? [] : Object.keys(long).filter((k) => k.startsWith(key));
      const name = Object.hasOwn(long, key) ? key : matches.length === 1 ? matches[0] : undefined;
      if (!name) { fail(matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`); continue; }
      const spec = long[name]!;
      const canonical = spec.short ?? spec.name ?? name;
      if (spec.arg) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) { fail(`option '--${name}' requires an argument`); continue; }
        res.opts.push({ name: canonical, value: v });
      } else if (eq >= 0 && !options.exactLongNames) {
        fail(`option '--${name}' doesn't allow an argument`);
      } else {
        res.opts.push({ name: canonical });
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (!short.includes(c) || c === ':') { fail(`invalid option -- '${c}'`); continue; }
        if (takesArg(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) fail(`option requires an argument -- '${c}'`);
          else res.opts.push({ name: c, value: v });
          break;
        }
        res.opts.push({ name: c });
      }
      continue;
    }
    res.operands.push(a);
    if (options.stopAtFirstOperand) { res.operands.push(...argv.slice(i + 1)); break; }
  }
  return res;
}

/** True when the option was given (by its reported name). */
export function hasOpt(g: Getopt, name: string): boolean {
  return g.opts.some((o) => o.name === name);
}

/** The value of the option's last occurrence (undefined: not given). */
export function optValue(g: Getopt, name: string): string | undefined {
  for (let i = g.opts.length - 1; i >= 0; i--) if (g.opts[i]!.name === name) return g.opts[i]!.value;
  return undefined;
}
