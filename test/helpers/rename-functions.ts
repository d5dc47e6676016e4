// Rewrites function names in a binary's `name` section, leaving every other byte as it was: lets a test
// check that the name section is the only place where two builds' names differ.

import { Cursor, SECTION, WasmFormatError, sections } from '../../src/wasm/reader.js';

function lebBytes(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/**
 * Renames functions in the `name` section's function-name subsection (`renames`: old name → new name).
 * Every other byte of the binary stays as it was; returns the input itself when nothing was renamed.
 */
export function renameFunctions(bin: Uint8Array, renames: Map<string, string>): Uint8Array {
  if (renames.size === 0) return bin;
  const sec = sections(bin).find((s) => s.id === SECTION.custom && s.name === 'name');
  if (!sec) return bin;
  const enc = new TextEncoder();
  const c = new Cursor(bin, sec.start, sec.end);
  const parts: (Uint8Array | number[])[] = [];
  let changed = false;
  while (!c.done) {
    const subStart = c.pos;
    const id = c.u8();
    const size = c.u32();
    const payloadStart = c.pos;
    const end = payloadStart + size;
    if (id !== 1) { parts.push(bin.subarray(subStart, end)); c.pos = end; continue; }
    const body: (Uint8Array | number[])[] = [];
    const count = c.u32();
    body.push(bin.subarray(payloadStart, c.pos));
    for (let n = 0; n < count; n++) {
      const entryStart = c.pos;
      c.u32();
      const indexEnd = c.pos;
      const name = c.name();
      const to = renames.get(name);
      if (to === undefined) { body.push(bin.subarray(entryStart, c.pos)); continue; }
      const nb = enc.encode(to);
      body.push(bin.subarray(entryStart, indexEnd), lebBytes(nb.length), nb);
      changed = true;
    }
    if (c.pos !== end) throw new WasmFormatError('malformed function name subsection');
    const bodyLen = body.reduce((a, p) => a + p.length, 0);
    parts.push([id, ...lebBytes(bodyLen)], ...body);
  }
  if (!changed) return bin;
  // Rebuild the custom section: id 0, size, name "name", subsections.
  const nameBytes = [4, ...enc.encode('name')];
  const payloadLen = nameBytes.length + parts.reduce((a, p) => a + p.length, 0);
  const headerStart = sec.offset;
  const head = [0, ...lebBytes(payloadLen), ...nameBytes];
  const total = headerStart + head.length + (payloadLen - nameBytes.length) + (bin.length - sec.end);
  const out = new Uint8Array(total);
  out.set(bin.subarray(0, headerStart), 0);
  let at = headerStart;
  out.set(head, at); at += head.length;
  for (const p of parts) { out.set(p, at); at += p.length; }
  out.set(bin.subarray(sec.end), at);
  return out;
}
