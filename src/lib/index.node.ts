// `lkm-wasm` on Node: the shared exports, bootKernel with Node's adapters (the package's prebuilt
// vmlinux.ko, worker_threads), the Node session's kernel with a host file system, and the module build.

export * from './index.js';
export { bootKernel, bootNodeWorkerKernel } from '../worker/boot.node.js';
export { bootNodeKernel, type NodeBootOptions } from '../session/boot.node.js';
export { readVmlinux, vmlinuxPath, moduleTreeDir } from '../session/paths.node.js';
export { build } from './build.node.js';
export {
  buildDir, buildFiles, closeBuildPool, KERNEL_RELEASE, VERMAGIC,
  type BuildOptions, type BuildLog, type BuildProgress, type BuildResult, type BuildStats, type ModuleResult, type ObjectResult,
} from '../kbuild/build.node.js';
export { BuildError } from '../kbuild/build-types.js';
