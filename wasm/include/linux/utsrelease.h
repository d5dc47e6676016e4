/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux's build generates this header; here the compiler flags define UTS_RELEASE from the one
 * release module, src/kernel/release.ts (src/kbuild/toolchain.ts COMMON_CFLAGS).
 */
#ifndef UTS_RELEASE
#error "UTS_RELEASE comes from the build's compiler flags (src/kbuild/toolchain.ts)"
#endif
