import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** A module's imports that run with it: `import type` and dynamic `import()` left out, as the bundler does. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      const typesOnly = clause !== undefined && (clause.isTypeOnly
        || (!clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly)));
      if (!typesOnly) found.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !statement.isTypeOnly) {
      found.push(statement.moduleSpecifier.text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? join(dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

/** Every package a module's static imports reach, with the chain of our files that reaches it first. */
function packagesReached(entry: string): Map<string, string[]> {
  const start = join(ROOT, entry);
  const chains = new Map<string, string[]>([[start, [entry]]]);
  const packages = new Map<string, string[]>();
  const queue = [start];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const specifier of valueImports(file)) {
      if (specifier.endsWith('.css')) continue;
      const local = resolveLocal(file, specifier);
      if (local === undefined) {
        const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
        if (!packages.has(name)) packages.set(name, chains.get(file)!);
      } else if (!chains.has(local)) {
        chains.set(local, [...chains.get(file)!, relative(ROOT, local)]);
        queue.push(local);
      }
    }
  }
  return packages;
}

/**
 * What evaluates before the options page's first render must not include zod (issue 13, fast first
 * open: building its schemas was the largest part of the page's own cost). Its checks load after.
 */
describe('what the options page loads before its first render', () => {
  it.each([
    'entrypoints/options/main.tsx',
    'components/options/OptionsPage.tsx',
    // Loaded right after the first render, while the settings may still be on their way.
    'components/options/CalibrateSection.tsx',
  ])('%s reaches no zod through its static imports', (entry) => {
    // The chain that reaches it, when one does, is what the failure shows.
    expect(packagesReached(entry).get('zod')?.join(' → ')).toBeUndefined();
  });

  it('the checks it loads afterwards do reach zod (the walk follows what it should)', () => {
    expect(packagesReached('components/options/alerts-check.ts').get('zod')).toEqual(
      ['components/options/alerts-check.ts', 'lib/settings/schema.ts'],
    );
    expect(packagesReached('lib/settings/policy-cache.ts').get('zod')?.at(-1)).toBe('lib/settings/managed.ts');
  });
});
