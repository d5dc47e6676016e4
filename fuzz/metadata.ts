// Target: the metadata reader (src/wasm/metadata.ts) on mutated .ko bytes and on random bytes after
// the wasm header. It returns metadata or throws WasmFormatError, nothing else.

import fc from 'fast-check';
import { readModuleMetadata } from '../src/wasm/metadata.js';
import { WasmFormatError } from '../src/wasm/reader.js';
import { mutatedKo } from './ko-mutate.js';
import type { Tally } from './tally.js';

const HEADER = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];

/** Random sections: ids, sizes and bodies drawn at random behind a valid header. */
const randomModule = fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([...HEADER, ...b]));

export function metadataProperty(bases: readonly Uint8Array[], tally: Tally) {
  const input = fc.oneof({ weight: 4, arbitrary: mutatedKo(bases).map((m) => m.bytes) }, { weight: 1, arbitrary: randomModule });
  return fc.property(input, (bytes) => {
    try {
      const meta = readModuleMetadata(bytes);
      tally.add(meta.modinfo.some((e) => e.key === 'name') ? 'read' : 'read (no name=)');
    } catch (e) {
      if (!(e instanceof WasmFormatError)) throw e;
      tally.add('WasmFormatError');
    }
  });
}
