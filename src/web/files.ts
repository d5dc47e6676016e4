// The file browser: a keyboard-driven tree over /proc, /sys, /dev (and /root, where compiled modules go,
// and the module tree), and a viewer that re-reads the open file whenever the kernel changes.

import type { DirEntry } from './session.js';

export interface FilesBackend {
  list(path: string): Promise<DirEntry[]>;
  read(path: string): Promise<{ text: string; error?: string }>;
}

interface Row { path: string; name: string; depth: number; dir: boolean; }

export const FILE_ROOTS = ['/proc', '/sys', '/dev', '/root', '/lib/modules'];

export class FileBrowser {
  private readonly open = new Set<string>();
  private rows: Row[] = [];
  private cur = 0;
  private viewing: string | undefined;
  private refreshing = false;

  constructor(private readonly ul: HTMLElement, private readonly title: HTMLElement, private readonly body: HTMLElement, private readonly be: FilesBackend) {
    ul.addEventListener('keydown', (e) => this.key(e));
    ul.addEventListener('click', (e) => {
      const li = (e.target as HTMLElement).closest('li');
      if (!li) return;
      this.cur = Number(li.dataset.i);
      void this.activate();
    });
  }

  /** Last successful listing per directory: shown again while the kernel cannot answer (hung). */
  private readonly cache = new Map<string, DirEntry[]>();

  private async children(path: string): Promise<DirEntry[]> {
    try {
      const e = await this.be.list(path);
      this.cache.set(path, e);
      return e;
    } catch {
      return this.cache.get(path) ?? [];
    }
  }

  /** Rebuilds the visible rows (open directories are listed again: /sys/module changes with the kernel). */
  async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const rows: Row[] = [];
      const visit = async (path: string, name: string, depth: number, dir: boolean) => {
        rows.push({ path, name, depth, dir });
        if (dir && this.open.has(path)) {
          for (const e of await this.children(path)) {
            const p = `${path === '/' ? '' : path}/${e.name}`;
            await visit(p, e.name, depth + 1, e.type === 'dir');
          }
        }
      };
      for (const r of FILE_ROOTS) await visit(r, r, 0, true);
      const curPath = this.rows[this.cur]?.path;
      this.rows = rows;
      const i = curPath ? rows.findIndex((r) => r.path === curPath) : -1;
      this.cur = i >= 0 ? i : Math.min(this.cur, rows.length - 1);
      this.draw();
      if (this.viewing) await this.view(this.viewing);
    } finally {
      this.refreshing = false;
    }
  }

  private draw(): void {
    this.ul.replaceChildren(...this.rows.map((r, i) => {
      const li = document.createElement('li');
      li.dataset.i = String(i);
      li.dataset.path = r.path;
      li.setAttribute('role', 'treeitem');
      if (r.dir) { li.classList.add('dir'); li.setAttribute('aria-expanded', String(this.open.has(r.path))); }
      if (i === this.cur) li.classList.add('cur');
      li.style.paddingLeft = `${6 + r.depth * 14}px`;
      const tw = document.createElement('span');
      tw.className = 'tw';
      tw.textContent = r.dir ? (this.open.has(r.path) ? '▾' : '▸') : '';
      li.append(tw, r.name);
      return li;
    }));
    this.ul.querySelector('li.cur')?.scrollIntoView({ block: 'nearest' });
  }

  private async view(path: string): Promise<void> {
    this.viewing = path;
    const r = await this.be.read(path);
    this.title.textContent = path;
    this.body.textContent = r.error ? `cat: ${path}: ${r.error}` : r.text;
    this.body.classList.toggle('error', !!r.error);
  }

  /** Opens a directory (or closes it), or shows a file. */
  async activate(toggle = true): Promise<void> {
    const r = this.rows[this.cur];
    if (!r) return;
    if (r.dir) {
      if (this.open.has(r.path)) { if (toggle) this.open.delete(r.path); } else this.open.add(r.path);
      await this.refresh();
    } else {
      this.draw();
      await this.view(r.path);
    }
  }

  /** Expands the directories down to `path` and selects it (tests and links use this). */
  async reveal(path: string): Promise<void> {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) this.open.add(`/${parts.slice(0, i).join('/')}`);
    await this.refresh();
    const i = this.rows.findIndex((r) => r.path === path);
    if (i >= 0) { this.cur = i; await this.activate(false); }
  }

  private key(e: KeyboardEvent): void {
    const r = this.rows[this.cur];
    let handled = true;
    switch (e.key) {
      case 'ArrowDown': this.cur = Math.min(this.rows.length - 1, this.cur + 1); this.draw(); break;
      case 'ArrowUp': this.cur = Math.max(0, this.cur - 1); this.draw(); break;
      case 'Home': this.cur = 0; this.draw(); break;
      case 'End': this.cur = this.rows.length - 1; this.draw(); break;
      case 'ArrowRight':
        if (r?.dir && !this.open.has(r.path)) void this.activate();
        else if (r?.dir) { this.cur++; this.draw(); }
        break;
      case 'ArrowLeft':
        if (r?.dir && this.open.has(r.path)) void this.activate();
        else if (r) {
          const parent = r.path.slice(0, r.path.lastIndexOf('/'));
          const i = this.rows.findIndex((x) => x.path === parent);
          if (i >= 0) { this.cur = i; this.draw(); }
        }
        break;
      case 'Enter': case ' ': void this.activate(); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  }
}
