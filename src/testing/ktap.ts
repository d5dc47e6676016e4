// KTAP (Documentation/dev-tools/ktap.rst) as KUnit prints it to the kernel log: nested lists of results,
// one indentation level (4 spaces) per level of nesting. Parsed into a tree of tests the way kunit.py
// reads it: lines that are not KTAP (expectation failures, an Oops, kunit_info) are the log of the
// test whose result line comes next at that level.

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'crashed';

export interface KtapTest {
  name: string;
  status: TestStatus;
  /** The SKIP reason, or the directive text after '#'. */
  directive?: string;
  /** Its number in the parent's list. */
  number: number;
  /** Diagnostic lines before its result line (indentation of its own level removed). */
  log: string[];
  /** Set when the test is a list itself (a suite, a parameterised case). */
  subtests?: KtapTest[];
  /** The plan's count ("1..N"), when the list had one. */
  expected?: number;
}

export interface KtapDocument {
  /** The top-level list: a module's suites. */
  tests: KtapTest[];
  expected?: number;
  /** Lines of the log from "KTAP version 1" on, as printed (for --raw). */
  lines: string[];
  /** Problems found while parsing (a missing result line, a plan not met). */
  errors: string[];
}

const VERSION = /^(\s*)K?TAP version \d+$/;
const PLAN = /^\s*1\.\.(\d+)$/;
const SUBTEST = /^\s*# Subtest: (.*)$/;
const RESULT = /^(\s*)(ok|not ok) (\d+)(?: - )? ?([^#]*?)\s*(?:# (.*))?$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A log line shown at its test's own level: the list's indentation removed where the line has it. */
function dedent(line: string, n: number): string {
  return line.startsWith(' '.repeat(n)) ? line.slice(n) : line;
}

interface OpenList {
  indent: number;
  name: string;
  expected?: number;
  tests: KtapTest[];
  /** Log lines waiting for the next result line of this list. */
  pending: string[];
  /** Log lines the list collected before it began (its parent's pending when it opened). */
  before: string[];
}

function statusOf(ok: boolean, directive: string | undefined): TestStatus {
  if (directive && /^skip\b/i.test(directive)) return 'skipped';
  return ok ? 'passed' : 'failed';
}

/** The KTAP document in `lines` (kernel log lines without timestamps), from its first "KTAP version". */
export function parseKtap(lines: string[]): KtapDocument {
  const start = lines.findIndex((l) => VERSION.test(l) && indentOf(l) === 0);
  const doc: KtapDocument = { tests: [], lines: start < 0 ? [] : lines.slice(start), errors: [] };
  if (start < 0) {
    doc.errors.push('Could not find any KTAP output. Did any KUnit tests run?');
    return doc;
  }
  const stack: OpenList[] = [{ indent: 0, name: '', tests: [], pending: [], before: [] }];
  const top = () => stack[stack.length - 1]!;

  for (const line of doc.lines.slice(1)) {
    const indent = indentOf(line);
    const version = VERSION.exec(line);
    if (version && indent > top().indent) {
      const parent = top();
      stack.push({ indent, name: '', tests: [], pending: [], before: parent.pending.splice(0) });
      continue;
    }
    const sub = SUBTEST.exec(line);
    if (sub && indent === top().indent && top().tests.length === 0 && !top().name) {
      top().name = sub[1]!;
      continue;
    }
    const plan = PLAN.exec(line);
    if (plan && indent === top().indent && top().expected === undefined && top().tests.length === 0) {
      top().expected = Number(plan[1]);
      if (stack.length === 1) doc.expected = top().expected;
      continue;
    }
    const result = RESULT.exec(line);
    if (result && stack.length > 1 && indent < top().indent) {
      // Lists more than one level deeper never got their result line: they crashed.
      while (stack.length > 2 && indent < stack[stack.length - 2]!.indent) closeCrashed(stack, doc);
      const done = stack.pop()!;
      top().tests.push(listResult(done, top(), result, doc));
      continue;
    }
    if (result && indent === top().indent) {
      const list = top();
      list.tests.push({
        name: result[4]!.trim(), number: Number(result[3]), directive: result[5],
        status: statusOf(result[2] === 'ok', result[5]), log: list.pending.splice(0).map((l) => dedent(l, list.indent)),
      });
      continue;
    }
    // Between a list's header and its plan (attributes such as "# module: NAME"): the list's own log.
    const list = top();
    if (stack.length > 1 && list.expected === undefined && list.tests.length === 0) list.before.push(dedent(line, list.indent));
    else list.pending.push(line);
  }
  // Lists whose result line never came: their tests crashed (the kernel stopped printing).
  while (stack.length > 1) closeCrashed(stack, doc);
  doc.tests = top().tests;
  if (doc.expected !== undefined && doc.tests.length < doc.expected) {
    doc.errors.push(`expected ${doc.expected} tests, but found ${doc.tests.length}`);
    for (let n = doc.tests.length + 1; n <= doc.expected; n++) {
      doc.tests.push({ name: '', number: n, status: 'crashed', log: [] });
    }
  }
  return doc;
}

function listTest(list: OpenList, parent: OpenList): KtapTest {
  const log = [...list.before, ...list.pending].map((l) => dedent(l, parent.indent));
  return { name: list.name, number: parent.tests.length + 1, status: 'crashed', log, subtests: list.tests, expected: list.expected };
}

/** The innermost list, ended by its result line in the parent. */
function listResult(list: OpenList, parent: OpenList, result: RegExpExecArray, doc: KtapDocument): KtapTest {
  const t = listTest(list, parent);
  t.name = list.name || result[4]!.trim();
  t.number = Number(result[3]);
  t.directive = result[5];
  t.status = statusOf(result[2] === 'ok', result[5]);
  if (list.expected !== undefined && list.tests.length < list.expected) {
    doc.errors.push(`${t.name}: expected ${list.expected} subtests, but found ${list.tests.length}`);
    t.status = 'crashed';
  }
  return t;
}

function closeCrashed(stack: OpenList[], doc: KtapDocument): void {
  const list = stack.pop()!;
  const t = listTest(list, stack[stack.length - 1]!);
  stack[stack.length - 1]!.tests.push(t);
  doc.errors.push(`missing result line for ${t.name || 'a subtest'}`);
}

export interface TestCounts { passed: number; failed: number; crashed: number; skipped: number; errors: number }

/** Leaf tests by status (a list counts through its subtests), as kunit.py's TestCounts. */
export function countTests(tests: KtapTest[], into: TestCounts = { passed: 0, failed: 0, crashed: 0, skipped: 0, errors: 0 }): TestCounts {
  for (const t of tests) {
    if (t.subtests && t.subtests.length) countTests(t.subtests, into);
    else into[t.status]++;
  }
  return into;
}

export function totalOf(c: TestCounts): number {
  return c.passed + c.failed + c.crashed + c.skipped + c.errors;
}
