// How errors cross the boundary between the caller and the kernel worker: comlink transfer handlers,
// registered on both sides, that carry KernelError (errno) and KernelOops (module, frames, fault kind)
// as data and rebuild them as the receiving side's own classes (instanceof works on the caller's side).
// Other errors keep their name and message. Thrown errors go through comlink's "throw" handler; the
// per-operation errors of a batch travel as a BatchReply.

import * as Comlink from 'comlink';
import { KernelError } from '../kernel/errno.js';
import { KernelOops } from '../kernel/kernel.js';
import type { BatchResult } from '../api/calls.js';
import type { FaultKind, Frame } from '../kernel/oops.js';

/** An error as it crosses the boundary. */
interface WireError {
  name: string;
  message: string;
  stack?: string;
  errno?: number;
  module?: string;
  frames?: Frame[];
  kind?: FaultKind;
}

function toWire(e: unknown): WireError {
  if (e instanceof KernelOops) return { name: e.name, message: e.message, stack: e.stack, module: e.module, frames: e.frames, kind: e.kind };
  if (e instanceof KernelError) return { name: e.name, message: e.message, stack: e.stack, errno: e.errno };
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack, errno: (e as { errno?: number }).errno };
  return { name: 'Error', message: String(e) };
}

function fromWire(w: WireError): Error {
  let e: Error;
  if (w.name === 'KernelOops') e = new KernelOops(w.message, w.module, w.frames ?? [], w.kind);
  else if (w.name === 'KernelError' && w.errno !== undefined) e = new KernelError(w.errno, w.message);
  else {
    e = new Error(w.message);
    e.name = w.name;
  }
  if (w.stack) e.stack = `${w.stack}\n    at (kernel worker)`;
  return e;
}

/** What the worker's batch() returns: each operation's result or error. */
export class BatchReply {
  constructor(readonly results: BatchResult[]) {}
}

type WireResult = { ok: true; value: unknown } | { ok: false; error: WireError };

/** Registers the handlers in this thread's comlink (idempotent); both sides call it before wrap/expose. */
export function registerErrorTransfer(): void {
  // comlink's own "throw" handler recognises a thrown value (its canHandle is kept); only the error's
  // encoding is ours.
  const thrown = Comlink.transferHandlers.get('throw')!;
  Comlink.transferHandlers.set('throw', {
    canHandle: thrown.canHandle as (v: unknown) => v is { value: unknown },
    serialize: ({ value }: { value: unknown }) => [toWire(value), []],
    deserialize: (w: WireError) => { throw fromWire(w); },
  } satisfies Comlink.TransferHandler<{ value: unknown }, WireError>);
  Comlink.transferHandlers.set('lkm-batch', {
    canHandle: (v: unknown): v is BatchReply => v instanceof BatchReply,
    serialize: (r: BatchReply) => [r.results.map((x): WireResult => (x.ok ? x : { ok: false, error: toWire(x.error) })), []],
    deserialize: (rs: WireResult[]) => new BatchReply(rs.map((x): BatchResult => (x.ok ? x : { ok: false, error: fromWire(x.error) }))),
  } satisfies Comlink.TransferHandler<BatchReply, WireResult[]>);
}
