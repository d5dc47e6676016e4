// File system errors carry the errno name in `code` (like Node's fs errors) and the number in `errno`.

import { errnoByName, strerror } from '../kernel/errno.js';

export class FsError extends Error {
  constructor(readonly code: string, readonly errno: number, readonly path: string) {
    super(`${path}: ${strerror(errno)}`);
  }

  /** The strerror text alone ("No such file or directory"). */
  get reason(): string {
    return strerror(this.errno);
  }
}

/** An FsError from an errno name, e.g. fsError('ENOENT', '/x'). */
export function fsError(code: string, path: string): FsError {
  return new FsError(code, errnoByName(code) ?? 5, path);
}
