// build(): the kbuild entry in one call, a module directory (its Kbuild/Makefile) or a list of sources.

import { buildDir, buildFiles, type BuildOptions, type BuildResult } from '../kbuild/build.node.js';

/** `lkm build DIR` (a string) or `lkm build a.c b.c` (a list: one module per file). */
export function build(src: string | string[], opts: BuildOptions = {}): Promise<BuildResult> {
  return Array.isArray(src) ? buildFiles(src, opts) : buildDir(src, opts);
}
