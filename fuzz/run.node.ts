// npm run fuzz: every target (or those named on the command line) with its share of FUZZ_RUNS inputs
// (default 100,000), seed FUZZ_SEED (default: the time). Prints counts per outcome, time and rate; a
// failure prints its shrunk input and the seed to replay it, and the run exits 1.

import { builtModules, hostRoot, kernelBooter } from './inputs.node.js';
import { sequenceModules } from './sequences.js';
import { TARGETS } from './targets.js';
import { runProperty, Tally } from './tally.js';

const total = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const only = process.argv.slice(2);
const modules = await builtModules();
const boot = await kernelBooter();
const inputs = { modules, boot, hostRoot: hostRoot(), sequenceModules: await sequenceModules(modules, boot) };
console.log(`fuzz: seed ${seed}, ${total} inputs across ${only.length ? only.join(', ') : 'all targets'}`);

let failed = false;
let count = 0;
const t0 = performance.now();
for (const target of TARGETS) {
  if (only.length && !only.includes(target.name)) continue;
  const runs = Math.max(1, Math.round(total * target.share));
  const tally = new Tally();
  const start = performance.now();
  const failure = await runProperty(target.property(inputs, tally), { runs, seed });
  const s = (performance.now() - start) / 1000;
  count += tally.total;
  console.log(`${target.name}: ${tally.summary()} (${s.toFixed(1)} s, ${Math.round(tally.total / s)}/s)`);
  if (failure) {
    failed = true;
    console.log(`  FAILED (seed ${failure.seed}, path ${failure.path}): ${failure.error instanceof Error ? failure.error.stack : String(failure.error)}`);
    console.log(`  input: ${JSON.stringify(failure.counterexample, (_k, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : typeof v === 'function' ? undefined : v))}`);
  }
}
const s = (performance.now() - t0) / 1000;
console.log(`total: ${count} inputs in ${s.toFixed(1)} s (${Math.round(count / s)}/s)${failed ? ', FAILED' : ''}`);
process.exitCode = failed ? 1 : 0;
