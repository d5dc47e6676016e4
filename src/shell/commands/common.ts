// What the commands of this folder share: the text of a file system error, coreutils' quoting and its
// "Try --help" line, and reading operands as bytes ('-' or none: stdin).

import { FsError } from '../../vfs/errors.js';
import { textToBytes } from '../../vfs/text.js';

/** The strerror part of an error ("No such file or directory"); other errors' own message. */
export function errText(e: unknown): string {
  if (e instanceof FsError) return e.reason;
  return (e as Error).message;
}

/** coreutils' quote(): 'name', a quote inside written as '\''. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

export const tryHelp = (prog: string): string => `Try '${prog} --help' for more information.\n`;

/** What reading commands need of the shell. */
export interface ReadShell {
  fs: {
    readRange(path: string, count: number, offset?: number, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
    stat(path: string): Promise<{ rdev?: unknown } | undefined>;
  };
  resolve(path: string): string;
}

/** How much of a device is read when no count says: as much as cat reads (a device may never end). */
const DEVICE_READ_MAX = 1 << 20;

/**
 * The first `max` bytes of a file (all of it when undefined, a device's first MiB): a kernel file by
 * read(2)s, its bytes as they are.
 */
export async function readBytes(sh: ReadShell, path: string, max: number | undefined, signal?: AbortSignal): Promise<Uint8Array> {
  const device = max === undefined && (await sh.fs.stat(path).catch(() => undefined))?.rdev !== undefined;
  return sh.fs.readRange(path, max ?? (device ? DEVICE_READ_MAX : Infinity), 0, { signal });
}

export interface ReadIo { stdin: string; stderr(text: string): void; signal?: AbortSignal }

/**
 * The bytes of one operand ('-': stdin, text whose escaped bytes come back as they were: vfs/text.ts). A device read
 * that sleeps ends with EINTR on a signal; that error is thrown on (the shell reports the signal), an Oops too.
 */
export async function readOperand(name: string, io: ReadIo, sh: ReadShell, max?: number): Promise<Uint8Array> {
  if (name === '-') return textToBytes(io.stdin);
  return readBytes(sh, sh.resolve(name), max, io.signal);
}

/** True when `e` must end the command rather than be reported as a file's error. */
export function fatal(e: unknown, io: { signal?: AbortSignal }): boolean {
  return (e instanceof Error && e.name === 'KernelOops') || io.signal?.aborted === true;
}

/**
 * Every operand's bytes in order, concatenated (od, hexdump read their files as one stream), at most
 * `max` of each; a file that cannot be read is reported as `PROG: NAME: REASON` and skipped. `ok` is
 * false when one was.
 */
export async function readOperands(prog: string, names: string[], io: ReadIo, sh: ReadShell, max?: number): Promise<{ data: Uint8Array; ok: boolean }> {
  const parts: Uint8Array[] = [];
  let ok = true;
  for (const n of names.length ? names : ['-']) {
    try {
      parts.push(await readOperand(n, io, sh, max));
    } catch (e) {
      if (fatal(e, io)) throw e;
      io.stderr(`${prog}: ${n}: ${errText(e)}\n`);
      ok = false;
    }
  }
  return { data: concat(parts), ok };
}

/** The parts one after the other in one array. */
export function concat(parts: Uint8Array[]): Uint8Array {
  const data = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { data.set(p, at); at += p.length; }
  return data;
}

/** A file's permission bits: its own when the store keeps them, else what ls assumes (0644, dirs 0755, links 0777). */
export function permBits(st: { type: string; mode?: number; rdev?: { mode: number } }): number {
  return st.rdev?.mode ?? st.mode ?? (st.type === 'dir' ? 0o755 : st.type === 'symlink' ? 0o777 : 0o644);
}

/** od -c's and hexdump -c's names of control characters (the others are three octal digits). */
export const C_ESCAPES: Readonly<Record<number, string>> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
