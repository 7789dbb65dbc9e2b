import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as runtime from './runtime';
import * as model from './index';

/** Modules `file` loads at run time: value imports and re-exports (`import type` / `export type` are erased). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?'([^']+)';/gms;
  for (const match of source.matchAll(statement)) specifiers.push(match[1]);
  return specifiers;
}

function loadedBy(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/')) return; // a package: listed, not followed
    for (const spec of runtimeImports(file)) visit(spec.startsWith('.') ? `${resolve(dirname(file), spec)}.ts` : spec);
  };
  visit(entry);
  return seen;
}

describe('@tandem/journey-model/runtime', () => {
  const loaded = [...loadedBy(join(__dirname, 'runtime.ts'))];

  it('loads no zod and no schema module (the workflow sandbox evaluates it for every run)', () => {
    expect(loaded).toEqual(
      expect.arrayContaining([join(__dirname, 'eval', 'condition.util.ts'), join(__dirname, 'graph', 'next-node-id.util.ts')]),
    );
    expect(loaded.filter((f) => !f.startsWith('/'))).toEqual([]);
    expect(loaded.filter((f) => f.endsWith('.schema.ts') || f.endsWith('.node.ts'))).toEqual([]);
  });

  it('the scan sees value imports and skips type-only ones', () => {
    const nodeFile = join(__dirname, 'flow-nodes', 'wait-for-reply.node.ts');
    expect(runtimeImports(nodeFile)).toEqual(expect.arrayContaining(['zod', '../document/common.schema']));
    expect(runtimeImports(nodeFile)).not.toContain('../catalogue/node-spec.types');
  });

  it('the main entry (the studio bundles it) never loads the Node-only regex safety check', () => {
    const main = [...loadedBy(join(__dirname, 'index.ts'))];
    expect(main).toContain(join(__dirname, 'regex', 'author-patterns.util.ts'));
    expect(main.filter((f) => !f.startsWith('/'))).toEqual(['zod']);
    expect(main.filter((f) => f.includes('regex-safety') || f.endsWith('check-pattern.ts') || f.endsWith('pattern-safety.ts'))).toEqual([]);
    expect(runtimeImports(join(__dirname, 'regex', 'check-pattern.ts'))).toEqual(['recheck']);
  });

  it('exports the same functions and constants as the main entry', () => {
    for (const [name, value] of Object.entries(runtime)) expect([name, (model as Record<string, unknown>)[name]]).toEqual([name, value]);
  });
});
