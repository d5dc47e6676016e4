// f_path.dentry of files that are not on a mount: device nodes, /proc, sysfs and debugfs files have
// d_name, d_parent up to their file system's root and d_inode, as Linux's dcache gives them.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example, fixture } from '../helpers/paths.js';

describe('f_path.dentry of pseudo files', () => {
  it("LKMPG procfs1 logs the file's name from f_path.dentry->d_name", async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${example('procfs1')}`)).status).toBe(0);
    expect(t.log()).toContain('/proc/helloworld created');
    const r = await t.run('cat /proc/helloworld');
    expect(r).toEqual({ status: 0, stdout: 'HelloWorld!\n\0', stderr: '' });
    expect(t.log().filter((l) => l.startsWith('procfile'))).toEqual(['procfile read helloworld']);
    expect((await t.run('rmmod procfs1')).status).toBe(0);
    expect(t.log()).toContain('/proc/helloworld removed');
  });

  it('device, /proc, sysfs and debugfs files: name, parents up to "/", the inode', async () => {
    const t = await bootTestKernel();
    expect((await t.run(`insmod ${fixture('file-dentries')}`)).status).toBe(0);
    const before = t.k.usage();
    const log = t.mark();
    for (const p of ['/dev/fdent', '/proc/fdent/leaf', '/sys/kernel/fdent/leaf', '/sys/kernel/debug/fdent/leaf']) {
      expect((await t.run(`cat ${p}`)).status).toBe(0);
    }
    expect(log().filter((l) => l.startsWith('read:'))).toEqual([
      'read: fdent < /, own inode, parent a directory, fdent, fsync -22',
      'read: leaf < fdent < /, own inode, parent a directory, leaf, fsync -22',
      'read: leaf < fdent < kernel < /, own inode, parent a directory, leaf, fsync -22',
      'read: leaf < fdent < /, own inode, parent a directory, leaf, fsync -22',
    ]);
    // Each close freed its chain.
    expect(t.k.usage().objects).toBe(before.objects);
    expect((await t.run('rmmod file-dentries')).status).toBe(0);
  });
});
