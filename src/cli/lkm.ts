// The `lkm` command: dispatches to build, run, shell and the one-shot kmod tools.

const USAGE = `Usage: lkm <command> [args]

  build [DIR|FILES…] [-o OUT]     build kernel modules (reads DIR's Kbuild/Makefile)
  run FILE.c|DIR|FILE.ko [params] build, insmod with params, rmmod, print the kernel log
  exec PROG [args]                run a user program (lkm build userprogs/--user) on a fresh kernel
  test DIR|FILE.ko… [--filter G]  run the modules' KUnit suites, print kunit.py's summary
  shell [--root DIR] [-c "cmds"]  interactive shell over an emulated 6.12 kernel
  insmod|rmmod|lsmod|dmesg …      one-shot kmod tools on a freshly booted kernel
  modprobe|depmod|modinfo …       (also --root DIR, --modules DIR)
`;

export async function lkm(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'build': return (await import('./build.js')).main(rest);
    case 'run': return (await import('./run.js')).main(rest);
    case 'exec': return (await import('./exec.js')).main(rest);
    case 'test': return (await import('./test.js')).main(rest);
    case 'shell': return (await import('./shell.js')).main(rest);
    case 'insmod': case 'rmmod': case 'lsmod': case 'dmesg': case 'modprobe': case 'depmod': case 'modinfo':
      return (await import('./tools.js')).runOneShot(argv);
    case undefined: case '-h': case '--help': case 'help':
      process.stdout.write(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      process.stderr.write(`lkm: unknown command '${cmd}'\n${USAGE}`);
      return 2;
  }
}
