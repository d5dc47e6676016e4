// PKCS#7 SignedData as scripts/sign-file writes it for a module: detached content, no certificates,
// no authenticated attributes, one SignerInfo naming the key by issuer and serial number (or, with
// sign-file -k, by its subjectKeyIdentifier: CMS, version 3).

import {
  DerError, TAG, explicit, expectTag, fields, nul, octets, oid, oidText, parseDer, seq, set, tlv, uint, unsignedInt,
  type Der,
} from './der.js';
import { HASHES, OID, hashByOid } from './oids.js';

export interface SignerInfo {
  /** The type of the (detached) content: pkcs7-data for a module. */
  dataType: string;
  /** Authenticated attributes present (a module signature must have none). */
  authAttrs: boolean;
  /** sign-file's hash name (sha256, …), or the digest algorithm's OID when it is not one WebCrypto has. */
  hash: string;
  /** The issuer Name's encoding (empty when the signer is named by `skid`). */
  issuer: Uint8Array;
  /** The serial number's magnitude (empty when the signer is named by `skid`). */
  serial: Uint8Array;
  /** The signer's subjectKeyIdentifier, when the SignerInfo names it so. */
  skid?: Uint8Array;
  /** The signature algorithm's OID (rsaEncryption). */
  sigAlgo: string;
  signature: Uint8Array;
}

export function buildSignedData(s: Omit<SignerInfo, 'sigAlgo' | 'dataType' | 'authAttrs'>): Uint8Array {
  const h = HASHES[s.hash];
  if (!h) throw new Error(`unsupported hash algorithm ${s.hash}`);
  const digestAlg = seq(oid(h.oid));
  const v = s.skid ? 3 : 1;
  const signer = seq(
    uint(v),
    s.skid ? tlv(0x80, s.skid) : seq(s.issuer, uint(s.serial)),
    digestAlg,
    seq(oid(OID.rsaEncryption), nul()),
    octets(s.signature),
  );
  return seq(
    oid(OID.pkcs7SignedData),
    explicit(0, seq(uint(v), set(digestAlg), seq(oid(OID.pkcs7Data)), set(signer))),
  );
}

/** The one SignerInfo of a SignedData message; DerError when the message is malformed. */
export function parseSignedData(der: Uint8Array): SignerInfo {
  const [type, content] = fields(parseDer(der), TAG.SEQUENCE, 'ContentInfo', 2);
  if (oidText(type!) !== OID.pkcs7SignedData) throw new DerError('not a PKCS#7 SignedData message');
  const [sd] = fields(content, 0xa0, '[0] content', 1);
  const body = fields(sd, TAG.SEQUENCE, 'SignedData', 4);
  // PKCS#7 (1) or CMS (3), as pkcs7_note_signeddata_version() allows.
  if (!version(body[0], [1, 3])) throw new DerError('unsupported SignedData version');
  const [dataType] = fields(body[2], TAG.SEQUENCE, 'contentInfo', 1);
  // version, digestAlgorithms, contentInfo, [0] certificates?, [1] crls?, signerInfos
  const infos = fields(body[body.length - 1], TAG.SET, 'signerInfos');
  if (infos.length !== 1) throw new DerError(`${infos.length} SignerInfos, expected 1`);
  const si = fields(infos[0], TAG.SEQUENCE, 'SignerInfo', 5);
  const [v, sid, digestAlg] = si as [Der, Der, Der];
  // Version 1 names the key by issuer and serial, version 3 by [0] subjectKeyIdentifier.
  const bySkid = sid!.tag === 0x80;
  if (!version(v, [bySkid ? 3 : 1])) throw new DerError('unsupported SignerInfo version');
  const [issuer, serial] = bySkid ? [] : fields(sid, TAG.SEQUENCE, 'issuerAndSerialNumber', 2);
  // Authenticated attributes ([0]) sit before the signature algorithm; sign-file writes none.
  const authAttrs = si[3]!.tag === 0xa0;
  const [sigAlg, sig] = authAttrs ? [si[4], si[5]] : [si[3], si[4]];
  const digestOid = oidText(fields(digestAlg, TAG.SEQUENCE, 'digestAlgorithm', 1)[0]!);
  return {
    dataType: oidText(dataType!),
    hash: hashByOid(digestOid) ?? digestOid,
    issuer: bySkid ? new Uint8Array() : expectTag(issuer, TAG.SEQUENCE, 'issuer Name').raw,
    serial: bySkid ? new Uint8Array() : unsignedInt(serial!),
    ...(bySkid ? { skid: sid!.body } : {}),
    authAttrs,
    sigAlgo: oidText(fields(sigAlg, TAG.SEQUENCE, 'digestEncryptionAlgorithm', 1)[0]!),
    signature: expectTag(sig, TAG.OCTET_STRING, 'encryptedDigest').body,
  };
}

function version(d: Der | undefined, allowed: number[]): boolean {
  const b = unsignedInt(expectTag(d, TAG.INTEGER, 'version'));
  return b.length === 1 && allowed.includes(b[0]!);
}
