// The object identifiers module signing uses, and the digests WebCrypto can verify.

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  pkcs7Data: '1.2.840.113549.1.7.1',
  pkcs7SignedData: '1.2.840.113549.1.7.2',
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  emailAddress: '1.2.840.113549.1.9.1',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** sign-file's hash names (OpenSSL's short names, what kmod prints as sig_hashalgo) → OID and WebCrypto name. */
export const HASHES: Record<string, { oid: string; webcrypto: string }> = {
  sha1: { oid: '1.3.14.3.2.26', webcrypto: 'SHA-1' },
  sha256: { oid: '2.16.840.1.101.3.4.2.1', webcrypto: 'SHA-256' },
  sha384: { oid: '2.16.840.1.101.3.4.2.2', webcrypto: 'SHA-384' },
  sha512: { oid: '2.16.840.1.101.3.4.2.3', webcrypto: 'SHA-512' },
};

export function hashByOid(oid: string): string | undefined {
  return Object.keys(HASHES).find((k) => HASHES[k]!.oid === oid);
}
