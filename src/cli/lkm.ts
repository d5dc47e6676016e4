// The `lkm` command: dispatches to build, run, shell and the one-shot kmod tools.

import { UTS_RELEASE } from '../kernel/release.js';
import { KMOD_VERSION } from '../tools/version.js';
import { USAGE_STATUS } from './usage.js';

const USAGE = `Usage: lkm <command> [args]
       lkm -V|--version

  build [DIR|FILES…] [-o OUT]     build kernel modules (reads DIR's Kbuild/Makefile)
  run FILE.c|DIR|FILE.ko [params] build, insmod with params, --exec "cmds", rmmod, print the kernel log;
                                  non-zero on an Oops, WARN, leak, soft lockup, failed rmmod (lkm run -h)
  exec PROG [args]                run a user program (lkm build userprogs/--user) on a fresh kernel
  test DIR|FILE.ko… [--filter G]  run the modules' KUnit suites, print kunit.py's summary
  shell [--root DIR] [-c "cmds"]  interactive shell over an emulated 6.12 kernel
  insmod|rmmod|lsmod|dmesg …      one-shot kmod tools on a freshly booted kernel
  modprobe|depmod|modinfo …       (also --root DIR, --modules DIR)
  sign-file [-dpk] HASH KEY X509 MODULE [DEST]
                                  append a module signature, as Linux's scripts/sign-file
`;

/** `lkm --version`: the package, the kernel release it emulates, the kmod whose tools it follows. */
export async function versionLine(): Promise<string> {
  const { packageVersion } = await import('../session/paths.node.js');
  return `lkm-wasm ${packageVersion()} (kernel ${UTS_RELEASE}, kmod ${KMOD_VERSION})\n`;
}

export async function lkm(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'build': return (await import('./build.js')).main(rest);
    case 'run': return (await import('./run.js')).main(rest);
    case 'exec': return (await import('./exec.js')).main(rest);
    case 'test': return (await import('./test.js')).main(rest);
    case 'shell': return (await import('./shell.js')).main(rest);
    case 'sign-file': return (await import('./sign-file.js')).main(rest);
    case 'insmod': case 'rmmod': case 'lsmod': case 'dmesg': case 'modprobe': case 'depmod': case 'modinfo':
      return (await import('./tools.js')).runOneShot(argv);
    case '-V': case '--version':
      process.stdout.write(await versionLine());
      return 0;
    case undefined: case '-h': case '--help': case 'help':
      process.stdout.write(USAGE);
      return cmd === undefined ? USAGE_STATUS : 0;
    default:
      process.stderr.write(`lkm: unknown ${cmd.startsWith('-') ? 'option' : 'command'} '${cmd}'\n${USAGE}`);
      return USAGE_STATUS;
  }
}
