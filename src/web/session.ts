// One lab session on the page's thread: a kernel behind the promise API of src/worker (in a module Web
// Worker with the watchdog, or in-thread in single-thread mode), the emulated file system in memory
// (module tree, depmod's files and example sources from the build; /proc and /sys mounted from the
// kernel) and the same lkm shell as the CLI. Files live here, never in the kernel's worker, so a reboot
// keeps everything the user wrote.

import type { ModuleInfo } from '../kernel/kernel.js';
import type { LogRecord } from '../kernel/printk.js';
import { kernelTaintString } from '../kernel/taint.js';
import { completeLine } from '../session/complete.js';
import { openShell } from '../session/session.js';
import type { Shell } from '../session/shell.js';
import { LineDiscipline } from '../shell/tty.js';
import { MemoryBacking, Vfs } from '../vfs/index.js';
import type { KernelApi, KernelBootOptions } from '../api/api.js';
import { WorkerKernel, type Lockup } from '../worker/client.js';
import { KernelBacking, mirrorKernelMounts } from '../vfs/kernel-backing.js';
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
    // The shared session: user programs, request_module()'s modprobe run by this shell with no terminal;
    // every reboot (the shell's `reboot` builtin, the page's button) goes through afterReboot.
    const sh = openShell(s.kernel, fs, {
      io: { stdout: (t) => events.output(t, 'out'), stderr: (t) => events.output(t, 'err') },
      afterReboot: () => {
        s.reportedLockup = undefined;
        s.lastState = undefined;
        events.rebooted();
      },
      tty: {}, // xterm: progress bars (depmod over a large tree) draw in place
    });
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

  /** Whether `text` ends inside a command: the terminal reads another line at PS2. */
  incomplete(text: string): boolean {
    return this.sh.incomplete(text);
  }

  /** Tab completion candidates for the word at the end of `line`. */
  async complete(line: string): Promise<string[]> {
    return completeLine(this.sh, line, {
      // rmmod: the last lsmod on show (a hung kernel's list stays); paths by the entry's own type.
      loadedModules: async () => (this.lastState?.modules ?? []).map((m) => m.name),
      release: () => this.fs.readText('/proc/sys/kernel/osrelease').then((t) => t.trim(), () => undefined),
      followLinks: false,
    });
  }
}
