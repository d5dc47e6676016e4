/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VERMAGIC_H
#define _LINUX_VERMAGIC_H

#include <linux/utsrelease.h>

/*
 * "<release> SMP mod_unload wasm32 ": release, config words, arch, and Linux's trailing space. The
 * compiler flags define it from src/kernel/release.ts, the same string the kernel checks at load.
 */
#ifndef VERMAGIC_STRING
#error "VERMAGIC_STRING comes from the build's compiler flags (src/kbuild/toolchain.ts)"
#endif

#endif
