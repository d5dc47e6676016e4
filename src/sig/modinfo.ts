// The signature fields kmod's modinfo adds after a module's .modinfo strings (libkmod-signature.c with
// OpenSSL, libkmod-module.c's kmod_module_get_info()): sig_id, signer, sig_key, sig_hashalgo, signature.

import { DerError } from './der.js';
import { parseSignedData } from './pkcs7.js';
import { commonNameOf } from './x509.js';
import {
  MODULE_SIGNATURE_SIZE, MODULE_SIG_STRING, PKEY_ID_PKCS7, hasSignatureMarker, readSignatureInfo,
} from '../wasm/module-signature.js';

const PKEY_ALGO = ['DSA', 'RSA'];
const PKEY_HASH = ['md4', 'md5', 'sha1', 'rmd160', 'sha256', 'sha384', 'sha512', 'sha224', 'sm3'];
const PKEY_ID_TYPE = ['PGP', 'X509', 'PKCS#7'];

/** "01:AB:…", a line break and two tabs after every 20 bytes (kmod_module_strbuf_pushhex). */
export function kmodHex(b: Uint8Array): string {
  let out = '';
  b.forEach((x, i) => {
    out += x.toString(16).toUpperCase().padStart(2, '0');
    if (i < b.length - 1) out += (i + 1) % 20 === 0 ? ':\n\t\t' : ':';
  });
  return out;
}

export interface ModinfoEntry { key: string; value: string }

/** The entries, or none when the file carries no signature kmod can read. */
export function signatureModinfo(bytes: Uint8Array): ModinfoEntry[] {
  if (!hasSignatureMarker(bytes)) return [];
  const ms = readSignatureInfo(bytes);
  if (!ms || ms.algo >= PKEY_ALGO.length || ms.hash >= PKEY_HASH.length || ms.idType >= PKEY_ID_TYPE.length) return [];
  const end = bytes.length - MODULE_SIG_STRING.length - MODULE_SIGNATURE_SIZE;
  if (ms.sigLen === 0 || end < ms.sigLen + ms.signerLen + ms.keyIdLen) return [];
  const sig = bytes.subarray(end - ms.sigLen, end);
  const latin1 = (b: Uint8Array) => String.fromCharCode(...b);
  let signer: string, keyId: Uint8Array, hashAlgo: string, signature: Uint8Array;
  if (ms.idType === PKEY_ID_PKCS7) {
    try {
      const si = parseSignedData(sig);
      // OpenSSL's PKCS7 reader (kmod's) knows only issuerAndSerialNumber signers: nothing to show.
      if (si.skid) return [];
      signer = commonNameOf(si.issuer) ?? '';
      keyId = si.serial;
      hashAlgo = si.hash;
      signature = si.signature;
    } catch (e) {
      if (e instanceof DerError) return [];
      throw e;
    }
  } else {
    // The pre-PKCS#7 layout: signer's name and key id stand before the signature.
    keyId = bytes.subarray(end - ms.sigLen - ms.keyIdLen, end - ms.sigLen);
    signer = latin1(bytes.subarray(end - ms.sigLen - ms.keyIdLen - ms.signerLen, end - ms.sigLen - ms.keyIdLen));
    hashAlgo = PKEY_HASH[ms.hash]!;
    signature = sig;
  }
  return [
    { key: 'sig_id', value: PKEY_ID_TYPE[ms.idType]! },
    { key: 'signer', value: signer },
    { key: 'sig_key', value: kmodHex(keyId) },
    { key: 'sig_hashalgo', value: hashAlgo },
    { key: 'signature', value: kmodHex(signature) },
  ];
}
