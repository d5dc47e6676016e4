// Shell functions: `NAME() { …; }` defines, `NAME ARGS` calls with ARGS as $1 … for the call's length,
// `return [N]` ends the call (or a sourced script), `local NAME[=VALUE]` gives a variable back its value
// when the call returns (bash's dynamic scope).

import type { CompoundNode } from './grammar.js';
import type { Command, Shell } from './shell.js';

/** `return`: unwinds to the function call or the `.` that runs the script. */
export class ReturnUnwind extends Error {}

export interface FunctionCall { name: string; body: CompoundNode; args: string[]; assigns: [string, string][] }

/** The function an expanded command calls (NAME=value words before its name are its environment). */
export function functionCall(sh: Shell, argv: string[]): FunctionCall | undefined {
  const assigns: [string, string][] = [];
  let i = 0;
  for (let m; i < argv.length && (m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(argv[i]!)); i++) assigns.push([m[1]!, m[2]!]);
  const name = argv[i];
  const body = name === undefined ? undefined : sh.functions.get(name);
  return body && name !== undefined ? { name, body, args: argv.slice(i + 1), assigns } : undefined;
}

/** Runs a call's body in a frame: its arguments, NAME=value words and `local`s are undone at its end. */
export async function callFunction(sh: Shell, call: FunctionCall, body: () => Promise<number>): Promise<number> {
  const positional = sh.positional;
  const frame = new Map<string, string | undefined>();
  for (const [k, v] of call.assigns) {
    frame.set(k, sh.env.get(k));
    sh.env.set(k, v);
  }
  sh.positional = call.args;
  sh.frames.push(frame);
  try {
    return await body();
  } catch (e) {
    if (e instanceof ReturnUnwind) return sh.lastStatus;
    throw e;
  } finally {
    sh.frames.pop();
    sh.positional = positional;
    for (const [k, v] of frame) if (v === undefined) sh.env.delete(k); else sh.env.set(k, v);
  }
}

export const FUNCTION_BUILTINS: Record<string, Command> = {
  async return(argv, io, sh) {
    if (sh.frames.length === 0 && sh.sourcing === 0) {
      io.stderr("lkm: return: can only `return' from a function or sourced script\n");
      return 2;
    }
    const arg = argv[1];
    if (arg !== undefined && !/^-?\d+$/.test(arg)) {
      io.stderr(`lkm: return: ${arg}: numeric argument required\n`);
      sh.returnStatus = 2;
      return 2;
    }
    sh.returnStatus = arg === undefined ? sh.lastStatus : Number(arg) & 0xff;
    return sh.returnStatus;
  },
  async local(argv, io, sh) {
    const frame = sh.frames[sh.frames.length - 1];
    if (!frame) { io.stderr('lkm: local: can only be used in a function\n'); return 1; }
    let status = 0;
    for (const a of argv.slice(1)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
      if (!m) { io.stderr(`lkm: local: \`${a}': not a valid identifier\n`); status = 1; continue; }
      if (!frame.has(m[1]!)) frame.set(m[1]!, sh.env.get(m[1]!));
      sh.env.set(m[1]!, m[2] ?? '');
    }
    return status;
  },
};
