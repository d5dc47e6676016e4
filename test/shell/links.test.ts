// ln, readlink, rm and ls -l of links in the shell: coreutils 9's behaviour and messages. The session's
// root is the host's "/" read-only, so everything made here lives in the memory overlay.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';

const TIME = String.raw`[A-Z][a-z]{2} [ \d]\d \d\d:\d\d`;
const dated = (s: string) => s.replace(new RegExp(TIME, 'g'), 'DATE');

async function setup() {
  const t = await bootTestKernel();
  const dir = `/lkm-links-test-${process.pid}`;
  expect(await t.run(`mkdir ${dir} && cd ${dir} && echo hello > file && mkdir d`)).toMatchObject({ status: 0, stderr: '' });
  return { t, dir };
}

describe('ln', () => {
  it('ln -s makes links that cat, ls -l, readlink and readlink -f see', async () => {
    const { t, dir } = await setup();
    expect(await t.run('ln -s file link')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('cat link')).toEqual({ status: 0, stdout: 'hello\n', stderr: '' });
    expect(await t.run('readlink link')).toEqual({ status: 0, stdout: 'file\n', stderr: '' });
    expect(await t.run('readlink -f link')).toEqual({ status: 0, stdout: `${dir}/file\n`, stderr: '' });
    // ln TARGET DIRECTORY: the link is DIRECTORY/basename; -v prints it.
    expect(await t.run(`ln -sv ${dir}/file d`)).toEqual({ status: 0, stdout: `'d/file' -> '${dir}/file'\n`, stderr: '' });
    expect(await t.run('cat d/file')).toMatchObject({ stdout: 'hello\n' });
    expect(await t.run('ln -s /nowhere dangling; ln -s loop loop')).toMatchObject({ status: 0, stderr: '' });
    const ls = await t.run('ls -l');
    expect(dated(ls.stdout)).toBe([
      'total 8',
      'drwxr-xr-x 2 root root 0 DATE d',
      'lrwxrwxrwx 1 root root 8 DATE dangling -> /nowhere',
      '-rw-r--r-- 1 root root 6 DATE file',
      'lrwxrwxrwx 1 root root 4 DATE link -> file',
      'lrwxrwxrwx 1 root root 4 DATE loop -> loop',
      '',
    ].join('\n'));
    expect(dated((await t.run('ls -l link')).stdout)).toBe('lrwxrwxrwx 1 root root 4 DATE link -> file\n');
    expect(await t.run('cat loop')).toEqual({ status: 1, stdout: '', stderr: 'cat: loop: Too many levels of symbolic links\n' });
    expect(await t.run('cat dangling')).toEqual({ status: 1, stdout: '', stderr: 'cat: dangling: No such file or directory\n' });
    // readlink -f: the last component may be missing, not the ones before it; loops fail (silently).
    expect(await t.run('readlink -f dangling')).toEqual({ status: 0, stdout: '/nowhere\n', stderr: '' });
    expect(await t.run('readlink -f nope/x')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await t.run('readlink -e dangling')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await t.run('readlink -f loop')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await t.run('readlink file')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await t.run('readlink -v file')).toEqual({ status: 1, stdout: '', stderr: 'readlink: file: Invalid argument\n' });
    // A link to a directory: cd through it, '..' after it climbs from where it led.
    expect(await t.run(`ln -s ${dir}/d dl && echo in-d > dl/x && cat d/x`)).toMatchObject({ status: 0, stdout: 'in-d\n' });
    expect(await t.run('readlink -f dl/../file')).toMatchObject({ stdout: `${dir}/file\n` });
    expect((await t.run('ls dl')).stdout).toMatch(/^file\s+x\n$/);
  });

  it("coreutils' errors, -f, -n and hard links", async () => {
    const { t } = await setup();
    const TRY = "Try 'ln --help' for more information.\n";
    await t.run('ln -s file link');
    expect(await t.run('ln -s file link')).toEqual({ status: 1, stdout: '', stderr: "ln: failed to create symbolic link 'link': File exists\n" });
    expect(await t.run('ln -s x nodir/y')).toEqual({ status: 1, stdout: '', stderr: "ln: failed to create symbolic link 'nodir/y': No such file or directory\n" });
    expect(await t.run('ln')).toEqual({ status: 1, stdout: '', stderr: `ln: missing file operand\n${TRY}` });
    expect(await t.run('ln -k a b')).toEqual({ status: 1, stdout: '', stderr: `ln: invalid option -- 'k'\n${TRY}` });
    expect(await t.run('ln -s a b file')).toEqual({ status: 1, stdout: '', stderr: "ln: target 'file': Not a directory\n" });
    expect(await t.run('ln -s a b nowhere')).toEqual({ status: 1, stdout: '', stderr: "ln: target 'nowhere': No such file or directory\n" });
    expect(await t.run('ln -s /tmp/x/file')).toEqual({ status: 1, stdout: '', stderr: "ln: failed to create symbolic link './file': File exists\n" });
    // -f replaces a file or a link, never a directory, and refuses a link to itself.
    expect(await t.run('ln -sf d link && readlink link')).toEqual({ status: 0, stdout: 'd\n', stderr: '' });
    expect(await t.run('ln -sfT q d')).toEqual({ status: 1, stdout: '', stderr: 'ln: d: cannot overwrite directory\n' });
    expect(await t.run('ln -sf file file')).toEqual({ status: 1, stdout: '', stderr: "ln: 'file' and 'file' are the same file\n" });
    // Without -n a link to a directory is that directory; with -n it is replaced.
    expect(await t.run('ln -sf file link && readlink d/file')).toEqual({ status: 0, stdout: 'file\n', stderr: '' });
    expect(await t.run('ln -sfn file link && readlink link')).toEqual({ status: 0, stdout: 'file\n', stderr: '' });
    // Hard links: the read-only host's files cannot get a second name (EPERM); directories never.
    expect(await t.run('ln d hd')).toEqual({ status: 1, stdout: '', stderr: 'ln: d: hard link not allowed for directory\n' });
    expect(await t.run('ln nope h')).toEqual({ status: 1, stdout: '', stderr: "ln: failed to access 'nope': No such file or directory\n" });
    expect(await t.run('ln file h')).toEqual({ status: 1, stdout: '', stderr: "ln: failed to create hard link 'h' => 'file': Operation not permitted\n" });
    expect(await t.run('ln file link')).toEqual({ status: 1, stdout: '', stderr: "ln: failed to create hard link 'link': File exists\n" });
    expect(await t.run('ln -s x /proc/x')).toEqual({ status: 1, stdout: '', stderr: "ln: failed to create symbolic link '/proc/x': Operation not permitted\n" });
  });
});

describe('rm', () => {
  it('removes links, not what they lead to; coreutils messages', async () => {
    const { t } = await setup();
    const TRY = "Try 'rm --help' for more information.\n";
    await t.run(`ln -s file link; ln -s d dl; echo x > d/x`);
    expect(await t.run('rm -v link dl')).toEqual({ status: 0, stdout: "removed 'link'\nremoved 'dl'\n", stderr: '' });
    expect(await t.run('cat file; ls d')).toMatchObject({ stdout: 'hello\nx\n' });
    expect(await t.run('rm')).toEqual({ status: 1, stdout: '', stderr: `rm: missing operand\n${TRY}` });
    expect(await t.run('rm -f')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('rm nope')).toEqual({ status: 1, stdout: '', stderr: "rm: cannot remove 'nope': No such file or directory\n" });
    expect(await t.run('rm -f nope')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run('rm d')).toEqual({ status: 1, stdout: '', stderr: "rm: cannot remove 'd': Is a directory\n" });
    expect(await t.run('rm -x')).toEqual({ status: 1, stdout: '', stderr: `rm: invalid option -- 'x'\n${TRY}` });
    expect(await t.run('rm --bogus')).toEqual({ status: 1, stdout: '', stderr: `rm: unrecognized option '--bogus'\n${TRY}` });
    expect(await t.run('rm -rv d')).toEqual({ status: 0, stdout: "removed 'd/x'\nremoved directory 'd'\n", stderr: '' });
    expect(await t.run('ls')).toMatchObject({ stdout: 'file\n' });
    expect(await t.run('rm /proc/cmdline')).toEqual({ status: 1, stdout: '', stderr: "rm: cannot remove '/proc/cmdline': Operation not permitted\n" });
  });
});
