// Signals as the shell and the program runner (src/user) use them: a process is "sent" a signal by aborting its
// AbortSignal with the signal's name as the reason (`ctl.abort('SIGINT')`). There are no handlers (WASI
// programs cannot install any): every signal here has its default action, termination, and the process's
// status is 128 + the signal's number, as bash reports it.

/** The signals `kill` knows (Linux's x86/arm numbers), all with the default action "terminate". */
export const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
};

/** bash's description of a signal (strsignal): the word of a job notice, or of a foreground kill. */
export const SIGNAL_TEXT: Record<string, string> = {
  SIGHUP: 'Hangup', SIGINT: 'Interrupt', SIGQUIT: 'Quit', SIGKILL: 'Killed', SIGUSR1: 'User defined signal 1',
  SIGUSR2: 'User defined signal 2', SIGPIPE: 'Broken pipe', SIGALRM: 'Alarm clock', SIGTERM: 'Terminated',
};

/** The signal an aborted AbortSignal carries (its reason when that is a signal name; else SIGKILL). */
export function signalOf(signal: AbortSignal): string {
  const r = signal.reason;
  return typeof r === 'string' && r in SIGNALS ? r : 'SIGKILL';
}

/** The exit status of a process its signal terminated: 128 + the signal's number. */
export function signalStatus(signal: AbortSignal): number {
  return 128 + SIGNALS[signalOf(signal)]!;
}

/** A signal name from kill's argument: "INT", "SIGINT", "2" (undefined: unknown). */
export function parseSignal(s: string): string | undefined {
  if (/^\d+$/.test(s)) return Object.keys(SIGNALS).find((k) => SIGNALS[k] === Number(s));
  const name = s.toUpperCase().startsWith('SIG') ? s.toUpperCase() : `SIG${s.toUpperCase()}`;
  return name in SIGNALS ? name : undefined;
}
