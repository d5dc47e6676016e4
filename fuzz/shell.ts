// Target: the shell's parser (src/shell/grammar.ts over lex.ts, and parse.ts's pipelines). Generated
// command lines of shell tokens (quotes, operators, redirections, substitutions, comments, keywords)
// are parsed into lists and compound commands; the only error allowed is the shell's own
// ShellSyntaxError (ShellIncomplete, an unfinished command, is one).

import fc from 'fast-check';
import { parsePipeline, startsSubstitution, substitutionEnd, ShellSyntaxError } from '../src/shell/parse.js';
import { Parser } from '../src/shell/grammar.js';
import type { Tally } from './tally.js';

const TOKENS = ['echo', 'insmod', 'x.ko', 'a=1', 'if', 'then', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'case', 'esac', ';;', '!', '<<', 'EOF', '$((', '))', ' ', ' ', '\t', '|', ';', '&&', '||', '&', '>', '>>', '<', '2>', '2>&1',
  '"', "'", '\\', '$(', ')', '`', '#', '$x', '${x}', '$?', '$', '=', '*', '~', '\n', '(', '{', '}', 'é', '\0'];

export const commandLine = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((t) => t.join('')),
  fc.string({ maxLength: 40 }),
);

/** Plain words (no character the shell treats specially): parsed to one command with exactly these words. */
const plainWords = fc.array(fc.stringMatching(/^[a-z0-9._=+-]{1,8}$/), { minLength: 1, maxLength: 6 });

/** Every command substitution's end is after its start and inside the line, or -1 (not closed). */
function checkSubstitutions(line: string): void {
  for (let i = 0; i < line.length; i++) {
    if (!startsSubstitution(line, i)) continue;
    const end = substitutionEnd(line, i);
    if (end !== -1 && (end <= i || end > line.length)) throw new Error(`substitution at ${i} ends at ${end}`);
  }
}

export function shellProperty(tally: Tally) {
  const vars = (name: string) => (name === 'x' ? 'a b' : '');
  const input = fc.oneof({ weight: 5, arbitrary: commandLine }, { weight: 1, arbitrary: plainWords.map((w) => w) });
  return fc.property(input, (generated) => {
    if (Array.isArray(generated)) {
      const argv = parsePipeline(generated.join(' '), vars).commands.map((c) => c.argv);
      if (JSON.stringify(argv) !== JSON.stringify([generated])) throw new Error(`parsed as ${JSON.stringify(argv)}`);
      tally.add('plain words');
      return;
    }
    const line = generated;
    checkSubstitutions(line);
    try {
      const parser = new Parser(line);
      let lists = 0;
      while (parser.next()) lists++;
      tally.add(lists ? 'parsed' : 'empty');
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      tally.add('ShellSyntaxError');
    }
  });
}
