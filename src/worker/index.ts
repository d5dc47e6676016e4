// Platform-neutral exports of the worker kernel (node.ts and browser.ts add bootKernel for each platform).
export type { Isolate, KernelApi, KernelBootOptions, LogView, ScriptOp } from '../api/api.js';
export { DEFAULT_WATCHDOG_MS } from '../api/api.js';
export { KernelHungError, LogMirror, SoftLockupError, WorkerKernel, type Lockup, type SpawnWorker, type WorkerPort } from './client.js';
export { LocalKernel } from '../api/local.js';
export type { BatchOp, BatchResult, KernelCalls, SymbolInfo } from '../api/calls.js';
