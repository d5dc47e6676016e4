// A fixed-seed share of npm run fuzz (fuzz/): every target with a few hundred inputs, and the inputs
// the fuzzer found failing, rebuilt from hello.ko by the mutation that found each, as regression tests.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtModules, hostRoot, kernelBooter } from '../../fuzz/inputs.node.js';
import { KernelChecker } from '../../fuzz/kernel-check.js';
import { withMemInfo, withModinfo } from '../../fuzz/ko-mutate.js';
import { readModuleMetadata } from '../../src/wasm/metadata.js';
import { sequenceModules } from '../../fuzz/sequences.js';
import { TARGETS, type FuzzInputs } from '../../fuzz/targets.js';
import { runProperty, Tally } from '../../fuzz/tally.js';
import { KernelError } from '../../src/kernel/errno.js';
import { ROOT } from '../helpers/paths.js';

const SEED = 20261203;
/** Inputs per target: enough to reach every outcome kind of the fixed seed, in a few seconds in all. */
const RUNS: Record<string, number> = { loader: 150, metadata: 600, sequences: 150, params: 120, 'modprobe.d': 400, 'depmod.d': 300, 'depmod tree': 100, paths: 300, shell: 800 };

let inputs: FuzzInputs | undefined;
async function makeInputs(): Promise<FuzzInputs> {
  const modules = await builtModules();
  const boot = await kernelBooter();
  return { modules, boot, hostRoot: hostRoot(), sequenceModules: await sequenceModules(modules, boot) };
}
const getInputs = async () => (inputs ??= await makeInputs());

describe('fuzz targets (fixed seed)', () => {
  for (const target of TARGETS) {
    it(`${target.name}: every input works or fails as Linux does, and the invariants hold`, async () => {
      const tally = new Tally();
      const failure = await runProperty(target.property(await getInputs(), tally), { runs: RUNS[target.name]!, seed: SEED });
      expect(failure?.error, `input ${JSON.stringify(failure?.counterexample, (_k, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : typeof v === 'function' ? undefined : v))}`).toBeUndefined();
      expect(tally.total).toBe(RUNS[target.name]);
      // Both sides are reached: some inputs work, some fail (a target that only ever fails tests nothing).
      expect(tally.counts.size).toBeGreaterThan(1);
    });
  }
});

/** The inputs, rebuilt from today's hello.ko by the mutation that found each (no built .ko is committed). */
async function input(name: string): Promise<Uint8Array> {
  const hello = new Uint8Array(await readFile(join(ROOT, 'build/lib/modules/6.12.0-lkm-wasm/extra/hello.ko')));
  const d = readModuleMetadata(hello).dylink;
  const modinfo = readModuleMetadata(hello).modinfo.map((e) => `${e.key}=${e.value}`);
  switch (name) {
    case 'table-size-2g': return withMemInfo(hello, d.memorySize, d.memoryAlign, 0x7fffffff, d.tableAlign);
    case 'memory-size-4g': return withMemInfo(hello, 0xffffffff, d.memoryAlign, d.tableSize, d.tableAlign);
    case 'modinfo-name-slash': return withModinfo(hello, modinfo.map((s) => (s.startsWith('name=') ? 'name=a/b' : s)));
    default: throw new Error(name);
  }
}

describe('inputs the fuzzer found', () => {
  const cases: [string, string, RegExp | undefined][] = [
    // dylink.0 asking for 2^31 table slots: Table.grow's RangeError escaped and the memory region leaked
    // (and up to 10^7 slots grew the table, seconds per load): more slots than functions is ENOEXEC.
    ['table-size-2g', 'ENOEXEC', /Invalid module format: dylink\.0 table size 2147483647 exceeds the module's \d+ functions/],
    // A 4 GiB memory size: the page count wrapped to 0 and memset trapped outside any Oops handler.
    ['memory-size-4g', 'ENOMEM', undefined],
    // name=a/b in .modinfo: loaded under a name rmmod normalizes to another, so it could never be unloaded.
    ['modinfo-name-slash', 'ENOEXEC', /Invalid module format: bad module name 'a\/b' in \.modinfo/],
  ];
  for (const [file, code, message] of cases) {
    it(`${file}: ${code}, nothing left behind`, async () => {
      const k = await (await getInputs()).boot();
      const check = new KernelChecker(k);
      const seq = k.log.seq;
      const err = await k.insmod(await input(file)).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(KernelError);
      expect((err as KernelError).code).toBe(code);
      k.log.flush();
      if (message) expect(k.log.since(seq).map((r) => r.text).join('\n')).toMatch(message);
      check.check();
    });
  }
});
