// `lkm run FILE.c|DIR|FILE.ko [params…]`: build if needed, insmod with the params, rmmod, and print the
// kernel log lines the module produced. The quickest way to try a module: one command, no VM.

import { bootNodeKernel } from '../session/boot.node.js';
import { bootNodeWorkerKernel } from '../worker/boot.node.js';
import { normalizeModuleName } from '../kernel/module.js';
import { formatRecord } from '../kernel/printk.js';
import { normalizePath } from '../shell/fs.js';
import { Shell } from '../session/shell.js';
import { faultStatus } from '../shell/faults.js';
import { modulesFor } from './targets.js';

const USAGE = 'Usage: lkm run FILE.c|DIR|FILE.ko [param=value …]\n';

export async function main(argv: string[]): Promise<number> {
  const [target, ...params] = argv;
  if (!target || target === '-h' || target === '--help') {
    (target ? process.stdout : process.stderr).write(USAGE);
    return target ? 0 : 2;
  }
  const modules = await modulesFor('lkm run', target);
  if (!modules) return 1;

  // Module code runs in a worker: a module that never returns is reported by the watchdog instead of hanging.
  const { kernel, fs } = process.env.LKM_ISOLATE === 'none' ? await bootNodeKernel() : await bootNodeWorkerKernel();
  const sh = new Shell(kernel, fs, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  sh.cwd = normalizePath(process.cwd());
  const mark = kernel.log.seq;
  const io = { stdin: '', stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };
  // Load in build order; the parameters go to the last module (the one on top of a stack).
  let status = 0;
  const loaded: string[] = [];
  for (const [i, path] of modules.entries()) {
    const args = i === modules.length - 1 ? params : [];
    try {
      status = await sh.commands.insmod!(['insmod', path, ...args], io, sh);
    } catch (e) {
      // The watchdog: module code that never returned (the kernel is hung; its log is still here).
      const fault = faultStatus(e, 'insmod', (t) => process.stderr.write(t), ['lockup']);
      if (fault === undefined) throw e;
      status = fault;
      loaded.length = 0;
    }
    if (status !== 0) break;
    loaded.push(path);
  }
  for (const path of loaded.reverse()) {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.ko$/, '');
    const m = (await kernel.lsmod()).find((x) => x.name === normalizeModuleName(name));
    if (m && !m.permanent) await sh.commands.rmmod!(['rmmod', name], io, sh);
  }
  kernel.log.flush();
  for (const r of kernel.log.since(mark)) for (const line of formatRecord(r)) process.stdout.write(`${line}\n`);
  return status;
}
