/* SPDX-License-Identifier: GPL-2.0 */
#define UTS_RELEASE "6.12.0-lkm-wasm"
