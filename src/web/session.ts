// One lab session on the page's thread: a kernel behind the promise API of src/worker (in a module Web
// Worker with the watchdog, or in-thread in single-thread mode), the emulated file system in memory
// (module tree, depmod's files and example sources from the build; /proc and /sys mounted from the
// kernel) and the same lkm shell as the CLI. Files live here, never in the kernel's worker, so a reboot
// keeps everything the user wrote.

import type { ModuleInfo } from '../kernel/kernel.js';
import type { LogRecord } from '../kernel/printk.js';
import { kernelTaintString } from '../kernel/taint.js';
import { setUsermodeHelper, type UsermodeHelper } from '../kmod/request.js';
import { Shell } from '../session/shell.js';
import { LineDiscipline } from '../shell/tty.js';
import { mountCompletions } from '../shell/mount.js';
import { MemoryBacking, Vfs } from '../vfs/index.js';
import type { KernelApi, KernelBootOptions } from '../worker/api.js';
import { WorkerKernel, type Lockup } from '../worker/client.js';
import { LocalKernel } from '../worker/local.js';
import { programCommand } from '../user/shell.js';
import { KernelBacking, mirrorKernelMounts } from '../worker/kernel-backing.js';
import { fromBase64, type SiteData } from './site-types.js';

/** Events a session sends to the page. */
export interface LabEvents {
  /** Terminal output of the running command. */
  output(text: string, stream: 'out' | 'err'): void;
  /** A completed printk record (the watchdog's own records included). */
  log(record: LogRecord): void;
  /** The module list or anything under /proc or /sys may have changed. */
  changed(): void;
  /** The watchdog fired: the kernel is hung until a reboot. */
  lockup(l: Lockup): void;
  /** A new kernel booted. */
  rebooted(): void;
}

export interface LabState {
  modules: ModuleInfo[];
  /** "Not tainted" or "Tainted: G           OE", as the Oops "CPU:" line prints it. */
  taint: string;
  taintMask: number;
  cwd: string;
}

export interface DirEntry { name: string; type: 'file' | 'dir' | undefined; }

export type BootKernel = (opts: KernelBootOptions) => Promise<KernelApi>;

const MODULE_COMMANDS = new Set(['modprobe', 'modinfo', 'rmmod']);

const shellQuote = (w: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);

export class LabSession {
  kernel!: KernelApi;
  fs!: Vfs;
  sh!: Shell;
  private lastState: LabState | undefined;
  private reportedLockup: Lockup | undefined;

  private constructor(private readonly events: LabEvents) {}

  static async open(site: SiteData, boot: BootKernel, opts: Omit<KernelBootOptions, 'vmlinux' | 'readFile'>, events: LabEvents): Promise<LabSession> {
    const s = new LabSession(events);
    const files: Record<string, Uint8Array> = {};
    for (const [p, c] of Object.entries(site.files)) files[p] = fromBase64(c);
    const fs = new Vfs(new MemoryBacking(files));
    await fs.mkdir('/root').catch(() => {});
    await fs.mkdir('/tmp').catch(() => {});
    const current = () => s.kernel;
    fs.mount('/proc', new KernelBacking(current, '/proc'));
    fs.mount('/sys', new KernelBacking(current, '/sys'));
    // devtmpfs: nodes of the kernel's devices and mknod; opening one may autoload its driver.
    fs.mount('/dev', new KernelBacking(current, '/dev'));
    s.fs = fs;
    s.kernel = await boot({
      ...opts, vmlinux: fromBase64(site.vmlinux), readFile: (p) => fs.readFile(p),
      pathType: async (p) => (await fs.stat(p))?.type ?? null,
    });
    // Paths below the kernel's mount(2) mount points are the kernel's.
    mirrorKernelMounts(fs, s.kernel, current);
    s.kernel.log.subscribe((r) => events.log(r));
    // Every reboot (the shell's `reboot` builtin, the page's button) goes through here.
    const reboot = s.kernel.reboot.bind(s.kernel);
    s.kernel.reboot = async () => {
      await reboot();
      s.reportedLockup = undefined;
      s.lastState = undefined;
      events.rebooted();
    };
    const sh = new Shell(s.kernel, fs, {
      stdout: (t) => events.output(t, 'out'),
      stderr: (t) => events.output(t, 'err'),
    });
    // request_module()'s modprobe runs in this shell, with no terminal (as src/node/session.ts does).
    const helper: UsermodeHelper = {
      exists: (path) => sh.commandAt(path) !== undefined,
      run: (argv, env) => {
        const child = sh.child({ stdout: () => {}, stderr: () => {} }, env);
        child.cwd = '/';
        return child.run(argv.map(shellQuote).join(' '));
      },
    };
    setUsermodeHelper(s.kernel, helper);
    if (s.kernel instanceof WorkerKernel) s.kernel.usermodeHelper = helper;
    // User programs. Worker mode: the shell's own path (a worker per program; lab.ts gives the kernel its
    // programWorker). Single-thread mode: programCommand runs a program in-thread when the shell's kernel is
    // an in-thread Kernel, so it is handed LocalKernel's (read at each run: a reboot replaces it).
    if (s.kernel instanceof LocalKernel) {
      const local = s.kernel;
      sh.programs = (name) => {
        const run = programCommand(name);
        return (argv, io, shell) => run(argv, io, Object.create(shell, { kernel: { value: local.kernel } }) as Shell);
      };
    }
    sh.tty = {}; // xterm: progress bars (depmod over a large tree) draw in place
    // The terminal while a command runs: typed lines to the foreground program, Ctrl-C → SIGINT.
    s.tty = new LineDiscipline((t) => events.output(t, 'out'), () => { sh.interrupt(); });
    sh.terminal = s.tty;
    sh.cwd = '/root';
    sh.env.set('PWD', '/root');
    s.sh = sh;
    return s;
  }

  /** The soft lockup that hung this boot's kernel (worker mode), if any. */
  get hung(): Lockup | undefined {
    return this.kernel instanceof WorkerKernel ? this.kernel.lockup : undefined;
  }

  /** After anything that may have run module code: report a new lockup, then changes. */
  private after(): void {
    const l = this.hung;
    if (l && l !== this.reportedLockup) {
      this.reportedLockup = l;
      this.events.lockup(l);
    }
    this.events.changed();
  }

  /** The line discipline between the xterm and the foreground command. */
  private tty!: LineDiscipline;

  /** Keystrokes while a command runs (input(), Ctrl-D, Ctrl-C: src/shell/tty.ts). */
  input(data: string): void {
    this.tty.input(data);
  }

  /**
   * Runs one shell line; output goes to events.output. `typeahead`: what was typed during the command and
   * not read (the terminal's next input).
   */
  async run(line: string): Promise<{ status: number; cwd: string; typeahead: string }> {
    try {
      await this.sh.run(line);
    } catch (e) {
      this.events.output(`lkm: ${(e as Error).message}\n`, 'err');
      this.sh.lastStatus = 1;
    }
    this.after();
    return { status: this.sh.lastStatus, cwd: this.sh.cwd, typeahead: this.tty.takeTypeahead() };
  }

  async reboot(): Promise<void> {
    await this.kernel.reboot();
    this.events.changed();
  }

  async state(): Promise<LabState> {
    const taintMask = await this.kernel.tainted();
    if (this.hung) {
      // The last module list stays on show; the taint mask includes L.
      const s = this.lastState ?? { modules: [], taint: '', taintMask: 0, cwd: this.sh.cwd };
      return { ...s, taintMask, taint: kernelTaintString(taintMask) };
    }
    this.lastState = { modules: await this.kernel.lsmod(), taint: kernelTaintString(taintMask), taintMask, cwd: this.sh.cwd };
    return this.lastState;
  }

  log(): LogRecord[] {
    this.kernel.log.flush();
    return this.kernel.log.read();
  }

  async list(path: string): Promise<DirEntry[]> {
    return this.fs.readdirTypes(path);
  }

  /** A file's content as text; `limit` bytes at most. */
  async read(path: string, limit = 64 * 1024): Promise<{ text: string; error?: string }> {
    try {
      const b = await this.fs.readFile(path);
      if (b.subarray(0, 4096).includes(0)) return { text: `(binary file, ${b.length} bytes)` };
      const text = new TextDecoder().decode(b.subarray(0, limit));
      return { text: b.length > limit ? `${text}\n… (${b.length - limit} more bytes)` : text };
    } catch (e) {
      return { text: '', error: (e as Error).message };
    }
  }

  /** Writes a file (a module compiled in the page). */
  async put(path: string, data: Uint8Array): Promise<void> {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    await this.fs.mkdir(dir).catch(() => {});
    await this.fs.writeFile(path, data);
    this.events.changed();
  }

  /** Tab completion candidates for the word at the end of `line`. */
  async complete(line: string): Promise<string[]> {
    const sh = this.sh;
    const words = line.split(/\s+/);
    const cur = words[words.length - 1] ?? '';
    if (words.length <= 1) return [...Object.keys(sh.commands)].filter((c) => c.startsWith(cur)).sort();
    const hits: string[] = [];
    const cmd = words[0]!;
    // File system types after mount -t, mount points for umount.
    const mounts = await mountCompletions(sh, words);
    if (mounts) return mounts;
    if (MODULE_COMMANDS.has(cmd) && !cur.includes('/') && !cur.startsWith('-')) {
      const names = cmd === 'rmmod' ? (this.lastState?.modules ?? []).map((m) => m.name) : await this.treeModules();
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
    try {
      const release = (await this.fs.readText('/proc/sys/kernel/osrelease')).trim();
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
