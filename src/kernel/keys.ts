// The .builtin_trusted_keys keyring (certs/system_keyring.c): the X.509 certificates the kernel was
// given at boot, the keys module signatures are checked against, and /proc/keys (security/keys/proc.c).

import { DerError } from '../sig/der.js';
import { parseCertificate, type CertificateInfo } from '../sig/x509.js';
import { EBADMSG } from './errno.js';

/** KEY_POS_ALL & ~KEY_POS_SETATTR: what the possessor of a built-in key or keyring may do. */
const POS = 0x1f000000;
const USR_VIEW = 0x00010000, USR_READ = 0x00020000, USR_SEARCH = 0x00080000;

export interface TrustedKey {
  serial: number;
  cert: CertificateInfo;
  /** "SUBJECT: SKID-hex" (x509_key_preparse()'s proposed description). */
  description: string;
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

export class Keyrings {
  readonly builtin: TrustedKey[] = [];
  private keyringSerial = 0;
  private readonly used = new Set<number>();

  constructor(private readonly random: (buf: Uint8Array) => void) {}

  /** Key serial numbers are random positive 31-bit numbers (key_alloc_serial()). */
  private serial(): number {
    const b = new Uint8Array(4);
    for (;;) {
      this.random(b);
      const n = new DataView(b.buffer).getUint32(0) >>> 1;
      if (n >= 3 && !this.used.has(n)) { this.used.add(n); return n; }
    }
  }

  /** system_trusted_keyring_init() and load_system_certificate_list(), with their boot messages. */
  boot(certs: Uint8Array[], printk: (s: string) => void): void {
    printk('\x015Initialise system trusted keyrings\n');
    this.keyringSerial = this.serial();
    printk('\x015Loading compiled-in X.509 certificates\n');
    for (const der of certs) {
      let cert: CertificateInfo;
      try {
        cert = parseCertificate(der);
      } catch (e) {
        if (!(e instanceof DerError)) throw e;
        printk(`\x013Problem loading in-kernel X.509 certificate (${-EBADMSG})\n`);
        continue;
      }
      const description = `${cert.subject}: ${hex(cert.skid ?? cert.serial)}`;
      this.builtin.push({ serial: this.serial(), cert, description });
      printk(`\x015Loaded X.509 cert '${description}'\n`);
    }
  }

  /** find_asymmetric_key() by PKCS#7's issuerAndSerialNumber, or by subjectKeyIdentifier. */
  find(id: { issuer: Uint8Array; serial: Uint8Array; skid?: Uint8Array }): TrustedKey | undefined {
    const same = (a: Uint8Array | undefined, b: Uint8Array) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);
    const skid = id.skid;
    if (skid) return this.builtin.find((k) => same(k.cert.skid, skid));
    return this.builtin.find((k) => same(k.cert.issuer, id.issuer) && same(k.cert.serial, id.serial));
  }

  /** /proc/keys: the built-in keyring and its keys, as root sees them. */
  procKeys(): string {
    const line = (serial: number, perm: number, type: string, desc: string) =>
      `${serial.toString(16).padStart(8, '0')} I------ ${'1'.padStart(5)} perm ${perm.toString(16).padStart(8, '0')} ${'0'.padStart(5)} ${'0'.padStart(5)} ${type.slice(0, 9).padEnd(9)} ${desc}\n`;
    const n = this.builtin.length;
    let out = line(this.keyringSerial, POS | USR_VIEW | USR_READ | USR_SEARCH, 'keyring',
      `.builtin_trusted_keys: ${n ? n : 'empty'}`);
    for (const key of [...this.builtin].sort((a, b) => a.serial - b.serial)) {
      // asymmetric_key_describe(): description, subtype ("X509.rsa"), the last 4 bytes of the key's first id, "[]".
      const id = key.cert.serial.subarray(Math.max(0, key.cert.serial.length - 4));
      out += line(key.serial, POS | USR_VIEW | USR_READ, 'asymmetric', `${key.description}: X509.${key.cert.keyAlgo} ${hex(id)} []`);
    }
    return out;
  }
}
