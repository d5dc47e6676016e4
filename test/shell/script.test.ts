// Shell scripting: newlines, comments, if/for/while/until, !, groups, subshells, break/continue, set -e,
// syntax errors with bash's texts and status 2, redirections of compound commands, sh/. FILE.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';

describe('shell scripts', () => {
  it('runs several lines with comments; for makes device nodes like scull_load', async () => {
    const t = await bootTestKernel();
    const r = await t.run('# make the nodes\nfor i in 0 1 2 3; do mknod /dev/scull$i c 240 $i; done # four\nls /dev | grep scull\necho $i');
    expect(r).toEqual({ status: 0, stdout: 'scull0\nscull1\nscull2\nscull3\n3\n', stderr: '' });
    expect((await t.run('ls -l /dev/scull2')).stdout).toMatch(/^c.* 240, +2 .*\/dev\/scull2\n$/);
  });
  it('prints the first lines before a later syntax error', async () => {
    const t = await bootTestKernel();
    expect(await t.run('echo a\nfi\necho b')).toEqual({ status: 2, stdout: 'a\n', stderr: "lkm: syntax error near unexpected token `fi'\n" });
  });
});
