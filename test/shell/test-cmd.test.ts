// test and [ (bash's builtin): POSIX's argument-count rules, the full grammar, file tests, bash's errors.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';

describe('test and [', () => {
  it('strings, integers, !, -a, -o and parentheses', async () => {
    const t = await bootTestKernel();
    const st = async (expr: string) => (await t.run(expr)).status;
    expect(await st('[ abc = abc ]')).toBe(0);
    expect(await st('[ abc = abd ]')).toBe(1);
    expect(await st('[ abc != abd ]')).toBe(0);
    expect(await st('[ abc == abc ]')).toBe(0);
    expect(await st('test -z ""')).toBe(0);
    expect(await st('test -z x')).toBe(1);
    expect(await st('test -n x')).toBe(0);
    expect(await st('test -n ""')).toBe(1);
    expect(await st('test x')).toBe(0);
    expect(await st('test ""')).toBe(1);
    expect(await st('test')).toBe(1);
    expect(await st('[ ]')).toBe(1);
    // One word is true when not empty, whatever it is: -n alone, ! alone.
    expect(await st('[ -n ]')).toBe(0);
    expect(await st('[ ! ]')).toBe(0);
    expect(await st('[ 10 -eq 010 ]')).toBe(0);
    expect(await st('[ -3 -lt 2 ]')).toBe(0);
    expect(await st('[ " 7 " -eq 7 ]')).toBe(0);
    expect(await st('[ 2 -le 2 ] && [ 3 -ge 4 ]')).toBe(1);
    expect(await st('[ 5 -gt 4 -a 4 -ne 4 ]')).toBe(1);
    expect(await st('[ 5 -gt 4 -o 4 -ne 4 ]')).toBe(0);
    expect(await st('[ ! 1 -eq 2 ]')).toBe(0);
    expect(await st('[ ! ! x ]')).toBe(0);
    expect(await st('[ \\( a = a \\) -a \\( ! -z "" \\) ]')).toBe(1);
    expect(await st('[ \\( a = b -o b = b \\) -a c ]')).toBe(0);
    expect(await st('[ \\( x \\) ]')).toBe(0);
    // -a binds tighter than -o.
    expect(await st('[ x -o "" -a "" ]')).toBe(0);
    expect(await st('[ a "<" b ]')).toBe(0);
    expect(await st('unset LKM_V; [ -v LKM_V ]')).toBe(1);
    expect(await st('LKM_V=; [ -v LKM_V ]')).toBe(0);
  });

  it('file tests on the shell\'s files, device nodes and links', async () => {
    const t = await bootTestKernel();
    await t.run('mkdir /tmp/lkm-test-t && echo hi > /tmp/lkm-test-t/f && echo -n > /tmp/lkm-test-t/empty && ln -s f /tmp/lkm-test-t/l && ln -s nowhere /tmp/lkm-test-t/dangling');
    const st = async (expr: string) => (await t.run(`cd /tmp/lkm-test-t; ${expr}`)).status;
    expect(await st('[ -e f ]')).toBe(0);
    expect(await st('[ -e nope ]')).toBe(1);
    expect(await st('[ -f f ]')).toBe(0);
    expect(await st('[ -f . ]')).toBe(1);
    expect(await st('[ -d . ]')).toBe(0);
    expect(await st('[ -d f ]')).toBe(1);
    expect(await st('[ -s f ]')).toBe(0);
    expect(await st('[ -s empty ]')).toBe(1);
    expect(await st('[ -L l ]')).toBe(0);
    expect(await st('[ -h dangling ]')).toBe(0);
    expect(await st('[ -L f ]')).toBe(1);
    expect(await st('[ -e dangling ]')).toBe(1);
    expect(await st('[ -f l ]')).toBe(0);
    expect(await st('[ -c /dev/null ]')).toBe(0);
    expect(await st('[ -f /dev/null ]')).toBe(1);
    expect(await st('[ -b /dev/null ]')).toBe(1);
    expect(await st('[ -r f -a -w f ]')).toBe(0);
    // Executable: an x bit (chmod), or a directory.
    expect(await st('[ -x f ]')).toBe(1);
    expect(await st('chmod +x f; [ -x f ]')).toBe(0);
    expect(await st('[ -x . ]')).toBe(0);
    expect(await st('[ -d /sys/module ]')).toBe(0);
    expect(await st('[ -f /proc/modules ]')).toBe(0);
    // -nt/-ot compare modification times; a missing file is older than any.
    expect(await st('echo new > newer; [ newer -nt f ]')).toBe(0);
    expect(await st('[ f -ot newer ]')).toBe(0);
    expect(await st('[ f -nt newer ]')).toBe(1);
    expect(await st('[ f -nt nope ]')).toBe(0);
    expect(await st('[ nope -ot f ]')).toBe(0);
    expect(await st('[ f -ef f ]')).toBe(0);
    expect(await st('[ f -ef l ]')).toBe(0);
    expect(await st('[ f -ef newer ]')).toBe(1);
  });

  it("bash's syntax errors: status 2", async () => {
    const t = await bootTestKernel();
    expect(await t.run('[ a = a')).toEqual({ status: 2, stdout: '', stderr: "lkm: [: missing `]'\n" });
    expect(await t.run('[ x -eq 1 ]')).toEqual({ status: 2, stdout: '', stderr: 'lkm: [: x: integer expression expected\n' });
    expect(await t.run('test 1 -lt 2x')).toEqual({ status: 2, stdout: '', stderr: 'lkm: test: 2x: integer expression expected\n' });
    expect(await t.run('test 99999999999999999999 -eq 1')).toEqual({ status: 2, stdout: '', stderr: 'lkm: test: 99999999999999999999: integer expression expected\n' });
    expect(await t.run('[ 1 2 3 4 5 ]')).toEqual({ status: 2, stdout: '', stderr: 'lkm: [: too many arguments\n' });
    expect(await t.run('[ a b ]')).toEqual({ status: 2, stdout: '', stderr: 'lkm: [: a: unary operator expected\n' });
    expect(await t.run('[ a b c ]')).toEqual({ status: 2, stdout: '', stderr: 'lkm: [: b: binary operator expected\n' });
    expect(await t.run('[ \\( a = a ]')).toEqual({ status: 2, stdout: '', stderr: "lkm: [: `)' expected\n" });
    expect(await t.run('[ \\( a = a b c ]')).toEqual({ status: 2, stdout: '', stderr: "lkm: [: `)' expected, found b\n" });
    expect(await t.run('[ a = a -a ]')).toEqual({ status: 2, stdout: '', stderr: 'lkm: [: argument expected\n' });
    expect(await t.run('[ a = a -z b c ]')).toEqual({ status: 2, stdout: '', stderr: "lkm: [: syntax error: `-z' unexpected\n" });
    expect(await t.run('[ -z a = a ] ; echo $?')).toEqual({ status: 0, stdout: '2\n', stderr: 'lkm: [: too many arguments\n' });
  });
});
