// Where the dependency graph's boxes and edges go (drawn by graph.ts). Each group of modules linked by
// use is a block of its own, layered from the modules nothing uses (top) down to what they use, with the
// boxes of a layer ordered to keep edges short (barycentre sweeps); blocks stand side by side in load
// order, so independent stacks never share an edge. Modules that use and are used by nothing share one
// compact block at the end. Pure geometry: no DOM, so it is tested in Node.

export interface GraphModule { name: string; users: string[] }

export interface LaidOut {
  width: number;
  height: number;
  nodes: { name: string; x: number; y: number }[];
  edges: { user: string; provider: string; d: string }[];
}

export const BOX = { W: 118, H: 24 } as const;
const GX = 18, GY = 30, PAD = 8, BLOCK_GAP = 36, ROUTE = 14, LONE_COLS = 3;

/** Groups of names connected by use (undirected), each in load order (oldest first). */
function components(names: string[], links: [string, string][]): string[][] {
  const parent = new Map(names.map((n) => [n, n]));
  const find = (n: string): string => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(n, r);
    return r;
  };
  for (const [a, b] of links) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const n of names) {
    const r = find(n);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(n);
  }
  return [...groups.values()];
}

/** Layer of each module: the longest chain of users above it (0: nothing uses it). */
function layers(group: string[], usersOf: (n: string) => string[]): Map<string, number> {
  const layer = new Map<string, number>();
  const visit = (n: string, seen: Set<string>): number => {
    if (layer.has(n)) return layer.get(n)!;
    if (seen.has(n)) return 0; // a cycle (refused by Linux, but the view must not hang)
    seen.add(n);
    const users = usersOf(n);
    const d = users.length ? Math.max(...users.map((u) => visit(u, seen) + 1)) : 0;
    layer.set(n, d);
    return d;
  };
  for (const n of group) visit(n, new Set());
  return layer;
}

/** Orders each row by the mean position of its neighbours in the row above, then below (two sweeps). */
function orderRows(rows: string[][], usersOf: (n: string) => string[], providersOf: (n: string) => string[]): void {
  const at = () => new Map(rows.flatMap((r) => r.map((n, i) => [n, i] as [string, number])));
  const sweep = (from: number, to: number, step: number, near: (n: string) => string[]) => {
    for (let i = from; i !== to; i += step) {
      const pos = at();
      const key = (n: string) => {
        const ns = near(n).filter((m) => pos.has(m));
        return ns.length ? ns.reduce((s, m) => s + pos.get(m)!, 0) / ns.length : pos.get(n)!;
      };
      const keys = new Map(rows[i]!.map((n) => [n, key(n)]));
      rows[i]!.sort((a, b) => keys.get(a)! - keys.get(b)!);
    }
  };
  for (let k = 0; k < 2; k++) {
    sweep(1, rows.length, 1, usersOf);
    sweep(rows.length - 2, -1, -1, providersOf);
  }
}

export function layoutGraph(mods: GraphModule[]): LaidOut {
  const names = [...mods].reverse().map((m) => m.name); // lsmod lists newest first: load order
  const known = new Set(names);
  const usersOf = (n: string) => (mods.find((m) => m.name === n)?.users ?? []).filter((u) => known.has(u));
  const providersOf = (n: string) => mods.filter((m) => m.users.includes(n)).map((m) => m.name);
  const links = mods.flatMap((m) => usersOf(m.name).map((u) => [u, m.name] as [string, string]));
  const groups = components(names, links);
  const linked = groups.filter((g) => g.length > 1);
  const lone = groups.filter((g) => g.length === 1).map((g) => g[0]!);

  const out: LaidOut = { width: 0, height: 0, nodes: [], edges: [] };
  let x0 = PAD;
  for (const group of linked) {
    const layer = layers(group, usersOf);
    const rows: string[][] = [];
    for (const n of group) (rows[layer.get(n)!] ??= []).push(n);
    orderRows(rows, usersOf, providersOf);
    const cols = Math.max(...rows.map((r) => r.length));
    const inner = cols * (BOX.W + GX) - GX;
    const pos = new Map<string, { x: number; y: number }>();
    rows.forEach((row, i) => {
      const rowW = row.length * (BOX.W + GX) - GX;
      row.forEach((n, j) => pos.set(n, { x: x0 + (inner - rowW) / 2 + j * (BOX.W + GX), y: PAD + i * (BOX.H + GY) }));
    });
    // Edges that skip a layer go around the block's right side, inside the block's own margin.
    let routes = 0;
    for (const provider of group) {
      for (const user of usersOf(provider)) {
        const a = pos.get(user)!, b = pos.get(provider)!;
        const span = layer.get(provider)! - layer.get(user)!;
        let d: string;
        if (span > 1) {
          const bend = x0 + inner + ROUTE * (1 + routes++);
          const y1 = a.y + BOX.H / 2, y2 = b.y + BOX.H / 2;
          d = `M${a.x + BOX.W},${y1} C${bend},${y1} ${bend},${y2} ${b.x + BOX.W + 1},${y2}`;
        } else {
          const x1 = a.x + BOX.W / 2, y1 = a.y + BOX.H, x2 = b.x + BOX.W / 2, y2 = b.y;
          d = `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2 - 1}`;
        }
        out.edges.push({ user, provider, d });
      }
    }
    for (const n of group) out.nodes.push({ name: n, ...pos.get(n)! });
    out.height = Math.max(out.height, PAD + rows.length * (BOX.H + GY) - GY + PAD);
    x0 += inner + ROUTE * (routes + 1) + BLOCK_GAP;
  }
  // Modules on their own: a grid a few boxes wide, so twenty of them do not make one endless row.
  lone.forEach((n, i) => {
    out.nodes.push({ name: n, x: x0 + (i % LONE_COLS) * (BOX.W + GX), y: PAD + Math.floor(i / LONE_COLS) * (BOX.H + GX) });
  });
  if (lone.length) {
    x0 += Math.min(LONE_COLS, lone.length) * (BOX.W + GX) - GX + BLOCK_GAP;
    out.height = Math.max(out.height, PAD + Math.ceil(lone.length / LONE_COLS) * (BOX.H + GX) - GX + PAD);
  }
  out.width = names.length ? x0 - BLOCK_GAP + PAD : 0;
  if (!names.length) out.height = 0;
  return out;
}
