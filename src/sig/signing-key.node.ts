// certs/signing_key.pem and certs/signing_key.x509 of a build folder, as Linux's certs/Makefile makes
// them (OpenSSL req -new -nodes -utf8 -x509 with default_x509.genkey): made once, reused after.
// Node's crypto makes the RSA key and signs the certificate; der.ts/x509.ts write it.

import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCertificate, spkiKeyBits } from './x509.js';

export interface SigningKey {
  /** PEM: the private key, then the certificate (sign-file takes either file as KEY). */
  keyPath: string;
  /** DER certificate, what the kernel trusts. */
  certPath: string;
  /** Whether this call made them. */
  created: boolean;
}

export const signingKeyPaths = (buildDir: string) => ({
  keyPath: join(buildDir, 'certs', 'signing_key.pem'),
  certPath: join(buildDir, 'certs', 'signing_key.x509'),
});

export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

/** A fresh key and self-signed certificate (CONFIG_MODULE_SIG_KEY_TYPE_RSA: 4096 bits by default). */
export function generateSigningKey(bits = 4096, now = new Date()): { keyPem: string; certDer: Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const serial = new Uint8Array(randomBytes(20));
  serial[0]! &= 0x7f; // positive, as OpenSSL's random serials are
  const notAfter = new Date(now);
  notAfter.setUTCDate(notAfter.getUTCDate() + 36500); // x509.genkey's -days 36500
  const certDer = buildCertificate({
    spki, serial, notBefore: now, notAfter,
    skid: new Uint8Array(createHash('sha1').update(spkiKeyBits(spki)).digest()),
    sign: (tbs) => new Uint8Array(sign('sha256', tbs, privateKey)),
  });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { keyPem, certDer };
}

/** The build folder's key pair, made when missing (or unreadable: a key without its certificate). */
export function ensureSigningKey(buildDir: string, bits?: number): SigningKey {
  const { keyPath, certPath } = signingKeyPaths(buildDir);
  if (existsSync(keyPath) && existsSync(certPath)) {
    try {
      createPrivateKey(readFileSync(keyPath));
      return { keyPath, certPath, created: false };
    } catch { /* remade below */ }
  }
  mkdirSync(join(buildDir, 'certs'), { recursive: true });
  const { keyPem, certDer } = generateSigningKey(bits);
  // Written under temporary names and renamed: a build killed half-way leaves no half a key.
  writeFileSync(`${keyPath}.tmp`, keyPem + pem('CERTIFICATE', certDer), { mode: 0o600 });
  writeFileSync(`${certPath}.tmp`, certDer);
  renameSync(`${certPath}.tmp`, certPath);
  renameSync(`${keyPath}.tmp`, keyPath);
  return { keyPath, certPath, created: true };
}
