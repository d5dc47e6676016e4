// WASI preview1 numbers errnos differently from Linux: map by name (ENOENT → 44, not 2).

import { wasi } from '@bjorn3/browser_wasi_shim';

const ALIASES: Record<string, string> = { EWOULDBLOCK: 'EAGAIN', EOPNOTSUPP: 'ENOTSUP', EDEADLOCK: 'EDEADLK' };

/** WASI errno for a Linux errno name; EIO for names WASI does not have (ENOTBLK, ERESTARTSYS, ...). */
export function wasiErrno(name: string): number {
  const n = ALIASES[name] ?? name;
  const v = (wasi as unknown as Record<string, unknown>)[`ERRNO_${n.slice(1)}`];
  return typeof v === 'number' ? v : wasi.ERRNO_IO;
}
