// dd (coreutils): if= of= bs= ibs= obs= count= skip= seek= conv= iflag= oflag= status=, reading and
// writing through the shell's file system (the paths cat and redirections use: files, device nodes,
// /proc, /sys). The statistics on stderr are coreutils' ("N+M records in/out", bytes in SI and IEC
// units, the time measured and the rate; also when Ctrl-C ends it). A kernel file is read by read(2)s up
// to what skip= and count= need (a device without count= until the signal), and written with one
// write(2); the records are counted from the bytes, not per read(2).

import { concat, errText, quote, readBytes, tryHelp } from './common.js';
import { FsError } from '../../vfs/errors.js';
import { bytesToText, textToBytes } from '../../vfs/text.js';
import { formatFloat } from './printf.js';
import type { Stat } from '../../vfs/backing.js';

interface DdShell {
  fs: {
    readFile(path: string, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
    readRange(path: string, count: number, offset?: number, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
    writeFile(path: string, data: Uint8Array, opts?: { signal?: AbortSignal }): Promise<void>;
    stat(path: string): Promise<Stat | undefined>;
  };
  resolve(path: string): string;
  /** True when stdout is the terminal (not a pipe, whose reader here waits for the end). */
  writesToTerminal?(stdout: (t: string) => void): boolean;
}

interface DdIo { stdin: string; stdout(t: string): void; stderr(t: string): void; signal?: AbortSignal }

/** An operand error; `usage`: followed by the "Try 'dd --help'" line. */
class DdError extends Error {
  constructor(message: string, readonly usage = false) { super(message); }
}

const UNIT_POWERS = 'KMGTPEZY';

/** A multiplier suffix: c w b, or K M G … (k too) alone or with iB (powers of 1024), with B (of 1000). */
function multiplier(suf: string): number | undefined {
  if (suf === '') return 1;
  const simple: Record<string, number> = { c: 1, w: 2, b: 512 };
  if (Object.hasOwn(simple, suf)) return simple[suf];
  const m = /^([kKMGTPEZY])(iB|B)?$/.exec(suf);
  if (!m) return undefined;
  return (m[2] === 'B' ? 1000 : 1024) ** (UNIT_POWERS.indexOf(m[1]!.toUpperCase()) + 1);
}

/** dd's numbers: decimal with a multiplier suffix (c w b K kB KiB M MB …), factors joined by x. */
export function ddNumber(s: string): number | undefined {
  let v = 1;
  for (const f of s.split('x')) {
    const m = /^(\d+)([a-zA-Z]*)$/.exec(f);
    const mult = m ? multiplier(m[2]!) : undefined;
    if (!m || mult === undefined) return undefined;
    v *= Number(m[1]) * mult;
  }
  return Number.isSafeInteger(v) ? v : undefined;
}

/** human_readable's autoscaled "1.0 MB" (SI) or "1.0 MiB" (IEC): one decimal below 10, whole units above. */
function human(n: number, base: number, minExp: number): string {
  const units = base === 1000 ? ['', 'k', 'M', 'G', 'T', 'P', 'E'] : ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let exp = minExp;
  let v = n / base ** exp;
  while (v >= base && exp < units.length - 1) { v /= base; exp++; }
  if (exp === 0) return `${n} B`;
  let text = v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : String(Math.round(v));
  // Rounding that reaches the next unit carries over (999.6 kB is 1.0 MB).
  if (Number(text) >= base && exp < units.length - 1) { exp++; text = (Math.round((v / base) * 10) / 10).toFixed(1); }
  if (v < 10 && Number(text) >= 10) text = String(Math.round(v));
  return `${text} ${units[exp]}B`;
}

/** The transfer line: "N bytes (SI, IEC) copied, T s, R/s" with coreutils' cases for small counts. */
export function transferLine(bytes: number, seconds: number): string {
  const si = human(bytes, 1000, 0);
  const iec = human(bytes, 1024, 0);
  const rate = seconds > 0 ? `${human(bytes / seconds, 1000, 1)}/s` : 'Infinity B/s';
  const time = `${formatFloat(seconds, { flags: '', conv: 'g' })} s`;
  if (!/[kMGTPE]/.test(si)) return `${bytes} byte${bytes === 1 ? '' : 's'} copied, ${time}, ${rate}\n`;
  if (!/[KMGTPE]i/.test(iec)) return `${bytes} bytes (${si}) copied, ${time}, ${rate}\n`;
  return `${bytes} bytes (${si}, ${iec}) copied, ${time}, ${rate}\n`;
}

const CONVS = new Set(['notrunc', 'sync', 'noerror', 'fsync', 'fdatasync', 'ucase', 'lcase', 'excl', 'nocreat', 'swab']);
const IFLAGS = new Set(['skip_bytes', 'count_bytes', 'fullblock', 'direct', 'dsync', 'sync', 'nonblock', 'noatime', 'nocache', 'noctty', 'nofollow']);
const OFLAGS = new Set(['seek_bytes', 'append', 'direct', 'dsync', 'sync', 'nonblock', 'noatime', 'nocache', 'noctty', 'nofollow']);

interface Operands {
  if?: string; of?: string; ibs: number; obs: number; count?: number; skip: number; seek: number;
  conv: Set<string>; iflag: Set<string>; oflag: Set<string>; status: string;
}

function parseOperands(args: string[]): Operands {
  const o: Operands = { ibs: 512, obs: 512, skip: 0, seek: 0, conv: new Set(), iflag: new Set(), oflag: new Set(), status: 'default' };
  const flags = (v: string, known: Set<string>, what: string, into: Set<string>) => {
    for (const f of v.split(',')) {
      if (!known.has(f)) throw new DdError(`invalid ${what}: ${quote(f)}`, true);
      into.add(f);
    }
  };
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0) throw new DdError(`unrecognized operand ${quote(a)}`, true);
    const [key, val] = [a.slice(0, eq), a.slice(eq + 1)];
    const num = () => {
      const n = ddNumber(val);
      if (n === undefined) throw new DdError(`invalid number: ${quote(val)}`);
      if ((key.endsWith('bs')) && n === 0) throw new DdError(`invalid number: ${quote(val)}`);
      return n;
    };
    switch (key) {
      case 'if': o.if = val; break;
      case 'of': o.of = val; break;
      case 'bs': o.ibs = o.obs = num(); break;
      case 'ibs': o.ibs = num(); break;
      case 'obs': o.obs = num(); break;
      case 'count': o.count = num(); break;
      case 'skip': case 'iseek': o.skip = num(); break;
      case 'seek': case 'oseek': o.seek = num(); break;
      case 'conv': flags(val, CONVS, 'conversion', o.conv); break;
      case 'iflag': flags(val, IFLAGS, 'input flag', o.iflag); break;
      case 'oflag': flags(val, OFLAGS, 'output flag', o.oflag); break;
      case 'status':
        if (!['none', 'noxfer', 'progress'].includes(val)) throw new DdError(`invalid status level: ${quote(val)}`, true);
        o.status = val;
        break;
      default: throw new DdError(`unrecognized operand ${quote(a)}`, true);
    }
  }
  // bs= wins over ibs=/obs= whatever the order.
  const bs = args.filter((a) => a.startsWith('bs=')).pop();
  if (bs) o.ibs = o.obs = ddNumber(bs.slice(3))!;
  return o;
}

/** How much of a device without count= is read at a time (and kept between writes to a device output). */
const STREAM_CHUNK = 1 << 20;

/**
 * The input's first `need` bytes (all of it without count=): a kernel file by read(2)s, its bytes as they
 * are. A device that streams (whole chunks) without count= is read until a signal, as Linux's dd reads
 * /dev/zero until Ctrl-C; `sink` gets each chunk when the output can take it at once (a device).
 */
async function readInput(o: Operands, need: number | undefined, io: DdIo, sh: DdShell,
  sink?: (chunk: Uint8Array) => Promise<void>): Promise<{ data: Uint8Array; sunk?: number }> {
  if (o.if === undefined) return { data: textToBytes(io.stdin) };
  const path = sh.resolve(o.if);
  const device = need === undefined && (await sh.fs.stat(path).catch(() => undefined))?.rdev !== undefined;
  // Into a pipe a device is read as cat reads it (its first MiB): the next command runs when dd ends.
  const pipe = o.of === undefined && !sh.writesToTerminal?.(io.stdout);
  if (!device || pipe) return { data: await readBytes(sh, path, need, io.signal) };
  const kept: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = await sh.fs.readRange(path, STREAM_CHUNK, 0, { signal: io.signal });
    total += chunk.length;
    if (sink) await sink(chunk); else kept.push(chunk);
    if (chunk.length < STREAM_CHUNK || io.signal?.aborted) break;
    // Let the terminal's Ctrl-C in between (a device read that does not sleep never sees it).
    await new Promise((r) => setTimeout(r, 0));
    if (io.signal?.aborted) break;
  }
  // `sunk`: the bytes the sink took (they are written already).
  return sink ? { data: new Uint8Array(), sunk: total } : { data: concat(kept) };
}

export async function ddCommand(argv: string[], io: DdIo, sh: DdShell): Promise<number> {
  let o: Operands;
  try {
    o = parseOperands(argv.slice(1));
  } catch (e) {
    if (!(e instanceof DdError)) throw e;
    io.stderr(`dd: ${e.message}\n${e.usage ? tryHelp('dd') : ''}`);
    return 1;
  }
  const start = performance.now();
  const skipBytes = o.iflag.has('skip_bytes') ? o.skip : o.skip * o.ibs;
  const countBytes = o.count === undefined ? undefined : o.iflag.has('count_bytes') ? o.count : o.count * o.ibs;
  let input: Uint8Array = new Uint8Array();
  let status = 0;
  let outStat: Stat | undefined;
  try {
    outStat = await openOutput(o, sh);
  } catch (e) {
    if (!(e instanceof DdError)) throw e;
    io.stderr(`dd: ${e.message}\n`);
    return 1;
  }
  const oops = (e: unknown) => e instanceof Error && e.name === 'KernelOops';
  // Streaming a device: chunks go straight to stdout or a device output (dd if=/dev/zero of=/dev/null
  // until Ctrl-C); into an ordinary file they are kept and written at the end.
  const plain = o.skip === 0 && o.seek === 0 && [...o.conv].every((c) => c === 'notrunc');
  const direct = plain && (o.of === undefined || outStat?.rdev !== undefined);
  const sink = !direct ? undefined : o.of === undefined ? async (chunk: Uint8Array) => io.stdout(bytesToText(chunk))
    : (chunk: Uint8Array) => sh.fs.writeFile(sh.resolve(o.of!), chunk, { signal: io.signal });
  let streamed = 0;
  try {
    const r = await readInput(o, countBytes === undefined ? undefined : skipBytes + countBytes, io, sh, sink);
    input = r.data;
    streamed = r.sunk ?? 0;
  } catch (e) {
    if (oops(e)) throw e;
    // A signal ends the copy (dd prints its statistics on SIGINT, then dies of it: the shell says 130).
    if (!io.signal?.aborted) {
      // A directory opens, and its read(2) fails: dd reports that and its (empty) statistics.
      if (!(e instanceof FsError && e.code === 'EISDIR')) {
        io.stderr(`dd: failed to open ${quote(o.if!)}: ${errText(e)}\n`);
        return 1;
      }
      io.stderr(`dd: error reading ${quote(o.if!)}: ${errText(e)}\n`);
      status = 1;
    }
  }
  if (skipBytes > input.length && !status && !streamed) io.stderr(`dd: ${o.if ?? 'standard input'}: cannot skip to specified offset\n`);
  let data = input.subarray(Math.min(skipBytes, input.length));
  if (countBytes !== undefined) data = data.subarray(0, countBytes);
  const length = streamed || data.length;
  // Records in: whole input blocks and one partial; conv=sync pads the partial one with NULs.
  const inFull = Math.floor(length / o.ibs);
  const inPartial = length % o.ibs ? 1 : 0;
  if (o.conv.has('sync') && inPartial) {
    const padded = new Uint8Array((inFull + 1) * o.ibs);
    padded.set(data);
    data = padded;
  }
  data = convert(data, o.conv);
  let written = streamed || data.length;
  // With bs= every input block is written as it was read; otherwise the output is cut into obs blocks.
  const sameBlocks = o.ibs === o.obs && argv.some((a) => a.startsWith('bs='));
  const outFull = sameBlocks ? inFull : Math.floor(written / o.obs);
  const outPartial = sameBlocks ? (written > inFull * o.ibs ? 1 : 0) : written % o.obs ? 1 : 0;
  if (!streamed) {
    try {
      await writeOutput(o, outStat, data, io, sh);
    } catch (e) {
      if (oops(e)) throw e;
      if (!io.signal?.aborted) {
        io.stderr(`dd: error writing ${quote(o.of ?? 'standard output')}: ${errText(e)}\n`);
        status = 1;
      }
      written = 0;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (o.status !== 'none') {
    io.stderr(`${inFull}+${inPartial} records in\n${written ? `${outFull}+${outPartial}` : '0+0'} records out\n`);
    if (o.status !== 'noxfer') io.stderr(transferLine(written, seconds));
  }
  return status;
}

function convert(data: Uint8Array, conv: Set<string>): Uint8Array {
  if (!conv.has('ucase') && !conv.has('lcase') && !conv.has('swab')) return data;
  const out = Uint8Array.from(data);
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if (conv.has('ucase') && b >= 0x61 && b <= 0x7a) out[i] = b - 32;
    if (conv.has('lcase') && b >= 0x41 && b <= 0x5a) out[i] = b + 32;
  }
  if (conv.has('swab')) for (let i = 0; i + 1 < out.length; i += 2) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  return out;
}

/** open(2) of the output as dd does it first: conv=excl and nocreat, a directory; the output's stat. */
async function openOutput(o: Operands, sh: DdShell): Promise<Stat | undefined> {
  if (o.of === undefined) return undefined;
  const st = await sh.fs.stat(sh.resolve(o.of)).catch(() => undefined);
  const fail = (why: string) => new DdError(`failed to open ${quote(o.of!)}: ${why}`);
  if (st && o.conv.has('excl')) throw fail('File exists');
  if (!st && o.conv.has('nocreat')) throw fail('No such file or directory');
  if (st?.type === 'dir') throw fail('Is a directory');
  return st;
}

/** Writes at seek*obs: an ordinary file keeps what is before (and after, with conv=notrunc); a kernel file gets one write. */
async function writeOutput(o: Operands, st: Stat | undefined, data: Uint8Array, io: DdIo, sh: DdShell): Promise<void> {
  if (o.of === undefined) { io.stdout(bytesToText(data)); return; }
  const path = sh.resolve(o.of);
  const regular = st === undefined || (st.type === 'file' && !st.rdev && !/^\/(proc|sys)\//.test(path));
  if (!regular) { await sh.fs.writeFile(path, data, { signal: io.signal }); return; }
  const old = st ? await sh.fs.readFile(path, { signal: io.signal }) : new Uint8Array();
  const at = o.oflag.has('append') ? old.length : o.oflag.has('seek_bytes') ? o.seek : o.seek * o.obs;
  const keepTail = o.conv.has('notrunc') || o.oflag.has('append');
  const size = Math.max(at + data.length, keepTail ? old.length : 0);
  const out = new Uint8Array(size);
  out.set(old.subarray(0, Math.min(old.length, keepTail ? old.length : at)));
  out.set(data, at);
  await sh.fs.writeFile(path, out, { signal: io.signal });
}
