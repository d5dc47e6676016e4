// No bare errno numbers in the TypeScript host: `KernelError(17)`, `strerror(2)`, `return -22`, `case 16:
// // EBUSY` say less than the names in src/kernel/errno.ts, and drift from them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Places an errno is written as a number. WASI's errno table (src/user) has numbers of its own. */
const BARE = [
  /new KernelError\(\s*-?\d/, /\bstrerror\(\s*-?\d/, /\berrno\s*(?::|===|!==|==)\s*-?\d/,
  /\breturn -(?:[2-9]|\d{2,});/, /\? 0 : -\d/, /case \d+:.*\/\/ *E[A-Z]+/,
];

export function bareErrnos(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (BARE.some((re) => re.test(line)) ? [i + 1] : []));
}

describe('errno numbers', () => {
  it('finds the forms it forbids', () => {
    expect(bareErrnos('throw new KernelError(17);\nreturn -22;\ncase 16: // EBUSY\nx = strerror(2);')).toEqual([1, 2, 3, 4]);
    expect(bareErrnos('throw new KernelError(EEXIST);\nreturn -1;\ncase EBUSY:')).toEqual([]);
  });

  it('src/ names every errno (src/kernel/errno.ts)', () => {
    const found = sources(join(ROOT, 'src')).filter((p) => !p.includes('/src/user/') && !p.endsWith('src/kernel/errno.ts'))
      .flatMap((p) => bareErrnos(readFileSync(p, 'utf8')).map((line) => `${relative(ROOT, p)}:${line}`));
    expect(found).toEqual([]);
  });
});
