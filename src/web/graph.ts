// The module list and the dependency graph. Both come from lsmod's data: `users` of a module are the
// modules that use it (its holders), so an edge goes user → provider. The graph is laid out in layers:
// modules nothing uses at the top, each provider below its lowest user.

import type { ModuleInfo } from '../kernel/kernel.js';

export interface Removal {
  /** Modules `modprobe -r NAME` unloads, in order; empty when it would fail. */
  removes: string[];
  /** Why it fails (the module is in use), if it does. */
  inUseBy?: string[];
}

/** modules.dep as module name → dependency names in file order (`extra/stack-c.ko: extra/stack-b.ko …`). */
export function parseModulesDep(text: string): Map<string, string[]> {
  const name = (p: string) => {
    const b = p.slice(p.lastIndexOf('/') + 1);
    return b.slice(0, b.indexOf('.') < 0 ? undefined : b.indexOf('.')).replace(/-/g, '_');
  };
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    out.set(name(line.slice(0, colon)), line.slice(colon + 1).split(/\s+/).filter(Boolean).map(name));
  }
  return out;
}

/**
 * What `modprobe -r NAME` would do on the live kernel, as kmod's rmmod_do_module does it: refuse when
 * NAME's refcount is not 0 ("Module NAME is in use"); otherwise remove it, then walk its modules.dep
 * dependencies in reverse file order, removing each whose refcount is 0 at that moment and quietly
 * skipping the others. (For stack_c that removes stack_c and stack_b, and leaves stack_a: it comes first
 * in the reversed list, while stack_b still uses it.)
 */
export function modprobeRemoval(mods: ModuleInfo[], name: string, deps: Map<string, string[]>): Removal {
  const by = new Map(mods.map((m) => [m.name, m]));
  const m = by.get(name);
  if (!m) return { removes: [] };
  if (m.refcount > 0) return { removes: [], inUseBy: [...m.users] };
  const removed = new Set<string>();
  const refc = (x: ModuleInfo) => x.refcount - x.users.filter((u) => removed.has(u)).length;
  removed.add(name);
  for (const d of [...(deps.get(name) ?? [])].reverse()) {
    const dm = by.get(d);
    if (!dm || removed.has(d) || dm.permanent || refc(dm) > 0) continue;
    removed.add(d);
  }
  return { removes: [...removed] };
}

export function renderModules(tbody: HTMLTableSectionElement, mods: ModuleInfo[], selected: string | undefined, removes: Set<string>): void {
  tbody.replaceChildren(...mods.map((m) => {
    const tr = document.createElement('tr');
    tr.dataset.name = m.name;
    if (m.name === selected) tr.classList.add('sel');
    if (removes.has(m.name)) tr.classList.add('removes');
    const cells: [string, string?][] = [
      [m.name], [m.state, `state-${m.state}`], [String(m.size), 'num'], [String(m.refcount), 'num'],
      [m.users.join(',') || '-'], [m.taints || '-'],
    ];
    for (const [text, cls] of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    return tr;
  }));
}

const SVG = 'http://www.w3.org/2000/svg';
const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

export function renderGraph(svg: SVGSVGElement, mods: ModuleInfo[], selected: string | undefined, removes: Set<string>, onPick: (name: string) => void): void {
  const names = mods.map((m) => m.name);
  const providers = new Map<string, string[]>(names.map((n) => [n, mods.filter((p) => p.users.includes(n)).map((p) => p.name)]));
  // Layer = longest path from a module nothing uses (top) down to it.
  const layer = new Map<string, number>();
  const depth = (n: string, seen: Set<string>): number => {
    if (layer.has(n)) return layer.get(n)!;
    if (seen.has(n)) return 0;
    seen.add(n);
    const users = mods.find((m) => m.name === n)?.users.filter((u) => names.includes(u)) ?? [];
    const d = users.length ? Math.max(...users.map((u) => depth(u, seen) + 1)) : 0;
    layer.set(n, d);
    return d;
  };
  for (const n of names) depth(n, new Set());
  const rows: string[][] = [];
  // Oldest first within a row (lsmod lists newest first), so rows read like load order.
  for (const n of [...names].reverse()) (rows[layer.get(n)!] ??= []).push(n);

  const W = 118, H = 24, GX = 18, GY = 28, PAD = 8;
  const width = Math.max(1, ...rows.map((r) => r.length)) * (W + GX) - GX + 2 * PAD + 60;
  const height = rows.length * (H + GY) - GY + 2 * PAD;
  const pos = new Map<string, { x: number; y: number }>();
  rows.forEach((row, i) => {
    const rowW = row.length * (W + GX) - GX;
    row.forEach((n, j) => pos.set(n, { x: (width - 60 - rowW) / 2 + j * (W + GX), y: PAD + i * (H + GY) }));
  });
  svg.replaceChildren();
  svg.setAttribute('width', String(mods.length ? width : 0));
  svg.setAttribute('height', String(mods.length ? height : 0));
  const defs = el('defs', {});
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#7f8da0' }));
  defs.append(marker);
  svg.append(defs);
  for (const [user, provs] of providers) {
    for (const p of provs) {
      const a = pos.get(user)!, b = pos.get(p)!;
      let d: string;
      if (layer.get(p)! - layer.get(user)! > 1) {
        // Skips a layer: around the right-hand side, so it does not run through the modules between.
        const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x + W, y2 = b.y + H / 2;
        const bend = Math.max(x1, x2) + 34 + 10 * (layer.get(p)! - layer.get(user)!);
        d = `M${x1},${y1} C${bend},${y1} ${bend},${y2} ${x2 + 1},${y2}`;
      } else {
        const x1 = a.x + W / 2, y1 = a.y + H, x2 = b.x + W / 2, y2 = b.y;
        d = `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2 - 1}`;
      }
      const path = el('path', { class: `edge${removes.has(user) && removes.has(p) ? ' removes' : ''}`, d });
      path.append(Object.assign(el('title', {}), { textContent: `${user} uses ${p}` }));
      svg.append(path);
    }
  }
  for (const m of mods) {
    const p = pos.get(m.name)!;
    const g = el('g', { class: `node${m.name === selected ? ' sel' : ''}${removes.has(m.name) ? ' removes' : ''}`, transform: `translate(${p.x},${p.y})`, 'data-name': m.name });
    g.append(el('rect', { width: W, height: H }));
    const t = el('text', { x: W / 2, y: H / 2 });
    t.textContent = m.name.length > 15 ? `${m.name.slice(0, 14)}…` : m.name;
    g.append(t);
    g.append(Object.assign(el('title', {}), { textContent: `${m.name}: ${m.state}, refcount ${m.refcount}${m.users.length ? `, used by ${m.users.join(', ')}` : ''}` }));
    g.addEventListener('click', () => onPick(m.name));
    svg.append(g);
  }
}
