// Where the kmod tools look for modules: /lib/modules/<release> of the emulated kernel's release.

import { UTS_RELEASE } from '../kernel/kernel.js';
import { joinPath } from '../vfs/index.js';

/** `uname -r` of the emulated kernel. */
export const RELEASE = UTS_RELEASE;

/** /lib/modules/<release>, under a base directory when one is given (-b, -d). */
export function moduleDirname(release: string, basedir?: string): string {
  return joinPath(basedir ?? '/', 'lib/modules', release);
}
