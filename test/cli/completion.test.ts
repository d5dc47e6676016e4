// scripts/lkm-completion.bash under bash: subcommands, options (those `lkm run --help` documents), and the
// files each subcommand takes. Skipped, with a note, where bash is not installed.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_USAGE } from '../../src/cli/run-options.js';
import { USAGE as TEST_USAGE } from '../../src/cli/test.js';
import { ROOT } from '../helpers/paths.js';

const BASH = spawnSync('bash', ['-c', 'exit 0']).status === 0 ? 'bash' : undefined;
const NO_BASH = 'completion test skipped: bash is not installed';
const SCRIPT = join(ROOT, 'scripts/lkm-completion.bash');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lkm-complete-'));
  mkdirSync(join(dir, 'sub'));
  for (const f of ['a.ko', 'b.c', 'notes.txt', 'sp ace.ko']) writeFileSync(join(dir, f), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What bash completes for the words typed (the last one is the word being completed), sorted. */
function complete(...words: string[]): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `source '${SCRIPT}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _lkm; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync(BASH!, ['--norc', '--noprofile', '-c', script], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion of lkm', () => {
  it('completes subcommands', (ctx) => {
    if (!BASH) return ctx.skip(NO_BASH);
    expect(complete('lkm', 'ru')).toEqual(['run']);
    expect(complete('lkm', 'mod')).toEqual(['modinfo', 'modprobe']);
    expect(complete('lkm', '--v')).toEqual(['--version']);
    expect(complete('lkm', '')).toContain('shell');
    expect(complete('lkm', 'te')).toEqual(['test']);
  });

  it('completes the options lkm test documents', (ctx) => {
    if (!BASH) return ctx.skip(NO_BASH);
    const documented = [...new Set(TEST_USAGE.match(/(?<=\s)--?[a-z][a-z-]*/g))].sort();
    expect(complete('lkm', 'test', '-')).toEqual(documented);
  });

  it('completes the options lkm run documents, and nothing after --exec', (ctx) => {
    if (!BASH) return ctx.skip(NO_BASH);
    const documented = [...new Set(RUN_USAGE.match(/(?<=\s)--?[a-z][a-z-]*/g))].sort();
    expect(complete('lkm', 'run', '-')).toEqual(documented);
    expect(complete('lkm', 'run', '--al')).toEqual(['--allow-warn']);
    expect(complete('lkm', 'run', 'a.ko', '--exec', '')).toEqual([]);
  });

  it('completes the files each subcommand takes, and directories', (ctx) => {
    if (!BASH) return ctx.skip(NO_BASH);
    expect(complete('lkm', 'run', '')).toEqual(['a.ko', 'b.c', 'sp ace.ko', 'sub']);
    expect(complete('lkm', 'build', '')).toEqual(['b.c', 'sub']);
    expect(complete('lkm', 'insmod', 's')).toEqual(['sp ace.ko', 'sub']);
    expect(complete('lkm', 'shell', '--root', '')).toEqual(['sub']);
  });
});
