// What a command's kernel fault becomes: the exit status and the line bash (or a one-shot tool) prints.
// The shell's commands, the CLI's one-shot tools and `lkm run` map them here, in one place; each says
// which faults it expects (the others are thrown on, as before).

/** Exit status of a process the kernel killed after an Oops in its system call (SIGSEGV: 128 + 11). */
export const OOPS_STATUS = 139;

/**
 * The kernel faults a caller can turn into an exit status: `oops` a KernelOops (the kernel killed the
 * process that faulted in a system call, as after an Oops on Linux), `lockup` a SoftLockupError (the
 * watchdog fired during this call), `hung` a KernelHungError (a worker kernel that hung fails every call
 * until it is rebooted).
 */
export type KernelFault = 'oops' | 'lockup' | 'hung';

const FAULT_NAMES: Record<string, KernelFault> = { KernelOops: 'oops', SoftLockupError: 'lockup', KernelHungError: 'hung' };

/** Every fault: what the shell maps for its commands. */
export const ALL_FAULTS: readonly KernelFault[] = ['oops', 'lockup', 'hung'];

/** Which of the faults `e` is, if any. */
export function kernelFault(e: unknown): KernelFault | undefined {
  return e instanceof Error ? FAULT_NAMES[e.name] : undefined;
}

/**
 * The exit status of a command `name` that threw `e`, its line written to `stderr`: an Oops is
 * "Segmentation fault", 139; a lockup or a hung kernel "NAME: message", 1. Undefined when `e` is not one
 * of the `expected` faults.
 */
export function faultStatus(
  e: unknown, name: string, stderr: (text: string) => void, expected: readonly KernelFault[] = ALL_FAULTS,
): number | undefined {
  const fault = kernelFault(e);
  if (!fault || !expected.includes(fault)) return undefined;
  if (fault === 'oops') {
    stderr('Segmentation fault\n');
    return OOPS_STATUS;
  }
  stderr(`${name}: ${(e as Error).message}\n`);
  return 1;
}
