// The lkm-wasm web lab: terminal, module list, dependency graph, dmesg, file browser and C editor around one
// kernel (in a Web Worker where the page is cross-origin isolated, on the page's thread otherwise).
// URL options: ?isolate=none (single-thread mode), ?watchdog=SECONDS (default 10), ?cmdline=… (kernel).

import * as Comlink from 'comlink';
import type { ModuleInfo } from '../kernel/kernel.js';
import { formatTimestamp, type LogRecord } from '../kernel/printk.js';
import type { CompilerApi } from './compile-worker.js';

/** compile-worker.ts compiles example DIR in /src/DIR (a type-only import keeps the worker out of this bundle). */
const COMPILE_ROOT = '/src';
import { CodeEditor, parseDiagnostics } from './editor.js';
import { FileBrowser } from './files.js';
import { modprobeRemoval, parseModulesDep, renderGraph, renderModules } from './graph.js';
import { openLab, type LabMode } from './lab.js';
import type { LabSession } from './session.js';
import { SOURCES_DIR, USER_MODULES_DIR, type HeadersData, type SiteData } from './site-types.js';
import { LabTerminal } from './terminal.js';
import { ensureIsolation, type CoiState } from './coi.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);

/** What tests read (and a console user can poke at). */
interface LabDebug {
  ready: boolean;
  error?: string;
  mode?: string;
  transcript: string;
  modules: ModuleInfo[];
  lockups: number;
  compiles: number;
  /** Command lines the terminal finished (the prompt is back). */
  commands: number;
  lab?: LabSession;
}
const debug: LabDebug = { ready: false, transcript: '', modules: [], lockups: 0, compiles: 0, commands: 0 };
(window as unknown as { lkm: LabDebug }).lkm = debug;

let lab: LabSession;
let mode: LabMode;
let watchdogMs = 10_000;
let term: LabTerminal;
let files: FileBrowser;
let modules: ModuleInfo[] = [];
let selected: string | undefined;
/** modules.dep of the installed tree, for the modprobe -r prediction. */
let modulesDep = new Map<string, string[]>();

// ---- dmesg ---------------------------------------------------------------------------------------------
const dmesgEl = $('dmesg');
function dmesgLine(cls: string, html: string | Node[]): void {
  const stick = dmesgEl.scrollTop + dmesgEl.clientHeight >= dmesgEl.scrollHeight - 4;
  const div = document.createElement('div');
  div.className = cls;
  if (typeof html === 'string') div.textContent = html; else div.append(...html);
  dmesgEl.append(div);
  while (dmesgEl.childElementCount > 4000) dmesgEl.firstElementChild!.remove();
  if (stick) dmesgEl.scrollTop = dmesgEl.scrollHeight;
}
let lastSeq = -1;
function addRecord(r: LogRecord): void {
  // Sequence numbers keep growing across reboots (src/worker's log views), so a record seen twice
  // (read at start-up and streamed) is dropped.
  if (r.seq <= lastSeq) return;
  lastSeq = r.seq;
  for (const line of r.text.split('\n')) {
    const ts = document.createElement('span');
    ts.className = 'ts';
    ts.textContent = `${formatTimestamp(r.tsNs)} `;
    dmesgLine(`lvl-${r.level}`, [ts, document.createTextNode(line)]);
  }
}

// ---- module list and graph -----------------------------------------------------------------------------
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => { void refresh(); }, 40);
}
async function refresh(): Promise<void> {
  try {
    const st = await lab.state();
    modules = st.modules;
    debug.modules = modules;
    $('taint').textContent = st.taint.replace(/\s+/g, ' ');
    $('taint').classList.toggle('warn', st.taint !== 'Not tainted');
    if (selected && !modules.some((m) => m.name === selected)) selected = undefined;
    drawModules();
    await files.refresh();
  } catch (e) {
    console.error(e);
  }
}
function drawModules(): void {
  const rm = selected ? modprobeRemoval(modules, selected, modulesDep) : { removes: [] as string[] };
  const removes = new Set(rm.removes);
  renderModules($<HTMLTableElement>('mods').tBodies[0]!, modules, selected, removes);
  $('mods-empty').hidden = modules.length > 0;
  renderGraph($('graph') as unknown as SVGSVGElement, modules, selected, removes, (n) => { selected = n; drawModules(); });
  const note = $('graph-note');
  if (!selected) note.innerHTML = modules.length ? 'Select a module (click, or ↑↓ in the list) to see what <b>modprobe -r</b> would remove.' : '';
  else if ('inUseBy' in rm && rm.inUseBy) {
    note.innerHTML = `<b>modprobe -r ${selected}</b> fails: Module ${selected} is in use${rm.inUseBy.length ? ` by <b>${rm.inUseBy.join(', ')}</b>` : ''}`;
  } else {
    const kept = (modulesDep.get(selected) ?? []).filter((d) => !rm.removes.includes(d) && modules.some((m) => m.name === d));
    note.innerHTML = `<b>modprobe -r ${selected}</b> removes: <b>${rm.removes.join(' → ')}</b>` +
      (kept.length ? `; keeps <b>${kept.join(', ')}</b> (still in use when its turn comes)` : '');
  }
}
function moduleKeys(e: KeyboardEvent): void {
  const i = modules.findIndex((m) => m.name === selected);
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    if (!modules.length) return;
    const j = i < 0 ? 0 : Math.max(0, Math.min(modules.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
    selected = modules[j]!.name;
    drawModules();
  } else if (e.key === 'Escape') {
    selected = undefined;
    drawModules();
  } else if (selected && (e.key === 'r' || e.key === 'R')) {
    void term.exec(`modprobe -r ${selected}`);
  } else if (selected && (e.key === 'Delete' || e.key === 'Backspace')) {
    void term.exec(`rmmod ${selected}`);
  } else return;
  e.preventDefault();
}

// ---- editor and compiler -------------------------------------------------------------------------------
let site: SiteData;
const edits = new Map<string, string>();
let editor: CodeEditor;
let current = '';
let compiler: Comlink.Remote<CompilerApi> | undefined;
/** Source (`rwdev/rwdev-user.c`) → the user program last built from it, written to /root/NAME. */
const programOf = new Map<string, string>();

function sourceList(): string[] {
  return Object.keys(site.sources).filter((p) => /\.[ch]$|(^|\/)(Makefile|Kbuild)$/.test(p)).sort((a, b) => {
    const da = a.split('/')[0]!, db = b.split('/')[0]!;
    if (da !== db) return da < db ? -1 : 1;
    return Number(/\.c$/.test(b)) - Number(/\.c$/.test(a)) || (a < b ? -1 : 1);
  });
}
function openSource(path: string): void {
  if (current) edits.set(current, editor.value);
  current = path;
  editor.value = edits.get(path) ?? site.sources[path] ?? '';
  $<HTMLSelectElement>('src-select').value = path;
  showRun();
}
/** The Run button: enabled when the file being edited has been built into a program. */
function showRun(): void {
  const name = programOf.get(current);
  const btn = $<HTMLButtonElement>('run');
  btn.disabled = name === undefined;
  btn.title = name ? `Run ${USER_MODULES_DIR}/${name} in the terminal (Ctrl+Shift+Enter)` : 'Compile a user program first (Ctrl+Enter): then run it in the terminal';
}
async function runProgram(): Promise<void> {
  const name = programOf.get(current);
  if (name) await term.exec(`${USER_MODULES_DIR}/${name}`);
}
function progress(done: number, total: number, text?: string): void {
  $('progress').hidden = false;
  $('progress-fill').style.width = `${total ? (100 * done) / total : 0}%`;
  $('progress-text').textContent = text ?? `compiler ${(done / 1e6).toFixed(1)} / ${(total / 1e6).toFixed(1)} MB`;
}
async function getCompiler(): Promise<Comlink.Remote<CompilerApi>> {
  if (compiler) return compiler;
  const w = new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module', name: 'lkm-clang' });
  const c = Comlink.wrap<CompilerApi>(w);
  progress(0, 1, 'fetching kernel headers…');
  const headers = (await (await fetch('./lkm-headers.json')).json()) as HeadersData;
  await c.init(headers, site.vmlinux);
  progress(0, 1, 'fetching the compiler (about 100 MB, once; the browser caches it)…');
  await c.load(Comlink.proxy((d: number, t: number) => progress(d, t)));
  compiler = c;
  return c;
}
async function compile(): Promise<void> {
  const btn = $<HTMLButtonElement>('compile');
  if (btn.disabled) return;
  btn.disabled = true;
  const diag = $('diag');
  try {
    edits.set(current, editor.value);
    const dir = current.split('/')[0]!;
    const files: Record<string, string> = {};
    for (const p of Object.keys(site.sources)) if (p.startsWith(`${dir}/`)) files[p.slice(dir.length + 1)] = edits.get(p) ?? site.sources[p]!;
    const c = await getCompiler();
    progress(1, 1, `compiling ${dir}/ …`);
    const r = await c.compile({ dir, files });
    debug.compiles++;
    const path = `${COMPILE_ROOT}/${current}`;
    editor.setMarkers(parseDiagnostics(r.diagnostics, path));
    diag.hidden = false;
    diag.className = `scroll${r.ok ? ' ok' : ''}`;
    const outputs = [...r.modules.map((m) => `${m.name}.ko`), ...r.programs.map((p) => p.name)];
    const summary = r.ok ? `Built ${outputs.join(', ')} in ${(r.ms / 1000).toFixed(1)} s` : 'Build failed';
    diag.textContent = [summary, ...r.errors, r.diagnostics.trim()].filter(Boolean).join('\n');
    progress(1, 1, summary);
    if (!r.ok) return;
    // User programs go to /root/NAME (the shell starts in /root: ./NAME runs one).
    for (const p of r.programs) {
      await lab.put(`${USER_MODULES_DIR}/${p.name}`, p.bin);
      for (const o of p.objects) if (o.startsWith(`${COMPILE_ROOT}/`)) programOf.set(o.slice(COMPILE_ROOT.length + 1), p.name);
    }
    showRun();
    // insmod the module built from the file being edited (all of the directory's when it is a header or
    // the Makefile). Its dependencies go first when they are not loaded: the ones just built with insmod
    // from /root, the others with modprobe from the installed tree. For a program's source, the directory's
    // modules that are not loaded are loaded (its driver), then the program runs in the terminal.
    const mine = r.modules.filter((m) => m.objects.includes(path));
    const myPrograms = r.programs.filter((p) => p.objects.includes(path));
    const built = new Map(r.modules.map((m) => [m.name.replace(/-/g, '_'), m]));
    for (const m of r.modules) await lab.put(`${USER_MODULES_DIR}/${m.name}.ko`, m.ko);
    const loaded = new Set(modules.map((m) => m.name));
    const order: string[] = [];
    const visit = (name: string, seen: Set<string>, top: boolean) => {
      if (seen.has(name) || (!top && loaded.has(name)) || order.includes(name)) return;
      seen.add(name);
      for (const d of built.get(name)?.depends ?? []) visit(d.replace(/-/g, '_'), seen, false);
      order.push(name);
    };
    if (myPrograms.length) for (const m of r.modules) visit(m.name.replace(/-/g, '_'), new Set(), false);
    else for (const m of mine.length ? mine : r.modules) visit(m.name.replace(/-/g, '_'), new Set(), true);
    for (const name of order) {
      const m = built.get(name);
      await term.exec(m ? `insmod ${USER_MODULES_DIR}/${m.name}.ko` : `modprobe ${name}`);
    }
    for (const p of myPrograms) await term.exec(`${USER_MODULES_DIR}/${p.name}`);
  } catch (e) {
    diag.hidden = false;
    diag.className = 'scroll';
    diag.textContent = `compile: ${(e as Error).message}`;
    $('progress').hidden = true;
  } finally {
    btn.disabled = false;
  }
}

function showMode(): void {
  const el = $('mode');
  el.classList.remove('ok', 'warn');
  if (lab.hung) {
    el.textContent = `kernel hung: soft lockup${lab.hung.module ? ` in ${lab.hung.module}` : ''} · reboot`;
    el.classList.add('warn');
  } else if (mode === 'worker') {
    el.textContent = `kernel in a Web Worker · watchdog ${watchdogMs / 1000}s`;
    el.classList.add('ok');
  } else {
    el.textContent = 'single-thread mode';
    el.classList.add('warn');
  }
}

async function reboot(): Promise<void> {
  term.notice('Rebooting: a new kernel boots with the example tree and the files written from the editor.', '1;94');
  await lab.reboot();
}

// ---- keyboard ------------------------------------------------------------------------------------------
/** The pane a phone shows (the tab bar; on a wide screen every pane shows and this only marks one). */
function showPane(key: string): void {
  for (const p of document.querySelectorAll<HTMLElement>('main#lab > .pane')) p.classList.toggle('active', p.dataset.key === key);
  for (const t of document.querySelectorAll<HTMLElement>('#tabs button')) t.setAttribute('aria-selected', String(t.dataset.key === key));
  if (key === '1') term?.refit();
}

function focusPane(key: string): boolean {
  showPane(key);
  const target: Record<string, () => void> = {
    1: () => term.focus(), 2: () => $('mods-wrap').focus(), 3: () => $('graph-wrap').focus(),
    4: () => $('dmesg').focus(), 5: () => $('tree').focus(), 6: () => editor.ta.focus(),
  };
  const f = target[key];
  if (!f) return false;
  f();
  return true;
}

async function main(): Promise<void> {
  const coi: CoiState = await ensureIsolation(params);
  if (coi === 'reloading') return;
  const isolated = self.crossOriginIsolated === true;
  const worker = isolated && params.get('isolate') !== 'none';
  watchdogMs = Math.max(0.5, Number(params.get('watchdog') ?? 10)) * 1000;
  site = (await (await fetch('./lkm-root.json')).json()) as SiteData;

  term = new LabTerminal($('term'), {
    run: async (line) => {
      try {
        return await lab.run(line);
      } finally {
        // Counted after the views had a chance to refresh (the lab reports a change after each command).
        setTimeout(() => { debug.commands++; }, 0);
      }
    },
    complete: (line) => lab.complete(line).catch(() => []),
    incomplete: (text) => lab?.incomplete(text) ?? false,
    input: (d) => lab?.input(d),
  });
  const origWrite = term.write.bind(term);
  term.write = (t, s) => { debug.transcript += t; origWrite(t, s); };

  ({ session: lab, mode } = await openLab(site, {
    output: (t, s) => term.write(t, s),
    log: (r) => addRecord(r),
    changed: () => scheduleRefresh(),
    lockup: (l) => {
      debug.lockups++;
      // The shell printed the failed command's error (SoftLockupError); the record is in dmesg.
      const text = `The kernel is hung (soft lockup${l.module ? ` in ${l.module}` : ''}, tainted L): type \`reboot\` or press Alt+R to boot a new one.`;
      term.notice(text);
      debug.transcript += `${text}\n`;
      showMode();
      void refresh();
    },
    rebooted: () => { dmesgLine('reboot', '— reboot: a new kernel booted —'); showMode(); void refresh(); },
  }, { worker, watchdogMs, cmdline: params.get('cmdline') ?? undefined }));
  debug.lab = lab;
  debug.mode = mode;
  showMode();
  if (mode !== 'worker') {
    const n = $('notice');
    n.hidden = false;
    n.textContent = isolated
      ? 'Single-thread mode (?isolate=none): the kernel runs on this page\'s thread, without a watchdog — a module that never returns freezes the tab.'
      : notIsolatedNotice(coi);
  }

  const dep = await lab.read(`/lib/modules/${site.release}/modules.dep`);
  if (!dep.error) modulesDep = parseModulesDep(dep.text);
  files = new FileBrowser($('tree'), $('file-path'), $('file-body'), { list: (p) => lab.list(p), read: (p) => lab.read(p) });
  for (const r of lab.log()) addRecord(r);

  editor = new CodeEditor($<HTMLTextAreaElement>('code'), $('gutter'), $('backdrop'));
  const sel = $<HTMLSelectElement>('src-select');
  for (const p of sourceList()) sel.append(new Option(p, p));
  sel.addEventListener('change', () => openSource(sel.value));
  openSource(site.sources['hello/hello.c'] !== undefined ? 'hello/hello.c' : sourceList()[0]!);
  $('compile').addEventListener('click', () => void compile());
  $('run').addEventListener('click', () => void runProgram());
  $('revert').addEventListener('click', () => { edits.delete(current); editor.value = site.sources[current] ?? ''; });
  $('reboot').addEventListener('click', () => void reboot());
  showPane('1');
  for (const t of document.querySelectorAll<HTMLElement>('#tabs button')) t.addEventListener('click', () => focusPane(t.dataset.key!));
  $('mods-wrap').addEventListener('keydown', moduleKeys);
  $('mods').addEventListener('click', (e) => {
    const tr = (e.target as HTMLElement).closest('tr');
    if (tr?.dataset.name) { selected = tr.dataset.name; drawModules(); }
  });
  $('graph-wrap').addEventListener('keydown', moduleKeys);

  document.addEventListener('keydown', (e) => {
    // Alt+digit (Alt+Shift+digit where the browser keeps Alt+digit for its tabs): e.code, so Shift does not matter.
    if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-6]$/.test(e.code) && focusPane(e.code.slice(5))) { e.preventDefault(); return; }
    if (e.altKey && !e.ctrlKey && e.code === 'KeyR') { e.preventDefault(); void reboot(); return; }
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); void (e.shiftKey ? runProgram() : compile()); }
  }, true);

  term.write(`Linux ${site.release}, example modules installed (depmod -a done).\n` +
    '  modprobe stack_c      load a module and its dependencies\n' +
    '  lsmod; dmesg          what is loaded, what the kernel said\n' +
    '  modprobe -r stack_c   unload it (rmmod NAME: one module)\n' +
    '  modprobe soft_lockup  an init that never returns\n' +
    '  modprobe rwdev; mknod /dev/rwdev c 240 0; ./rwdev-user\n' +
    '                        a C program (/root/rwdev-user) talking to a driver\n' +
    '  help                  all commands; sources in /usr/src\n');
  term.showPrompt();
  await refresh();
  await files.reveal('/proc/modules');
  term.focus();
  debug.ready = true;
}

/** Why the page is not isolated, and what a user of this host can do about it. */
function notIsolatedNotice(coi: CoiState): string {
  const why = coi === 'off'
    ? 'the header service worker is turned off (?coi=0)'
    : 'the host sends no COOP/COEP headers and the lab\'s header service worker could not take over (a private window, service workers blocked, or a browser that does not apply them)';
  return `This page is not cross-origin isolated: ${why}. The lab runs in single-thread mode: the kernel shares this page's thread and there is no watchdog — a module that never returns freezes the tab. Open it in a normal window, or serve the site with the COOP/COEP headers (dist-web/_headers lists them).`;
}

main().catch((e) => {
  debug.error = String((e as Error).stack ?? e);
  const n = $('notice');
  n.hidden = false;
  n.textContent = `The lab failed to start: ${(e as Error).message}` + (self.crossOriginIsolated ? '' :
    ' — this page is not cross-origin isolated, and some browsers (Firefox) allow the shared WebAssembly memory the kernel uses only on isolated pages: open it in a normal window (the lab\'s service worker adds the headers there), or serve it with the COOP/COEP headers (dist-web/_headers).');
  console.error(e);
});
