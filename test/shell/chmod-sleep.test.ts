// chmod (coreutils) on the shell's files and device nodes, as ls -l then shows them; ls -a/-A; sleep
// (coreutils) and its end by a signal.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';
import { applyMode, modeText } from '../../src/shell/commands/mode.js';
import { interval } from '../../src/shell/commands/sleep.js';

const TIME = /[A-Z][a-z]{2} [ \d]\d (\d\d:\d\d| \d{4})/g;
const D = '/tmp/lkm-test-chmod';

describe('chmod', () => {
  it('octal and symbolic modes, as ls -l shows them', async () => {
    const t = await bootTestKernel();
    await t.run(`mkdir ${D} && echo hi > ${D}/f`);
    const mode = async (cmd: string) => {
      const r = await t.run(`${cmd} && ls -l ${D}/f`);
      expect(r.stderr).toBe('');
      return r.stdout.split(' ')[0];
    };
    expect(await mode('true')).toBe('-rw-r--r--');
    expect(await mode(`chmod 755 ${D}/f`)).toBe('-rwxr-xr-x');
    expect(await mode(`chmod u-x,go-rx ${D}/f`)).toBe('-rw-------');
    // No u/g/o/a: the umask (022) is respected — +x is everyone's, +w the owner's only.
    expect(await mode(`chmod +x ${D}/f`)).toBe('-rwx--x--x');
    expect(await mode(`chmod a=r,u+w ${D}/f`)).toBe('-rw-r--r--');
    expect(await mode(`chmod g=u ${D}/f`)).toBe('-rw-rw-r--');
    expect(await mode(`chmod 4755 ${D}/f`)).toBe('-rwsr-xr-x');
    expect(await mode(`chmod u-x,+t ${D}/f`)).toBe('-rwSr-xr-t');
    expect(await mode(`chmod 0 ${D}/f`)).toBe('----------');
    expect(await mode(`chmod a+X ${D}/f`)).toBe('----------');
    expect(await mode(`chmod u+x,a+X ${D}/f`)).toBe('---x--x--x');
    expect((await t.run(`chmod 700 ${D} && ls -ld ${D}`)).stdout.replace(TIME, 'DATE')).toBe(`drwx------ 2 root root 0 DATE ${D}\n`);
  });

  it('-v, -c and -R print what changed', async () => {
    const t = await bootTestKernel();
    await t.run(`mkdir -p ${D}/sub && echo a > ${D}/sub/a && echo b > ${D}/b`);
    expect(await t.run(`chmod -v 600 ${D}/b`)).toEqual({ status: 0, stdout: `mode of '${D}/b' changed from 0644 (rw-r--r--) to 0600 (rw-------)\n`, stderr: '' });
    expect(await t.run(`chmod -v 600 ${D}/b`)).toEqual({ status: 0, stdout: `mode of '${D}/b' retained as 0600 (rw-------)\n`, stderr: '' });
    expect(await t.run(`chmod -c 600 ${D}/b`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await t.run(`chmod -R -c go-rx ${D}/sub`)).toEqual({ status: 0, stdout:
      `mode of '${D}/sub' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\n` +
      `mode of '${D}/sub/a' changed from 0644 (rw-r--r--) to 0600 (rw-------)\n`, stderr: '' });
  });

  it('device nodes keep their mode in devtmpfs', async () => {
    const t = await bootTestKernel();
    expect(await t.run('mknod /dev/lkmtest c 1 3 && chmod 666 /dev/lkmtest')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await t.run('ls -l /dev/lkmtest')).stdout.replace(TIME, 'DATE')).toBe('crw-rw-rw- 1 root root 1, 3 DATE /dev/lkmtest\n');
    expect((await t.run('chmod o-w /dev/lkmtest; ls -l /dev/lkmtest')).stdout.split(' ')[0]).toBe('crw-rw-r--');
  });

  it('entries kernel code made in /sys and /proc: the mode the next open checks', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('sysfs-attr')}`);
    const V = '/sys/kernel/sysfs_attr/value';
    expect(await t.run(`chmod 444 ${V}; ls -l ${V}`)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^-r--r--r-- 1 root root 4096 /) });
    // sysfs checks the write bit even for root (sysfs_kf_open).
    expect(await t.run(`echo 5 > ${V}`)).toEqual({ status: 1, stdout: '', stderr: 'lkm: echo: write error: Permission denied\n' });
    expect(await t.run(`chmod u+w ${V}; echo 5 > ${V}; cat ${V}`)).toEqual({ status: 0, stdout: '5\n', stderr: '' });
    await t.run(`insmod ${example('procfs-rw')}`);
    expect((await t.run('chmod 400 /proc/procfs_rw; ls -l /proc/procfs_rw')).stdout.split(' ')[0]).toBe('-r--------');
    // The views the host generates keep their modes.
    expect(await t.run('chmod 644 /proc/modules')).toEqual({ status: 1, stdout: '', stderr: "chmod: changing permissions of '/proc/modules': Operation not permitted\n" });
  });

  it("coreutils' errors", async () => {
    const t = await bootTestKernel();
    const TRY = "Try 'chmod --help' for more information.\n";
    await t.run(`echo x > ${D}-f`);
    expect(await t.run('chmod')).toEqual({ status: 1, stdout: '', stderr: `chmod: missing operand\n${TRY}` });
    expect(await t.run('chmod 644')).toEqual({ status: 1, stdout: '', stderr: `chmod: missing operand after '644'\n${TRY}` });
    expect(await t.run(`chmod xyz ${D}-f`)).toEqual({ status: 1, stdout: '', stderr: `chmod: invalid mode: 'xyz'\n${TRY}` });
    expect(await t.run(`chmod 8 ${D}-f`)).toEqual({ status: 1, stdout: '', stderr: `chmod: invalid mode: '8'\n${TRY}` });
    expect(await t.run(`chmod 644 /tmp/lkm-nope ${D}-f`)).toEqual({ status: 1, stdout: '', stderr: "chmod: cannot access '/tmp/lkm-nope': No such file or directory\n" });
    expect(await t.run('chmod -f 644 /tmp/lkm-nope')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await t.run(`chmod -q 644 ${D}-f`)).toEqual({ status: 1, stdout: '', stderr: `chmod: invalid option -- 'q'\n${TRY}` });
  });

  it('mode arithmetic: directories keep set-ID bits, X, copies', () => {
    expect(applyMode('755', 0o2755, true)).toBe(0o2755);
    expect(applyMode('00755', 0o2755, true)).toBe(0o755);
    expect(applyMode('755', 0o2755, false)).toBe(0o755);
    expect(applyMode('a+X', 0o644, true)).toBe(0o755);
    expect(applyMode('o=g', 0o750, false)).toBe(0o755);
    expect(applyMode('u=rwx,g=rx,o=', 0, false)).toBe(0o750);
    expect(applyMode('+w', 0o444, false)).toBe(0o644);
    expect(applyMode('a+w', 0o444, false)).toBe(0o666);
    expect(applyMode('u+s,g+s', 0o755, false)).toBe(0o6755);
    expect(applyMode('bad', 0, false)).toBeUndefined();
    expect(modeText(0o1777)).toBe('rwxrwxrwt');
    expect(modeText(0o6644)).toBe('rwSr-Sr--');
  });
});

describe('ls -a, -A, -la', () => {
  it('dot files only with -a (with . and ..) or -A', async () => {
    const t = await bootTestKernel();
    const L = `${D}-ls/dir`;
    await t.run(`mkdir -p ${L}/a && echo 1 > ${L}/.hidden && echo 2 > ${L}/b`);
    expect((await t.run(`ls ${L} | cat`)).stdout).toBe('a\nb\n');
    expect((await t.run(`ls -a ${L} | cat`)).stdout).toBe('.\n..\n.hidden\na\nb\n');
    expect((await t.run(`ls -A ${L} | cat`)).stdout).toBe('.hidden\na\nb\n');
    expect((await t.run(`ls -la ${L}`)).stdout.replace(TIME, 'DATE')).toBe(
      'total 20\n' +
      'drwxr-xr-x 2 root root 0 DATE .\n' +
      'drwxr-xr-x 2 root root 0 DATE ..\n' +
      '-rw-r--r-- 1 root root 2 DATE .hidden\n' +
      'drwxr-xr-x 2 root root 0 DATE a\n' +
      '-rw-r--r-- 1 root root 2 DATE b\n');
  });
});

describe('ls -l of the kernel\'s files', () => {
  it('modes as the kernel made them; /proc files have size 0', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('sysfs-attr')}`);
    await t.run(`insmod ${example('hello-params')}`);
    const ls = async (p: string) => (await t.run(`ls -l ${p}`)).stdout.replace(TIME, 'DATE');
    // __ATTR(value, 0644), __ATTR_RO(writes), __ATTR_WO(reset).
    expect(await ls('/sys/kernel/sysfs_attr')).toBe(
      'total 12\n--w------- 1 root root 4096 DATE reset\n-rw-r--r-- 1 root root 4096 DATE value\n-r--r--r-- 1 root root 4096 DATE writes\n');
    // module_param(…, 0444) and (…, 0644).
    expect(await ls('/sys/module/hello_params/parameters/byte_val')).toBe('-r--r--r-- 1 root root 4096 DATE /sys/module/hello_params/parameters/byte_val\n');
    expect(await ls('/sys/module/hello_params/parameters/level')).toBe('-rw-r--r-- 1 root root 4096 DATE /sys/module/hello_params/parameters/level\n');
    expect(await ls('/sys/module/hello_params/uevent')).toBe('--w------- 1 root root 4096 DATE /sys/module/hello_params/uevent\n');
    expect(await ls('/proc/modules')).toBe('-r--r--r-- 1 root root 0 DATE /proc/modules\n');
    expect(await ls('/proc/sys/kernel/printk')).toBe('-rw-r--r-- 1 root root 0 DATE /proc/sys/kernel/printk\n');
  });
});

describe('sleep', () => {
  it('intervals with suffixes, summed; errors', async () => {
    expect([interval('1'), interval('0.5'), interval('2m'), interval('1.5h'), interval('1d'), interval('.25s'), interval('1e1')])
      .toEqual([1, 0.5, 120, 5400, 86400, 0.25, 10]);
    expect([interval('x'), interval('1x'), interval(''), interval('1mm')]).toEqual([undefined, undefined, undefined, undefined]);
    const t = await bootTestKernel();
    const TRY = "Try 'sleep --help' for more information.\n";
    expect(await t.run('sleep 0.01 0.01s; echo $?')).toEqual({ status: 0, stdout: '0\n', stderr: '' });
    expect(await t.run('sleep')).toEqual({ status: 1, stdout: '', stderr: `sleep: missing operand\n${TRY}` });
    expect(await t.run('sleep 1 x 2y')).toEqual({ status: 1, stdout: '', stderr: `sleep: invalid time interval 'x'\nsleep: invalid time interval '2y'\n${TRY}` });
    expect(await t.run('sleep -1')).toEqual({ status: 1, stdout: '', stderr: `sleep: invalid option -- '1'\n${TRY}` });
  });

  it('Ctrl-C ends it: status 130; kill ends a background one', async () => {
    const t = await bootTestKernel();
    const run = t.run('sleep 1000; echo not reached');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.sh.interrupt()).toBe(true);
    expect(await run).toEqual({ status: 130, stdout: '', stderr: '\n' });
    expect(await t.run('sleep 1000 & kill %1; wait; echo $?')).toEqual({
      status: 0, stdout: '0\n', stderr: '[1] 1000\n[1]+  Terminated              sleep 1000\n' });
  });
});
