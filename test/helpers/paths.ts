import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD = join(ROOT, 'build');
export const EXTRA = join(BUILD, 'lib/modules/6.12.0-lkm-wasm/extra');
export const FIXTURE_SRC = join(ROOT, 'test/fixtures/modules');
export const FIXTURE_OUT = join(BUILD, 'test-modules');
/** Path of an example module (by file name, e.g. "hello-params"). */
export const example = (name: string) => join(EXTRA, `${name}.ko`);
/** Path of a test fixture module. */
export const fixture = (name: string) => join(FIXTURE_OUT, `${name}.ko`);
