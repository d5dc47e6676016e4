// Where a worker entry script is in Node: next to the calling module in dist/, or, when that module runs
// from TypeScript sources (vitest), in a compiled copy: build/worker-dist (the test setup emits it), else dist/.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `here`: the caller's import.meta.url (src/worker/NAME.ts or its .js); `script`: the entry's file name. */
export function compiledScript(here: string, script: string): URL {
  if (here.endsWith('.js')) return new URL(`./${script}`, here);
  for (const dir of ['/build/worker-dist', '/dist']) {
    const url = new URL(here.replace(/\/src\/worker\/[^/]+\.ts$/, `${dir}/src/worker/${script}`));
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`worker: no compiled ${script}: run \`npx tsc -p .\``);
}
