// Compiled modules by content: a module loaded again (or vmlinux at every boot of a session) is
// compiled once; instances are per load.

export class CompileCache {
  /** Entries by a cheap content hash; a hit is confirmed byte for byte. */
  private readonly compiled = new Map<string, { bytes: Uint8Array; module: WebAssembly.Module }[]>();

  /**
   * Compiles once per distinct content. The cache key is a fast 64-bit hash (a cryptographic digest
   * cost more than compiling a small module); equal bytes are checked on a hit.
   */
  async compile(bytes: Uint8Array): Promise<WebAssembly.Module> {
    const key = contentKey(bytes);
    const bucket = this.compiled.get(key) ?? [];
    const hit = bucket.find((e) => sameBytes(e.bytes, bytes));
    if (hit) return hit.module;
    const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    bucket.push({ bytes: bytes.slice(), module });
    this.compiled.set(key, bucket);
    return module;
  }
}

/** Length and two 32-bit FNV-1a variants over the bytes: a cache key, not an identity (see sameBytes). */
function contentKey(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

function sameBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
