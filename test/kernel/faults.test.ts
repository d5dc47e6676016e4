// Faulty module code: every wasm trap kind, and the stores wasm does not trap on (NULL page, stack
// guard), give an Oops record modelled on Linux's; the kernel is tainted D, the module stays "Loading",
// and the modules loaded before keep working. In both isolations (in-thread and worker).
import { describe, expect, it } from 'vitest';
import { KernelOops } from '../../src/kernel/kernel.js';
import { TAINT } from '../../src/kernel/taint.js';
import { example, fixture } from '../helpers/paths.js';
import { boot, ISOLATES, linesSince } from '../worker/helpers.js';

const D = 1 << TAINT.DIE;
const hex16 = (n: number) => n.toString(16).padStart(16, '0');

/** kind= of the faulty fixture → the lines that open its record, and the innermost frame. */
const KINDS: { kind: string; header: (string | RegExp)[]; rip: string; fault: string }[] = [
  { kind: 'unreachable', header: ['------------[ cut here ]------------', /^kernel BUG at .*faulty\.c:\d+!$/, 'Oops: invalid opcode: 0000 [#1] SMP'], rip: '__lkm_bug', fault: 'invalid-opcode' },
  { kind: 'trap', header: ['Oops: invalid opcode: 0000 [#1] SMP'], rip: 'faulty_init [faulty]', fault: 'invalid-opcode' },
  { kind: 'oob', header: ['BUG: unable to handle page fault for address: beyond the end of kernel memory', '#PF: supervisor access in kernel mode', '#PF: error_code(0x0000) - not-present page', 'Oops: 0000 [#1] SMP'], rip: 'faulty_init [faulty]', fault: 'page-fault' },
  { kind: 'div0', header: ['Oops: divide error: 0000 [#1] SMP'], rip: 'faulty_div [faulty]', fault: 'divide' },
  { kind: 'nullfn', header: ['CFI failure (target: NULL or a function of another type)', 'Oops: invalid opcode: 0000 [#1] SMP'], rip: 'faulty_call [faulty]', fault: 'bad-call' },
  { kind: 'badfn', header: ['CFI failure (target: NULL or a function of another type)', 'Oops: invalid opcode: 0000 [#1] SMP'], rip: 'faulty_call [faulty]', fault: 'bad-call' },
  { kind: 'recurse', header: [/^BUG: TASK stack guard page was hit at [0-9a-f]{16} \(stack is [0-9a-f]{16}\.\.[0-9a-f]{16}\)$/, 'Oops: stack guard page: 0000 [#1] SMP'], rip: 'faulty_recurse [faulty]', fault: 'stack-overflow' },
  { kind: 'stack', header: [/^BUG: TASK stack guard page was hit at [0-9a-f]{16} \(stack is [0-9a-f]{16}\.\.[0-9a-f]{16}\)$/, 'Oops: stack guard page: 0000 [#1] SMP'], rip: 'faulty_init [faulty]', fault: 'stack-overflow' },
  { kind: 'nullwrite', header: [`BUG: kernel NULL pointer dereference, address: ${hex16(12)}`, '#PF: supervisor write access in kernel mode', '#PF: error_code(0x0002) - not-present page', 'Oops: 0002 [#1] SMP'], rip: 'faulty_init [faulty]', fault: 'null-deref' },
  // A load from NULL is not seen, but the poison it returns (0x6b6b6b6b) is no valid address.
  { kind: 'nullread', header: ['BUG: unable to handle page fault for address: beyond the end of kernel memory', '#PF: supervisor access in kernel mode', '#PF: error_code(0x0000) - not-present page', 'Oops: 0000 [#1] SMP'], rip: 'faulty_load [faulty]', fault: 'page-fault' },
];

for (const isolate of ISOLATES) {
  describe(`Oops (isolate: ${isolate})`, () => {
    it('a task that dies holding a spinlock is noted with its preempt_count, which is reset', async () => {
      const k = await boot(isolate);
      const seq = k.log.seq;
      await expect(k.asProcess('insmod', () => k.insmod(fixture('faulty'), 'kind=locked'))).rejects.toBeInstanceOf(KernelOops);
      const log = linesSince(k, seq);
      const end = log.indexOf('---[ end trace 0000000000000000 ]---');
      expect(end).toBeGreaterThan(0);
      expect(log[end + 1]).toMatch(/^note: insmod\[\d+\] exited with preempt_count 1$/);
      // The next Oops (no lock held) has no note: the count was reset.
      const seq2 = k.log.seq;
      await expect(k.insmod(fixture('init-trap'))).rejects.toBeInstanceOf(KernelOops);
      expect(linesSince(k, seq2).filter((l) => l.startsWith('note:'))).toEqual([]);
    });

    for (const c of KINDS) {
      it(`${c.kind}: Oops record, taint D, module Loading, other modules usable`, async () => {
        const k = await boot(isolate);
        await k.insmod(example('hello'));
        const seq = k.log.seq;
        const err = await k.asProcess('insmod', () => k.insmod(fixture('faulty'), `kind=${c.kind}`)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(KernelOops);
        expect((err as KernelOops).module).toBe(c.kind === 'unreachable' ? undefined : 'faulty');
        expect((err as KernelOops).kind).toBe(c.fault);

        const log = linesSince(k, seq);
        expect(log[0]).toBe(`faulty: kind=${c.kind}`);
        const head = log.slice(1, 1 + c.header.length);
        c.header.forEach((h, i) => (typeof h === 'string' ? expect(head[i]).toBe(h) : expect(head[i]).toMatch(h)));
        const rest = log.slice(1 + c.header.length);
        expect(rest[0]).toMatch(/^CPU: 0 UID: 0 PID: \d+ Comm: insmod Tainted: G {11}OE {6}6\.12\.0-lkm-wasm #1 SMP PREEMPT_DYNAMIC$/);
        expect(rest[1]).toBe('Hardware name: lkm-wasm WebAssembly virtual machine');
        expect(rest[2]).toBe(`RIP: ${c.rip}`);
        expect(rest[3]).toBe('Call Trace:');
        const end = rest.indexOf(' </TASK>');
        const trace = rest.slice(5, end);
        expect(trace[0]).toBe(` ${c.rip}`);
        if (!['trap', 'oob', 'stack', 'nullwrite', 'recurse'].includes(c.kind)) expect(trace).toContain(' faulty_init [faulty]');
        expect(rest[end + 1]).toBe('Modules linked in: faulty(OE+) hello(OE)');
        if (c.kind === 'nullwrite') expect(rest[end + 2]).toBe(`CR2: ${hex16(12)}`);
        expect(rest[rest.length - 1]).toBe('---[ end trace 0000000000000000 ]---');

        expect((await k.tainted()) & D).toBe(D);
        expect(await k.readFile('/proc/modules')).toMatch(/^faulty \d+ 1 - Loading 0x[0-9a-f]{8} \(OE\+\)\nhello \d+ 0 - Live/);
        await expect(k.rmmod('faulty')).rejects.toThrow(/Device or resource busy|Resource temporarily unavailable/);
        // The rest of the kernel works: hello unloads and loads again, a second Oops counts #2.
        const seq2 = k.log.seq;
        await k.rmmod('hello');
        await k.insmod(example('hello-params'), 'type=again');
        expect(await k.readFile('/sys/module/hello_params/parameters/type')).toBe('again\n');
        expect(linesSince(k, seq2)).toContain('hello: Goodbye, world');
        if (c.kind === 'div0') {
          await expect(k.insmod(fixture('init-trap'))).rejects.toBeInstanceOf(KernelOops);
          expect(linesSince(k, seq2)).toContain('Oops: divide error: 0000 [#2] SMP');
          expect(linesSince(k, seq2).find((l) => l.startsWith('CPU: 0'))).toMatch(/Tainted: G {6}D {4}OE/);
        }
      });
    }
  });
}
