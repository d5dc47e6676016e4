// Fixtures for the kmod tools: module trees in memory (copies of the example .ko files and metadata-only
// synthetic modules), a fake kernel in the manner of kmod's testsuite (init_module/delete_module shims
// that keep /sys/module up to date), and a runner that returns what a terminal would show.
import { readFileSync } from 'node:fs';
import { KernelError, EEXIST, ENOENT, EWOULDBLOCK } from '../../src/kernel/errno.js';
import { readModuleMetadata } from '../../src/wasm/metadata.js';
import { syntheticModule, type SyntheticModule } from '../../src/kmod/synthetic.js';
import type { KmodToolContext } from '../../src/tools/context.js';
import { MemoryBacking, Vfs, type KernelView } from '../../src/vfs/index.js';
import { example } from '../helpers/paths.js';

export const REL = '6.12.0-lkm-wasm';
export const MODDIR = `/lib/modules/${REL}`;

/** Bytes of an example module of the build (e.g. "stack-a"). */
export const exampleKo = (name: string) => new Uint8Array(readFileSync(example(name)));

export const EXAMPLES = ['hello', 'hello-legacy', 'hello-multi', 'hello-params', 'init-fails', 'init-positive',
  'nolicense', 'proprietary', 'stack-a', 'stack-b', 'stack-c'];

/** A synthetic module whose modinfo ends like the build's (depends, name, vermagic). */
export function synth(name: string, m: Partial<SyntheticModule> & { info?: [string, string][]; depends?: string } = {}): Uint8Array {
  return syntheticModule({
    modinfo: [...(m.info ?? [['license', 'GPL']]), ['depends', m.depends ?? ''], ['name', name.replace(/-/g, '_')],
      ['vermagic', `${REL} SMP mod_unload wasm32 `]],
    exports: m.exports, gplExports: m.gplExports, imports: m.imports, weak: m.weak,
  });
}

/** A file system whose module tree holds `files` (paths relative to /lib/modules/<release>). */
export function tree(modules: Record<string, Uint8Array | string>, other: Record<string, string | Uint8Array> = {}): Vfs {
  const files: Record<string, string | Uint8Array> = { ...other };
  for (const [p, c] of Object.entries(modules)) files[`${MODDIR}/${p}`] = c;
  return new Vfs(new MemoryBacking(files));
}

/** The example tree as the build installs it: extra/*.ko and modules.order. */
export function exampleTree(other: Record<string, string | Uint8Array> = {}): Vfs {
  const mods: Record<string, Uint8Array | string> = {};
  for (const e of EXAMPLES) mods[`extra/${e}.ko`] = exampleKo(e);
  mods['modules.order'] = EXAMPLES.map((e) => `extra/${e}.ko\n`).join('');
  return tree(mods, other);
}

export interface Out { status: number; stdout: string; stderr: string; }

type ToolFn = (argv: string[], ctx: KmodToolContext) => Promise<number>;

/** Runs a tool over a file system (and a kernel, when given). */
export async function run(tool: ToolFn, argv: string[], vfs: Vfs, extra: Partial<KmodToolContext> = {}): Promise<Out> {
  let stdout = '';
  let stderr = '';
  const status = await tool(argv, {
    vfs, cwd: '/', env: {},
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; },
    ...extra,
  });
  return { status, stdout, stderr };
}

interface Loaded { name: string; exports: string[]; users: Set<string>; refs: number; params: string; }

/**
 * A kernel stand-in for the kmod tools, like kmod's testsuite shims: insmod records the module (and
 * links it to the loaded modules that export what it needs), fails with EEXIST when it is loaded, or
 * with the errno configured for its name; rmmod refuses modules in use. /sys/module and /proc are
 * generated from that state.
 */
export class FakeKernel implements KernelView {
  readonly loaded = new Map<string, Loaded>();
  /** name → errno that insmod of that module fails with. */
  readonly failures = new Map<string, number>();
  /** Every insmod call: "name params". */
  readonly calls: string[] = [];
  cmdline = '';
  modprobePath = '/sbin/modprobe';

  /** No processes to name in a fake kernel: the call just runs. */
  asProcess<T>(_comm: string, fn: () => T): T {
    return fn();
  }

  async insmod(bytes: Uint8Array, params: string): Promise<void> {
    const meta = readModuleMetadata(bytes);
    const name = meta.modinfo.find((e) => e.key === 'name')!.value;
    this.calls.push(`${name} ${params}`.trimEnd());
    const fail = this.failures.get(name);
    if (fail) throw new KernelError(fail);
    if (this.loaded.has(name)) throw new KernelError(EEXIST);
    const users = new Set<string>();
    for (const s of meta.undefinedSymbols) {
      for (const m of this.loaded.values()) if (m.exports.includes(s)) users.add(m.name);
    }
    for (const u of users) this.loaded.get(u)!.users.add(name);
    this.loaded.set(name, { name, exports: [...meta.exports, ...meta.gplExports], users: new Set(), refs: 0, params });
  }

  rmmod(name: string): void {
    const m = this.loaded.get(name.replace(/-/g, '_'));
    if (!m) throw new KernelError(ENOENT);
    if (m.users.size) throw new KernelError(EWOULDBLOCK);
    if (m.refs) throw new KernelError(EWOULDBLOCK);
    this.loaded.delete(m.name);
    for (const o of this.loaded.values()) o.users.delete(m.name);
  }

  readFile(path: string): string {
    if (path === '/proc/cmdline') return `${this.cmdline}\n`;
    if (path === '/proc/sys/kernel/modprobe') return `${this.modprobePath}\n`;
    if (path === '/proc/modules') return [...this.loaded.values()].map((m) => `${m.name} 4096 ${m.users.size + m.refs} ${[...m.users].map((u) => `${u},`).join('') || '-'} Live 0x00000000\n`).join('');
    const r = /^\/sys\/module\/([^/]+)\/(initstate|refcnt)$/.exec(path);
    const m = r && this.loaded.get(r[1]!);
    if (!m) throw new KernelError(ENOENT);
    return r![2] === 'initstate' ? 'live\n' : `${m.users.size + m.refs}\n`;
  }

  writeFile(path: string, data: string): void {
    if (path === '/proc/sys/kernel/modprobe') { this.modprobePath = data.replace(/\n$/, ''); return; }
    throw new KernelError(ENOENT);
  }

  readdir(path: string): string[] {
    if (path === '/sys/module') return [...this.loaded.keys()].sort();
    const r = /^\/sys\/module\/([^/]+)(\/holders)?$/.exec(path);
    const m = r && this.loaded.get(r[1]!);
    if (!m) throw new KernelError(path.startsWith('/sys/module/') && r ? ENOENT : ENOENT);
    return r![2] ? [...m.users] : ['holders', 'initstate', 'refcnt'];
  }
}

/** Attaches a fake kernel to a tree: /proc and /sys become its views. */
export function withKernel(vfs: Vfs, k = new FakeKernel()): FakeKernel {
  vfs.kernel = k;
  return k;
}

import { Shell } from '../../src/session/shell.js';
import type { Kernel } from '../../src/kernel/kernel.js';

export interface TestShell { sh: Shell; run(line: string): Promise<Out>; }

/** An lkm shell over a tree and a (fake or real) kernel: commands run exactly as typed at the prompt. */
export function shellOver(vfs: Vfs, kernel: FakeKernel | Kernel, env: Record<string, string> = {}): TestShell {
  let stdout = '';
  let stderr = '';
  const sh = new Shell(kernel as Kernel, vfs, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  for (const [k, v] of Object.entries(env)) sh.env.set(k, v);
  return {
    sh,
    async run(line) {
      stdout = '';
      stderr = '';
      const status = await sh.run(line);
      return { status, stdout, stderr };
    },
  };
}
