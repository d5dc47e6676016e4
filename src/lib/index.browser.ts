// `lkm-wasm` in a browser: the shared exports and bootKernel with a module Web Worker. The caller fetches
// vmlinux.ko itself (the package exports it as `lkm-wasm/vmlinux.ko`); building modules is Node's.

export * from './index.js';
export { bootKernel, spawnWebWorker } from '../worker/boot.browser.js';
