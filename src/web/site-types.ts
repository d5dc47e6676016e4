// Data the page gets from the build (src/web/site-data.node.ts makes it; the page fetches it as JSON).

export { UTS_RELEASE as RELEASE } from '../kernel/release.js';
/** Where the example sources appear in the emulated file system. */
export const SOURCES_DIR = '/usr/src/lkm-examples';
/** Where modules compiled in the page are written before insmod, and where user programs live (`./NAME`). */
export const USER_MODULES_DIR = '/root';

export interface SiteData {
  release: string;
  /** vmlinux.ko, base64. */
  vmlinux: string;
  /** The initial file system: absolute path → base64 content (module tree with depmod's files, sources). */
  files: Record<string, string>;
  /** Example sources by path relative to the examples root (`stack/stack-c.c`). */
  sources: Record<string, string>;
}

export interface HeadersData {
  /** wasm/include, by relative path. */
  include: Record<string, string>;
  /** wasm/user (lkm-user.c, the runtime linked into every user program), by relative path. */
  user: Record<string, string>;
  /** Module.symvers of the tree build (vmlinux and example exports). */
  symvers: string;
}

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
