// One lab session: a kernel booted from the site data, the emulated file system in memory (module tree,
// depmod's files and example sources from the build), and the same lkm shell as the CLI. Browser-safe; it
// runs inside the kernel's Web Worker (kernel-worker.ts) or, in single-thread mode, on the page itself.
// Everything it exposes is asynchronous and structured-clone friendly (LabApi), so the page does not care
// which of the two it talks to.

import { Kernel, type ModuleInfo } from '../kernel/kernel.js';
import type { LogRecord } from '../kernel/printk.js';
import { kernelTaintString } from '../kernel/taint.js';
import { setUsermodeHelper } from '../kmod/request.js';
import { Shell } from '../shell/shell.js';
import { MemoryBacking, Vfs } from '../vfs/index.js';
import { fromBase64, type SiteData } from './site-types.js';

/** Events a session sends to the page. */
export interface LabEvents {
  /** Terminal output of the running command. */
  output(text: string, stream: 'out' | 'err'): void;
  /** A completed printk record. */
  log(record: LogRecord): void;
  /** The module list or anything under /proc or /sys may have changed. */
  changed(): void;
  /**
   * Module code was entered (Kernel.onModuleCode, posted before it runs, so it arrives even if that code
   * never returns) or left (undefined). The page's watchdog times these.
   */
  moduleCode?(entry: ModuleCodeEntry | undefined): void;
}

/** What the watchdog needs to report a soft lockup the way src/worker/client.ts does. */
export interface ModuleCodeEntry {
  /** Kernel.run's label: "soft_lockup: init". */
  what: string;
  comm: string;
  pid: number;
  /** Date.now() when it was entered. */
  at: number;
  /** "Modules linked in: …" at that moment. */
  modules: string;
  taint: number;
  /** Nanoseconds since boot (the kernel's clock) when it was entered. */
  tsNs: number;
}

export interface LabState {
  modules: ModuleInfo[];
  /** Kernel taint letters ("G" when clean), as in the Oops "Tainted:" field. */
  taint: string;
  taintMask: number;
  cwd: string;
}

export interface DirEntry { name: string; type: 'file' | 'dir' | undefined; }

/** The session API the page uses (same in the worker and in single-thread mode). */
export interface LabApi {
  boot(site: SiteData, opts: { cmdline?: string; files?: Record<string, Uint8Array> }, events: LabEvents): Promise<{ release: string; cwd: string }>;
  /** Runs one shell line; output goes to events.output. */
  run(line: string): Promise<{ status: number; cwd: string }>;
  state(): Promise<LabState>;
  /** Records in the ring buffer, oldest first. */
  log(): Promise<LogRecord[]>;
  list(path: string): Promise<DirEntry[]>;
  /** A file's content as text (undefined when unreadable); `limit` bytes at most. */
  read(path: string, limit?: number): Promise<{ text: string; error?: string }>;
  /** Writes a file (a module compiled in the page). */
  put(path: string, data: Uint8Array): Promise<void>;
  /** Tab completion candidates for the word at the end of `line`. */
  complete(line: string): Promise<string[]>;
}

/** Runs request_module()'s modprobe as a shell command with no terminal (as src/node/session.ts does). */
function attachUsermodeHelper(kernel: Kernel, sh: Shell): void {
  const quote = (w: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);
  setUsermodeHelper(kernel, {
    exists: (path) => sh.commandAt(path) !== undefined,
    run: (argv, env) => {
      const child = sh.child({ stdout: () => {}, stderr: () => {} }, env);
      child.cwd = '/';
      return child.run(argv.map(quote).join(' '));
    },
  });
}

const MODULE_COMMANDS = new Set(['modprobe', 'modinfo', 'rmmod']);

export class LabSession implements LabApi {
  private kernel!: Kernel;
  private fs!: Vfs;
  private sh!: Shell;
  private events!: LabEvents;

  async boot(site: SiteData, opts: { cmdline?: string; files?: Record<string, Uint8Array> }, events: LabEvents) {
    this.events = events;
    const files: Record<string, Uint8Array> = {};
    for (const [p, c] of Object.entries(site.files)) files[p] = fromBase64(c);
    Object.assign(files, opts.files ?? {});
    const fs = new Vfs(new MemoryBacking(files));
    await fs.mkdir('/root').catch(() => {});
    await fs.mkdir('/tmp').catch(() => {});
    const kernel = await Kernel.boot({ vmlinux: fromBase64(site.vmlinux), cmdline: opts.cmdline, readFile: (p) => fs.readFile(p) });
    fs.kernel = kernel;
    kernel.log.subscribe((r) => events.log(r));
    if (events.moduleCode) {
      const post = events.moduleCode;
      kernel.onModuleCode = (what) => post(what === undefined ? undefined : {
        what, comm: kernel.current.comm, pid: kernel.current.pid, at: Date.now(),
        modules: kernel.modulesLinkedIn(), taint: kernel.taintMask, tsNs: kernel.nowNs(),
      });
    }
    const sh = new Shell(kernel, fs, {
      stdout: (t) => events.output(t, 'out'),
      stderr: (t) => events.output(t, 'err'),
    });
    attachUsermodeHelper(kernel, sh);
    sh.cwd = '/root';
    sh.env.set('PWD', '/root');
    this.kernel = kernel;
    this.fs = fs;
    this.sh = sh;
    return { release: site.release, cwd: sh.cwd };
  }

  async run(line: string) {
    try {
      await this.sh.run(line);
    } catch (e) {
      this.events.output(`lkm: ${(e as Error).message}\n`, 'err');
      this.sh.lastStatus = 1;
    }
    this.kernel.log.flush();
    this.events.changed();
    return { status: this.sh.lastStatus, cwd: this.sh.cwd };
  }

  async state(): Promise<LabState> {
    return { modules: this.kernel.lsmod(), taint: kernelTaintString(this.kernel.taintMask), taintMask: this.kernel.taintMask, cwd: this.sh.cwd };
  }

  async log() {
    this.kernel.log.flush();
    return this.kernel.log.read().map((r) => ({ ...r }));
  }

  async list(path: string): Promise<DirEntry[]> {
    return this.fs.readdirTypes(path);
  }

  async read(path: string, limit = 64 * 1024) {
    try {
      const b = await this.fs.readFile(path);
      const text = new TextDecoder().decode(b.subarray(0, limit));
      if (b.subarray(0, 4096).includes(0)) return { text: `(binary file, ${b.length} bytes)` };
      return { text: b.length > limit ? `${text}\n… (${b.length - limit} more bytes)` : text };
    } catch (e) {
      return { text: '', error: (e as Error).message };
    }
  }

  async put(path: string, data: Uint8Array) {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    await this.fs.mkdir(dir).catch(() => {});
    await this.fs.writeFile(path, data);
    this.events.changed();
  }

  async complete(line: string): Promise<string[]> {
    const sh = this.sh;
    const words = line.split(/\s+/);
    const cur = words[words.length - 1] ?? '';
    if (words.length <= 1) return Object.keys(sh.commands).filter((c) => c.startsWith(cur)).sort();
    const hits: string[] = [];
    const cmd = words[0]!;
    if (MODULE_COMMANDS.has(cmd) && !cur.includes('/') && !cur.startsWith('-')) {
      const names = cmd === 'rmmod' ? this.kernel.lsmod().map((m) => m.name) : await this.treeModules();
      hits.push(...names.filter((n) => n.startsWith(cur.replace(/-/g, '_'))));
    }
    const slash = cur.lastIndexOf('/');
    const dir = slash >= 0 ? cur.slice(0, slash + 1) : '';
    const base = cur.slice(slash + 1);
    try {
      for (const e of await this.fs.readdirTypes(sh.resolve(dir || '.'))) {
        if (e.name.startsWith(base)) hits.push(dir + e.name + (e.type === 'dir' ? '/' : ''));
      }
    } catch { /* not a directory */ }
    return [...new Set(hits)].sort();
  }

  private async treeModules(): Promise<string[]> {
    const release = this.kernel.readFile('/proc/sys/kernel/osrelease').trim();
    try {
      const dep = await this.fs.readText(`/lib/modules/${release}/modules.dep`);
      return dep.split('\n').filter(Boolean).map((l) => {
        const b = l.slice(l.lastIndexOf('/', l.indexOf(':')) + 1, l.indexOf(':'));
        return b.slice(0, b.indexOf('.') < 0 ? undefined : b.indexOf('.')).replace(/-/g, '_');
      });
    } catch {
      return [];
    }
  }
}
