// A booted kernel with a shell, for behaviour tests: run command lines and get exactly what a
// terminal would show (stdout, stderr, exit status).
import { bootNodeKernel } from '../../src/session/boot.node.js';
import { bootNodeWorkerKernel } from '../../src/worker/boot.node.js';
import { Shell } from '../../src/session/shell.js';
import type { Kernel } from '../../src/kernel/kernel.js';

export interface Result { status: number; stdout: string; stderr: string; }

export interface TestKernel {
  k: Kernel;
  sh: Shell;
  /** Runs a shell command line. */
  run(line: string): Promise<Result>;
  /** dmesg lines (without timestamps) logged after boot. */
  log(): string[];
  /** dmesg lines logged since the last call of `mark()`. */
  mark(): () => string[];
}

/**
 * Which kernel the behaviour tests drive: in-thread (default) or, with LKM_ISOLATE=worker, a kernel in a
 * worker_threads Worker behind the promise API (tests that reach into kernel internals — t.k.symtab,
 * t.k.mem — only work in-thread).
 */
export const TEST_ISOLATE = process.env.LKM_ISOLATE === 'worker' ? 'worker' : 'none';

export interface TestBootOptions {
  cmdline?: string;
  isolate?: 'worker' | 'none';
  /** Built-in trusted keys (default: the build's certs/signing_key.x509). */
  trustedKeys?: Uint8Array[];
  /** Boot as CONFIG_MODULE_SIG_FORCE=y. */
  moduleSigForce?: boolean;
}

export async function bootTestKernel(opts: TestBootOptions = {}): Promise<TestKernel> {
  const boot = { cmdline: opts.cmdline ?? '', trustedKeys: opts.trustedKeys, moduleSigForce: opts.moduleSigForce };
  for (const key of ['trustedKeys', 'moduleSigForce'] as const) if (boot[key] === undefined) delete boot[key];
  const { kernel: k, fs } = (opts.isolate ?? TEST_ISOLATE) === 'worker'
    ? await bootNodeWorkerKernel(boot) as unknown as Awaited<ReturnType<typeof bootNodeKernel>>
    : await bootNodeKernel(boot);
  let out = '';
  let err = '';
  const sh = new Shell(k, fs, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  const bootSeq = k.log.seq;
  const linesSince = (seq: number) => {
    k.log.flush();
    return k.log.since(seq).flatMap((r) => r.text.split('\n'));
  };
  return {
    k, sh,
    async run(line) {
      out = '';
      err = '';
      const status = await sh.run(line);
      return { status, stdout: out, stderr: err };
    },
    log: () => linesSince(bootSeq),
    mark() {
      const seq = k.log.seq;
      return () => linesSince(seq);
    },
  };
}
