// An ioctl command's argument (pointer or value, its size), for the syscall layers of user programs.
export { ioctlArgBytes, ioctlTakesPointer } from '../kernel/ioctl-cmd.js';
