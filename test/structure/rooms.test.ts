// The rooms of src/ import one another as docs/rooms.md says: every cross-room import (type-only ones
// too) is an edge of the table below, so a new dependency is a decision made in that page.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers } from '../helpers/imports.ts';

const SRC = join(import.meta.dirname, '../../src');

/** Room → the rooms it may import (docs/rooms.md). */
const ALLOWED: Record<string, string[]> = {
  lib: ['kbuild', 'kernel', 'session', 'testing', 'worker'],
  vitest: ['kbuild', 'testing', 'worker', 'api', 'kernel'],
  cli: ['kbuild', 'kernel', 'kmod', 'session', 'shell', 'testing', 'tools', 'user', 'worker', 'api', 'vfs', 'wasm', 'sig', 'term'],
  web: ['kbuild', 'kernel', 'kmod', 'session', 'shell', 'testing', 'tools', 'user', 'worker', 'api', 'vfs', 'wasm', 'term'],
  session: ['shell', 'tools', 'user', 'worker', 'api', 'kmod', 'vfs', 'kernel', 'term'],
  worker: ['api', 'kernel', 'vfs', 'user', 'session'],
  user: ['shell', 'api', 'vfs', 'worker', 'kernel'],
  shell: ['tools', 'api', 'vfs', 'kernel', 'term'],
  testing: ['api', 'kernel'],
  tools: ['kmod', 'api', 'vfs', 'kernel', 'wasm', 'sig', 'term'],
  kmod: ['vfs', 'kernel', 'wasm'],
  kbuild: ['kernel', 'wasm', 'sig', 'term'],
  api: ['kernel'],
  vfs: ['api', 'kernel'],
  kernel: ['wasm', 'sig'],
  sig: ['wasm'],
  wasm: [],
  term: [],
};
/** The two back edges docs/rooms.md names, file by file. */
const EXCEPTIONS = new Set(['worker/boot.node.ts → session', 'user/shell.ts → worker']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []);
}

function crossRoomImports(): string[] {
  const out: string[] = [];
  for (const file of sources(SRC)) {
    const rel = relative(SRC, file), room = rel.split('/')[0]!;
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, normalize(join(dirname(file), spec))).split('/')[0]!;
      if (target !== room && !target.startsWith('..')) out.push(`${rel} → ${target}`);
    }
  }
  return out;
}

describe('rooms of src/', () => {
  it('every room is in the table', () => {
    const rooms = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(rooms.filter((r) => !(r in ALLOWED))).toEqual([]);
  });

  it('imports only the rooms docs/rooms.md allows', () => {
    const edges = crossRoomImports();
    expect(edges.length).toBeGreaterThan(50);
    const bad = edges.filter((e) => {
      const [from, to] = e.split(' → ') as [string, string];
      return !ALLOWED[from.split('/')[0]!]!.includes(to) || (isBackEdge(from, to) && !EXCEPTIONS.has(e));
    });
    expect([...new Set(bad)]).toEqual([]);
  });
});

/** worker → session and user → worker run up the page: allowed only where EXCEPTIONS names the file. */
function isBackEdge(from: string, to: string): boolean {
  const room = from.split('/')[0];
  return (room === 'worker' && to === 'session') || (room === 'user' && to === 'worker');
}
