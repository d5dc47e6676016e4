// NO_COLOR (no-color.org): set and non-empty, nothing the CLI writes is coloured.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stderrColor } from '../../src/cli/color.js';
import { ROOT } from '../helpers/paths.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('NO_COLOR', () => {
  it('colour on a terminal unless NO_COLOR is non-empty', () => {
    expect(stderrColor({}, true)).toBe(true);
    expect(stderrColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(stderrColor({ NO_COLOR: 'yes' }, true)).toBe(false);
    expect(stderrColor({ NO_COLOR: '' }, true)).toBe(true);
    expect(stderrColor({}, false)).toBe(false);
  });

  it('the CLI decides colour in one place; only the browser page writes colour codes itself', () => {
    const sgr = /\\(?:x1b|u001b|033)\[[0-9;]*m/;
    for (const f of tsFiles(join(ROOT, 'src'))) {
      const rel = relative(ROOT, f);
      const text = readFileSync(f, 'utf8');
      if (!rel.startsWith('src/web/')) expect(text, rel).not.toMatch(sgr);
      // Whoever asks clang for colour (BuildOptions.color) takes the answer from stderrColor().
      if (rel.startsWith('src/cli/') && /\bcolor\b\s*[:=]/.test(text)) expect(text, rel).toContain('stderrColor()');
    }
  });
});
