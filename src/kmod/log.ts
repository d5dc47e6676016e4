// kmod's logging: "<prog>: <LEVEL>: <message>" on stderr, filtered by a verbosity; FATAL (LOG_CRIT)
// ends the tool with exit status 1 unless the tool was told to be quiet.

export enum Prio { CRIT = 2, ERR = 3, WARNING = 4, NOTICE = 5, INFO = 6, DEBUG = 7 }

const NAMES: Record<number, string> = {
  [Prio.CRIT]: 'FATAL', [Prio.ERR]: 'ERROR', [Prio.WARNING]: 'WARNING',
  [Prio.NOTICE]: 'NOTICE', [Prio.INFO]: 'INFO', [Prio.DEBUG]: 'DEBUG',
};

/** Thrown by a FATAL message: the tool exits with this status. */
export class FatalExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

export class Logger {
  /** Messages at or below this priority are printed (modprobe: WARNING by default; -v adds levels). */
  constructor(readonly prog: string, public maxPrio: Prio, private readonly sink: (text: string) => void, public quiet = false,
    private readonly format: (prio: Prio, msg: string) => string = (prio, msg) => `${prog}: ${NAMES[prio]}: ${msg}`) {}

  log(prio: Prio, msg: string): void {
    if (!this.quiet && prio <= this.maxPrio) this.sink(`${this.format(prio, msg)}${msg.endsWith('\n') ? '' : '\n'}`);
    if (prio <= Prio.CRIT && !this.quiet) throw new FatalExit(1);
  }

  /**
   * libkmod's default logger, which prints what libkmod says while the context is created (the
   * configuration is parsed then), before a tool installs its own: `libkmod: <function>: <message>`,
   * errors only, whatever -q or -v say (kmod built without --enable-debug).
   */
  libkmodDefault(): Logger {
    return new Logger('libkmod', Prio.ERR, this.sink, false, (_prio, msg) => `libkmod: ${msg}`);
  }

  fatal(msg: string): void { this.log(Prio.CRIT, msg); }
  err(msg: string): void { this.log(Prio.ERR, msg); }
  warn(msg: string): void { this.log(Prio.WARNING, msg); }
  info(msg: string): void { this.log(Prio.INFO, msg); }
  debug(msg: string): void { this.log(Prio.DEBUG, msg); }
}
