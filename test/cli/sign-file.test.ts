// `lkm sign-file` as Linux's scripts/sign-file: in place or to DEST, -p and -d for the .p7s, its usage
// and error exits.
import { createPrivateKey, sign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/sign-file.js';
import { pem } from '../../src/sig/signing-key.node.js';
import { moduleSignature, signModule } from '../../src/sig/sign-file.js';
import { hasSignatureMarker } from '../../src/wasm/module-signature.js';
import { BUILD, example } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'lkm-sign-file-'));
const KEY = join(BUILD, 'certs/signing_key.pem');
const CERT = join(BUILD, 'certs/signing_key.x509');
const hello = () => new Uint8Array(readFileSync(example('hello')));
const rsa = (h: string, d: Uint8Array) => new Uint8Array(sign(h, d, createPrivateKey(readFileSync(KEY))));
const read = (p: string) => new Uint8Array(readFileSync(p));

function run(...argv: string[]): { status: number; stderr: string } {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
  try { return { status: main(argv), stderr }; } finally { spy.mockRestore(); }
}

afterEach(() => { vi.restoreAllMocks(); });

describe('lkm sign-file', () => {
  it('signs in place: the module, the PKCS#7 message, struct module_signature, the marker', () => {
    const ko = join(tmp, 'inplace.ko');
    writeFileSync(ko, hello());
    expect(run('sha256', KEY, CERT, ko)).toEqual({ status: 0, stderr: '' });
    // RSASSA-PKCS1-v1_5 is deterministic: the same bytes as the library's signModule.
    expect(read(ko)).toEqual(signModule('sha256', read(CERT), hello(), rsa));
    expect(existsSync(`${ko}.~signed~`)).toBe(false);
  });

  it('to DEST, with -p the .p7s beside it; -d writes only the .p7s; a PEM certificate works too', () => {
    const src = join(tmp, 'src.ko');
    writeFileSync(src, hello());
    const dest = join(tmp, 'dest.ko');
    const pemCert = join(tmp, 'cert.pem');
    writeFileSync(pemCert, pem('CERTIFICATE', read(CERT)));
    expect(run('-p', 'sha256', KEY, pemCert, src, dest).status).toBe(0);
    expect(read(src)).toEqual(hello());
    expect(hasSignatureMarker(read(dest))).toBe(true);
    expect(read(`${dest}.p7s`)).toEqual(moduleSignature('sha256', read(CERT), hello(), rsa));
    const only = join(tmp, 'only.ko');
    writeFileSync(only, hello());
    expect(run('-d', 'sha256', KEY, CERT, only).status).toBe(0);
    expect(read(only)).toEqual(hello());
    expect(existsSync(`${only}.p7s`)).toBe(true);
  });

  it('usage errors exit 2; a missing file or an unknown hash exits 1 with sign-file\'s message', () => {
    expect(run('sha256', KEY, CERT)).toEqual({ status: 2, stderr: 'Usage: lkm sign-file [-dpk] <hash algo> <key> <x509> <module> [<dest>]\n' });
    expect(run('-x', 'sha256', KEY, CERT, 'a.ko').status).toBe(2);
    const missing = join(tmp, 'missing.ko');
    expect(run('sha256', KEY, CERT, missing)).toEqual({ status: 1, stderr: `sign-file: ${missing}: No such file or directory\n` });
    expect(run('md17', KEY, CERT, missing)).toEqual({ status: 1, stderr: "sign-file: EVP_get_digestbyname: unknown hash algorithm 'md17'\n" });
    expect(run('sha256', CERT, CERT, missing).stderr).toMatch(/^sign-file: .*signing_key\.x509: cannot read the private key/);
  });
});
