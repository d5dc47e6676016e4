// The worker side: a Kernel booted inside the worker, its calls (src/api/calls.ts) exposed through
// comlink; errors cross as errors.ts encodes them. Its printk
// records are posted to the caller in one message per task, always before the reply of the call that
// logged them; until posted they are also kept in the watch state (watch.ts), with each entry into module
// code, so the caller still gets them if that code never returns. Platform-neutral: node-worker.ts and
// web-worker.ts give it an endpoint and a post function.

import * as Comlink from 'comlink';
import type { SpawnCpu } from '../kernel/threads.js';
import { Kernel } from '../kernel/kernel.js';
import type { LogRecord } from '../kernel/printk.js';
import type { Task } from '../kernel/task.js';
import { isCallName, runCall, type BatchOp, type BatchResult } from '../api/calls.js';
import type { KernelService, WorkerBootOptions, WorkerEvent } from './protocol.js';
import { BatchReply, registerErrorTransfer } from './errors.js';
import { WatchState } from './watch.js';
import { setUsermodeHelper } from '../kernel/kmod.js';
import { KernelSyscalls } from '../user/forward.js';

export function kernelService(post: (m: WorkerEvent) => void, spawnCpu?: SpawnCpu): KernelService {
  let k: Kernel | undefined;
  /** Highest seq already posted as a completed record. */
  let lastPosted = -1;
  let pending: LogRecord[] = [];
  let scheduled = false;
  /** Also holds the pending records, so the caller finds them if module code never returns. */
  let watch: WatchState | undefined;
  /** Usermode helpers running on the caller's side: id → resolves with the exit status. */
  const helpers = new Map<number, (status: number) => void>();
  let helperSeq = 0;
  /** User programs' open files on this kernel (their system calls are forwarded by the caller). */
  let syscalls: KernelSyscalls | undefined;
  /** The process of each recent program run (its system calls are all that process), the newest last. */
  const programs = new Map<number, Task>();
  const programTask = (kk: Kernel, p: { comm: string; id: number }): Task => {
    let t = programs.get(p.id);
    if (!t) {
      t = kk.tasks.spawn(p.comm);
      programs.set(p.id, t);
      // Programs that ended are not told: keep the last ones only.
      if (programs.size > 256) programs.delete(programs.keys().next().value!);
    }
    return t;
  };

  const flushPending = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const records = pending;
    pending = [];
    post({ lkm: 'log', records });
    watch?.posted();
  };

  /** Posts the open record (if any) after a call, so the caller's dmesg shows it as Linux's would. */
  const postOpen = () => {
    flushPending();
    if (!k) return;
    const rest = k.log.since(lastPosted + 1);
    const open = rest[rest.length - 1];
    if (open) post({ lkm: 'log', records: [], open: { ...open } });
  };

  const kernel = (): Kernel => {
    if (!k) throw new Error('kernel worker: not booted');
    return k;
  };

  /** Calls that can be interrupted (readFile/writeFile of a device that sleeps), by the caller's abort id. */
  const aborts = new Map<number, AbortController>();

  function run(op: BatchOp, signal?: AbortSignal): unknown {
    const kk = kernel();
    if (!isCallName(op.op)) throw new Error(`kernel worker: unknown call ${(op as { op: string }).op}`);
    return runCall(kk, op, signal);
  }

  return {
    async boot(opts: WorkerBootOptions) {
      k?.threads.shutdown(); // a reboot: the old kernel's threads go with it
      k = await Kernel.boot({
        vmlinux: opts.vmlinux, cmdline: opts.cmdline, trustedKeys: opts.trustedKeys, moduleSigForce: opts.moduleSigForce, spawnCpu,
      });
      const kk = k;
      syscalls = new KernelSyscalls(kk);
      programs.clear();
      // Completed records go out at once (a batched post per task, but synchronously before a reply,
      // and immediately when module code is entered, so nothing is lost if that code never returns).
      kk.log.subscribe((r) => {
        lastPosted = r.seq;
        const rec = { ...r };
        pending.push(rec);
        if (watch && !watch.keep(rec)) flushPending();
        // Streamed at most every 20 ms while a call runs (one message for many records), and always
        // before the call's reply (postOpen).
        else if (!scheduled) { scheduled = true; setTimeout(flushPending, 20); }
      });
      for (const r of kk.log.read()) { pending.push({ ...r }); lastPosted = r.seq; }
      const ws = new WatchState(opts.watch);
      watch = ws;
      // request_module() from C: the usermode helper (the lkm shell's modprobe) lives with the caller.
      setUsermodeHelper(kk, {
        exists: (path) => {
          flushPending();
          post({ lkm: 'helper-exists', path });
          return ws.awaitAnswer(2000) === 1;
        },
        run: (argv, env) => new Promise<number>((resolve) => {
          const id = ++helperSeq;
          helpers.set(id, resolve);
          post({ lkm: 'helper-run', argv, env, id });
        }),
      });
      // The caller mirrors the mount points in its file system (paths below them are the kernel's).
      const postMounts = () => post({ lkm: 'mounts', points: kk.mountPoints() });
      kk.mounts.subscribe(postMounts);
      postMounts();
      kk.onModuleCode = (what) => {
        if (what === undefined) ws.leave();
        else ws.enter({ what, ...kk.entryPoint(what), comm: kk.current.comm, pid: kk.current.pid, modules: kk.modulesLinkedIn(), taint: kk.taintMask });
      };
      postOpen();
      return { seq: kk.log.seq };
    },
    async call(op: BatchOp, abortId?: number) {
      const ctl = abortId === undefined ? undefined : new AbortController();
      if (ctl) aborts.set(abortId!, ctl);
      try {
        return await run(op, ctl?.signal);
      } finally {
        postOpen();
        if (ctl) aborts.delete(abortId!);
      }
    },
    abort(abortId: number) {
      aborts.get(abortId)?.abort();
    },
    async batch(ops: BatchOp[], stopOnError: boolean) {
      const out: BatchResult[] = [];
      for (const op of ops) {
        try {
          out.push({ ok: true, value: await run(op) });
        } catch (e) {
          out.push({ ok: false, error: e as Error });
          if (stopOnError) break;
        }
      }
      postOpen();
      return new BatchReply(out);
    },
    flushLog() {
      k?.log.flush();
      flushPending();
    },
    clearLog() {
      k?.log.clear();
    },
    async syscall(req, data, comm, abortId) {
      const ctl = abortId === undefined ? undefined : new AbortController();
      if (ctl) aborts.set(abortId!, ctl);
      try {
        const kk = kernel();
        const sc = syscalls!;
        const signal = ctl?.signal;
        const handle = () => sc.handle(req, data, signal);
        if (typeof comm === 'object') return await kk.tasks.asTask(programTask(kk, comm), handle);
        return await (comm ? kk.asProcess(comm, handle) : handle());
      } finally {
        if (ctl) aborts.delete(abortId!);
        postOpen();
      }
    },
    helperDone(id: number, status: number) {
      helpers.get(id)?.(status);
      helpers.delete(id);
    },
  };
}

/** Serves a kernel on an endpoint (worker_threads' parentPort through comlink's node adapter, or self). */
/** `spawnCpu`: the platform's CPU workers for kernel threads (src/kernel/threads.ts), where it has them. */
export function serveKernel(ep: Comlink.Endpoint, post: (m: WorkerEvent) => void, spawnCpu?: SpawnCpu): void {
  registerErrorTransfer();
  Comlink.expose(kernelService(post, spawnCpu), ep);
}
