// ASN.1 DER, the little X.509 and PKCS#7 need: a reader that checks every length against its parent
// (a malformed signature is -EBADMSG, never an exception from deep inside), and writers of the few types.

/** A malformed or unexpected DER structure (the kernel's -EBADMSG). */
export class DerError extends Error {}

export const TAG = {
  BOOLEAN: 0x01, INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06,
  UTF8: 0x0c, PRINTABLE: 0x13, IA5: 0x16, UTC_TIME: 0x17, GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30, SET: 0x31,
} as const;

/** One TLV: its tag byte, its contents, and the whole encoding (for byte-exact comparisons). */
export interface Der {
  tag: number;
  body: Uint8Array;
  raw: Uint8Array;
}

function readOne(buf: Uint8Array, pos: number): Der {
  if (pos + 2 > buf.length) throw new DerError('truncated DER header');
  const tag = buf[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not used here');
  let len = buf[pos + 1]!;
  let at = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    // 0x80 is BER's indefinite length: DER forbids it, as do lengths beyond 2^32.
    if (n === 0 || n > 4) throw new DerError('bad DER length');
    if (at + n > buf.length) throw new DerError('truncated DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[at + i]!;
    at += n;
  }
  if (at + len > buf.length) throw new DerError('DER element runs past its container');
  return { tag, body: buf.subarray(at, at + len), raw: buf.subarray(pos, at + len) };
}

/** The one element `buf` holds, exactly (no trailing bytes). */
export function parseDer(buf: Uint8Array): Der {
  const d = readOne(buf, 0);
  if (d.raw.length !== buf.length) throw new DerError('trailing bytes after DER element');
  return d;
}

/** The elements of a constructed value, checked to fill it exactly. */
export function children(d: Der): Der[] {
  if (!(d.tag & 0x20)) throw new DerError(`DER tag 0x${d.tag.toString(16)} is not constructed`);
  const out: Der[] = [];
  for (let pos = 0; pos < d.body.length;) {
    const c = readOne(d.body, pos);
    out.push(c);
    pos += c.raw.length;
  }
  return out;
}

/** `d` with tag `tag`, or a DerError naming what was expected. */
export function expectTag(d: Der | undefined, tag: number, what: string): Der {
  if (!d || d.tag !== tag) throw new DerError(`expected ${what}`);
  return d;
}

/** children() of a SEQUENCE (or SET, or [n]) known by its tag, with at least `min` elements. */
export function fields(d: Der | undefined, tag: number, what: string, min = 0): Der[] {
  const c = children(expectTag(d, tag, what));
  if (c.length < min) throw new DerError(`${what} has ${c.length} elements, expected ${min}`);
  return c;
}

export function oidText(d: Der): string {
  const b = expectTag(d, TAG.OID, 'an OBJECT IDENTIFIER').body;
  if (b.length === 0) throw new DerError('empty OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let v = 0;
  for (const byte of b) {
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) { arcs.push(v); v = 0; }
  }
  if (b[b.length - 1]! & 0x80) throw new DerError('truncated OBJECT IDENTIFIER');
  const first = arcs.shift()!;
  const top = first < 40 ? 0 : first < 80 ? 1 : 2;
  return [top, first - top * 40, ...arcs].join('.');
}

/** An INTEGER's magnitude without DER's sign-padding zero (what OpenSSL's BN_bn2bin gives). */
export function unsignedInt(d: Der): Uint8Array {
  const b = expectTag(d, TAG.INTEGER, 'an INTEGER').body;
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

export function text(d: Der): string {
  return new TextDecoder().decode(d.body);
}

// ---- Writers ----------------------------------------------------------------------------------

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(parts);
  return concat([new Uint8Array([tag, ...lengthBytes(body.length)]), body]);
}

export const seq = (...parts: Uint8Array[]) => tlv(TAG.SEQUENCE, ...parts);
export const set = (...parts: Uint8Array[]) => tlv(TAG.SET, ...parts);
/** [n] EXPLICIT (constructed context tag). */
export const explicit = (n: number, ...parts: Uint8Array[]) => tlv(0xa0 | n, ...parts);
export const nul = () => tlv(TAG.NULL);
export const octets = (b: Uint8Array) => tlv(TAG.OCTET_STRING, b);
export const utf8 = (s: string) => tlv(TAG.UTF8, new TextEncoder().encode(s));
export const ia5 = (s: string) => tlv(TAG.IA5, new TextEncoder().encode(s));
export const bool = (v: boolean) => tlv(TAG.BOOLEAN, new Uint8Array([v ? 0xff : 0]));
/** A BIT STRING of whole bytes (no unused bits). */
export const bits = (b: Uint8Array) => tlv(TAG.BIT_STRING, new Uint8Array([0]), b);

/** A non-negative INTEGER from its big-endian magnitude (a zero is prepended when the top bit is set). */
export function uint(magnitude: Uint8Array | number): Uint8Array {
  let b = magnitude instanceof Uint8Array ? magnitude : new Uint8Array(lengthBytes(magnitude).slice(magnitude < 0x80 ? 0 : 1));
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  b = b.subarray(i);
  return tlv(TAG.INTEGER, ...(b[0]! & 0x80 ? [new Uint8Array([0]), b] : [b]));
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  for (const arc of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
    const groups: number[] = [];
    for (let v = arc; ; v = Math.floor(v / 128)) { groups.unshift(v & 0x7f); if (v < 128) break; }
    groups.forEach((g, i) => out.push(i < groups.length - 1 ? g | 0x80 : g));
  }
  return tlv(TAG.OID, new Uint8Array(out));
}

/** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function time(d: Date): Uint8Array {
  const p = (n: number) => String(n).padStart(2, '0');
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  const y = d.getUTCFullYear();
  if (y < 2050) return tlv(TAG.UTC_TIME, new TextEncoder().encode(`${p(y % 100)}${rest}`));
  return tlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(`${y}${rest}`));
}
