/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VERMAGIC_H
#define _LINUX_VERMAGIC_H

#include <linux/utsrelease.h>

/* "6.12.0-lkm-wasm SMP mod_unload wasm32 ": release, config words, arch, and Linux's trailing space. */
#define VERMAGIC_STRING UTS_RELEASE " SMP mod_unload wasm32 "

#endif
