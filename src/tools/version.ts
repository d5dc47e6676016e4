// kmod's version banner, written once: every tool's -V/--version (kmod's kmod_version()) and `lkm --version`.

/** The kmod release whose behaviour and texts the tools follow. */
export const KMOD_VERSION = '34';

/**
 * KMOD_FEATURES as kmod's build writes it, for what these tools do: compressed modules (.ko.zst/.xz/.gz)
 * are not decompressed and signatures are not checked with a crypto library, so every feature is off.
 */
export const KMOD_FEATURES = '-ZSTD -XZ -ZLIB -LIBCRYPTO -EXPERIMENTAL';

/** What `insmod -V` (and every other tool's) prints: "kmod version 34" and the features line. */
export function kmodVersionText(): string {
  return `kmod version ${KMOD_VERSION}\n${KMOD_FEATURES}\n`;
}
