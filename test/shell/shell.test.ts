// The lkm shell's syntax and builtins, against a booted kernel.
import { describe, expect, it } from 'vitest';
import { parsePipeline, ShellSyntaxError, tokenize } from '../../src/shell/parse.js';
import { Parser } from '../../src/shell/grammar.js';
import { ShellIncomplete } from '../../src/shell/lex.js';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

const noVars = () => '';

describe('parsing', () => {
  it('splits lists outside quotes and drops comments', () => {
    const simple = (text: string) => ({ bang: false, commands: [{ type: 'simple', text, heredocs: [] }] });
    expect(new Parser('a; b && c || d').next()).toEqual({ items: [
      { andOr: { first: simple('a'), rest: [], text: 'a' }, background: false },
      { andOr: { first: simple('b'), rest: [{ op: '&&', pipeline: simple('c') }, { op: '||', pipeline: simple('d') }], text: 'b && c || d' }, background: false },
    ] });
    expect(new Parser(`echo "x;y" 'p&&q' # ; ignored`).next()?.items[0]?.andOr.first).toEqual(simple(`echo "x;y" 'p&&q'`));
    expect(() => new Parser('a && && b').next()).toThrow(ShellSyntaxError);
    expect(() => new Parser('echo "open').next()).toThrow(ShellIncomplete);
  });

  it('tokenizes quotes, escapes and variables', () => {
    const vars = (n: string) => ({ X: 'ex', '?': '3' } as Record<string, string>)[n] ?? '';
    expect(tokenize(`a "b c" 'd $X' "$X" \\$X $? x\\ y`, vars).map((t) => t.text))
      .toEqual(['a', 'b c', 'd $X', 'ex', '$X', '3', 'x y']);
  });

  it('parses pipes and redirections', () => {
    expect(parsePipeline('cat < in | grep x > out 2>&1', noVars)).toEqual({ commands: [
      { argv: ['cat'], redirects: [{ fd: 0, op: '<', target: 'in' }] },
      { argv: ['grep', 'x'], redirects: [{ fd: 1, op: '>', target: 'out' }, { fd: 2, op: '>&1', target: '' }] },
    ] });
    expect(() => parsePipeline('| x', noVars)).toThrow(ShellSyntaxError);
    expect(() => parsePipeline('echo >', noVars)).toThrow(ShellSyntaxError);
  });
});

describe('running', () => {
  it('$? is the status of the previous command', async () => {
    const t = await bootTestKernel();
    expect((await t.run('false; echo $?; true && echo yes || echo no')).stdout).toBe('1\nyes\n');
    expect((await t.run('nosuch')).stderr).toBe('lkm: nosuch: command not found\n');
    expect((await t.run('echo $?')).stdout).toBe('127\n');
  });

  it('pipes kernel views through grep, head, wc', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('stack-a')}; insmod ${example('stack-b')}`);
    expect((await t.run('lsmod | grep stack_a')).stdout).toMatch(/^stack_a +\d+  1 stack_b\n$/);
    expect((await t.run('cat /proc/modules | wc -l')).stdout).toBe('2\n');
    expect((await t.run('dmesg | grep -c taints')).stdout).toBe('1\n');
    expect((await t.run('uname -r')).stdout).toBe('6.12.0-lkm-wasm\n');
  });

  it('takes NAME=value for one command, variables, export, unset', async () => {
    const t = await bootTestKernel();
    // MODPROBE_OPTIONS for this modprobe only: -n -v prints and loads nothing.
    expect(await t.run('MODPROBE_OPTIONS=-nv modprobe hello; echo "[$MODPROBE_OPTIONS]"')).toEqual({
      status: 0, stdout: 'insmod /lib/modules/6.12.0-lkm-wasm/extra/hello.ko \n[]\n', stderr: '' });
    expect((await t.run('lsmod')).stdout).toBe('Module                  Size  Used by\n');
    expect((await t.run('X=1; echo $X; export Y=2 Z; env | grep -E "^(X|Y|Z)="; unset X; echo "[$X]"')).stdout).toBe('1\nX=1\nY=2\nZ=\n[]\n');
    expect(await t.run('export 1a')).toEqual({ status: 1, stdout: '', stderr: "lkm: export: `1a': not a valid identifier\n" });
  });

  it("runs the articles' command lines: sudo, `uname -r` and $(…), more, ls into a pipe", async () => {
    const t = await bootTestKernel();
    expect(await t.run('sudo modprobe -vn hello')).toEqual({
      status: 0, stdout: 'insmod /lib/modules/6.12.0-lkm-wasm/extra/hello.ko \n', stderr: '' });
    expect((await t.run('sudo -u root -E uname -r')).stdout).toBe('6.12.0-lkm-wasm\n');
    expect(await t.run('sudo -u bob true')).toEqual({
      status: 1, stdout: '', stderr: 'sudo: unknown user bob\nsudo: error initializing audit plugin sudoers_audit\n' });
    expect((await t.run('sudo')).status).toBe(1);
    // $PWD follows the directory (the articles' `ln -s $PWD/lkm.ko …`), for cd and for front ends that set cwd.
    expect((await t.run('cd /proc; echo $PWD; cd sys/kernel && echo "$PWD"')).stdout).toBe('/proc\n/proc/sys/kernel\n');
    t.sh.cwd = '/sys';
    expect((await t.run('echo $PWD')).stdout).toBe('/sys\n');
    expect((await t.run('ls /lib/modules/`uname -r`/extra | head -2')).stdout).toBe('blkram.ko\nchardev.ko\n');
    expect((await t.run('more /lib/modules/$(uname -r)/modules.order | head -1')).stdout).toBe('extra/blkram.ko\n');
    // Substitutions: split into words outside quotes, one word inside; nested; $? is theirs; none in '…'.
    expect((await t.run('echo $(echo "a  b"   c) "$(echo "a  b")"')).stdout).toBe('a b c a  b\n');
    expect((await t.run('echo $(echo $(echo deep)); echo `echo \\`echo bq\\``')).stdout).toBe('deep\nbq\n');
    expect((await t.run(`echo '$(not run)'; x=$(false); echo $?`)).stdout).toBe('$(not run)\n1\n');
    expect((await t.run('echo $(echo a; echo b) | wc -l; echo "$(echo a; echo b)" | wc -l')).stdout).toBe('1\n2\n');
    expect(await t.run('echo $(echo')).toEqual({ status: 2, stdout: '', stderr: "lkm: unexpected EOF while looking for matching `)'\n" });
  });

  it('writes sysfs parameters with echo >, and reports refused writes like bash', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('hello-params')} 'name=a b' ports=1,2,3`);
    const p = '/sys/module/hello_params/parameters';
    expect((await t.run(`cat ${p}/name ${p}/ports ${p}/mask ${p}/disable`)).stdout).toBe('a b\n1,2,3\n0x0000ff\nN\n');
    expect((await t.run(`echo 5 > ${p}/level; cat ${p}/level`)).stdout).toBe('5\n');
    const bad = await t.run(`echo 9 > ${p}/level`);
    expect(bad).toEqual({ status: 1, stdout: '', stderr: 'lkm: echo: write error: Invalid argument\n' });
    expect((await t.run(`echo 1 > ${p}/byte_val`)).stderr).toBe('lkm: echo: write error: Permission denied\n');
    expect((await t.run(`ls ${p}`)).stdout).toBe(
      'byte_val  debug  disable  flag  level  long_val  mask  name  ports  short_val  type  uint_val  ullong_val  ulong_val  ushort_val  verbose\n');
  });
});
