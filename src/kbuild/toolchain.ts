// The compiler and linker invocations that define the module ABI (docs/module-format.md).
// Every module and vmlinux go through these two functions, so the flags live in exactly one place.
// Backends: @yowasp/clang (clang + wasm-ld compiled to WebAssembly, from npm) or emcc (LKM_CC=emcc).

import type { Tree } from '@yowasp/clang';
import { UTS_MACHINE, UTS_NODENAME, UTS_RELEASE, UTS_VERSION, VERMAGIC } from '../kernel/release.js';

/** Release string of the emulated kernel: `uname -r`, vermagic, /lib/modules/<release>. */
export const KERNEL_RELEASE = UTS_RELEASE;
export { VERMAGIC };

/**
 * The warnings kbuild enables and disables by default (Linux 6.12, clang, no W=): a module that builds
 * cleanly there builds cleanly here, and gets the same diagnostics where it does not. (gcc-only options
 * such as -Wno-dangling-pointer and -Werror=designated-init are left out, as cc-option leaves them out.)
 */
export const LINUX_WARNINGS = [
  '-Wall', '-Wundef',
  '-Werror=implicit-function-declaration', '-Werror=implicit-int', '-Werror=return-type', '-Werror=strict-prototypes',
  '-Wno-format-security', '-Wno-trigraphs', '-Wno-frame-address', '-Wno-address-of-packed-member',
  '-Wmissing-declarations', '-Wmissing-prototypes',
  '-Wframe-larger-than=1024', // CONFIG_FRAME_WARN of a 32-bit kernel
  '-Wno-gnu', '-Wno-unused-but-set-variable', '-Wno-unused-const-variable',
  '-Wvla', '-Wno-pointer-sign', '-Wcast-function-type', '-Wimplicit-fallthrough',
  '-Werror=date-time', '-Werror=incompatible-pointer-types', '-Wenum-conversion',
  '-Wno-pointer-to-enum-cast', '-Wno-tautological-constant-out-of-range-compare', '-Wno-unaligned-access',
  '-Wno-cast-function-type-strict',
  '-Wno-missing-field-initializers', '-Wno-type-limits', '-Wno-shift-negative-value', '-Wno-initializer-overrides',
  '-Wno-sign-compare',
];

/** clang -c flags for every kernel object (module or vmlinux). */
export const COMMON_CFLAGS = [
  '--target=wasm32-unknown-unknown',
  '-O2',
  '-fPIC',
  '-matomics',
  '-mbulk-memory',
  '-nostdlib',
  '-ffreestanding',
  '-fno-common',
  '-fno-strict-aliasing',
  '-std=gnu11',
  '-D__KERNEL__',
  '-D__wasm_lkm__',
  // linux/utsrelease.h, linux/vermagic.h and init_uts_ns take these from the one release module.
  `-DUTS_RELEASE="${UTS_RELEASE}"`,
  `-DUTS_VERSION="${UTS_VERSION}"`,
  `-DUTS_MACHINE="${UTS_MACHINE}"`,
  `-DUTS_NODENAME="${UTS_NODENAME}"`,
  `-DVERMAGIC_STRING="${VERMAGIC}"`,
  // Code generation that changes meaning, as Linux's top Makefile sets it: a NULL store stays in the code (and
  // faults as on Linux), signed overflow wraps, char is unsigned (Linux 6.2+ on every architecture).
  '-fno-delete-null-pointer-checks',
  '-fno-strict-overflow',
  '-funsigned-char',
  '-fshort-wchar',
  // Linux 6.12's default warning set for clang (scripts/Makefile.extrawarn without W=): docs/module-format.md.
  ...LINUX_WARNINGS,
];

/** wasm-ld flags producing an emscripten-ABI side module with shared memory (dylink.0 first). */
export const COMMON_LDFLAGS = [
  '--experimental-pic',
  '-shared',
  '--shared-memory',
  '--no-entry',
  '--unresolved-symbols=import-dynamic',
  '--export-if-defined=init_module',
  '--export-if-defined=cleanup_module',
  '--export-if-defined=__this_module',
];

/**
 * Flags kbuild adds per object on top of COMMON_CFLAGS: the kernel headers (`include`, `include/uapi`),
 * `-include linux/kconfig.h`, `-DMODULE` for module objects (not vmlinux), and the kbuild names
 * (KBUILD_MODNAME: module name with `-` turned into `_`; KBUILD_BASENAME: object file name without `.o`;
 * KBUILD_MODFILE, vmlinux only: the object's path in the kernel directory without `.o`, for MODULE_FILE).
 */
export function kbuildCflags(o: { includeDir: string; modname: string; basename: string; module: boolean; modfile?: string }): string[] {
  return [
    `-I${o.includeDir}`,
    `-I${o.includeDir}/uapi`,
    // __FILE__ of the kernel's own files relative to its tree, as Linux's -fmacro-prefix-map=$(srctree)/=:
    // "include/linux/mutex.h", "lib/kobject.c"; a module's own files keep their path.
    `-fmacro-prefix-map=${o.includeDir.replace(/\/include\/?$/, '')}/=`,
    '-include',
    'linux/kconfig.h',
    // vmlinux's host entry points (lkm_*) and compat symbols have no C callers and so no prototypes.
    ...(o.module ? ['-DMODULE'] : ['-Wno-missing-prototypes', '-Wno-missing-declarations']),
    `-DKBUILD_BASENAME="${o.basename}"`,
    `-DKBUILD_MODNAME="${o.modname}"`,
    ...(o.modfile !== undefined ? [`-DKBUILD_MODFILE="${o.modfile}"`] : []),
  ];
}

/** Added when diagnostics go to a terminal; not part of any cache key. */
export const COLOR_CFLAGS = ['-fcolor-diagnostics'];

/** clang arguments compiling `src` to `out`, writing the make-style dependency list to `depfile`. */
export function compileArgs(cflags: string[], src: string, out: string, depfile: string): string[] {
  return [...cflags, '-c', src, '-o', out, '-MD', '-MF', depfile];
}

/** wasm-ld arguments linking `objects` into the side module `out`, exporting `exports` (from __ksymtab*). */
export function linkArgs(exports: string[], objects: string[], out: string): string[] {
  return [...COMMON_LDFLAGS, ...exports.map((s) => `--export=${s}`), ...objects, '-o', out];
}

export interface ToolResult {
  /** Files the tool wrote, by the path it was asked to write. */
  files: Record<string, Uint8Array>;
  /** Everything the tool printed on stderr (diagnostics), as text. */
  stderr: string;
  /** 0 on success. */
  status: number;
}

type Yowasp = typeof import('@yowasp/clang');
let yowasp: Promise<Yowasp> | undefined;

/** Loads @yowasp/clang once per process and preloads its resources without printing progress. */
export function loadCompiler(): Promise<Yowasp> {
  yowasp ??= (async () => {
    const mod = await import('@yowasp/clang');
    await mod.runLLVM(undefined, {}, { fetchProgress() {} });
    return mod;
  })();
  return yowasp;
}

/** Puts `content` at absolute `path` inside a yowasp file tree (creating the directories). */
/** Where a compile finds the overlay of vfsOverlay() (outside OUT_DIR: an input, not an output). */
export const VFS_OVERLAY = '/lkm-vfs-overlay.yaml';

/**
 * A clang VFS overlay (`-ivfsoverlay VFS_OVERLAY`) naming every mounted file at its own path. yowasp's
 * in-memory file system treats a `..` path segment as nothing, so `/m/mod/../include/x.h` would open
 * `/m/mod/include/x.h`; clang's overlay layer removes the dots first (as a real file system resolves them)
 * and then opens the plain path.
 */
export function vfsOverlay(paths: string[]): Uint8Array {
  const roots = paths.map((name) => ({ type: 'file', name, 'external-contents': name }));
  return new TextEncoder().encode(JSON.stringify({ version: 0, 'case-sensitive': 'true', 'use-external-names': false, roots }));
}

/** Absolute paths of the files in a mounted tree. */
export function treePaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, node]) =>
    typeof node === 'string' || node instanceof Uint8Array ? [`${prefix}/${name}`] : treePaths(node as Tree, `${prefix}/${name}`));
}

export function mountFile(tree: Tree, path: string, content: string | Uint8Array): void {
  const parts = path.split('/').filter(Boolean);
  let dir = tree;
  for (const p of parts.slice(0, -1)) {
    const next = dir[p];
    if (next === undefined || typeof next === 'string' || next instanceof Uint8Array) dir[p] = {};
    dir = dir[p] as Tree;
  }
  dir[parts[parts.length - 1]!] = content;
}

function pick(tree: Tree | undefined, path: string): Uint8Array | undefined {
  let node: Tree | string | Uint8Array | undefined = tree;
  for (const p of path.split('/').filter(Boolean)) {
    if (node === undefined || typeof node === 'string' || node instanceof Uint8Array) return undefined;
    node = node[p];
  }
  if (typeof node === 'string') return new TextEncoder().encode(node);
  return node instanceof Uint8Array ? node : undefined;
}

/**
 * Runs one yowasp command. `files` is the whole input tree mounted at `/`; `outputs` are absolute
 * paths read back from the tree the tool returns. Diagnostics are captured, never thrown.
 */
export async function runTool(
  tool: 'clang' | 'wasm-ld',
  args: string[],
  files: Tree,
  outputs: string[],
): Promise<ToolResult> {
  const mod = await loadCompiler();
  const chunks: Uint8Array[] = [];
  const stderr = (b: Uint8Array | null) => { if (b) chunks.push(b.slice()); };
  let tree: Tree | undefined;
  let status = 0;
  try {
    tree = (await mod.commands[tool](args, files, { stderr, stdout: stderr, decodeASCII: false })) as Tree;
  } catch (e) {
    if (!(e instanceof mod.Exit)) throw e;
    status = e.code || 1;
    tree = e.files;
  }
  const out: Record<string, Uint8Array> = {};
  for (const o of outputs) {
    const f = pick(tree, o);
    if (f) out[o] = f;
  }
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  const text = new TextDecoder().decode(all);
  return { files: out, stderr: text, status };
}

/** clang -c flags for user programs (wasm32-wasip1 commands against wasi-libc, @yowasp/clang's sysroot). */
export const USER_CFLAGS = ['--target=wasm32-wasip1', '-O2', '-Wall', '-D__wasm_lkm_user__'];

/** Include flags of a user program: the kernel's uapi headers (<linux/ioctl.h>, ...); never the kernel headers. */
export function userIncludeFlags(includeDir: string): string[] {
  return [`-I${includeDir}/uapi`];
}

/**
 * clang (driver) arguments linking a user program: crt1.o, wasi-libc and the objects into a WASI command.
 * `runtime` is the lkm user runtime object (ioctl through the `lkm.ioctl` import, initial cwd from $PWD).
 */
export function userLinkArgs(ldflags: string[], objects: string[], runtime: string, out: string): string[] {
  return ['--target=wasm32-wasip1', '-O2', ...objects, runtime, ...ldflags, '-o', out];
}
