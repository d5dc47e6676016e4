/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __ASM_WASM_BITSPERLONG_H
#define __ASM_WASM_BITSPERLONG_H

#define BITS_PER_LONG 32
#define __BITS_PER_LONG 32
#define BITS_PER_LONG_LONG 64
#define small_const_nbits(nbits) \
	(__builtin_constant_p(nbits) && (nbits) <= BITS_PER_LONG && (nbits) > 0)

#endif
