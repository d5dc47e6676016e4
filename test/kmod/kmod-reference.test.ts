// depmod against kmod's own output (test/kmod/fixtures/kmod30-tree/README.md): the same 180-module tree,
// as ELF objects through kmod 30's depmod and as wasm modules through ours, must give identical files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticModule } from '../../src/kmod/synthetic.js';
import { depmod } from '../../src/tools/depmod.js';
import { MemoryBacking, Vfs } from '../../src/vfs/index.js';
import { ROOT } from '../helpers/paths.js';
import { run, synth } from './helpers.js';

const FIX = join(ROOT, 'test/kmod/fixtures/kmod30-tree');

interface Spec { name: string; path: string; exports: string[]; imports: string[]; aliases: string[]; softdep: string[]; }

describe('depmod output equals kmod 30 depmod output', () => {
  it('modules.dep, .alias, .softdep, .symbols, .devname byte for byte (hash order, transitive dependencies)', async () => {
    const specs = JSON.parse(readFileSync(join(FIX, 'modules.json'), 'utf8')) as Spec[];
    const mem = new MemoryBacking();
    for (const m of specs) {
      const info: [string, string][] = [['license', 'GPL'], ...m.aliases.map((a) => ['alias', a] as [string, string]), ...m.softdep.map((s) => ['softdep', s] as [string, string])];
      mem.putSync(`/lib/modules/4.4.4/${m.path}`, syntheticModule({ modinfo: info, exports: m.exports, imports: m.imports }));
    }
    const vfs = new Vfs(mem);
    expect(await run(depmod, ['4.4.4'], vfs)).toEqual({ status: 0, stdout: '', stderr: '' });
    for (const f of ['modules.dep', 'modules.alias', 'modules.softdep', 'modules.symbols', 'modules.devname']) {
      expect(await vfs.readText(`/lib/modules/4.4.4/${f}`), f).toBe(readFileSync(join(FIX, f), 'utf8'));
    }
  });

  it('cycles are reported from where kmod starts them', async () => {
    // kmod 30 on: a→b→c→a, d→e→d, a user of a, and a module outside, with this modules.order.
    const mod = (n: string, exports: string[], imports: string[]) => synth(n, { exports, imports });
    const vfs = new Vfs(new MemoryBacking({
      '/lib/modules/4.4.4/kernel/mod-loop-a.ko': mod('mod-loop-a', ['fa'], ['fb']),
      '/lib/modules/4.4.4/kernel/mod-loop-b.ko': mod('mod-loop-b', ['fb'], ['fc']),
      '/lib/modules/4.4.4/kernel/mod-loop-c.ko': mod('mod-loop-c', ['fc'], ['fa']),
      '/lib/modules/4.4.4/kernel/mod-loop-d.ko': mod('mod-loop-d', ['fd'], ['fe']),
      '/lib/modules/4.4.4/kernel/mod-loop-e.ko': mod('mod-loop-e', ['fe'], ['fd']),
      '/lib/modules/4.4.4/kernel/mod-user.ko': mod('mod-user', [], ['fa']),
      '/lib/modules/4.4.4/kernel/mod-ok.ko': mod('mod-ok', [], []),
      '/lib/modules/4.4.4/modules.order': ['mod-user', 'mod-loop-e', 'mod-loop-c', 'mod-loop-b', 'mod-loop-a', 'mod-loop-d', 'mod-ok'].map((m) => `kernel/${m}.ko\n`).join(''),
    }));
    expect(await run(depmod, ['4.4.4'], vfs)).toEqual({
      status: 1, stdout: '',
      stderr: 'depmod: ERROR: Cycle detected: mod_loop_e -> mod_loop_d -> mod_loop_e\n' +
        'depmod: ERROR: Cycle detected: mod_loop_c -> mod_loop_a -> mod_loop_b -> mod_loop_c\n' +
        'depmod: ERROR: Found 5 modules in dependency cycles!\n',
    });
  });
});
