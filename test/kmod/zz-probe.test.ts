import { it } from 'vitest';
import { depmod } from '../../src/tools/depmod.js';
import { exampleTree, run, MODDIR } from './helpers.js';
it('x', async () => {
  const vfs = exampleTree();
  const r = await run(depmod, ['-a'], vfs);
  console.log(JSON.stringify(r));
  for (const f of await vfs.readdir(MODDIR)) if (!f.endsWith('.bin') && f !== 'extra') console.log(`== ${f}\n${await vfs.readText(`${MODDIR}/${f}`)}`);
  console.log(JSON.stringify(await run(depmod, ['-n'], vfs)));
});
