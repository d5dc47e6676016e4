// What a command's kernel fault becomes: the exit status and the line bash (or the one-shot tool) prints.
// The shell's commands and the CLI's one-shot tools map them here, in one place.

/** Exit status of a process the kernel killed after an Oops in its system call (SIGSEGV: 128 + 11). */
export const OOPS_STATUS = 139;

/**
 * A KernelOops: "Segmentation fault", 139 (the kernel killed the process that faulted in a system call,
 * as after an Oops on Linux). A SoftLockupError or KernelHungError (a worker kernel that hung fails every
 * call until it is rebooted): "NAME: message", 1. Anything else: undefined (not a kernel fault).
 */
export function faultStatus(e: unknown, name: string, stderr: (text: string) => void): number | undefined {
  if (!(e instanceof Error)) return undefined;
  if (e.name === 'KernelOops') {
    stderr('Segmentation fault\n');
    return OOPS_STATUS;
  }
  if (e.name === 'SoftLockupError' || e.name === 'KernelHungError') {
    stderr(`${name}: ${e.message}\n`);
    return 1;
  }
  return undefined;
}
