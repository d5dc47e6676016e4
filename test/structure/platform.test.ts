// The platform rule (README "Layout"): platform-neutral library code imports nothing of Node's and touches
// no DOM global when it is imported, so the kernel, the tools, the shell and the session run in a browser
// and in Node alike. Platform-specific code is named for its platform, beside the code it adapts:
// NAME.node.ts (Node) or NAME.browser.ts (browser); the front ends are folders (src/cli Node, src/web
// browser); worker entry scripts are the platform's too. Every other file under src/ is neutral, and this
// suite fails when one of them imports a Node module or a .node/.browser file, or reads a DOM global at import.

import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importSpecifiers } from '../helpers/imports.ts';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** The front ends: folders of one platform each. */
const FRONT_ENDS = ['src/cli/', 'src/web/'];

/** Worker entry scripts: run as a worker of one platform (their names follow the worker they start). */
const ENTRY_SCRIPTS = new Set([
  'src/user/node-program-worker.ts', 'src/user/web-program-worker.ts',
  'src/worker/node-worker.ts', 'src/worker/web-worker.ts', 'src/worker/node-cpu-worker.ts', 'src/worker/web-cpu-worker.ts',
]);

/** DOM globals a browser has and Node does not: reading one at import is a browser-only module. */
const DOM_GLOBALS = [
  'window', 'document', 'self', 'location', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element',
  'customElements', 'requestAnimationFrame', 'MutationObserver', 'Worker', 'importScripts',
];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function isNeutral(p: string): boolean {
  return !/\.(node|browser)\.ts$/.test(p) && !FRONT_ENDS.some((d) => p.startsWith(d)) && !ENTRY_SCRIPTS.has(p);
}

const NODE_BUILTINS = new Set(builtinModules);


/** Why importing `spec` makes a neutral file platform-specific, if it does. */
function platformImport(spec: string): string | undefined {
  if (spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!)) return 'a Node module';
  if (/\.(node|browser)\.js$/.test(spec)) return 'a platform file';
  return undefined;
}

const all = sources('src');
const neutral = all.filter(isNeutral);

describe('the platform rule', () => {
  test('finds the neutral files (the kernel, the shell, the session are among them)', () => {
    expect(neutral).toEqual(expect.arrayContaining(['src/kernel/kernel.ts', 'src/shell/shell.ts', 'src/session/session.ts']));
    expect(neutral).not.toContain('src/session/session.node.ts');
  });

  test('the import scanner sees every form of import', () => {
    const text = "import a from 'node:fs';\nimport {\n  b,\n} from 'path';\nexport { c } from './x.node.js';\n" +
      "import type { D } from 'node:worker_threads';\nimport './side.browser.js';\nconst e = await import('node:os');\n" +
      "export const f = 'node:not-an-import';\n";
    expect(importSpecifiers(text)).toEqual(['node:fs', 'path', './x.node.js', 'node:worker_threads', './side.browser.js', 'node:os']);
  });

  test('no neutral file imports a Node module or a .node/.browser file', () => {
    const bad: string[] = [];
    for (const p of neutral) {
      for (const spec of importSpecifiers(readFileSync(join(ROOT, p), 'utf8'))) {
        const why = platformImport(spec);
        if (why) bad.push(`${p} imports ${why}: '${spec}' (name it NAME.node.ts / NAME.browser.ts, or keep it out)`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('no neutral file reads a DOM global when it is imported', async () => {
    const reads: string[] = [];
    let importing = '';
    const absent = DOM_GLOBALS.filter((g) => !(g in globalThis));
    for (const g of absent) {
      Object.defineProperty(globalThis, g, {
        configurable: true,
        get() { reads.push(`${importing} (or a module it imports) reads ${g} at import`); return undefined; },
      });
    }
    try {
      for (const p of neutral) {
        importing = p;
        await import(pathToFileURL(join(ROOT, p)).href);
      }
    } finally {
      for (const g of absent) delete (globalThis as Record<string, unknown>)[g];
    }
    expect(reads).toEqual([]);
  }, 120_000);

});
