// The signature scripts/sign-file appends to a .ko: [module][PKCS#7][struct module_signature]
// [MODULE_SIG_STRING]. A wasm module ends where its last section ends, so readers of the module's
// sections must cut the signature off first; the kernel verifies it (src/kernel/module-sig.ts).

export const MODULE_SIG_STRING = '~Module signature appended~\n';
const MARKER = new TextEncoder().encode(MODULE_SIG_STRING);
/** sizeof(struct module_signature): algo, hash, id_type, signer_len, key_id_len, __pad[3], __be32 sig_len. */
export const MODULE_SIGNATURE_SIZE = 12;
/** enum pkey_id_type: PKEY_ID_PGP, PKEY_ID_X509, PKEY_ID_PKCS7. */
export const PKEY_ID_PKCS7 = 2;

export interface ModuleSignatureInfo {
  algo: number;
  hash: number;
  idType: number;
  signerLen: number;
  keyIdLen: number;
  pad: [number, number, number];
  sigLen: number;
}

export function hasSignatureMarker(bytes: Uint8Array): boolean {
  if (bytes.length <= MARKER.length) return false;
  const at = bytes.length - MARKER.length;
  return MARKER.every((b, i) => bytes[at + i] === b);
}

/** struct module_signature right before the marker (the caller checked the marker is there), or undefined when the file is too short for one. */
export function readSignatureInfo(bytes: Uint8Array): ModuleSignatureInfo | undefined {
  const end = bytes.length - MARKER.length;
  if (end < MODULE_SIGNATURE_SIZE) return undefined;
  const s = bytes.subarray(end - MODULE_SIGNATURE_SIZE, end);
  return {
    algo: s[0]!, hash: s[1]!, idType: s[2]!, signerLen: s[3]!, keyIdLen: s[4]!,
    pad: [s[5]!, s[6]!, s[7]!],
    sigLen: new DataView(s.buffer, s.byteOffset, 12).getUint32(8, false),
  };
}

/**
 * The module without its appended signature, as kmod's readers see it (the signature data, signer and
 * key id, kmod_module_signature_info()'s layout); the bytes themselves when there is none that fits.
 */
export function stripModuleSignature(bytes: Uint8Array): Uint8Array {
  if (!hasSignatureMarker(bytes)) return bytes;
  const info = readSignatureInfo(bytes);
  if (!info || info.sigLen === 0) return bytes;
  const before = bytes.length - MARKER.length - MODULE_SIGNATURE_SIZE;
  const total = info.sigLen + info.signerLen + info.keyIdLen;
  if (total > before) return bytes;
  return bytes.subarray(0, before - total);
}

/** The PKCS#7 message of a module's signature (kmod's fill_pkcs7 reads it from here). */
export function signatureData(bytes: Uint8Array, info: ModuleSignatureInfo): Uint8Array {
  const end = bytes.length - MARKER.length - MODULE_SIGNATURE_SIZE;
  return bytes.subarray(end - info.sigLen, end);
}

/** sign-file's output: the module, the PKCS#7 message, struct module_signature, the marker. */
export function appendModuleSignature(module: Uint8Array, pkcs7: Uint8Array): Uint8Array {
  const out = new Uint8Array(module.length + pkcs7.length + MODULE_SIGNATURE_SIZE + MARKER.length);
  out.set(module, 0);
  out.set(pkcs7, module.length);
  const ms = module.length + pkcs7.length;
  out[ms + 2] = PKEY_ID_PKCS7; // algo, hash, signer_len, key_id_len and __pad stay 0 for PKCS#7
  new DataView(out.buffer).setUint32(ms + 8, pkcs7.length, false);
  out.set(MARKER, ms + MODULE_SIGNATURE_SIZE);
  return out;
}
