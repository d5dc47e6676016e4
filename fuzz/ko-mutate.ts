// Mutations of real .ko files (wasm side modules) as fast-check arbitraries: byte-level damage
// (truncation, flipped bytes) and structural damage that keeps the rest of the file valid (section
// sizes as oversized or overlong LEBs, sections reordered or dropped, dylink.0's sizes, .modinfo
// rewritten, __this_module renamed, an import renamed to another kernel symbol).

import fc from 'fast-check';
import { Cursor } from '../src/wasm/reader.js';
import { uleb } from '../src/kmod/synthetic.js';

interface RawSection { id: number; body: Uint8Array; }

const HEADER = 8;
const enc = new TextEncoder();

function leb(n: number): number[] {
  const out: number[] = [];
  uleb(n, out);
  return out;
}

const nameBytes = (s: string) => { const b = enc.encode(s); return [...leb(b.length), ...b]; };

/** The sections of a well-formed file, each as its id and body (a custom section's body includes its name). */
function split(bytes: Uint8Array): RawSection[] {
  const out: RawSection[] = [];
  const c = new Cursor(bytes, HEADER);
  while (!c.done) {
    const id = c.u8();
    const size = c.u32();
    out.push({ id, body: c.bytesOf(size) });
  }
  return out;
}

function join(secs: RawSection[], sizeOf: (i: number, s: RawSection) => number[] = (_, s) => leb(s.body.length)): Uint8Array {
  const parts: number[] = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  secs.forEach((s, i) => { parts.push(s.id, ...sizeOf(i, s)); for (const b of s.body) parts.push(b); });
  return new Uint8Array(parts);
}

const customName = (s: RawSection) => (s.id === 0 ? new Cursor(s.body).name() : undefined);

function replaceCustom(secs: RawSection[], name: string, payload: number[]): RawSection[] {
  return secs.map((s) => (customName(s) === name ? { id: 0, body: new Uint8Array([...nameBytes(name), ...payload]) } : s));
}

/** Replaces the first occurrence of `from` by `to` (same length) anywhere in the file. */
function renameBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const f = enc.encode(from);
  const t = enc.encode(to);
  const out = bytes.slice();
  outer: for (let i = 0; i + f.length <= out.length; i++) {
    for (let j = 0; j < f.length; j++) if (out[i + j] !== f[j]) continue outer;
    out.set(t, i);
    break;
  }
  return out;
}

/** A mutation: a function of the file's bytes, with a label fast-check prints for a counterexample. */
export type Mutation = { kind: string; apply: (b: Uint8Array) => Uint8Array };

const u32Extremes = fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x10000, 0x40000000);
/** An at-most-5-byte LEB as a valid encoder never writes it: oversized values, overlong and unterminated forms. */
const badLeb: fc.Arbitrary<number[]> = fc.oneof(
  u32Extremes.map(leb),
  // -1 as a signed LEB (2^35-1 unsigned), an overlong zero, an unterminated LEB.
  fc.constantFrom([0xff, 0xff, 0xff, 0xff, 0x7f], [0x80, 0x80, 0x80, 0x80, 0x80, 0x00], [0x80, 0x80, 0x80, 0x80]).map((l) => [...l]),
  fc.nat({ max: 0xffff }).map(leb),
);

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const at = (f: number, n: number) => Math.floor(f * n);

/** .modinfo strings: real keys with odd values, missing name/vermagic, strings without NUL. */
const modinfoPayload = fc.array(fc.oneof(
  fc.constantFrom('name=hello', 'name=', 'name=x'.repeat(20), 'name=a/b', 'name=hello\u00e9', 'vermagic=',
    'vermagic=6.12.0-lkm-wasm SMP mod_unload wasm32', 'vermagic=bogus', 'license=GPL', 'license=Proprietary',
    'intree=Y', 'staging=Y', 'test=Y', 'depends=nonexistent', 'depends=', '=', 'noequals', ''),
  fc.string({ maxLength: 24 }),
), { maxLength: 8 }).chain((strs) => fc.boolean().map((nul) => {
  const text = strs.join('\0') + (nul ? '\0' : '');
  return [...enc.encode(text)];
}));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  frac.map((f) => ({ kind: `truncate@${f.toFixed(4)}`, apply: (b: Uint8Array) => b.subarray(0, at(f, b.length)) })),
  fc.array(fc.tuple(frac, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => ({
    kind: `flip ${flips.map(([f, x]) => `${f.toFixed(4)}^${x}`).join(',')}`,
    apply: (b: Uint8Array) => { const o = b.slice(); for (const [f, x] of flips) o[at(f, o.length)]! ^= x; return o; },
  })),
  fc.tuple(frac, badLeb).map(([f, l]) => ({
    kind: `section size [${l}]`,
    apply: (b: Uint8Array) => { const s = split(b); const i = at(f, s.length); return join(s, (j, x) => (j === i ? l : leb(x.body.length))); },
  })),
  fc.tuple(frac, frac).map(([f, g]) => ({
    kind: `swap sections ${f.toFixed(3)} ${g.toFixed(3)}`,
    apply: (b: Uint8Array) => {
      const s = split(b); const i = at(f, s.length), j = at(g, s.length);
      [s[i], s[j]] = [s[j]!, s[i]!];
      return join(s);
    },
  })),
  frac.map((f) => ({
    kind: `drop section ${f.toFixed(3)}`,
    apply: (b: Uint8Array) => { const s = split(b); s.splice(at(f, s.length), 1); return join(s); },
  })),
  fc.constant({ kind: 'drop dylink.0', apply: (b: Uint8Array) => join(split(b).filter((s) => customName(s) !== 'dylink.0')) }),
  fc.tuple(badLeb, badLeb, badLeb, badLeb).map((v) => ({
    kind: `dylink mem_info ${JSON.stringify(v)}`,
    apply: (b: Uint8Array) => {
      const info = v.flat();
      return join(replaceCustom(split(b), 'dylink.0', [1, ...leb(info.length), ...info]));
    },
  })),
  modinfoPayload.map((p) => ({ kind: `modinfo ${JSON.stringify(String.fromCharCode(...p))}`, apply: (b: Uint8Array) => join(replaceCustom(split(b), '.modinfo', p)) })),
  fc.constant({ kind: 'rename __this_module', apply: (b: Uint8Array) => renameBytes(b, '__this_module', '__this_modulx') }),
  // Same-length names of vmlinux symbols of another kind or type: data called as a function, a
  // function of another signature.
  fc.constantFrom(['_printk', 'jiffies'], ['memset', 'strlen'], ['memcpy', 'strcmp'], ['strlen', 'kfree_']).map(([from, to]) => ({
    kind: `import ${from} as ${to}`, apply: (b: Uint8Array) => renameBytes(b, from!, to!),
  })),
);

/** A base file and 1–3 mutations applied in order; structural ones that cannot parse the damaged file leave it as is. */
export function mutatedKo(bases: readonly Uint8Array[]): fc.Arbitrary<{ base: number; mutations: Mutation[]; bytes: Uint8Array }> {
  return fc.record({ base: fc.nat({ max: bases.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
    .map(({ base, mutations }) => {
      let bytes = bases[base]!;
      for (const m of mutations) {
        try { bytes = m.apply(bytes); } catch { /* a structural edit of a file an earlier step broke */ }
      }
      return { base, mutations, bytes };
    });
}

/** The file with dylink.0's mem_info replaced (memory size, its log2 alignment, table size, its log2 alignment). */
export function withMemInfo(b: Uint8Array, memorySize: number, memoryAlign: number, tableSize: number, tableAlign: number): Uint8Array {
  const info = [...leb(memorySize), ...leb(memoryAlign), ...leb(tableSize), ...leb(tableAlign)];
  return join(replaceCustom(split(b), 'dylink.0', [1, ...leb(info.length), ...info]));
}

/** The file with its .modinfo section holding `strings` (NUL-terminated each). */
export function withModinfo(b: Uint8Array, strings: string[]): Uint8Array {
  return join(replaceCustom(split(b), '.modinfo', [...enc.encode(strings.map((s) => `${s}\0`).join(''))]));
}
