// /proc and /sys as Linux shows them, generated from live kernel state on every read
// (kernel/module/procfs.c, sysfs.c, kallsyms, sysctl). Writes go to the same structures.

import { KernelError, EACCES, EINVAL, EISDIR, ENOENT, ENOTDIR, EPERM } from './errno.js';
import type { Kernel } from './kernel.js';
import { UTS_RELEASE, UTS_VERSION } from './release.js';
import { ModuleState, moduleFlags, type Module, type ParamInfo } from './module.js';
import { builtinParams } from './params.js';
import { moduleTaintString } from './taint.js';
import { MAJOR, MINOR } from './devices.js';
import { O_RDONLY, O_WRONLY, type KernelFile, type SleepOptions } from './file.js';
import { normalize, type KernelStat, type MountEntry } from './mounts.js';
import { procSelfFault } from './proc-fault.js';
import { pidDirs, procPidEntry } from './proc-pid.js';

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** One /proc/modules line (procfs.c m_show). */
function procModulesLine(m: Module): string {
  let users = '';
  for (const u of m.users) users += `${u.name},`;
  if (m.permanent) users += '[permanent],';
  if (!users) users = '-';
  const state = m.state === ModuleState.GOING ? 'Unloading' : m.state === ModuleState.COMING ? 'Loading' : 'Live';
  const flags = moduleFlags(m, false);
  return `${m.name} ${m.coreSize} ${m.refcount} ${users} ${state} 0x${hex8(m.base)}${flags ? ` ${flags}` : ''}\n`;
}

/** /proc/cpuinfo: one block per CPU, in the fields Linux prints for every architecture it knows here. */
function cpuinfo(k: Kernel): string {
  let out = '';
  for (let i = 0; i < k.nrCpus; i++) {
    out += `processor\t: ${i}\nvendor_id\t: WebAssembly\nmodel name\t: lkm-wasm virtual CPU (wasm32)\n` +
      `physical id\t: 0\nsiblings\t: ${k.nrCpus}\ncore id\t\t: ${i}\ncpu cores\t: ${k.nrCpus}\n` +
      'flags\t\t: atomics bulk-memory\nbogomips\t: 200.00\n\n';
  }
  return out;
}

function kallsyms(k: Kernel): string {
  let out = '';
  for (const s of k.symtab.values()) {
    if (s.owner) continue;
    const addr = s.fn ? k.mem.slotIfAny(s.fn) ?? 0 : s.addr;
    out += `${hex8(addr)} ${s.fn ? 'T' : 'D'} ${s.name}\n`;
  }
  for (const m of [...k.modules].reverse()) {
    if (m.state === ModuleState.UNFORMED) continue;
    const slotOfIndex = new Map<number, number>();
    const slots = [...m.extraSlots];
    for (let i = m.tableBase; i < m.tableBase + m.tableSize; i++) slots.push(i);
    for (const i of slots) {
      const f = k.mem.table.get(i) as (Function & { name: string }) | null;
      if (f) slotOfIndex.set(Number(f.name), i);
    }
    const exported = new Set(m.published);
    const firstDefined = m.meta.imports.filter((i) => i.kind === 'function').length;
    for (const [idx, name] of k.names.of(m)) {
      if (idx < firstDefined) continue;
      const type = exported.has(name) ? 'T' : 't';
      out += `${hex8(slotOfIndex.get(idx) ?? 0)} ${type} ${name}\t[${m.name}]\n`;
    }
    for (const name of m.published) {
      const s = k.symtab.get(name);
      if (s && !s.fn) out += `${hex8(s.addr)} D ${name}\t[${m.name}]\n`;
    }
  }
  return out;
}

type Reader = () => string;
type Writer = (data: string) => void;
/** `opened`: a file the kernel opens and runs the file operations of (a device node, a file kernel code made). */
/** `mode`: permission bits when they are not what read/write give (0444, 0200, 0644): a parameter's perm. */
interface Entry { read?: Reader; write?: Writer; dir?: () => string[]; opened?: true; mode?: number }

function sysctlInt(data: string): number {
  const t = data.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new KernelError(EINVAL);
  return Number(t);
}

/** An integer sysctl in [min, max] (EINVAL outside, as proc_dointvec_minmax). */
function sysctlNumber(get: () => number, set: (v: number) => void, min: number, max: number): Entry {
  return {
    read: () => `${get()}\n`,
    write: (d) => {
      const v = sysctlInt(d);
      if (v < min || v > max) throw new KernelError(EINVAL);
      set(v);
    },
  };
}

/**
 * Resolves a path to its entry; undefined when it does not exist. The mount it lies in decides: a
 * mounted file system's tree (C), or a view, where entries kernel code made (kernfs.ts: module /proc
 * files, kobjects, debugfs) are merged with the built-in views.
 */
function lookup(k: Kernel, path: string): Entry | undefined {
  const norm = '/' + path.split('/').filter((c) => c && c !== '.').join('/');
  const at = k.mounts.locate(norm);
  // /proc, /sys and /dev stay (empty) directories when nothing is mounted on them.
  if (!at) return ROOT_MOUNT_POINTS.includes(norm) ? { dir: () => [] } : undefined;
  if ('rel' in at) return mountedEntry(k, at, path);
  const p = k.kernfs.resolve(at.view);
  const b = builtinLookup(k, p);
  const made = k.kernfs.nodes.get(p);
  if (made && !b) return made.kind === 'dir' ? { dir: () => k.kernfs.list(p) } : kernfsFile(k, p);
  if (b?.dir && k.kernfs.hasDir(p)) {
    const names = b.dir;
    return { dir: () => [...new Set([...names(), ...k.kernfs.list(p)])].sort() };
  }
  return b;
}

function builtinLookup(k: Kernel, path: string): Entry | undefined {
  const parts = path.split('/').filter((p) => p && p !== '.');
  const p = '/' + parts.join('/');
  if (parts[0] === 'proc' && /^\d+$/.test(parts[1] ?? '') && parts.length <= 3) return procPidEntry(k, parts[1]!, parts[2]);
  switch (p) {
    case '/proc': return { dir: () => [...pidDirs(k), 'cmdline', 'cpuinfo', 'devices', 'filesystems', 'kallsyms', 'keys', 'modules', 'mounts', 'self', 'sys', 'version'] };
    case '/proc/filesystems': return { read: () => k.mounts.procFilesystems() };
    // /proc/mounts is a symlink to self/mounts on Linux; both read the mount table.
    case '/proc/mounts': case '/proc/self/mounts': return { read: () => k.mounts.procMounts() };
    case '/proc/self': return { dir: () => ['fail-nth', 'make-it-fail', 'mounts'] };
    case '/proc/self/fail-nth': case '/proc/self/make-it-fail': return procSelfFault(k, parts[2]!);
    case '/proc/modules': return { read: () => k.modules.filter((m) => m.state !== ModuleState.UNFORMED).map(procModulesLine).join('') };
    case '/proc/kallsyms': return { read: () => kallsyms(k) };
    case '/proc/cmdline': return { read: () => `${k.cmdline}\n` };
    case '/proc/keys': return { read: () => k.keys.procKeys() };
    case '/proc/cpuinfo': return { read: () => cpuinfo(k) };
    case '/proc/version': return { read: () => `Linux version ${UTS_RELEASE} (lkm-wasm) (clang, wasm-ld) ${UTS_VERSION}\n` };
    case '/proc/sys': return { dir: () => ['kernel'] };
    case '/proc/sys/kernel': return {
      dir: () => ['hung_task_timeout_secs', 'hung_task_warnings', 'modprobe', 'modules_disabled', 'osrelease', 'printk', 'tainted', 'watchdog_thresh'],
    };
    // The kernel-thread watchdogs (watchdog.ts): proc_dointvec_minmax's ranges.
    case '/proc/sys/kernel/watchdog_thresh': return sysctlNumber(() => k.watchdog.thresh, (v) => { k.watchdog.thresh = v; }, 0, 60);
    case '/proc/sys/kernel/hung_task_timeout_secs': return sysctlNumber(() => k.watchdog.hungTimeoutSecs, (v) => { k.watchdog.hungTimeoutSecs = v; }, 0, 2 ** 31 - 1);
    case '/proc/sys/kernel/hung_task_warnings': return sysctlNumber(() => k.watchdog.hungWarnings, (v) => { k.watchdog.hungWarnings = v; }, -1, 2 ** 31 - 1);
    case '/proc/sys/kernel/osrelease': return { read: () => `${UTS_RELEASE}\n` };
    case '/proc/sys/kernel/tainted': return {
      read: () => `${k.taints.mask}\n`,
      // Bits can be set by writing, never cleared (proc_taint).
      write: (d) => {
        const v = sysctlInt(d);
        for (let b = 0; b < 32; b++) if (v & (1 << b)) k.taints.add(b);
      },
    };
    case '/proc/sys/kernel/modules_disabled': return {
      read: () => `${k.modulesDisabled ? 1 : 0}\n`,
      // Only 0 → 1: once disabled, module loading stays off until reboot.
      write: (d) => {
        const v = sysctlInt(d);
        if (v !== 1 && !(v === 0 && !k.modulesDisabled)) throw new KernelError(EINVAL);
        if (v === 1) k.modulesDisabled = true;
      },
    };
    case '/proc/sys/kernel/printk': return {
      read: () => `${k.log.console.join('\t')}\n`,
      write: (d) => {
        const vals = d.trim().split(/\s+/).map(sysctlInt);
        vals.slice(0, 4).forEach((v, i) => { k.log.console[i] = v; });
      },
    };
    case '/proc/sys/kernel/modprobe': return {
      read: () => `${k.modprobePath}\n`,
      write: (d) => {
        const v = d.replace(/\n$/, '');
        if (v.length > 255) throw new KernelError(EINVAL);
        k.modprobePath = v;
      },
    };
    case '/proc/devices': return { read: () => procDevices(k) };
    case '/dev': return { dir: () => k.devices.list('') };
    case '/sys': return { dir: () => ['class', 'module'] };
    case '/sys/class': return { dir: () => [...k.devices.classes.keys()].sort() };
    case '/sys/module': return { dir: () => [...k.modules.filter((m) => m.sysfs).map((m) => m.name), ...builtinParams(k).keys()].sort() };
  }
  if (parts[0] === 'dev' && parts.length >= 2) return deviceNode(k, p);
  if (parts[0] === 'sys' && parts[1] === 'class' && parts.length >= 3) return classEntry(k, parts.slice(2));
  if (parts[0] !== 'sys' || parts[1] !== 'module' || parts.length < 3) return undefined;
  const m = k.byName.get(parts[2]!);
  if (!m || !m.sysfs) return builtinEntry(k, parts[2]!, parts.slice(3));
  return moduleEntry(k, m, parts.slice(3));
}

/** /sys/module/NAME of a built-in module with parameters: uevent and parameters/ only, as Linux has it. */
function builtinEntry(k: Kernel, name: string, rest: string[]): Entry | undefined {
  const params = builtinParams(k).get(name);
  if (!params) return undefined;
  if (rest.length === 0) return { dir: () => ['parameters', 'uevent'] };
  if (rest.length === 1 && rest[0] === 'uevent') return { write: () => {} };
  if (rest[0] !== 'parameters') return undefined;
  if (rest.length === 1) return { dir: () => params.map((p) => p.name) };
  const p = rest.length === 2 ? params.find((q) => q.name === rest[1]) : undefined;
  return p && paramFile(k, p);
}

function paramFile(k: Kernel, p: ParamInfo): Entry {
  return {
    read: p.perm & 0o444 ? () => paramGet(k, p.kp) : undefined,
    write: p.perm & 0o222 ? (d) => paramSet(k, p.kp, d) : undefined,
    mode: p.perm & 0o7777,
  };
}

function moduleEntry(k: Kernel, m: Module, rest: string[]): Entry | undefined {
  const files: Record<string, Entry> = {
    uevent: { write: () => {} },
    initstate: { read: () => `${m.state === ModuleState.GOING ? 'going' : m.state === ModuleState.COMING ? 'coming' : 'live'}\n` },
    refcnt: { read: () => `${m.refcount}\n` },
    taint: { read: () => `${moduleTaintString(m.taints)}\n` },
    coresize: { read: () => `${m.coreSize}\n` },
    initsize: { read: () => '0\n' },
    // kernfs lists a directory in its own hash order; names sorted give the same set, deterministically.
    holders: { dir: () => m.users.map((u) => u.name).sort() },
    parameters: { dir: () => m.params.filter((p) => p.perm !== 0).map((p) => p.name) },
  };
  const version = m.modinfo('version');
  if (version !== undefined) files.version = { read: () => `${version}\n` };
  const srcversion = m.modinfo('srcversion');
  if (srcversion !== undefined) files.srcversion = { read: () => `${srcversion}\n` };
  if (rest.length === 0) return { dir: () => Object.keys(files).sort() };
  const [first, second, ...more] = rest;
  if (first === 'holders' && second !== undefined) {
    // holders/<user> is a symlink to /sys/module/<user>: reading through it lists that directory.
    const user = m.users.find((u) => u.name === second);
    if (!user) return undefined;
    return more.length ? moduleEntry(k, user, more) : { dir: () => moduleEntry(k, user, [])!.dir!() };
  }
  if (first === 'parameters' && second !== undefined && more.length === 0) {
    const p = m.params.find((q) => q.name === second && q.perm !== 0);
    return p && paramFile(k, p);
  }
  if (second !== undefined) return undefined;
  return files[first!];
}

/** A path in a mounted file system: its directories list through C, its files open through C. */
function mountedEntry(k: Kernel, at: { mount: MountEntry; rel: string }, path: string): Entry | undefined {
  const st = k.mounts.statMounted(at);
  if (!st) return undefined;
  if (st.type === 'dir') return { dir: () => k.mounts.readdirMounted(at) };
  return openedFile(k, path);
}

/** The root file system's directories the kernel mounts its views on. */
const ROOT_MOUNT_POINTS = ['/proc', '/sys', '/dev'];

/** stat(2) of a kernel path: see Kernel.stat. */
export function statKernelPath(k: Kernel, path: string): KernelStat | undefined {
  const at = k.mounts.locate(path);
  if (!at) return ROOT_MOUNT_POINTS.includes(normalize(path)) ? { type: 'dir', size: 0, mtimeMs: 0 } : undefined;
  if ('rel' in at) return k.mounts.statMounted(at) ?? undefined;
  if (at.view === at.mount.view || ['/proc', '/sys', '/dev'].includes(at.view)) return { type: 'dir', size: 0, mtimeMs: 0 };
  if (at.view.startsWith('/dev/')) {
    const d = k.devices.stat(at.view.slice('/dev/'.length));
    if (d) return { type: 'file', size: 0, mtimeMs: d.mtimeMs, rdev: d };
  }
  const mode = viewMode(k, at.view, path);
  try {
    listKernelDir(k, path);
    return { type: 'dir', size: 0, mtimeMs: 0, ...mode };
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    // procfs files have no size (ls -l shows 0); sysfs attributes are a page.
    if (e.code === 'ENOTDIR') return { type: 'file', size: at.view.startsWith('/proc/') ? 0 : 4096, mtimeMs: 0, ...mode };
    return undefined;
  }
}

/**
 * ls -l's bits of a view's file: an entry kernel code made has the mode it was made with (a 0444
 * attribute, a 0200 one), a parameter its perm; a built-in file is 0444 read-only, 0200 write-only, else 0644.
 */
function viewMode(k: Kernel, view: string, path: string): { mode?: number } {
  const made = k.kernfs.nodes.get(k.kernfs.resolve(view));
  if (made) return made.mode & 0o7777 ? { mode: made.mode & 0o7777 } : {};
  let e: Entry | undefined;
  try { e = lookup(k, path); } catch (err) { if (!(err instanceof KernelError)) throw err; }
  if (!e || e.dir) return {};
  return { mode: e.mode ?? ((e.read ? 0o444 : 0) | (e.write ? 0o200 : 0)) };
}

function procDevices(k: Kernel): string {
  const buf = k.scratchBuffer;
  const n = k.run('/proc/devices', () => k.vm.lkm_proc_devices(buf, 4096));
  return new TextDecoder().decode(k.mem.bytes(buf, n));
}

/** Reading a device node as a whole (cat): read(2) until end of file, at most 1 MiB. */
const DEVICE_READ_MAX = 1 << 20;

function deviceNode(k: Kernel, path: string): Entry | undefined {
  const name = path.slice('/dev/'.length);
  if (k.devices.nodes.has(name)) return openedFile(k, path);
  // A directory of devtmpfs: the first part of some node's name ("input" of "input/event0").
  const names = k.devices.list(name);
  return names.length ? { dir: () => names } : undefined;
}

/** A /proc, sysfs or debugfs file kernel code made: read and written through its file operations. */
function kernfsFile(k: Kernel, path: string): Entry {
  return openedFile(k, path);
}

/** cat / echo on a file the kernel opens: open, read(2) to end of file (or write(2) it all), close. */
function openedFile(k: Kernel, path: string): Entry {
  return {
    read: () => readOpened(k.open(path, O_RDONLY)),
    write: (data) => writeOpened(k.open(path, O_WRONLY), data),
    opened: true,
  };
}

/**
 * True when reading or writing `path` as a whole runs file operations (a device node, a /proc, sysfs or
 * debugfs file kernel code made, a file of a mounted file system): a caller that can wait opens it with
 * openAsync and reads or writes it with system calls that can sleep. Not for the kernel's generated views.
 */
export function opensKernelFile(k: Kernel, path: string): boolean {
  try {
    return lookup(k, path)?.opened === true;
  } catch (e) {
    if (e instanceof KernelError) return false;
    throw e;
  }
}

/** What cat collects from read(2)s: stops at end of file or at DEVICE_READ_MAX bytes. */
class Collected {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;

  /** Adds a read's bytes; false when cat should stop. */
  add(b: Uint8Array): boolean {
    if (b.length === 0) return false;
    this.chunks.push(b);
    this.total += b.length;
    return this.total < DEVICE_READ_MAX;
  }

  text(): string {
    const all = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) { all.set(c, at); at += c.length; }
    return new TextDecoder().decode(all);
  }
}

/** cat on an open file: read(2) until end of file (at most 1 MiB), then close. */
export function readOpened(f: KernelFile): string {
  const c = new Collected();
  try {
    while (c.add(f.read(4096)));
  } finally {
    f.close();
  }
  return c.text();
}

/** cat on an open file by a caller that can wait: read(2)s that sleep are parked until woken. */
export async function readOpenedAsync(f: KernelFile, opts: SleepOptions = {}): Promise<string> {
  const c = new Collected();
  try {
    while (c.add(await f.readAsync(4096, opts)));
  } finally {
    f.close();
  }
  return c.text();
}

/** dd on an open file: read(2)s until `offset + count` bytes came or end of file; the bytes after `offset`. */
export async function readOpenedBytesAsync(f: KernelFile, count: number, offset: number, opts: SleepOptions = {}): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let skipped = 0;
  let got = 0;
  try {
    while (got < count) {
      const want = offset > skipped ? Math.min(offset - skipped, 1 << 16) : Math.min(count - got, 1 << 16);
      const b = await f.readAsync(want, opts);
      if (b.length === 0) break;
      if (offset > skipped) { skipped += b.length; continue; }
      parts.push(b.slice());
      got += b.length;
    }
  } finally {
    f.close();
  }
  const all = new Uint8Array(got);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return all;
}

/** echo into an open file by a caller that can wait. */
export async function writeOpenedAsync(f: KernelFile, data: string | Uint8Array, opts: SleepOptions = {}): Promise<void> {
  try {
    let buf = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    while (buf.length > 0) {
      const n = await f.writeAsync(buf, opts);
      if (n <= 0) break;
      buf = buf.subarray(n);
    }
  } finally {
    f.close();
  }
}

/** echo into an open file: write(2) until all is written, then close. */
export function writeOpened(f: KernelFile, data: string): void {
  try {
    let buf = new TextEncoder().encode(data);
    while (buf.length > 0) {
      const n = f.write(buf);
      if (n <= 0) break;
      buf = buf.subarray(n);
    }
  } finally {
    f.close();
  }
}

/** /sys/class/CLASS/DEVICE/{dev,uevent}. */
function classEntry(k: Kernel, rest: string[]): Entry | undefined {
  const devs = k.devices.classes.get(rest[0]!);
  if (!devs) return undefined;
  if (rest.length === 1) return { dir: () => [...devs.keys()].sort() };
  const devt = devs.get(rest[1]!);
  if (devt === undefined) return undefined;
  const files: Record<string, Entry> = {
    uevent: { read: () => (devt ? `MAJOR=${MAJOR(devt)}\nMINOR=${MINOR(devt)}\nDEVNAME=${rest[1]}\n` : '') },
  };
  if (devt) files.dev = { read: () => `${MAJOR(devt)}:${MINOR(devt)}\n` };
  if (rest.length === 2) return { dir: () => Object.keys(files).sort() };
  return rest.length === 3 ? files[rest[2]!] : undefined;
}

function paramGet(k: Kernel, kp: number): string {
  const buf = k.scratchBuffer;
  const n = k.run('sysfs param read', () => k.vm.lkm_param_get(kp, buf));
  if (n < 0) throw new KernelError(-n);
  return new TextDecoder().decode(k.mem.bytes(buf, n));
}

function paramSet(k: Kernel, kp: number, data: string): void {
  const buf = k.scratchBuffer;
  k.mem.writeCString(buf, data, 4096);
  const ret = k.run('sysfs param write', () => k.vm.lkm_param_set(kp, buf));
  if (ret < 0) throw new KernelError(-ret);
}

export function readKernelFile(k: Kernel, path: string): string {
  const e = lookup(k, path);
  if (!e) throw new KernelError(ENOENT);
  if (e.dir) throw new KernelError(EISDIR);
  if (!e.read) throw new KernelError(EACCES);
  return e.read();
}

export function writeKernelFile(k: Kernel, path: string, data: string): void {
  const e = lookup(k, path);
  const at = k.mounts.locate(path);
  // A name a mounted file system lacks would be created (O_CREAT): its directories have no ->create (EACCES).
  if (!e && at && 'rel' in at) throw new KernelError(EACCES);
  if (!e) throw new KernelError(path.startsWith('/proc') || path.startsWith('/sys') ? ENOENT : EPERM);
  if (e.dir) throw new KernelError(EISDIR);
  if (!e.write) throw new KernelError(EACCES);
  e.write(data);
}

/** readlink(2) of a link kernel code made (sysfs, /proc, debugfs): its target text; EINVAL for anything else. */
export function readKernelLink(k: Kernel, path: string): string {
  const norm = normalize(path);
  const at = k.mounts.locate(norm);
  if (at && !('rel' in at)) {
    // The directories on the way are followed; the last component is the link itself.
    const slash = at.view.lastIndexOf('/');
    const dir = k.kernfs.resolve(at.view.slice(0, slash) || '/');
    const e = k.kernfs.nodes.get(`${dir === '/' ? '' : dir}/${at.view.slice(slash + 1)}`);
    if (e?.kind === 'link') return e.target!;
  }
  if (!lookup(k, path)) throw new KernelError(ENOENT);
  throw new KernelError(EINVAL);
}

export function listKernelDir(k: Kernel, path: string): string[] {
  const e = lookup(k, path);
  if (!e) throw new KernelError(ENOENT);
  if (!e.dir) throw new KernelError(ENOTDIR);
  return e.dir();
}
