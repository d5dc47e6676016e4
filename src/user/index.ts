export { wasiErrno } from './errno.js';
export { KernelSystem, type KernelLike, type KernelSystemOptions } from './kernel-system.js';
export { compileProgram, runModule, runProgram, type RunOptions, type RunResult } from './run.js';
export * from './system.js';
export { resolvePath, type StdinSource } from './wasi.js';
export { ChannelSystem, createChannel, DATA_MAX, serveChannel, type ChannelServer } from './channel.js';
export { serveChannelWith, systemHandler, type ChannelHandler, type SyscallRequest } from './channel.js';
export { forwardingHandler, KernelSyscalls, type SyscallKernel, type SyscallReply } from './forward.js';
export {
  programWorkerMain, runProgramInWorker, type ProgramMessage, type ProgramStart, type ProgramWorker,
  type SpawnProgramWorker, type WorkerRunOptions,
} from './worker-run.js';
