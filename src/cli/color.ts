// Whether the CLI colours what it writes to stderr: on a terminal, unless NO_COLOR is set to a non-empty
// value (https://no-color.org). Every command that colours asks here.

export function stderrColor(env: Record<string, string | undefined> = process.env, isTTY = process.stderr.isTTY === true): boolean {
  return isTTY && !env.NO_COLOR;
}
