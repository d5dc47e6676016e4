// module_sig_check() and mod_verify_sig() (kernel/module/signing.c, kernel/module_signature.c,
// crypto/asymmetric_keys/pkcs7_verify.c): the appended PKCS#7 signature checked against the built-in
// keys with WebCrypto, before the loader reads anything else of the module.

import { DerError } from '../sig/der.js';
import { HASHES, OID } from '../sig/oids.js';
import { parseSignedData } from '../sig/pkcs7.js';
import {
  MODULE_SIGNATURE_SIZE, MODULE_SIG_STRING, PKEY_ID_PKCS7, hasSignatureMarker, readSignatureInfo,
  stripModuleSignature,
} from '../wasm/module-signature.js';
import { KernelError, EBADMSG, EKEYREJECTED, ENODATA, ENOKEY, ENOPKG } from './errno.js';
import type { Kernel } from './kernel.js';

export interface SigCheck {
  /** The module without its signature: what the loader parses and compiles. */
  content: Uint8Array;
  /** info->sig_ok: a valid signature by a trusted key (no taint E). */
  sigOk: boolean;
}

const REASONS: Record<number, string> = {
  [ENODATA]: 'unsigned module',
  [ENOPKG]: 'module with unsupported crypto',
  [ENOKEY]: 'module with unavailable key',
};

/**
 * `mangled`: insmod -f (vermagic or modversions ignored) — the module is no longer the one that was
 * signed, so its signature is not even looked at.
 */
export async function moduleSigCheck(k: Kernel, bytes: Uint8Array, mangled: boolean): Promise<SigCheck> {
  let err = ENODATA;
  if (!mangled && hasSignatureMarker(bytes)) {
    const r = await modVerifySig(k, bytes);
    if (typeof r !== 'number') return { content: r, sigOk: true };
    err = r;
  }
  const reason = REASONS[err];
  // Malformed messages and bad signatures are fatal even when signatures are not required.
  if (!reason) throw new KernelError(err);
  if (k.vm.is_module_sig_enforced()) {
    k.printk(`\x015Loading of ${reason} is rejected\n`);
    throw new KernelError(EKEYREJECTED);
  }
  // Not verified (unsigned, forced, unknown key or crypto): what the loader reads is still the bare module.
  return { content: hasSignatureMarker(bytes) ? stripModuleSignature(bytes) : bytes, sigOk: false };
}

/** The module without the signature when it verifies, else the positive errno. */
async function modVerifySig(k: Kernel, file: Uint8Array): Promise<Uint8Array | number> {
  const len = file.length - MODULE_SIG_STRING.length;
  if (len <= MODULE_SIGNATURE_SIZE) return EBADMSG;
  const ms = readSignatureInfo(file)!;
  // mod_check_sig()
  if (ms.sigLen >= len - MODULE_SIGNATURE_SIZE) return EBADMSG;
  if (ms.idType !== PKEY_ID_PKCS7) {
    k.printk('\x013module: not signed with expected PKCS#7 message\n');
    return ENOPKG;
  }
  if (ms.algo || ms.hash || ms.signerLen || ms.keyIdLen || ms.pad.some((b) => b !== 0)) {
    k.printk('\x013module: PKCS#7 signature info has unexpected non-zero params\n');
    return EBADMSG;
  }
  const modlen = len - MODULE_SIGNATURE_SIZE - ms.sigLen;
  const content = file.subarray(0, modlen);
  const r = await verifyPkcs7(k, content, file.subarray(modlen, modlen + ms.sigLen));
  return r === 0 ? content : r;
}

/** verify_pkcs7_signature() against .builtin_trusted_keys: 0, or EBADMSG / ENOPKG / ENOKEY / EKEYREJECTED. */
async function verifyPkcs7(k: Kernel, data: Uint8Array, msg: Uint8Array): Promise<number> {
  let si;
  try {
    si = parseSignedData(msg);
  } catch (e) {
    if (e instanceof DerError) return EBADMSG;
    throw e;
  }
  // pkcs7_verify() for VERIFYING_MODULE_SIGNATURE.
  if (si.dataType !== OID.pkcs7Data || si.authAttrs) {
    k.printk(`\x014PKCS7: Invalid module sig (${si.authAttrs && si.dataType === OID.pkcs7Data ? 'has authattrs' : 'not pkcs7-data'})\n`);
    return EKEYREJECTED;
  }
  const hash = HASHES[si.hash];
  if (!hash || si.sigAlgo !== OID.rsaEncryption) return ENOPKG;
  const key = k.keys.find(si);
  if (!key) return ENOKEY;
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: hash.webcrypto };
  let pub: CryptoKey;
  try {
    pub = await crypto.subtle.importKey('spki', key.cert.spki as Uint8Array<ArrayBuffer>, alg, false, ['verify']);
  } catch {
    return ENOPKG; // a key WebCrypto cannot use for this (not RSA): the kernel has no such crypto either
  }
  try {
    const ok = await crypto.subtle.verify(alg, pub, si.signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
    return ok ? 0 : EKEYREJECTED;
  } catch {
    return EKEYREJECTED; // a signature WebCrypto cannot even check (the spec says false; be sure)
  }
}
