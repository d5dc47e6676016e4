// Reading a TypeScript file's import specifiers (the structure tests check who imports whom).

/** Module specifiers of a file's import and export-from statements and import() calls (type-only ones too). */
export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  // `import … from 'x'`, `export … from 'x'`, `import 'x'`: the first quote after the keyword is the specifier's.
  for (const m of text.matchAll(/^\s*(?:import|export)\b(?:[^'"`;]*?\bfrom)?\s*(['"])([^'"]+)\1/gm)) out.push(m[2]!);
  for (const m of text.matchAll(/\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g)) out.push(m[2]!);
  return out;
}
