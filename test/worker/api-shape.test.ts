// The kernel API's structure: every call declared in src/api/calls.ts is a method of both
// implementations, the worker protocol carries exactly those calls, and errors keep their class and
// fields through the comlink transfer handlers (without a worker: the handlers' own round trip).
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { CALL_NAMES, isCallName, KERNEL_CALLS } from '../../src/api/calls.js';
import { LocalKernel } from '../../src/api/local.js';
import { WorkerKernel } from '../../src/worker/client.js';
import { BatchReply, registerErrorTransfer } from '../../src/worker/errors.js';
import { KernelError } from '../../src/kernel/errno.js';
import { KernelOops } from '../../src/kernel/kernel.js';
import { boot } from './helpers.js';

describe('one declaration of the kernel calls', () => {
  it('LocalKernel and WorkerKernel have a method for every call', () => {
    expect(CALL_NAMES).toEqual(Object.keys(KERNEL_CALLS));
    for (const name of CALL_NAMES) {
      expect(typeof (LocalKernel.prototype as unknown as Record<string, unknown>)[name], name).toBe('function');
      expect(typeof (WorkerKernel.prototype as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(isCallName('statDevice')).toBe(true);
    expect(isCallName('toString')).toBe(false);
  });

  it('a forwarded call is a batch operation of the same name (in-thread)', async () => {
    const k = await boot('none');
    const [r] = await k.batch([{ op: 'statDevice', args: ['/dev/null'] }]);
    expect(r).toEqual({ ok: true, value: await k.statDevice('/dev/null') });
    expect(await k.statDevice('/dev/null')).toMatchObject({ type: 'c', major: 1, minor: 3 });
  });
});

describe('errors across the worker boundary (comlink transfer handlers)', () => {
  // Both ends in this thread, over a MessageChannel: what expose() throws or returns is what wrap() gets.
  async function withChannel(fn: (remote: Comlink.Remote<typeof service>) => Promise<void>): Promise<void> {
    registerErrorTransfer();
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(service, port1 as unknown as Comlink.Endpoint);
    try {
      await fn(Comlink.wrap<typeof service>(port2 as unknown as Comlink.Endpoint));
    } finally {
      port1.close();
      port2.close();
    }
  }
  const service = {
    kernelError(errno: number): never { throw new KernelError(errno, 'File exists'); },
    oops(): never { throw new KernelOops('BUG: oops', 'crash', [{ func: 'crash_init', module: 'crash' } as never], 'null-deref'); },
    typeError(): never { throw new TypeError('bad'); },
    batch(): BatchReply { return new BatchReply([{ ok: true, value: 1 }, { ok: false, error: new KernelError(2) }]); },
  };

  it('KernelError keeps its class, errno and message; KernelOops its module, frames and kind', async () => {
    await withChannel(async (remote) => {
      const e = await remote.kernelError(17).catch((x: unknown) => x) as KernelError;
      expect(e).toBeInstanceOf(KernelError);
      expect([e.errno, e.code, e.message]).toEqual([17, 'EEXIST', 'File exists']);
      expect(e.stack).toMatch(/at \(kernel worker\)$/);
      const o = await remote.oops().catch((x: unknown) => x) as KernelOops;
      expect(o).toBeInstanceOf(KernelOops);
      expect([o.module, o.kind, o.frames]).toEqual(['crash', 'null-deref', [{ func: 'crash_init', module: 'crash' }]]);
      const t = await remote.typeError().catch((x: unknown) => x) as Error;
      expect([t.name, t.message]).toEqual(['TypeError', 'bad']);
    });
  });

  it('a batch reply rebuilds each error', async () => {
    await withChannel(async (remote) => {
      const r = await remote.batch() as unknown as BatchReply;
      expect(r).toBeInstanceOf(BatchReply);
      expect(r.results[0]).toEqual({ ok: true, value: 1 });
      const second = r.results[1]!;
      expect(second.ok ? undefined : second.error).toBeInstanceOf(KernelError);
    });
  });
});
