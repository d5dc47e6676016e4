// The module list and the dependency graph. Both come from lsmod's data: `users` of a module are the
// modules that use it (its holders), so an edge goes user → provider. The graph is laid out in layers:
// modules nothing uses at the top, each provider below its lowest user.

import type { ModuleInfo } from '../kernel/kernel.js';
import { BOX, layoutGraph } from './graph-layout.js';

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
  const { width, height, nodes, edges } = layoutGraph(mods);
  const { W, H } = BOX;
  const pos = new Map(nodes.map((n) => [n.name, n]));
  svg.replaceChildren();
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const defs = el('defs', {});
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#7f8da0' }));
  defs.append(marker);
  svg.append(defs);
  for (const { user, provider, d } of edges) {
    const path = el('path', { class: `edge${removes.has(user) && removes.has(provider) ? ' removes' : ''}`, d });
    path.append(Object.assign(el('title', {}), { textContent: `${user} uses ${provider}` }));
    svg.append(path);
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
