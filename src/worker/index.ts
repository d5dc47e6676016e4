// Platform-neutral exports of the worker kernel (node.ts and browser.ts add bootKernel for each platform).
export type { Isolate, KernelApi, KernelBootOptions, LogView, ScriptOp } from '../kernel/api.js';
export { DEFAULT_WATCHDOG_MS } from '../kernel/api.js';
export { KernelHungError, LogMirror, SoftLockupError, WorkerKernel, type Lockup, type SpawnWorker, type WorkerPort } from './client.js';
export { LocalKernel } from '../kernel/local-kernel.js';
export type { BatchOp, BatchResult, KernelCalls, SymbolInfo } from '../kernel/calls.js';
