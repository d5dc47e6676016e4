export type { Backing, Stat } from './backing.js';
export { FsError, fsError } from './errors.js';
export { MemoryBacking } from './memory.js';
export { basename, dirname, isWithin, joinPath, normalizePath, relativeTo } from './path.js';
export { MAX_SYMLINKS, Vfs, type DirEntry, type FollowedStat, type KernelView } from './vfs.js';
