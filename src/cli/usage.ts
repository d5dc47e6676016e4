// Usage errors of the lkm subcommands, in one form: "lkm CMD: what is wrong", a pointer to --help, exit 2.

/** Exit status of a command line the subcommand cannot parse (as getopt-based tools and bash use). */
export const USAGE_STATUS = 2;

export class UsageError extends Error {}

/** Writes the usage error of `lkm CMD` and returns its exit status. */
export function usageError(cmd: string, message: string, stderr: (t: string) => void = (t) => { process.stderr.write(t); }): number {
  stderr(`lkm ${cmd}: ${message}\nTry 'lkm ${cmd} --help'.\n`);
  return USAGE_STATUS;
}
