/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

/*
 * The caller's and the current instruction address. WebAssembly has no code addresses a program can take
 * (no return address, no label address), so both are 0; the host names functions from the stack trace
 * where Linux prints these.
 */
#define _RET_IP_		0UL
#define _THIS_IP_		0UL

#endif /* _LINUX_INSTRUCTION_POINTER_H */
