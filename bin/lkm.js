#!/usr/bin/env node
// The `lkm` command. The TypeScript sources are compiled to dist/ by `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/lkm.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('lkm: not built yet: run `npm run build` in the lkm-wasm package first\n');
  process.exit(2);
}
const { lkm } = await import(entry.href);
process.exitCode = await lkm(process.argv.slice(2));
