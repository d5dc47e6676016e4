// npm run bench: every benchmark in its own process (so "cold" means cold), one after another.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const only = process.argv.slice(2);
let failed = false;
for (const name of ['build', 'kernel', 'depmod', 'worker', 'drivers', 'user', 'kunit', 'faults', 'smp']) {
  if (only.length && !only.includes(name)) continue;
  const file = here(`./${name}.js`);
  if (!existsSync(file)) continue;
  console.log(`\n== ${name} ==`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
