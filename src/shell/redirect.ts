// Redirections (> >> < 2> 2>&1) of a simple or a compound command: what they make of its streams, and the
// files written once it is done (the output is collected, then written like one write(2)).

import { FsError, type KernelFs } from './fs.js';
import type { Redirect } from './parse.js';
import { signalStatus } from './signals.js';
import type { TerminalInput } from './tty.js';

export interface Streams {
  stdin: string;
  stdout(t: string): void;
  stderr(t: string): void;
  terminal?: TerminalInput;
}

interface Sink { path: string; append: boolean; text: string }

/** A file error's text without its "ENOENT: path" prefix. */
export function errText(e: unknown): string {
  if (e instanceof FsError) return e.message.slice(e.message.indexOf(': ') + 2);
  return (e as Error).message;
}

const dec = new TextDecoder();

/** Where a redirection's files are (the shell's file system and directory) and where its errors go. */
export interface RedirectHost { fs: KernelFs; resolve(p: string): string; report(t: string): void }

/**
 * The streams after the redirections and the files to write at the end; an exit status when a `<` file
 * cannot be read (the command does not run).
 */
export async function openRedirects(host: RedirectHost, redirects: Redirect[], io: Streams, signal: AbortSignal): Promise<{ io: Streams; pending: Sink[] } | number> {
  const r: Streams = { ...io };
  const pending: Sink[] = [];
  for (const d of redirects) {
    if (d.op === '<<') {
      r.terminal = undefined;
      r.stdin = d.target;
    } else if (d.op === '<') {
      r.terminal = undefined;
      try { r.stdin = dec.decode(await host.fs.readFile(host.resolve(d.target), { signal })); } catch (e) {
        if (signal.aborted) return signalStatus(signal);
        host.report(`lkm: ${d.target}: ${errText(e)}\n`);
        return 1;
      }
    } else if (d.op === '>&1') {
      const out = r.stdout;
      r.stderr = (t) => out(t);
    } else {
      const sink = { path: host.resolve(d.target), append: d.op === '>>', text: '' };
      pending.push(sink);
      if (d.fd === 1) r.stdout = (t) => { sink.text += t; };
      else r.stderr = (t) => { sink.text += t; };
    }
  }
  return { io: r, pending };
}

/** Writes the redirected output; the command's status, 1 when a write failed ("echo: write error: …"). */
export async function flushRedirects(host: RedirectHost, pending: Sink[], name: string, signal: AbortSignal, status: number): Promise<number> {
  for (const p of pending) {
    try {
      const prev = p.append ? await host.fs.readText(p.path).catch(() => '') : '';
      await host.fs.writeFile(p.path, prev + p.text, { signal });
    } catch (e) {
      if (signal.aborted) { status = signalStatus(signal); continue; }
      // A sysfs write that the kernel refuses fails like write(2).
      host.report(`lkm: ${name}: write error: ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}
