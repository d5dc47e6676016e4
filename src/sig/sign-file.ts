// scripts/sign-file's core: a detached PKCS#7 signature of the module (no certificates, no
// authenticated attributes, signer named by issuer and serial), appended with struct module_signature
// and the marker. Platform-neutral: the caller passes the RSA signing function.

import { appendModuleSignature } from '../wasm/module-signature.js';
import { buildSignedData } from './pkcs7.js';
import { HASHES } from './oids.js';
import { parseCertificate } from './x509.js';

/** RSASSA-PKCS1-v1_5 over `data` with digest `hash` (sign-file's hash name). */
export type RsaSign = (hash: string, data: Uint8Array) => Uint8Array;

export function isSupportedHash(hash: string): boolean {
  return hash in HASHES;
}

/**
 * The PKCS#7 message sign-file writes (also its -d / -p .p7s file); `useKeyId` (sign-file -k) names the
 * signer by the certificate's subjectKeyIdentifier instead of its issuer and serial.
 */
export function moduleSignature(hash: string, certDer: Uint8Array, module: Uint8Array, rsaSign: RsaSign, useKeyId = false): Uint8Array {
  const cert = parseCertificate(certDer);
  if (useKeyId && !cert.skid) throw new Error('the certificate has no subjectKeyIdentifier (needed by -k)');
  return buildSignedData({
    hash, issuer: cert.issuer, serial: cert.serial, ...(useKeyId ? { skid: cert.skid } : {}), signature: rsaSign(hash, module),
  });
}

export function signModule(hash: string, certDer: Uint8Array, module: Uint8Array, rsaSign: RsaSign, useKeyId = false): Uint8Array {
  return appendModuleSignature(module, moduleSignature(hash, certDer, module, rsaSign, useKeyId));
}
