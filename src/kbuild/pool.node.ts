// Node-only: a pool of worker_threads, each loading @yowasp/clang once and then running compile/link jobs.
// Workers start on demand (never more than `size`, never more than there are queued jobs), so a build with
// nothing to do starts none. Idle workers are unref'd, so they keep clang loaded for the next build in the
// same process (tests, a dev server) without keeping the process alive.
//
// The worker is the self-contained script of worker-script.ts evaluated from a string: it runs the same way
// whether this file was loaded from TypeScript by vitest or from dist/ after tsc, and it needs only @yowasp/clang.

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ToolJob, ToolRunner } from './runner.js';
import type { ToolResult } from './toolchain.js';
import { WORKER_BODY } from './worker-script.js';

const NODE_PRELUDE = `
const { parentPort } = require('node:worker_threads');
const post = (message, transfer) => parentPort.postMessage(message, transfer);
const listen = (handler) => parentPort.on('message', handler);
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
    const worker = new Worker(NODE_PRELUDE + WORKER_BODY, { eval: true });
    void this.compileModules().then((modules) => worker.postMessage({
      init: { bundleUrl: this.bundleUrl, modules, noDirectCc1: !!process.env.LKM_BUILD_NO_DIRECT_CC1 },
    }));
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
