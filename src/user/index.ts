export { wasiErrno } from './errno.js';
export { KernelSystem, type KernelLike, type KernelSystemOptions } from './kernel-system.js';
export { compileProgram, runModule, runProgram, type RunOptions, type RunResult } from './run.js';
export * from './system.js';
export { resolvePath, type StdinSource } from './wasi.js';
export { ChannelSystem, createChannel, DATA_MAX, serveChannel, type ChannelServer } from './channel.js';
