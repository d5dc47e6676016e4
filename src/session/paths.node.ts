// Where things are on the host: the repository (the package root) and its build tree.

import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UTS_RELEASE } from '../kernel/release.js';

let root: string | undefined;

/** The lkm-wasm package root, found from this file's location (works from src/ and dist/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'lkm-wasm') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('lkm-wasm: cannot find the package root');
    dir = up;
  }
}

/** The package's version (package.json), as `lkm --version` prints it. */
export function packageVersion(): string {
  return String(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version);
}

/** `uname -r` of the emulated kernel (src/kernel/release.ts). */
export const RELEASE = UTS_RELEASE;
export const buildDir = () => join(packageRoot(), 'build');
export const vmlinuxPath = () => join(buildDir(), 'vmlinux.ko');
/** The build's module tree, mounted at /lib/modules/<release> in the emulated file system. */
export const moduleTreeDir = () => join(buildDir(), 'lib', 'modules', RELEASE);

/** The build's signing certificate (certs/signing_key.x509, made by `npm run build`). */
export const signingCertPath = () => join(buildDir(), 'certs', 'signing_key.x509');

/**
 * The built-in trusted keys of a kernel booted from this build: its signing certificate when there is
 * one (Linux compiles certs/signing_key.x509 into vmlinux), else none.
 */
export function buildTrustedKeys(): Uint8Array[] {
  try {
    return [new Uint8Array(readFileSync(signingCertPath()))];
  } catch {
    return [];
  }
}

/** CONFIG_MODULE_SIG_FORCE=y in the environment: boot with module.sig_enforce on. */
export const envModuleSigForce = () => process.env.CONFIG_MODULE_SIG_FORCE === 'y';

/** The build's vmlinux.ko, with a clear error when the tree is not built yet. */
export async function readVmlinux(): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(vmlinuxPath()));
  } catch {
    throw new Error(`lkm: ${vmlinuxPath()} is missing: run \`npm run build\` first`);
  }
}
