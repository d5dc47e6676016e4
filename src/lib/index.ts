// The package's exports both platforms share (`import … from 'lkm-wasm'`): the kernel, its errors and log
// records, the promise API. index.node.ts and index.browser.ts add each platform's bootKernel.

export { Kernel, KernelOops, UTS_RELEASE, UTS_VERSION, UTS_MACHINE, type BootOptions, type ModuleInfo, type ModuleLeak } from '../kernel/kernel.js';
export { KernelError, strerror, errnoName, errnoByName } from '../kernel/errno.js';
export { formatRecord, formatTimestamp, type LogRecord, type LogListener } from '../kernel/printk.js';
export type { Frame, Fault, FaultKind } from '../kernel/oops.js';
export type { LoadOptions } from '../kernel/load.js';
export {
  DEFAULT_WATCHDOG_MS, KernelHungError, LocalKernel, SoftLockupError, WorkerKernel,
  type BatchOp, type BatchResult, type Isolate, type KernelApi, type KernelBootOptions, type KernelCalls,
  type Lockup, type LogView, type ScriptOp, type SymbolInfo,
} from '../worker/index.js';
// Testing modules: the fail-nth sweep, KTAP and a KUnit module's run (lkm test's library half).
export { failNthSweep, type FailNthResult, type KernelFactory, type SweepOptions, type SweepResult } from '../testing/fail-nth-sweep.js';
export { formatFailNth, formatSweep } from '../testing/fail-nth-report.js';
export { parseKtap, countTests, type KtapDocument, type KtapTest, type TestCounts } from '../testing/ktap.js';
export { runKunitModule, runFailed, type ModuleRun } from '../testing/kunit-run.js';
