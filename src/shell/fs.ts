// The shell's file system is the emulated VFS (src/vfs); these names are kept for existing importers.

export { FsError, normalizePath, Vfs as KernelFs, type Backing, type Stat } from '../vfs/index.js';
