// The release of the emulated kernel, written once: `uname -r`, /proc/version, /lib/modules/<release>,
// the vermagic every module carries and the kernel checks. The C half gets UTS_RELEASE and
// VERMAGIC_STRING from here through the compiler flags (src/kbuild/toolchain.ts), as Linux's build
// generates include/generated/utsrelease.h.

/** The Makefile's VERSION, PATCHLEVEL, SUBLEVEL and EXTRAVERSION. */
export const VERSION = 6;
export const PATCHLEVEL = 12;
export const SUBLEVEL = 0;
export const EXTRAVERSION = '-lkm-wasm';

/** `uname -r`: "6.12.0-lkm-wasm". */
export const UTS_RELEASE = `${VERSION}.${PATCHLEVEL}.${SUBLEVEL}${EXTRAVERSION}`;
export const UTS_VERSION = '#1 SMP PREEMPT_DYNAMIC';
export const UTS_MACHINE = 'wasm32';
/** `uname -n`: the host name the session's user space sets (init_uts_ns starts with it). */
export const UTS_NODENAME = 'lkm-wasm';

/** vermagic as Linux's linux/vermagic.h makes it: release, the config words, the arch, a trailing space. */
export const VERMAGIC = `${UTS_RELEASE} SMP mod_unload ${UTS_MACHINE} `;
