// The dependency graph's layout (src/web/graph-layout.ts): independent stacks side by side with no edge
// through a box it does not join, users above what they use, lone modules in a compact block, and a
// size that stays readable from 7 to 30 modules.
import { describe, expect, it } from 'vitest';
import { BOX, layoutGraph, type GraphModule } from '../../src/web/graph-layout.js';

/** lsmod order (newest first) of modules given as provider → users. */
function mods(uses: Record<string, string[]>): GraphModule[] {
  return Object.entries(uses).map(([name, users]) => ({ name, users })).reverse();
}

/** Points along an edge's cubic Bézier "M x,y C x1,y1 x2,y2 x3,y3". */
function samples(d: string): [number, number][] {
  const n = d.match(/-?[\d.]+/g)!.map(Number);
  const out: [number, number][] = [];
  for (let i = 1; i < 40; i++) {
    const t = i / 40, u = 1 - t;
    const f = (k: number) => u * u * u * n[k]! + 3 * u * u * t * n[k + 2]! + 3 * u * t * t * n[k + 4]! + t * t * t * n[k + 6]!;
    out.push([f(0), f(1)]);
  }
  return out;
}

function crossings(l: ReturnType<typeof layoutGraph>): string[] {
  const bad: string[] = [];
  for (const e of l.edges) {
    for (const b of l.nodes) {
      if (b.name === e.user || b.name === e.provider) continue;
      if (samples(e.d).some(([x, y]) => x > b.x + 1 && x < b.x + BOX.W - 1 && y > b.y + 1 && y < b.y + BOX.H - 1)) {
        bad.push(`${e.user}→${e.provider} through ${b.name}`);
      }
    }
  }
  return bad;
}

const STACKS = {
  // Provider → its users. Two stacks and a diamond, loaded interleaved: c uses b and, skipping a layer,
  // a; plus lone modules.
  a: ['b', 'c'], x: ['y'], b: ['c'], y: [], c: [], d1: ['d2', 'd3'], d2: ['d4'], d3: ['d4'], d4: [],
  lone1: [], lone2: [], lone3: [], lone4: [],
};

describe('layoutGraph', () => {
  it('puts independent stacks side by side, each edge inside its own block', () => {
    const l = layoutGraph(mods(STACKS));
    const box = (names: string[]) => {
      const xs = l.nodes.filter((n) => names.includes(n.name));
      return [Math.min(...xs.map((n) => n.x)), Math.max(...xs.map((n) => n.x + BOX.W))] as const;
    };
    const blocks = [['a', 'b', 'c'], ['x', 'y'], ['d1', 'd2', 'd3', 'd4'], ['lone1', 'lone2', 'lone3', 'lone4']].map(box);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]![0]).toBeGreaterThan(blocks[i - 1]![1]);
    // Every point of an edge lies left of the next block.
    for (const e of l.edges) {
      const block = blocks.findIndex(([lo, hi]) => l.nodes.some((n) => n.name === e.user && n.x >= lo && n.x <= hi));
      const next = blocks[block + 1];
      if (next) for (const [x] of samples(e.d)) expect(x).toBeLessThan(next[0]);
    }
    expect(crossings(l)).toEqual([]);
  });

  it('draws users above what they use, and the layer a skip edge jumps is not crossed', () => {
    const l = layoutGraph(mods(STACKS));
    const y = (n: string) => l.nodes.find((m) => m.name === n)!.y;
    expect(y('c')).toBeLessThan(y('b'));
    expect(y('b')).toBeLessThan(y('a'));
    expect(y('d4')).toBeLessThan(y('d2'));
    expect(y('d2')).toBe(y('d3'));
    expect(y('d3')).toBeLessThan(y('d1'));
    expect(l.edges.map((e) => `${e.user}→${e.provider}`).sort()).toEqual(['b→a', 'c→a', 'c→b', 'd2→d1', 'd3→d1', 'd4→d2', 'd4→d3', 'y→x']);
  });

  it('stays within a screen or two from 7 to 30 modules', () => {
    for (const n of [7, 15, 30]) {
      const uses: Record<string, string[]> = {};
      // Stacks of three (m0 ← m1 ← m2, …) and lone modules, about half each.
      for (let i = 0; i < n; i++) uses[`m${i}`] = i < n / 2 && i % 3 !== 2 ? [`m${i + 1}`] : [];
      const l = layoutGraph(mods(uses));
      expect(l.nodes).toHaveLength(n);
      expect(crossings(l)).toEqual([]);
      expect(l.width).toBeLessThan(2600);
      expect(l.height).toBeLessThan(600);
    }
    expect(layoutGraph([])).toEqual({ width: 0, height: 0, nodes: [], edges: [] });
  });

  it('(the check itself) sees an edge drawn through a box', () => {
    const nodes = [{ name: 'p', x: 0, y: 0 }, { name: 'q', x: 0, y: 100 }, { name: 'r', x: 0, y: 50 }];
    expect(crossings({ width: 0, height: 0, nodes, edges: [{ user: 'p', provider: 'q', d: 'M59,24 C59,62 59,62 59,99' }] }))
      .toEqual(['p→q through r']);
  });
});
