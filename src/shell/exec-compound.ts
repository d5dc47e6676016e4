// Runs grammar.ts's trees with bash's semantics: exit statuses ($? after every pipeline), && and ||, `!`,
// if/for/while/until, groups and subshells, functions, break/continue N, redirections of compound commands, and
// `set -e` with its exceptions (conditions, all but the last of an && || list, `!`).

import type { AndOrNode, CommandNode, CompoundNode, ListNode, PipelineNode } from './grammar.js';
import type { Redirect } from './parse.js';
import type { Heredoc } from './lex.js';
import { flushRedirects, openRedirects, type Streams } from './redirect.js';
import { callFunction, functionCall, ReturnUnwind } from './functions.js';
import { matchPattern } from './glob.js';
import type { Shell } from './shell.js';

/**
 * What a command runs with: its streams and signal. The stdin is shared by the commands of a compound
 * command: what one reads (cat: all of it, read: a line) the next ones do not get.
 */
export interface ExecContext {
  stdin: { text: string };
  stdout(t: string): void;
  stderr(t: string): void;
  terminal?: Streams['terminal'];
  signal: AbortSignal;
  /** Inside a condition, left of && / ||, after `!`: a failure does not end the shell under `set -e`. */
  noErrexit: boolean;
}

/** Unwinds to the top: `exit`, or `set -e` and a failing command (Shell.exitRequested is set). */
export class ExitUnwind extends Error {}
/** Unwinds to the top: the foreground command got a signal (Ctrl-C); the rest is not run. */
export class Interrupted extends Error {}
/** `break N` / `continue N`: unwinds through N enclosing loops. */
export class LoopControl extends Error {
  constructor(readonly kind: 'break' | 'continue', public n: number) { super(kind); }
}

/** The time a loop last let other tasks run (a loop of builtins never awaits anything that does). */
let lastYield = Date.now();
async function yieldNow(): Promise<void> {
  if (Date.now() - lastYield < 20) return;
  await new Promise((resolve) => setTimeout(resolve, 0));
  lastYield = Date.now();
}

export async function execList(sh: Shell, list: ListNode, ctx: ExecContext): Promise<number> {
  let status = 0;
  for (const { andOr, background } of list.items) {
    status = background ? startBackground(sh, andOr, ctx) : await execAndOr(sh, andOr, ctx);
  }
  return status;
}

/**
 * `… &`: a job in a subshell, as in bash (its variables, `exit` and `set -e` stay inside), with its own
 * signal and no terminal input (bash would stop it with SIGTTIN). Its status at once is 0.
 */
export function startBackground(sh: Shell, andOr: AndOrNode, ctx: ExecContext): number {
  sh.startJob(andOr.text, (signal) => sh.subshell((c) => execAndOr(c, andOr, { ...ctx, stdin: { text: '' }, terminal: undefined, signal })));
  return (sh.lastStatus = 0);
}

export async function execAndOr(sh: Shell, node: AndOrNode, ctx: ExecContext): Promise<number> {
  const last = node.rest.length;
  let status = await execPipeline(sh, node.first, last > 0 ? { ...ctx, noErrexit: true } : ctx);
  for (let i = 0; i < last; i++) {
    const { op, pipeline } = node.rest[i]!;
    if ((op === '&&') !== (status === 0)) continue;
    status = await execPipeline(sh, pipeline, i < last - 1 ? { ...ctx, noErrexit: true } : ctx);
  }
  return status;
}

async function execPipeline(sh: Shell, p: PipelineNode, ctx: ExecContext): Promise<number> {
  const c: ExecContext = p.bang ? { ...ctx, noErrexit: true } : ctx;
  let status = 0;
  let input = c.stdin;
  for (let i = 0; i < p.commands.length; i++) {
    const last = i === p.commands.length - 1;
    let captured = '';
    // The commands run one after the other, each reading what the one before wrote.
    status = await execCommand(sh, p.commands[i]!, {
      ...c, stdin: input, terminal: i === 0 ? c.terminal : undefined, stdout: last ? c.stdout : (t) => { captured += t; },
    });
    input = { text: captured };
  }
  if (p.bang) status = status === 0 ? 1 : 0;
  sh.lastStatus = status;
  // A compound command failed because of a command that was itself exempt (`if false; then …`): no exit.
  const lastCmd = p.commands[p.commands.length - 1];
  if (status !== 0 && sh.errexit && !c.noErrexit && (lastCmd?.type === 'simple' || lastCmd?.type === 'subshell')) {
    sh.exitRequested = status;
    throw new ExitUnwind();
  }
  return status;
}

async function execCommand(sh: Shell, node: CommandNode, ctx: ExecContext): Promise<number> {
  if (ctx.signal.aborted) throw new Interrupted();
  if (node.type === 'function') {
    sh.functions.set(node.name, node.body);
    return (sh.lastStatus = 0);
  }
  if (node.type === 'simple') {
    const cmd = await sh.expandSimple(node.text);
    await documents(sh, cmd.redirects, node.heredocs);
    const call = functionCall(sh, cmd.argv);
    // A function runs its body here, with the call's redirections, arguments and NAME=value words.
    const status = call
      ? await withRedirects(sh, cmd.redirects, ctx, call.name, (c) => callFunction(sh, call, () => execCommand(sh, call.body, c)))
      : await sh.runCommand(cmd, ctx.stdin, ctx.stdout, ctx.signal, ctx.terminal, ctx.stderr);
    return afterCommand(sh, ctx, status);
  }
  const redirects = node.redirects ? (await sh.expandSimple(node.redirects)).redirects : [];
  await documents(sh, redirects, node.heredocs);
  return afterCommand(sh, ctx, await withRedirects(sh, redirects, ctx, KEYWORD[node.type], (c) => execCompound(sh, node, c)));
}

/** A `<< N` redirection's target becomes here-document N, expanded (unless its end word was quoted). */
async function documents(sh: Shell, redirects: Redirect[], docs: Heredoc[]): Promise<void> {
  for (const r of redirects) if (r.op === '<<') r.target = await sh.expandDocument(docs[Number(r.target)]!);
}

/** Runs `body` with the redirections applied to the context's streams; `name` is for a write error. */
async function withRedirects(sh: Shell, redirects: Redirect[], ctx: ExecContext, name: string, body: (ctx: ExecContext) => Promise<number>): Promise<number> {
  if (redirects.length === 0) return body(ctx);
  const host = { fs: sh.fs, resolve: (p: string) => sh.resolve(p), report: ctx.stderr };
  const opened = await openRedirects(host, redirects, { stdin: ctx.stdin.text, stdout: ctx.stdout, stderr: ctx.stderr, terminal: ctx.terminal }, ctx.signal);
  if (typeof opened === 'number') return opened;
  const { io, pending } = opened;
  let status = sh.lastStatus;
  try {
    status = await body({ ...ctx, ...io, stdin: redirects.some((r) => r.op === '<' || r.op === '<<') ? { text: io.stdin } : ctx.stdin });
  } finally {
    // What the body wrote before a break, an exit or a signal is still written.
    status = await flushRedirects(host, pending, name, ctx.signal, status);
  }
  return status;
}

/** How a compound command is named in a write error ("lkm: for: write error: …"). */
const KEYWORD: Record<CompoundNode['type'], string> = { if: 'if', for: 'for', while: 'while', case: 'case', group: '{', subshell: '(' };

/** After each command: a signal, `exit`, `break`/`continue` unwind from here. */
function afterCommand(sh: Shell, ctx: ExecContext, status: number): number {
  if (ctx.signal.aborted) throw new Interrupted();
  if (sh.returnStatus !== undefined) {
    sh.lastStatus = sh.returnStatus;
    sh.returnStatus = undefined;
    throw new ReturnUnwind();
  }
  if (sh.exitRequested !== undefined) {
    sh.lastStatus = sh.exitRequested;
    throw new ExitUnwind();
  }
  const lc = sh.loopControl;
  if (lc) {
    sh.loopControl = undefined;
    throw new LoopControl(lc.kind, lc.n);
  }
  return status;
}

async function execCompound(sh: Shell, node: CompoundNode, ctx: ExecContext): Promise<number> {
  const cond = { ...ctx, noErrexit: true };
  switch (node.type) {
    case 'if':
      for (const { cond: c, body } of node.clauses) if (await execList(sh, c, cond) === 0) return execList(sh, body, ctx);
      return node.otherwise ? execList(sh, node.otherwise, ctx) : (sh.lastStatus = 0);
    case 'group':
      return execList(sh, node.body, ctx);
    case 'case': {
      // The word is not split into words; the first item with a matching pattern runs.
      const word = (await sh.expandWords([node.word], false)).join(' ');
      for (const { patterns, body } of node.items) {
        for (const p of patterns) if (matchPattern(await sh.expandPattern(p), word)) return execList(sh, body, ctx);
      }
      return (sh.lastStatus = 0);
    }
    case 'subshell':
      return sh.subshell((child) => execList(child, node.body, ctx));
    case 'for': {
      // bash checks the name when the loop runs: an error status, not a syntax error.
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(node.name)) {
        ctx.stderr(`lkm: \`${node.name}': not a valid identifier\n`);
        return (sh.lastStatus = 1);
      }
      const words = await sh.expandWords(node.words);
      return loop(sh, ctx, async (i) => {
        if (i >= words.length) return undefined;
        sh.env.set(node.name, words[i]!);
        return execList(sh, node.body, ctx);
      });
    }
    case 'while':
      return loop(sh, ctx, async () => ((await execList(sh, node.cond, cond) === 0) === node.until ? undefined : execList(sh, node.body, ctx)));
  }
}

/**
 * Runs a loop's iterations until `step` returns undefined (its condition failed, the words ran out); the
 * status is the last body's, 0 when none ran. break/continue N end or skip N levels of loops.
 */
async function loop(sh: Shell, ctx: ExecContext, step: (i: number) => Promise<number | undefined>): Promise<number> {
  let status = 0;
  sh.loopDepth++;
  try {
    for (let i = 0; ; i++) {
      await yieldNow();
      if (ctx.signal.aborted) throw new Interrupted();
      try {
        const s = await step(i);
        if (s === undefined) break;
        status = s;
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        status = 0;
        if (e.n > 1) { e.n--; throw e; }
        if (e.kind === 'break') break;
      }
    }
  } finally {
    sh.loopDepth--;
  }
  sh.lastStatus = status;
  return status;
}
