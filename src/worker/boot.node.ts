// Node: bootKernel({ isolate }) with the kernel in a worker_threads Worker (default) or on this thread.

import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { KernelApi, KernelBootOptions } from '../api/api.js';
import { WorkerKernel, type WorkerPort } from './client.js';
import { LocalKernel } from '../api/local.js';
import { buildTrustedKeys, envModuleSigForce, readVmlinux } from '../session/paths.node.js';
import { nodeVfs, type NodeBootOptions } from '../session/boot.node.js';
import type { Vfs } from '../vfs/index.js';
import { KernelBacking, mirrorKernelMounts } from '../vfs/kernel-backing.js';
import { spawnNodeProgramWorker } from '../user/spawn.node.js';
import { spawnNodeCpu } from './cpu.node.js';
import { compiledScript } from './script.node.js';

/** The kernel worker's script (dist/, or a compiled copy when running from sources). */
export function nodeWorkerScript(): URL {
  return compiledScript(import.meta.url, 'node-worker.js');
}

/** Linux's names for the kernel's JavaScript functions that show up in a stuck worker's stack. */
const KERNEL_FRAMES: Record<string, string> = {
  doInitModule: 'do_init_module', loadModule: 'load_module', deleteModule: 'delete_module',
  writeKernelFile: 'kernfs_fop_write_iter', readKernelFile: 'kernfs_fop_read_iter',
};

/**
 * Where a worker is stuck, read with the inspector (Node only): the main thread's session attaches to
 * the worker (NodeWorker domain), and Debugger.pause interrupts even a wasm loop. Wasm frames carry
 * their name-section names and the module (from the script's wasm://wasm/NAME.ko-hash URL); the
 * kernel's JavaScript frames are named as Linux names them. Undefined if that fails within `timeoutMs`.
 */
export async function workerStack(w: Worker, timeoutMs = 1000): Promise<{ func: string; module?: string }[] | undefined> {
  let inspector: typeof import('node:inspector');
  try {
    inspector = await import('node:inspector');
  } catch {
    return undefined;
  }
  const s = new inspector.Session();
  try {
    s.connect();
  } catch {
    return undefined;
  }
  const post = (method: string, params?: object) => new Promise<unknown>((ok, fail) => {
    s.post(method, params ?? {}, (e, r) => (e ? fail(e) : ok(r)));
  });
  try {
    const work = (async () => {
      const attached = new Promise<string>((ok) => {
        // workerId counts per inspector session; the title carries the thread id.
        s.on('NodeWorker.attachedToWorker', ({ params }: { params: { sessionId: string; workerInfo: { title: string } } }) => {
          if (params.workerInfo.title === `[worker ${w.threadId}]`) ok(params.sessionId);
        });
      });
      await post('NodeWorker.enable', { waitForDebuggerOnStart: false });
      const sessionId = await attached;
      const urls = new Map<string, string>();
      const paused = new Promise<{ functionName: string; location: { scriptId: string } }[]>((ok) => {
        s.on('NodeWorker.receivedMessageFromWorker', ({ params }: { params: { message: string } }) => {
          const m = JSON.parse(params.message) as { method?: string; params?: Record<string, unknown> };
          if (m.method === 'Debugger.scriptParsed') urls.set(m.params!.scriptId as string, m.params!.url as string);
          if (m.method === 'Debugger.paused') ok(m.params!.callFrames as never);
        });
      });
      const send = (id: number, method: string) =>
        post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      await send(1, 'Debugger.enable');
      await send(2, 'Debugger.pause');
      const frames = await paused;
      // Let it run again (a worker paused in the debugger would not terminate), then let go of it.
      await send(3, 'Debugger.resume');
      await send(4, 'Debugger.disable');
      await post('NodeWorker.detach', { sessionId }).catch(() => {});
      await post('NodeWorker.disable').catch(() => {});
      const out: { func: string; module?: string }[] = [];
      for (const f of frames) {
        const url = urls.get(f.location.scriptId) ?? '';
        const wasm = /^wasm:\/\/wasm\/(.+?)(?:-[0-9a-f]{8})?$/.exec(url);
        if (wasm) {
          const file = wasm[1]!;
          const module = file === 'vmlinux.ko' ? undefined : file.replace(/\.ko$/, '').replace(/-/g, '_');
          out.push({ func: f.functionName.replace(/^\$/, ''), module });
        } else if (KERNEL_FRAMES[f.functionName]) out.push({ func: KERNEL_FRAMES[f.functionName]! });
      }
      return out.length ? out : undefined;
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((ok) => { timer = setTimeout(() => ok(undefined), timeoutMs); });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  } catch {
    return undefined;
  } finally {
    s.disconnect();
  }
}

export function spawnNodeWorker(): WorkerPort {
  const w = new Worker(nodeWorkerScript());
  return {
    stack: () => workerStack(w),
    endpoint: nodeEndpoint(w),
    onMessage: (l) => { w.on('message', l); },
    onExit: (l) => {
      w.on('error', (e) => l(String(e)));
      w.on('exit', (code) => l(`exit code ${code}`));
    },
    terminate: () => { void w.terminate(); },
    ref: () => w.ref(),
    unref: () => w.unref(),
  };
}

/**
 * Boots a kernel: in a worker_threads Worker (isolate 'worker', the default) or on this thread ('none').
 * Without `vmlinux`, the build tree's vmlinux.ko is used; without `readFile`, insmod(path) reads the host's files.
 */
export async function bootKernel(opts: Omit<KernelBootOptions, 'vmlinux'> & { vmlinux?: Uint8Array } = {}): Promise<KernelApi> {
  const vmlinux = opts.vmlinux ?? (await readVmlinux());
  const o = {
    readFile: readHostFile, spawnCpu: spawnNodeCpu, trustedKeys: buildTrustedKeys(), moduleSigForce: envModuleSigForce(),
    ...opts, vmlinux,
  };
  return opts.isolate === 'none' ? LocalKernel.boot(o) : bootWorker(o);
}

async function readHostFile(path: string): Promise<Uint8Array> {
  const b = await readFile(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

async function bootWorker(opts: KernelBootOptions): Promise<WorkerKernel> {
  const k = await WorkerKernel.boot(spawnNodeWorker, opts);
  // User programs run in worker_threads Workers of their own (src/user/worker-run.ts).
  k.programWorker = spawnNodeProgramWorker;
  return k;
}

/**
 * A Node session's kernel in a worker with the emulated file system of bootNodeKernel() (host root,
 * module tree): /proc and /sys are mounted from the worker kernel (KernelBacking). The watchdog time is
 * `watchdogMs`, else $LKM_WATCHDOG_MS, else 10 s.
 */
export async function bootNodeWorkerKernel(opts: NodeBootOptions & Pick<KernelBootOptions, 'watchdogMs' | 'console'> = {}): Promise<{ kernel: WorkerKernel; fs: Vfs }> {
  const fs = nodeVfs(opts);
  let kernel: WorkerKernel | undefined;
  const current = () => {
    if (!kernel) throw new Error('kernel not booted');
    return kernel;
  };
  fs.mount('/proc', new KernelBacking(current, '/proc'));
  fs.mount('/sys', new KernelBacking(current, '/sys'));
  fs.mount('/dev', new KernelBacking(current, '/dev'));
  kernel = await bootWorker({
    vmlinux: opts.vmlinux ?? (await readVmlinux()), cmdline: opts.cmdline, console: opts.console,
    trustedKeys: opts.trustedKeys ?? buildTrustedKeys(), moduleSigForce: opts.moduleSigForce ?? envModuleSigForce(),
    watchdogMs: opts.watchdogMs ?? (Number(process.env.LKM_WATCHDOG_MS) || undefined),
    readFile: (p) => fs.readFile(p),
    pathType: async (p) => (await fs.stat(p))?.type ?? null,
  });
  mirrorKernelMounts(fs, kernel, current);
  return { kernel, fs };
}
