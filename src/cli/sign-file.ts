// `lkm sign-file [-dp] HASH KEY X509 MODULE [DEST]`: Linux's scripts/sign-file. Without DEST the
// module is signed in place (written to MODULE.~signed~, then renamed over it, as sign-file does).
// -p also writes the PKCS#7 message to DEST.p7s, -d writes only that; -k names the signer by the
// certificate's subjectKeyIdentifier.

import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DerError } from '../sig/der.js';
import { isSupportedHash, moduleSignature } from '../sig/sign-file.js';
import { appendModuleSignature } from '../wasm/module-signature.js';

const USAGE = 'Usage: lkm sign-file [-dpk] <hash algo> <key> <x509> <module> [<dest>]\n';

class SignError extends Error {}

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new SignError(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}`);
  }
}

/** read_x509(): DER when it starts as a SEQUENCE does, else the first PEM CERTIFICATE block. */
function readCert(path: string): Uint8Array {
  const b = read(path);
  if (b[0] === 0x30 && (b[1]! & 0x80)) return new Uint8Array(b);
  const m = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/.exec(b.toString('latin1'));
  if (!m) throw new SignError(`${path}: not an X.509 certificate (DER or PEM)`);
  return new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
}

function readKey(path: string): KeyObject {
  const b = read(path);
  try {
    const key = createPrivateKey(b);
    if (key.asymmetricKeyType !== 'rsa') throw new SignError(`${path}: not an RSA private key`);
    return key;
  } catch (e) {
    if (e instanceof SignError) throw e;
    throw new SignError(`${path}: cannot read the private key (${(e as Error).message})`);
  }
}

export function main(argv: string[]): number {
  let saveSig = false, signOnly = false, useKeyId = false;
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '--') { i++; break; }
    for (const c of argv[i]!.slice(1)) {
      if (c === 'p') saveSig = true;
      else if (c === 'd') { signOnly = true; saveSig = true; }
      else if (c === 'k') useKeyId = true;
      else { process.stderr.write(`lkm sign-file: invalid option -- '${c}'\n${USAGE}`); return 2; }
    }
  }
  const args = argv.slice(i);
  if (args.length < 4 || args.length > 5) { process.stderr.write(USAGE); return 2; }
  const [hash, keyPath, certPath, modPath, destArg] = args as [string, string, string, string, string?];
  try {
    if (!isSupportedHash(hash)) throw new SignError(`EVP_get_digestbyname: unknown hash algorithm '${hash}'`);
    const key = readKey(keyPath);
    const cert = readCert(certPath);
    const module = new Uint8Array(read(modPath));
    let p7: Uint8Array;
    try {
      p7 = moduleSignature(hash, cert, module, (h, data) => new Uint8Array(sign(h, data, key)), useKeyId);
    } catch (e) {
      if (e instanceof DerError) throw new SignError(`${certPath}: malformed certificate (${e.message})`);
      if (useKeyId) throw new SignError(`${certPath}: ${(e as Error).message}`);
      throw e;
    }
    const dest = destArg ?? modPath;
    if (saveSig) writeFileSync(`${dest}.p7s`, p7);
    if (signOnly) return 0;
    const tmp = destArg === undefined || destArg === modPath ? `${modPath}.~signed~` : dest;
    writeFileSync(tmp, appendModuleSignature(module, p7));
    if (tmp !== dest) renameSync(tmp, dest);
    return 0;
  } catch (e) {
    if (!(e instanceof SignError)) throw e;
    process.stderr.write(`sign-file: ${e.message}\n`);
    return 1;
  }
}
