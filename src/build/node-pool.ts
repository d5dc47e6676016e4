// Node-only: a pool of worker_threads, each loading @yowasp/clang once and then running compile/link jobs.
// Workers start on demand (never more than `size`, never more than there are queued jobs), so a build with
// nothing to do starts none. Idle workers are unref'd, so they keep clang loaded for the next build in the
// same process (tests, a dev server) without keeping the process alive.
//
// The worker is a short self-contained script evaluated from a string: it runs the same way whether this file
// was loaded from TypeScript by vitest or from dist/ after tsc, and it needs nothing but @yowasp/clang.

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ToolJob, ToolRunner } from './runner.js';
import type { ToolResult } from './toolchain.js';

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
let gotInit;
const init = new Promise((resolve) => { gotInit = resolve; });
const ready = init.then(async (modules) => {
  // Use the modules the pool compiled once (shared compiled code) instead of compiling ~75 MB of wasm per
  // worker: yowasp compiles each .wasm from a Response whose content-length identifies it.
  const compileStreaming = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = async (source) => {
    const response = await source;
    const shared = modules[response.headers.get('content-length')];
    return shared || compileStreaming.call(WebAssembly, response);
  };
  const y = await import(workerData.bundleUrl);
  await y.runLLVM(undefined, {}, { fetchProgress() {} });
  return y;
});
ready.catch((e) => parentPort.postMessage({ id: -1, error: String(e && e.stack || e) }));
function mount(tree, path, content) {
  const parts = path.split('/').filter(Boolean);
  let dir = tree;
  for (const p of parts.slice(0, -1)) {
    const next = dir[p];
    if (next === undefined || typeof next === 'string' || next instanceof Uint8Array) dir[p] = {};
    dir = dir[p];
  }
  dir[parts[parts.length - 1]] = content;
}
function pick(tree, path) {
  let node = tree;
  for (const p of path.split('/').filter(Boolean)) {
    if (node === undefined || typeof node === 'string' || node instanceof Uint8Array) return undefined;
    node = node[p];
  }
  if (typeof node === 'string') return new TextEncoder().encode(node);
  return node instanceof Uint8Array ? node : undefined;
}
// The clang driver cannot spawn under WASI, so yowasp runs 'clang -###' and then the cc1 job it prints: two
// runs per compile. Every object of a build has the same driver flags apart from its file names and -D/-U/-I/
// -include flags, so the cc1 line is computed once per distinct rest (with placeholders and a sentinel -D) and
// reused. Anything unexpected falls back to the driver.
const PH_DIR = '/__lkm_driver__';
const PH = { src: PH_DIR + '/src.c', out: PH_DIR + '/out.o', dep: PH_DIR + '/out.d' };
const SENTINEL = '__LKM_PREPROCESSOR_FLAGS__';
const templates = new Map();
function splitPreprocessor(args, compile) {
  const rest = [];
  const pp = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === compile.src) rest.push(PH.src);
    else if (a === compile.out) rest.push(PH.out);
    else if (a === compile.dep) rest.push(PH.dep);
    else if (['-D', '-U', '-I', '-include', '-iquote', '-isystem', '-idirafter'].includes(a) && i + 1 < args.length) pp.push(a, args[++i]);
    else if (/^-[DUI]./.test(a)) pp.push(a);
    else rest.push(a);
  }
  return { rest: [...rest, '-D' + SENTINEL], pp };
}
async function cc1Template(y, rest) {
  const key = JSON.stringify(rest);
  if (templates.has(key)) return templates.get(key);
  let text = '';
  const sink = (b) => { if (b) text += new TextDecoder().decode(b); };
  let template = null;
  try {
    await y.runLLVM(['clang', '-###', ...rest], { __lkm_driver__: { 'src.c': '' } }, { stdout: sink, stderr: sink });
    const jobs = text.split('\n').filter((l) => l.startsWith(' "'));
    if (jobs.length === 1) {
      const cmd = Array.from(jobs[0].matchAll(/ (?:([^ "]+)|"((?:[^"\\$]|\\["\\$])*)")/g), (m) => m[1] !== undefined ? m[1] : m[2].replace(/\\(["\\$])/g, '$1'));
      if (cmd[0] === '') cmd.shift();
      const at = cmd.indexOf(SENTINEL);
      if (cmd.includes('-cc1') && cmd.includes(PH.src) && at > 0 && cmd[at - 1] === '-D') template = cmd;
    }
  } catch (e) { template = null; }
  templates.set(key, template);
  return template;
}
async function runCompile(y, args, tree, compile, options) {
  const { rest, pp } = splitPreprocessor(args, compile);
  const template = await cc1Template(y, rest);
  if (!template) return y.commands.clang(args, tree, options);
  const base = compile.src.slice(compile.src.lastIndexOf('/') + 1);
  const cmd = [];
  for (let i = 0; i < template.length; i++) {
    const a = template[i];
    if (a === '-D' && template[i + 1] === SENTINEL) { cmd.push(...pp); i++; continue; }
    if (a === '-main-file-name') { cmd.push(a, base); i++; continue; }
    cmd.push(a === PH.src ? compile.src : a === PH.out ? compile.out : a === PH.dep ? compile.dep : a);
  }
  return y.runLLVM(cmd, tree, options);
}
parentPort.on('message', async ({ id, tool, args, files, outputs, compile, modules }) => {
  if (modules) { gotInit(modules); return; }
  try {
    const y = await ready;
    const tree = {};
    for (const [path, content] of Object.entries(files)) mount(tree, path, content);
    const chunks = [];
    const sink = (b) => { if (b) chunks.push(b.slice()); };
    const options = { stdout: sink, stderr: sink, decodeASCII: false };
    let out;
    let status = 0;
    try {
      if (tool === 'clang' && compile && !workerData.noDirectCc1) out = await runCompile(y, args, tree, compile, options);
      else out = await y.commands[tool](args, tree, options);
    } catch (e) {
      if (!(e instanceof y.Exit)) throw e;
      status = e.code || 1;
      out = e.files;
    }
    const result = {};
    const transfer = [];
    for (const o of outputs) {
      const f = pick(out, o);
      if (f) { const c = f.slice(); result[o] = c; transfer.push(c.buffer); }
    }
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) { all.set(c, at); at += c.length; }
    parentPort.postMessage({ id, status, stderr: new TextDecoder().decode(all), files: result }, transfer);
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.stack || e) });
  }
});
`;

interface Pending { id: number; job: ToolJob; resolve: (r: ToolResult) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; busy?: Pending }
interface Reply { id: number; status?: number; stderr?: string; files?: Record<string, Uint8Array>; error?: string }

export class NodeWorkerPool implements ToolRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  /** Workers started since creation (each one loads clang once). */
  started = 0;

  private modules?: Promise<Record<string, WebAssembly.Module>>;

  constructor(public size: number, private readonly bundleUrl: string) {}

  /** Compiles @yowasp/clang's .wasm files once, keyed by byte length, to hand to every worker. */
  private compileModules(): Promise<Record<string, WebAssembly.Module>> {
    this.modules ??= (async () => {
      const dir = fileURLToPath(new URL('.', this.bundleUrl));
      const out: Record<string, WebAssembly.Module> = {};
      const seen = new Set<number>();
      for (const f of (await readdir(dir)).filter((n) => n.endsWith('.wasm'))) {
        const bytes = await readFile(`${dir}/${f}`);
        if (seen.has(bytes.length)) { delete out[bytes.length]; continue; }
        seen.add(bytes.length);
        out[bytes.length] = await WebAssembly.compile(bytes);
      }
      return out;
    })().catch(() => ({}));
    return this.modules;
  }

  get concurrency(): number { return this.size; }

  run(job: ToolJob): Promise<ToolResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const p = this.queue.shift()!;
      slot.busy = p;
      slot.worker.ref();
      slot.worker.postMessage({ id: p.id, tool: p.job.tool, args: p.job.args, files: p.job.files, outputs: p.job.outputs, compile: p.job.compile });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundleUrl: this.bundleUrl, noDirectCc1: !!process.env.LKM_BUILD_NO_DIRECT_CC1 } });
    void this.compileModules().then((modules) => worker.postMessage({ modules }));
    this.started++;
    const slot: Slot = { worker };
    this.slots.push(slot);
    const drop = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      if (slot.busy) { slot.busy.reject(err); slot.busy = undefined; }
      // A worker that cannot even load clang would fail every job: fail the queue instead of respawning.
      for (const p of this.queue.splice(0)) p.reject(err);
    };
    worker.on('message', (m: Reply) => {
      if (m.id === -1) { drop(new Error(`lkm build: the compiler failed to load in a worker: ${m.error}`)); void worker.terminate(); return; }
      const p = slot.busy;
      if (!p || p.id !== m.id) return;
      slot.busy = undefined;
      worker.unref();
      if (m.error) p.reject(new Error(`lkm build: compiler worker: ${m.error}`));
      else p.resolve({ status: m.status ?? 1, stderr: m.stderr ?? '', files: m.files ?? {} });
      this.pump();
    });
    worker.on('error', (e) => drop(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => { if (this.slots.includes(slot)) drop(new Error(`lkm build: compiler worker exited (${code})`)); });
    return slot;
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const p of this.queue.splice(0)) p.reject(new Error('lkm build: compiler pool closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
