// src/kernel/ imports run one way: no circle of value imports among its files (type-only imports may
// point back, they vanish at compile time), and no file of it takes a value from the kernel.ts facade.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/kernel/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

/** Files of src/kernel a file imports or re-exports values from (`import type`/all-`type` lists skipped). */
function valueImports(file: string): string[] {
  const text = readFileSync(new URL(file, dir), 'utf8');
  const out: string[] = [];
  const statement = /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*'\.\/([\w.-]+)\.js';/gms;
  for (const m of text.matchAll(statement)) {
    if (m[2]) continue;
    const list = /\{([^}]*)\}/s.exec(m[3]!);
    const onlyTypes = list && !/^\s*\w/.test(m[3]!) &&
      list[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    if (!onlyTypes) out.push(`${m[4]}.ts`);
  }
  return out;
}

const graph = new Map(files.map((f) => [f, valueImports(f).filter((t) => files.includes(t))]));

/** One circle of the graph as a path a → … → a, or undefined. */
function findCircle(): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    if (state.get(f) === 'done') return undefined;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      const c = visit(t);
      if (c) return c;
    }
    stack.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of files) {
    const c = visit(f);
    if (c) return c;
  }
  return undefined;
}

describe('src/kernel import graph', () => {
  it('sees the imports it checks', () => {
    expect(graph.get('kernel.ts')).toContain('traps.ts');
    expect(graph.get('time.ts')).toContain('traps.ts');
  });

  it('has no circle of value imports', () => {
    expect(findCircle()).toBeUndefined();
  });

  it('no file of src/kernel takes a value from kernel.ts', () => {
    expect([...graph].filter(([, to]) => to.includes('kernel.ts')).map(([f]) => f)).toEqual([]);
  });
});
