/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_WASM_BYTEORDER_H
#define _ASM_WASM_BYTEORDER_H

/* WebAssembly memory is little-endian. */
#include <linux/byteorder/little_endian.h>

#endif
