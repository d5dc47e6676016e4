// Target: the parameter parser. insmod hello-params.ko with generated argument strings: it loads with
// the values given (checked where the expected value is plain: decimal integers in range), or fails
// with EINVAL/ERANGE/ENOSPC and Linux's parse_args message (checked by KernelSession.load), and a later load without arguments sees
// every parameter at its default.

import fc from 'fast-check';
import type { Kernel } from '../src/kernel/kernel.js';
import { InvariantError } from './kernel-check.js';
import type { KernelSession } from './loader.js';
import type { Tally } from './tally.js';

const SYSFS = '/sys/module/hello_params/parameters';
/** Integer parameters and their ranges (wasm32: long is 32 bits). */
const RANGES: Record<string, [bigint, bigint]> = {
  debug: [-(2n ** 31n), 2n ** 31n - 1n], byte_val: [0n, 255n], short_val: [-32768n, 32767n], ushort_val: [0n, 65535n],
  uint_val: [0n, 2n ** 32n - 1n], long_val: [-(2n ** 31n), 2n ** 31n - 1n], ulong_val: [0n, 2n ** 32n - 1n],
  ullong_val: [0n, 2n ** 64n - 1n],
};
const NAMES = [...Object.keys(RANGES), 'type', 'verbose', 'disable', 'mask', 'flag', 'ports', 'name', 'level', 'secret',
  'nr_ports', 'unknown', 'dyndbg', 'hello_params.dyndbg', 'async_probe', '--'];

const value = fc.oneof(
  fc.bigInt(-(2n ** 70n), 2n ** 70n).map(String),
  fc.integer({ min: -40000, max: 70000 }).map(String),
  fc.nat().map((n) => `0x${n.toString(16)}`),
  fc.constantFrom('', '0', '010', '+5', '-0', '0x', '08', 'y', 'n', 'Y', 'N', '1', 'yes', 'no', 'on', 'off', 'true',
    '1,2,3,4,5', ',,', '1,2', '-1', '4294967296', '18446744073709551616', '"a b"', '"', '\\'),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 10, max: 1100 }).map((n) => 'x'.repeat(n)),
);
const arg = fc.tuple(fc.constantFrom(...NAMES), fc.option(value, { freq: 6 })).map(([n, v]) => (v === null ? n : `${n}=${v}`));
export const argString = fc.tuple(fc.array(arg, { maxLength: 6 }), fc.constantFrom(' ', '\t', '  '))
  .map(([args, sep]) => args.join(sep));

const PARSE_ERRNOS = new Set(['EINVAL', 'ERANGE', 'ENOSPC']);

const readParams = (k: Kernel) => Object.fromEntries(k.readdir(SYSFS).map((p) => [p, k.readFile(`${SYSFS}/${p}`)]));

/** The value an integer parameter must have after `args`, where that is plain (no quotes, a canonical decimal). */
function expectedIntegers(args: string): Map<string, string> {
  const out = new Map<string, string>();
  if (/["\\]/.test(args)) return out;
  for (const a of args.split(/[ \t]+/)) {
    if (a === '--') break;
    const eq = a.indexOf('=');
    const name = a.slice(0, eq);
    const range = RANGES[name];
    if (eq < 0 || !range) continue;
    const v = a.slice(eq + 1);
    if (/^(0|-?[1-9][0-9]*)$/.test(v) && BigInt(v) >= range[0] && BigInt(v) <= range[1]) out.set(name, `${BigInt(v)}\n`);
    else out.delete(name);
  }
  return out;
}

export function paramsProperty(bytes: Uint8Array, session: KernelSession, tally: Tally) {
  let defaults: Record<string, string> | undefined;
  return fc.asyncProperty(argString, async (args) => {
    const outcome = await session.load(bytes, args, { inspect: (k) => {
      for (const [name, want] of expectedIntegers(args)) {
        const got = k.readFile(`${SYSFS}/${name}`);
        if (got !== want) throw new InvariantError(`${name} is ${JSON.stringify(got)} after ${JSON.stringify(args)}, not ${JSON.stringify(want)}`);
      }
    } });
    tally.add(outcome);
    if (outcome === 'loaded') return;
    if (!PARSE_ERRNOS.has(outcome)) throw new InvariantError(`insmod hello-params.ko ${args}: ${outcome}`);
    // A failed load leaves nothing behind: the next one sees the defaults.
    await session.load(bytes, '', { inspect: (kk) => {
      const now = readParams(kk);
      defaults ??= now;
      if (JSON.stringify(now) !== JSON.stringify(defaults)) throw new InvariantError(`parameters after a failed load: ${JSON.stringify(now)}`);
    } });
  });
}
