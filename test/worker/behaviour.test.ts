// The kernel's behaviour through the promise API, the same cases in both isolations: in-thread
// (isolate 'none') and in a worker_threads Worker (isolate 'worker'). Log lines are compared exactly.
import { describe, expect, it } from 'vitest';
import { KernelError } from '../../src/kernel/errno.js';
import { example, fixture } from '../helpers/paths.js';
import { boot, ISOLATES, linesSince } from './helpers.js';

const OOT = (m: string) => `${m}: loading out-of-tree module taints kernel.`;
const UNSIGNED = (m: string) => `${m}: module verification failed: signature and/or required key missing - tainting kernel`;

for (const isolate of ISOLATES) {
  describe(`kernel behaviour (isolate: ${isolate})`, () => {
    it('hello: log lines, /proc/modules, sysfs, taint, unload', async () => {
      const k = await boot(isolate);
      expect(k.isolate).toBe(isolate);
      const seq = k.log.seq;
      const info = await k.insmod(example('hello'));
      expect(info).toMatchObject({ name: 'hello', refcount: 0, users: [], state: 'Live', taints: 'OE', permanent: false });
      expect(linesSince(k, seq)).toEqual([OOT('hello'), UNSIGNED('hello'), 'hello: Hello, world']);
      expect(await k.readFile('/proc/modules')).toMatch(/^hello \d+ 0 - Live 0x[0-9a-f]{8} \(OE\)\n$/);
      expect(await k.readFile('/sys/module/hello/initstate')).toBe('live\n');
      expect(await k.readdir('/sys/module')).toEqual(['hello', 'kunit', 'module']);
      expect(await k.tainted()).toBe((1 << 12) | (1 << 13));
      const s2 = k.log.seq;
      await k.rmmod('hello');
      expect(linesSince(k, s2)).toEqual(['hello: Goodbye, world']);
      expect(await k.lsmod()).toEqual([]);
      expect((await k.symbols()).filter((s) => s.owner !== 'vmlinux')).toEqual([]);
    });

    it('errors keep their errno: EEXIST, ENOENT, ENODEV with nothing left behind', async () => {
      const k = await boot(isolate);
      await k.insmod(example('hello'));
      const dup = await k.insmod(example('hello')).catch((e: unknown) => e);
      expect(dup).toBeInstanceOf(KernelError);
      expect((dup as KernelError).errno).toBe(17);
      const gone = await k.rmmod('nope').catch((e: unknown) => e);
      expect((gone as KernelError).code).toBe('ENOENT');
      const seq = k.log.seq;
      const nodev = await k.insmod(example('init-fails')).catch((e: unknown) => e);
      expect((nodev as KernelError).errno).toBe(19);
      expect(linesSince(k, seq)).toEqual(['init_fails: no device found']);
      expect((await k.lsmod()).map((m) => m.name)).toEqual(['hello']);
      await expect(k.readFile('/sys/module/nope/initstate')).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('stacking: users, holders, removal refused while used, in order after', async () => {
      const k = await boot(isolate);
      const early = await k.insmod(example('stack-c')).catch((e: unknown) => e);
      expect((early as KernelError).errno).toBe(2);
      for (const m of ['stack-a', 'stack-b', 'stack-c']) await k.insmod(example(m));
      const ls = await k.lsmod();
      expect(ls.map((m) => [m.name, m.refcount, [...m.users].sort()])).toEqual([
        ['stack_c', 0, []], ['stack_b', 1, ['stack_c']], ['stack_a', 2, ['stack_b', 'stack_c']],
      ]);
      expect(await k.readdir('/sys/module/stack_a/holders')).toEqual(['stack_b', 'stack_c']);
      await expect(k.rmmod('stack_a', { force: true })).rejects.toMatchObject({ code: 'EAGAIN' });
      const seq = k.log.seq;
      await k.rmmod('stack_c');
      await k.rmmod('stack_b');
      await k.rmmod('stack_a');
      expect(linesSince(k, seq)).toEqual(['stack_c: unloaded', 'stack_b: unloaded', 'stack_a: unloaded after 3 calls']);
    });

    it('parameters: insmod arguments, sysfs reads and writes', async () => {
      const k = await boot(isolate);
      await k.insmod(example('hello-params'), ['type=first', 'debug=3']);
      expect(await k.readFile('/sys/module/hello_params/parameters/type')).toBe('first\n');
      expect(await k.readFile('/sys/module/hello_params/parameters/debug')).toBe('3\n');
      await k.writeFile('/sys/module/hello_params/parameters/debug', '9');
      expect(await k.readFile('/sys/module/hello_params/parameters/debug')).toBe('9\n');
      await expect(k.insmod(example('hello-params'), 'nope=1')).rejects.toBeInstanceOf(KernelError);
    });

    it('init returning 1: the warning with a stack dump under the insmod process', async () => {
      const k = await boot(isolate);
      const seq = k.log.seq;
      await k.asProcess('insmod', () => k.insmod(example('init-positive')));
      const log = linesSince(k, seq);
      expect(log.slice(2, 5)).toEqual([
        'init_positive: returning 1',
        "do_init_module: 'init_positive'->init suspiciously returned 1, it should follow 0/-E convention",
        'do_init_module: loading module anyway...',
      ]);
      expect(log[5]).toMatch(/^CPU: 0 UID: 0 PID: \d+ Comm: insmod /);
    });

    it('printk records stream to subscribers; unsubscribe stops them; dmesg -c clears', async () => {
      const k = await boot(isolate);
      const got: string[] = [];
      const off = k.log.subscribe((r) => got.push(r.text));
      await k.insmod(example('hello'));
      expect(got).toEqual([OOT('hello'), UNSIGNED('hello'), 'hello: Hello, world']);
      off();
      await k.rmmod('hello');
      expect(got).toHaveLength(3);
      expect((await k.dmesg({ time: false, clear: true })).slice(-1)).toEqual(['hello: Goodbye, world']);
      expect(await k.dmesg()).toEqual([]);
      await k.insmod(example('hello'));
      expect(await k.dmesg({ time: false })).toEqual(['hello: Hello, world']);
    });

    it('a batch runs its operations in order, each with its own result', async () => {
      const k = await boot(isolate);
      const r = await k.batch([
        { op: 'insmod', args: [example('stack-a')] },
        { op: 'insmod', args: [example('stack-b')] },
        { op: 'rmmod', args: ['stack_a'] },
        { op: 'lsmod', args: [] },
        { op: 'readFile', args: ['/sys/module/stack_a/refcnt'] },
        { op: 'insmod', args: [fixture('init-trap')], comm: 'insmod' },
        { op: 'tainted', args: [] },
      ]);
      expect(r.map((x) => x.ok)).toEqual([true, true, false, true, true, false, true]);
      expect(r[2]!.ok ? undefined : (r[2]!.error as KernelError).code).toBe('EAGAIN');
      expect((r[3] as { value: { name: string }[] }).value.map((m) => m.name)).toEqual(['stack_b', 'stack_a']);
      expect((r[4] as { value: string }).value).toBe('1\n');
      expect(r[5]!.ok ? undefined : r[5]!.error.name).toBe('KernelOops');
      expect(Number((r[6] as { value: number }).value) & (1 << 7)).toBeTruthy();
      // stopOnError ends the script at the first failure.
      const s = await k.batch([{ op: 'rmmod', args: ['nope'] }, { op: 'lsmod', args: [] }], { stopOnError: true });
      expect(s).toHaveLength(1);
    });

    it('reboot: a fresh kernel, the caller keeps its log subscribers and file access', async () => {
      const k = await boot(isolate);
      const got: string[] = [];
      k.log.subscribe((r) => got.push(r.text));
      await k.insmod(example('hello'));
      await k.reboot();
      expect(await k.lsmod()).toEqual([]);
      expect(await k.tainted()).toBe(0);
      await k.insmod(example('hello'));
      expect(got.filter((l) => l === 'hello: Hello, world')).toHaveLength(2);
    });
  });
}
