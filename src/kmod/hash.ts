// The iteration order of kmod's hash tables, which is the order of depmod's modules.symbols and of
// modules missing from modules.order. kmod hashes keys with Paul Hsieh's SuperFastHash (a published
// algorithm), picks bucket `hash & (buckets - 1)` and keeps each bucket sorted by strcmp; iterating
// walks the buckets in order. Reproducing that gives the same order as kmod's depmod for the same keys.

const enc = new TextEncoder();

/** SuperFastHash over the bytes of a string, as 32-bit unsigned arithmetic. */
export function superFastHash(key: string): number {
  const b = enc.encode(key);
  let len = b.length;
  let hash = len >>> 0;
  const rem = len & 3;
  len >>>= 2;
  let p = 0;
  for (; len > 0; len--) {
    hash = (hash + (b[p]! | (b[p + 1]! << 8))) >>> 0;
    const tmp = (((b[p + 2]! | (b[p + 3]! << 8)) << 11) ^ hash) >>> 0;
    hash = (((hash << 16) >>> 0) ^ tmp) >>> 0;
    p += 4;
    hash = (hash + (hash >>> 11)) >>> 0;
  }
  const signedByte = (x: number) => (x > 127 ? x - 256 : x);
  switch (rem) {
    case 3:
      hash = (hash + (b[p]! | (b[p + 1]! << 8))) >>> 0;
      hash = (hash ^ (hash << 16)) >>> 0;
      hash = (hash ^ (signedByte(b[p + 2]!) << 18)) >>> 0;
      hash = (hash + (hash >>> 11)) >>> 0;
      break;
    case 2:
      hash = (hash + (b[p]! | (b[p + 1]! << 8))) >>> 0;
      hash = (hash ^ (hash << 11)) >>> 0;
      hash = (hash + (hash >>> 17)) >>> 0;
      break;
    case 1:
      hash = (hash + signedByte(b[p]!)) >>> 0;
      hash = (hash ^ (hash << 10)) >>> 0;
      hash = (hash + (hash >>> 1)) >>> 0;
      break;
  }
  hash = (hash ^ (hash << 3)) >>> 0;
  hash = (hash + (hash >>> 5)) >>> 0;
  hash = (hash ^ (hash << 4)) >>> 0;
  hash = (hash + (hash >>> 17)) >>> 0;
  hash = (hash ^ (hash << 25)) >>> 0;
  hash = (hash + (hash >>> 6)) >>> 0;
  return hash;
}

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keys in the order kmod's hash iteration yields them, for a table of `buckets` (a power of two). */
export function kmodHashOrder<T>(items: T[], key: (t: T) => string, buckets: number): T[] {
  const withBucket = items.map((t) => ({ t, k: key(t), b: superFastHash(key(t)) & (buckets - 1) }));
  withBucket.sort((x, y) => x.b - y.b || byteCompare(x.k, y.k));
  return withBucket.map((x) => x.t);
}
