// Node-only: a pool of worker_threads, each loading @yowasp/clang once and then running compile/link jobs.
// Workers start on demand (never more than `size`, never more than there are queued jobs), so a build with
// nothing to do starts none. Idle workers are unref'd, so they keep clang loaded for the next build in the
// same process (tests, a dev server) without keeping the process alive.
//
// The worker is a short self-contained script evaluated from a string: it runs the same way whether this file
// was loaded from TypeScript by vitest or from dist/ after tsc, and it needs nothing but @yowasp/clang.

import { Worker } from 'node:worker_threads';
import type { ToolJob, ToolRunner } from './runner.js';
import type { ToolResult } from './toolchain.js';

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.bundleUrl).then(async (y) => {
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
parentPort.on('message', async ({ id, tool, args, files, outputs }) => {
  try {
    const y = await ready;
    const tree = {};
    for (const [path, content] of Object.entries(files)) mount(tree, path, content);
    const chunks = [];
    const sink = (b) => { if (b) chunks.push(b.slice()); };
    let out;
    let status = 0;
    try {
      out = await y.commands[tool](args, tree, { stdout: sink, stderr: sink, decodeASCII: false });
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

  constructor(public size: number, private readonly bundleUrl: string) {}

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
      slot.worker.postMessage({ id: p.id, tool: p.job.tool, args: p.job.args, files: p.job.files, outputs: p.job.outputs });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundleUrl: this.bundleUrl } });
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
