export type { Backing, Stat } from './backing.js';
export { FsError, fsError } from './errors.js';
export { MemoryBacking } from './memory.js';
export { basename, dirname, isWithin, joinPath, normalizePath, relativeTo } from './path.js';
export { Vfs, type KernelView } from './vfs.js';
