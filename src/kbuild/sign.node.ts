// Signing built modules (CONFIG_MODULE_SIG_ALL's modules_sign, `lkm build --sign`) with the build
// folder's key, certs/signing_key.pem, made on first use (`  GENKEY` as Linux's certs/Makefile prints).

import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signModule } from '../sig/sign-file.js';
import { ensureSigningKey } from '../sig/signing-key.node.js';
import { hasSignatureMarker } from '../wasm/module-signature.js';
import type { BuildLog } from './build-types.js';
import { repoRoot } from './host.node.js';

/** CONFIG_MODULE_SIG_HASH of this kernel (wasm/include/linux/kconfig.h). */
export const MODULE_SIG_HASH = 'sha256';

/** The build folder of this checkout or package, where certs/ lives. */
export const keyBuildDir = () => join(repoRoot(), 'build');

/** certs/signing_key.pem and .x509 of `buildDir`, made when missing. */
export function genKey(buildDir: string, log?: BuildLog): { keyPath: string; certPath: string } {
  const k = ensureSigningKey(buildDir);
  if (k.created) log?.(`  GENKEY  ${k.keyPath}\n`, 'out');
  return k;
}

/** CONFIG_MODULE_SIG_ALL=y from the make variables (command line, environment, Kbuild). */
export function wantsSignAll(vars: Map<string, string> | Record<string, string> | undefined): boolean {
  const v = vars instanceof Map ? vars.get('CONFIG_MODULE_SIG_ALL') : vars?.CONFIG_MODULE_SIG_ALL;
  return v === 'y';
}

/**
 * Signs each .ko in place. One already signed (an up-to-date module whose link was skipped) is left
 * alone: sign-file would append a second signature over the first.
 */
export function signModules(paths: string[], buildDir: string, log?: BuildLog): void {
  if (paths.length === 0) return;
  const { keyPath, certPath } = genKey(buildDir, log);
  const key = createPrivateKey(readFileSync(keyPath));
  const cert = new Uint8Array(readFileSync(certPath));
  for (const p of paths) {
    const ko = new Uint8Array(readFileSync(p));
    if (hasSignatureMarker(ko)) continue;
    writeFileSync(p, signModule(MODULE_SIG_HASH, cert, ko, (h, data) => new Uint8Array(sign(h, data, key))));
    log?.(`  SIGN    ${p}\n`, 'out');
  }
}
