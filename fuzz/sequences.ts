// Target: model-based operation sequences. Random sequences of insmod, rmmod, rmmod -f, parameter writes
// and reads of /proc and /sys over a stack of real modules (stack_c → stack_b → stack_a), a module whose
// init fails, unlicensed and proprietary ones and a module with parameters, checked after every step
// against a small model: which modules are loaded, each one's refcnt = its holders, its holders in
// /proc/modules and /sys/module/NAME/holders, lsmod = /proc/modules = /sys/module, no symbol of a module
// that is not loaded. After each sequence everything is unloaded and the kernel's pages, slab objects
// and table slots are back at their values after boot (nothing leaked).

import fc from 'fast-check';
import type { Kernel } from '../src/kernel/kernel.js';
import { readModuleMetadata } from '../src/wasm/metadata.js';
import { InvariantError, KernelChecker } from './kernel-check.js';
import { errnoOutcome, type Tally } from './tally.js';

/** The modules the sequences use, by file name (all in the built example tree). */
export const SEQUENCE_MODULES = ['stack-a.ko', 'stack-b.ko', 'stack-c.ko', 'hello.ko', 'hello-params.ko', 'init-fails.ko', 'nolicense.ko', 'proprietary.ko'];

interface Mod { file: string; name: string; bytes: Uint8Array; deps: string[]; /** What insmod gives with its dependencies loaded. */ alone: string }

interface Model { loaded: Set<string> }

interface Real { k: Kernel; checker: KernelChecker; mods: Map<string, Mod>; /** Most modules loaded at once. */ most: number }

const holdersOf = (real: Real, model: Model, name: string) =>
  [...model.loaded].filter((m) => real.mods.get(m)!.deps.includes(name)).sort();

/** Every view of every loaded module agrees with the model. */
function check(model: Model, real: Real): void {
  const { k } = real;
  real.checker.checkLists();
  const list = k.lsmod();
  const names = list.map((m) => m.name).sort();
  const want = [...model.loaded].sort();
  if (JSON.stringify(names) !== JSON.stringify(want)) throw new InvariantError(`loaded ${JSON.stringify(names)}, model ${JSON.stringify(want)}`);
  for (const m of list) {
    const holders = holdersOf(real, model, m.name);
    if (m.refcount !== holders.length) throw new InvariantError(`${m.name}: refcnt ${m.refcount}, holders ${holders.join(',')}`);
    if (JSON.stringify([...m.users].sort()) !== JSON.stringify(holders)) throw new InvariantError(`${m.name}: used by ${m.users.join(',')}, model ${holders.join(',')}`);
    const refcnt = k.readFile(`/sys/module/${m.name}/refcnt`).trim();
    if (refcnt !== String(holders.length)) throw new InvariantError(`${m.name}: /sys refcnt ${refcnt}`);
    const sysHolders = k.readdir(`/sys/module/${m.name}/holders`).sort();
    if (JSON.stringify(sysHolders) !== JSON.stringify(holders)) throw new InvariantError(`${m.name}: /sys holders ${sysHolders.join(',')}`);
  }
}

class Insmod implements fc.AsyncCommand<Model, Real> {
  constructor(readonly file: string) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const m = real.mods.get(nameOf(real, this.file))!;
    const expected = model.loaded.has(m.name) ? 'EEXIST' : m.deps.some((d) => !model.loaded.has(d)) ? 'ENOENT' : m.alone;
    let got: string;
    try {
      await real.k.insmod(m.bytes);
      got = 'loaded';
    } catch (e) {
      got = errnoOutcome(e) ?? '';
      if (!got) throw e;
    }
    if (got !== expected) throw new InvariantError(`insmod ${m.file}: ${got}, model ${expected}`);
    if (got === 'loaded') model.loaded.add(m.name);
    real.most = Math.max(real.most, model.loaded.size);
    check(model, real);
  }
  toString = () => `insmod ${this.file}`;
}

class Rmmod implements fc.AsyncCommand<Model, Real> {
  constructor(readonly file: string, readonly force: boolean) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const name = nameOf(real, this.file);
    // Holders keep a module even with -f (the kernel checks them before the refcount), as Linux.
    const expected = !model.loaded.has(name) ? 'ENOENT' : holdersOf(real, model, name).length ? 'EWOULDBLOCK' : 'unloaded';
    let got: string;
    try {
      real.k.rmmod(name, { force: this.force });
      got = 'unloaded';
    } catch (e) {
      got = errnoOutcome(e) ?? '';
      if (!got) throw e;
    }
    if (got === 'EAGAIN') got = 'EWOULDBLOCK';
    if (got !== expected) throw new InvariantError(`rmmod${this.force ? ' -f' : ''} ${name}: ${got}, model ${expected}`);
    if (got === 'unloaded') model.loaded.delete(name);
    check(model, real);
  }
  toString = () => `rmmod${this.force ? ' -f' : ''} ${this.file}`;
}

/** A write of hello_params' uint_val in sysfs: the value reads back; a negative one is EINVAL (kstrtouint). */
class WriteParam implements fc.AsyncCommand<Model, Real> {
  constructor(readonly value: number) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const path = '/sys/module/hello_params/parameters/uint_val';
    let got: string;
    try {
      real.k.writeFile(path, `${this.value}\n`);
      got = 'written';
      const back = real.k.readFile(path).trim();
      if (back !== String(this.value)) throw new InvariantError(`uint_val reads ${back} after writing ${this.value}`);
    } catch (e) {
      if (e instanceof InvariantError) throw e;
      got = errnoOutcome(e) ?? (e as { code?: string }).code ?? '';
      if (!got) throw e;
    }
    const expected = !model.loaded.has('hello_params') ? 'ENOENT' : this.value < 0 ? 'EINVAL' : 'written';
    if (got !== expected) throw new InvariantError(`write uint_val: ${got}, model ${expected}`);
    check(model, real);
  }
  toString = () => `echo ${this.value} > uint_val`;
}

function nameOf(real: Real, file: string): string {
  for (const m of real.mods.values()) if (m.file === file) return m.name;
  throw new Error(file);
}

/** The modules with their names and dependencies, and what each insmod gives with its dependencies loaded. */
export async function sequenceModules(files: Map<string, Uint8Array>, boot: () => Promise<Kernel>): Promise<Map<string, Mod>> {
  const mods = new Map<string, Mod>();
  for (const file of SEQUENCE_MODULES) {
    const bytes = files.get(file);
    if (!bytes) throw new Error(`${file} is not built (npm run build)`);
    const info = readModuleMetadata(bytes).modinfo;
    const get = (key: string) => info.find((e) => e.key === key)?.value ?? '';
    mods.set(get('name'), { file, name: get('name'), bytes, deps: get('depends').split(',').filter(Boolean).map((d) => d.replace(/-/g, '_')), alone: '' });
  }
  // Each module's dependencies in load order (depth first).
  const order = (name: string, out: string[] = []): string[] => {
    for (const d of mods.get(name)!.deps) if (!out.includes(d)) { order(d, out); out.push(d); }
    return out;
  };
  const k = await boot();
  for (const m of mods.values()) {
    const deps = order(m.name);
    for (const d of deps) await k.insmod(mods.get(d)!.bytes);
    try { await k.insmod(m.bytes); m.alone = 'loaded'; k.rmmod(m.name); } catch (e) { m.alone = errnoOutcome(e) ?? String(e); }
    for (const d of deps.reverse()) k.rmmod(d);
  }
  return mods;
}

export function sequenceProperty(mods: Map<string, Mod>, boot: () => Promise<Kernel>, tally: Tally) {
  const files = [...mods.values()].map((m) => m.file);
  const file = fc.constantFrom(...files);
  const commands = fc.commands([
    file.map((f) => new Insmod(f)),
    fc.tuple(file, fc.boolean()).map(([f, force]) => new Rmmod(f, force)),
    fc.integer({ min: -5, max: 1000 }).map((v) => new WriteParam(v)),
  ], { maxCommands: 16 });
  let k: Kernel | undefined;
  let checker: KernelChecker | undefined;
  let runs = 0;
  return fc.asyncProperty(commands, async (cmds) => {
    if (!k || runs++ >= 200) {
      k = await boot();
      checker = new KernelChecker(k);
    }
    const model: Model = { loaded: new Set() };
    const real: Real = { k, checker: checker!, mods, most: 0 };
    try {
      await fc.asyncModelRun(() => ({ model, real }), cmds);
      // Unload what is left, holders first; then nothing of any module may remain.
      while (model.loaded.size) {
        const free = [...model.loaded].find((n) => holdersOf(real, model, n).length === 0)!;
        k.rmmod(free);
        model.loaded.delete(free);
      }
      check(model, real);
      checker!.checkNothingLeaked();
    } catch (e) {
      k = undefined; // the shrunk replays start from a new kernel
      throw e;
    }
    tally.add(real.most >= 3 ? 'stacked (3+ loaded at once)' : real.most ? '1-2 loaded at once' : 'nothing loaded');
  });
}
