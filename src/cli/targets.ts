// What `lkm run` and `lkm test` load: a .ko as it is, or the modules that building a C file or a
// kbuild directory produced (build lines and diagnostics on stderr: stdout carries the results).

import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildDir, buildFiles, closeBuildPool } from '../kbuild/build.node.js';
import { consoleBuildOutput } from '../kbuild/console.js';
import { stderrColor } from './color.js';

/** The .ko files of `target` in build order, or undefined (the error is printed) when there are none. */
export async function modulesFor(tool: string, target: string): Promise<string[] | undefined> {
  const abs = resolve(target);
  let isDir = false;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    process.stderr.write(`${tool}: ${target}: No such file or directory\n`);
    return undefined;
  }
  if (!isDir && abs.endsWith('.ko')) {
    await readFile(abs);
    return [abs];
  }
  const { log, progress, end } = consoleBuildOutput({ linesTo: 'stderr' });
  const color = stderrColor();
  try {
    const result = isDir ? await buildDir(abs, { log, progress, color }) : await buildFiles([abs], { log, progress, color });
    if (!result.ok) return undefined;
    return result.modules.map((m) => m.path);
  } finally {
    end();
    await closeBuildPool();
  }
}
