// Whether the CLI colours what it writes to stderr: on a terminal, unless NO_COLOR is set to a non-empty
// value (https://no-color.org). Every command that colours asks here.

export function stderrColor(env: Record<string, string | undefined> = process.env, isTTY = process.stderr.isTTY === true): boolean {
  return isTTY && !env.NO_COLOR;
}

/** The same for what a command writes to stdout (lkm test's summary). */
export function stdoutColor(env: Record<string, string | undefined> = process.env, isTTY = process.stdout.isTTY === true): boolean {
  return isTTY && !env.NO_COLOR;
}

// SGR sequences are built here and nowhere else in the CLI.
const CSI = '\x1b[';
const SGR = { green: '1;32', yellow: '1;33', red: '1;31' } as const;

/** `text` in bold green, yellow or red, reset after. */
export function paint(hue: keyof typeof SGR, text: string): string {
  return `${CSI}${SGR[hue]}m${text}${CSI}0m`;
}
