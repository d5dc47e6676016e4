// Module signing as Linux's CONFIG_MODULE_SIG does it: sign-file's appended PKCS#7 signature, checked
// against the built-in key on every load; module.sig_enforce refuses what does not verify.
import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KernelError } from '../../src/kernel/errno.js';
import { signModule } from '../../src/sig/sign-file.js';
import { generateSigningKey } from '../../src/sig/signing-key.node.js';
import { kmodHex } from '../../src/sig/modinfo.js';
import { parseCertificate } from '../../src/sig/x509.js';
import { bootTestKernel } from '../helpers/kernel.js';
import { BUILD, example } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'lkm-sign-'));
const CERT = new Uint8Array(readFileSync(join(BUILD, 'certs/signing_key.x509')));
const KEY = createPrivateKey(readFileSync(join(BUILD, 'certs/signing_key.pem')));
const hello = () => new Uint8Array(readFileSync(example('hello')));

function signed(module: Uint8Array, cert = CERT, key = KEY, useKeyId = false): Uint8Array {
  return signModule('sha256', cert, module, (h, data) => new Uint8Array(sign(h, data, key)), useKeyId);
}

function file(name: string, bytes: Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

const ENFORCE = { cmdline: 'module.sig_enforce=1' };
const UNSIGNED_NOTICE = 'hello: module verification failed: signature and/or required key missing - tainting kernel';

describe('module signatures', () => {
  it('a module signed with the build key loads under module.sig_enforce=1, without taint E', async () => {
    const t = await bootTestKernel(ENFORCE);
    const ko = file('hello-signed.ko', signed(hello()));
    const r = await t.run(`insmod ${ko}`);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(t.log()).toEqual(['hello: loading out-of-tree module taints kernel.', 'hello: Hello, world']);
    expect((await t.run('cat /proc/modules')).stdout).toMatch(/^hello .* \(O\)\n$/);
    expect((await t.run('cat /sys/module/hello/taint')).stdout).toBe('O\n');
    expect((await t.run('rmmod hello')).status).toBe(0);
  });

  it('sign-file -k: a signer named by subjectKeyIdentifier is found by it (and kmod shows no signature fields)', async () => {
    const t = await bootTestKernel(ENFORCE);
    const ko = file('hello-skid.ko', signed(hello(), CERT, KEY, true));
    expect((await t.run(`insmod ${ko}`)).status).toBe(0);
    expect((await t.run('cat /sys/module/hello/taint')).stdout).toBe('O\n');
    expect((await t.run(`modinfo -F sig_id ${ko}`)).stdout).toBe('');
    const other = generateSigningKey(1024);
    const foreign = file('hello-skid-other.ko', signed(hello(), other.certDer, createPrivateKey(other.keyPem), true));
    expect((await t.run(`insmod ${foreign}`)).stderr).toContain(': Key was rejected by service\n');
    expect(t.log().at(-1)).toBe('Loading of module with unavailable key is rejected');
  });

  it('an unsigned module is rejected under enforcement with Linux\'s notice and EKEYREJECTED', async () => {
    const t = await bootTestKernel(ENFORCE);
    const r = await t.run(`insmod ${example('hello')}`);
    expect(r.stderr).toBe(`insmod: ERROR: could not insert module ${example('hello')}: Key was rejected by service\n`);
    expect(t.log()).toEqual(['Loading of unsigned module is rejected']);
    expect((await t.run('cat /proc/modules')).stdout).toBe('');
    expect((await t.run('cat /proc/sys/kernel/tainted')).stdout).toBe('0\n');
    // The kernel is left as it was: the signed module loads after.
    expect((await t.run(`insmod ${file('hello-after.ko', signed(hello()))}`)).status).toBe(0);
  });

  it('one flipped byte in the signed wasm is rejected with EKEYREJECTED, enforced or not', async () => {
    const bytes = signed(hello());
    bytes[100] ^= 0x01;
    const ko = file('hello-tampered.ko', bytes);
    for (const cmdline of ['module.sig_enforce=1', '']) {
      const t = await bootTestKernel({ cmdline });
      const r = await t.run(`insmod ${ko}`);
      expect(r.stderr).toBe(`insmod: ERROR: could not insert module ${ko}: Key was rejected by service\n`);
      expect(t.log()).toEqual([]);
      expect((await t.run('cat /proc/modules')).stdout).toBe('');
    }
  });

  it('a flipped byte in the signature itself is rejected too', async () => {
    const bytes = signed(hello());
    bytes[bytes.length - 28 - 12 - 5] ^= 0x80; // inside the RSA signature, the PKCS#7 message's last field
    const t = await bootTestKernel(ENFORCE);
    expect((await t.run(`insmod ${file('hello-badsig.ko', bytes)}`)).stderr).toContain(': Key was rejected by service\n');
  });

  it('modinfo shows sig_id, signer, sig_key, sig_hashalgo and signature as kmod does', async () => {
    const t = await bootTestKernel();
    const ko = file('hello-modinfo.ko', signed(hello()));
    const r = await t.run(`modinfo ${ko}`);
    expect(r.status).toBe(0);
    const cert = parseCertificate(CERT);
    const serial = kmodHex(cert.serial);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('sig_id:'));
    expect(lines.slice(at - 1, at + 4)).toEqual([
      'vermagic:       6.12.0-lkm-wasm SMP mod_unload wasm32 ',
      'sig_id:         PKCS#7',
      'signer:         Build time autogenerated kernel key',
      `sig_key:        ${serial}`,
      'sig_hashalgo:   sha256',
    ]);
    // 4096-bit RSA: 512 bytes, 20 a line, continuation lines indented by two tabs.
    const sig = lines.slice(at + 4).filter((l) => l !== '');
    expect(sig[0]).toMatch(/^signature:      ([0-9A-F]{2}:){20}$/);
    expect(sig.slice(1, -1).every((l) => /^\t\t([0-9A-F]{2}:){20}$/.test(l))).toBe(true);
    expect(sig.at(-1)).toMatch(/^\t\t([0-9A-F]{2}:){11}[0-9A-F]{2}$/);
    expect(sig.length).toBe(26);
    expect((await t.run(`modinfo -F signer ${ko}`)).stdout).toBe('Build time autogenerated kernel key\n');
    expect((await t.run(`modinfo -F name ${ko}`)).stdout).toBe('hello\n');
    expect((await t.run(`modinfo -F sig_id ${example('hello')}`)).stdout).toBe('');
  });

  it('a module signed by a key the kernel does not have: unavailable key (rejected when enforced, taint E when not)', async () => {
    const other = generateSigningKey(2048);
    const ko = file('hello-otherkey.ko', signed(hello(), other.certDer, createPrivateKey(other.keyPem)));
    const t = await bootTestKernel(ENFORCE);
    const r = await t.run(`insmod ${ko}`);
    expect(r.stderr).toBe(`insmod: ERROR: could not insert module ${ko}: Key was rejected by service\n`);
    expect(t.log()).toEqual(['Loading of module with unavailable key is rejected']);
    const loose = await bootTestKernel();
    expect((await loose.run(`insmod ${ko}`)).status).toBe(0);
    expect(loose.log()).toContain(UNSIGNED_NOTICE);
    expect((await loose.run('cat /sys/module/hello/taint')).stdout).toBe('OE\n');
  });

  it('a malformed signature block is EBADMSG, enforced or not', async () => {
    const good = signed(hello());
    const sigInfo = good.length - 28 - 12;
    const badPad = good.slice();
    badPad[sigInfo + 6] = 1; // __pad[1]
    const tooLong = good.slice();
    new DataView(tooLong.buffer).setUint32(sigInfo + 8, good.length, false);
    const garbage = good.slice();
    const p7len = new DataView(good.buffer).getUint32(sigInfo + 8, false);
    garbage[sigInfo - p7len] = 0x41; // the PKCS#7 message's first tag: not a SEQUENCE
    const t = await bootTestKernel();
    for (const [name, bytes, log] of [
      ['pad', badPad, ['module: PKCS#7 signature info has unexpected non-zero params']],
      ['len', tooLong, []],
      ['der', garbage, []],
    ] as const) {
      const m = t.mark();
      const ko = file(`hello-bad-${name}.ko`, bytes);
      expect((await t.run(`insmod ${ko}`)).stderr).toBe(`insmod: ERROR: could not insert module ${ko}: Bad message\n`);
      expect(m()).toEqual(log);
    }
    expect((await t.run('cat /proc/modules')).stdout).toBe('');
  });

  it('a PKCS#7 message whose content is not pkcs7-data is rejected as Linux\'s pkcs7_verify() does', async () => {
    const bytes = signed(hello());
    const data = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
    const at = Buffer.from(bytes).indexOf(Buffer.from(data), hello().length);
    expect(at).toBeGreaterThan(0);
    bytes[at + data.length - 1] = 0x03; // pkcs7-envelopedData
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${file('hello-notdata.ko', bytes)}`)).stderr).toContain(': Key was rejected by service\n');
    expect(t.log()).toEqual(['PKCS7: Invalid module sig (not pkcs7-data)']);
  });

  it('a signature that is not PKCS#7 is unsupported crypto: loads tainted when not enforced, rejected when enforced', async () => {
    const bytes = signed(hello());
    bytes[bytes.length - 28 - 12 + 2] = 1; // id_type = PKEY_ID_X509
    const ko = file('hello-x509id.ko', bytes);
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${ko}`)).status).toBe(0);
    expect(t.log().slice(0, 3)).toEqual([
      'module: not signed with expected PKCS#7 message', 'hello: loading out-of-tree module taints kernel.', UNSIGNED_NOTICE]);
    const e = await bootTestKernel(ENFORCE);
    expect((await e.run(`insmod ${ko}`)).stderr).toContain(': Key was rejected by service\n');
    expect(e.log()).toEqual(['module: not signed with expected PKCS#7 message', 'Loading of module with unsupported crypto is rejected']);
  });

  it('without enforcement an unsigned module loads and taints E with the notice, once per boot', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('hello')}`)).status).toBe(0);
    expect(t.log()).toEqual(['hello: loading out-of-tree module taints kernel.', UNSIGNED_NOTICE, 'hello: Hello, world']);
    expect((await t.run('cat /sys/module/hello/taint')).stdout).toBe('OE\n');
    expect(Number((await t.run('cat /proc/sys/kernel/tainted')).stdout) & (1 << 13)).toBe(1 << 13);
  });

  it('insmod -f never bypasses enforcement: a forced module is not the one that was signed', async () => {
    const t = await bootTestKernel(ENFORCE);
    const ko = file('hello-forced.ko', signed(hello()));
    expect((await t.run(`insmod -f ${ko}`)).stderr).toContain(': Key was rejected by service\n');
    expect(t.log()).toEqual(['Loading of unsigned module is rejected']);
  });

  it('/sys/module/module/parameters/sig_enforce: N, set once to Y, never back; CONFIG_MODULE_SIG_FORCE boots with Y', async () => {
    const t = await bootTestKernel();
    const p = '/sys/module/module/parameters/sig_enforce';
    expect((await t.run(`cat ${p}`)).stdout).toBe('N\n');
    expect((await t.run(`echo 1 > ${p}`)).status).toBe(0);
    expect((await t.run(`cat ${p}`)).stdout).toBe('Y\n');
    expect((await t.run(`echo 0 > ${p}`)).stderr).toBe('lkm: echo: write error: Read-only file system\n');
    expect((await t.run(`insmod ${example('hello')}`)).stderr).toContain(': Key was rejected by service\n');
    expect((await (await bootTestKernel(ENFORCE)).run(`cat ${p}`)).stdout).toBe('Y\n');
    const forced = await bootTestKernel({ moduleSigForce: true });
    expect((await forced.run(`cat ${p}`)).stdout).toBe('Y\n');
    expect((await forced.run(`insmod ${example('hello')}`)).stderr).toContain(': Key was rejected by service\n');
  });

  it('/proc/keys lists .builtin_trusted_keys and the build key; the boot log says it was loaded', async () => {
    const t = await bootTestKernel();
    const cert = parseCertificate(CERT);
    const skid = Buffer.from(cert.skid!).toString('hex');
    const keys = (await t.run('cat /proc/keys')).stdout.split('\n').filter(Boolean);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8} I------     1 perm 1f0b0000     0     0 keyring   \.builtin_trusted_keys: 1$/);
    const tail4 = Buffer.from(cert.serial.subarray(-4)).toString('hex');
    expect(keys[1]).toMatch(new RegExp(`^[0-9a-f]{8} I------     1 perm 1f030000     0     0 asymmetri ` +
      `Build time autogenerated kernel key: ${skid}: X509\\.rsa ${tail4} \\[\\]$`));
    const boot = (await t.run('dmesg')).stdout;
    expect(boot).toContain('Loading compiled-in X.509 certificates\n');
    expect(boot).toContain(`Loaded X.509 cert 'Build time autogenerated kernel key: ${skid}'\n`);
    const none = await bootTestKernel({ trustedKeys: [] });
    expect((await none.run('cat /proc/keys')).stdout).toMatch(/ keyring   \.builtin_trusted_keys: empty\n$/);
    expect((await none.run('dmesg')).stdout).toMatch(/Initialise system trusted keyrings\n.*Loading compiled-in X\.509 certificates\n/);
    const bad = await bootTestKernel({ trustedKeys: [CERT.subarray(0, 100)] });
    expect((await bad.run('dmesg')).stdout).toContain('Problem loading in-kernel X.509 certificate (-74)\n');
  });

  it('any damage to the signature trailer is a clean errno, and the kernel keeps nothing of the failed load', async () => {
    const t = await bootTestKernel({ cmdline: 'module.sig_enforce=1', isolate: 'none' });
    const good = signed(hello());
    const trailer = good.length - hello().length;
    await fc.assert(fc.asyncProperty(fc.nat(trailer - 1), fc.integer({ min: 1, max: 255 }), async (back, x) => {
      const b = good.slice();
      b[b.length - 1 - back] ^= x;
      try {
        await t.k.insmod(b);
        await t.k.rmmod('hello');
      } catch (e) {
        expect(e).toBeInstanceOf(KernelError);
      }
      expect(t.k.modules).toHaveLength(0);
    }), { seed: 7, numRuns: 150 });
    // A damaged marker is simply an unsigned module: refused under enforcement, never mistaken for signed.
    const noMarker = good.slice();
    noMarker[noMarker.length - 2] ^= 1;
    await expect(t.k.insmod(noMarker)).rejects.toMatchObject({ errno: 129 });
  });
});
