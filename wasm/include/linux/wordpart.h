/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WORDPART_H
#define _LINUX_WORDPART_H

/* Upper 32 bits of a number (the ">> 16 >> 16" avoids a warning when the argument is 32 bits). */
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))

/* Broadcast a byte to every byte of an unsigned long. */
#define REPEAT_BYTE(x)	((~0ul / 0xff) * (x))
#define REPEAT_BYTE_U32(x)	lower_32_bits(REPEAT_BYTE(x))

/* Set the bits in @mask from @val, leaving the other bits of @old. */
#define ALIGN_DOWN_POW2(x, a) ((x) & ~((a) - 1))

#endif
