import { journeyBuilder, validateJourney, flowCatalogue } from '@tandem/journey-model';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defineNode } from '../define-node';
import { NodePackageError } from '../registry/load-node-packages';
import { describeNodePackage, NODE_DESCRIPTION_FILE } from './node-package-description';
import { catalogueEntryOf, readNodePackageDescription } from './read-node-package-description';
import { writeNodePackageDescription } from './write-node-package-description';

const lookup = defineNode({
  type: 'acme.lookup',
  version: 2,
  label: 'Lookup',
  category: 'Test',
  icon: 'box',
  description: 'Looks up.',
  config: z.object({ by: z.enum(['phone', 'email']).default('phone'), fields: z.record(z.string(), z.string().regex(/^\w+$/)) }),
  ports: ['found', 'error'],
  run: async () => ({ port: 'found' }),
});

/** A package on disk whose main module counts how often it is loaded (its code ran). */
function packageDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-nodes-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture-nodes', main: 'dist/index.js' }));
  writeFileSync(
    join(dir, 'dist', 'index.js'),
    `const { z } = require(${JSON.stringify(require.resolve('zod'))});
     globalThis.__fixtureNodesLoads = (globalThis.__fixtureNodesLoads ?? 0) + 1;
     module.exports = { nodes: [{ kind: 'action', type: 'fixture.ping', version: 1, key: 'fixture.ping@1', label: 'Ping',
       category: 'Test', icon: 'bell', description: 'Pings.', configSchema: z.object({ host: z.string().min(1) }),
       ports: () => ['main'], staticPorts: ['main'], run: async () => ({ port: 'main' }) }] };`,
  );
  return dir;
}

describe('node package descriptions', () => {
  const loads = () => (globalThis as { __fixtureNodesLoads?: number }).__fixtureNodesLoads ?? 0;

  it('describes nodes with fixed ports and config JSON Schema, and checks configs like the zod schema', () => {
    const [node] = describeNodePackage([lookup]).nodes;
    expect(node).toMatchObject({ key: 'acme.lookup@2', kind: 'action', ports: ['found', 'error'], defaultConfig: null });
    expect(node.configJsonSchema).toEqual(expect.objectContaining({ required: ['fields'] }));
    const entry = catalogueEntryOf(node);
    expect(entry.configSchema.safeParse({ fields: { plan: 'plan' } }).success).toBe(true);
    expect(entry.configSchema.safeParse({ by: 'fax', fields: {} }).success).toBe(false);
    expect(entry.configSchema.safeParse({ fields: { plan: 'not a word' } }).success).toBe(false);

    const doc = journeyBuilder()
      .trigger({ kind: 'api' })
      .node('l', 'acme.lookup@2', { fields: {} })
      .node('end', 'core.end@1')
      .edge('l', 'missing', 'end')
      .build();
    expect(validateJourney(doc, { ...flowCatalogue, 'acme.lookup@2': entry }).map((i) => i.code)).toEqual(['unknown-port']);
  });

  it('refuses nodes whose ports are computed from config', () => {
    const dynamic = defineNode({
      type: 'acme.buttons',
      version: 1,
      label: 'Buttons',
      category: 'Test',
      icon: 'box',
      description: 'One port per button.',
      config: z.object({ buttons: z.array(z.string()) }),
      ports: (config) => config.buttons,
      run: async () => ({ port: 'main' }),
    });
    expect(() => describeNodePackage([dynamic])).toThrow('node acme.buttons@1: its ports depend on its config');
  });

  it('writes tandem-nodes.json at build time and reads it back without loading the package', () => {
    const dir = packageDir();
    try {
      const file = writeNodePackageDescription(dir);
      expect(file).toBe(join(dir, 'dist', NODE_DESCRIPTION_FILE));
      expect(loads()).toBe(1);
      const description = readNodePackageDescription(dir);
      expect(loads()).toBe(1);
      expect(description.nodes.map((n) => [n.key, n.ports])).toEqual([['fixture.ping@1', ['main']]]);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(description);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['missing', undefined, /tandem-nodes\.json is missing: run tandem-describe-nodes/],
    ['not JSON', '{', /is not valid JSON/],
    ['malformed', JSON.stringify({ format: 'tandem-nodes/1', nodes: [{ key: 'x' }] }), /is malformed/],
  ])('names the package when its description is %s', (_case, contents, message) => {
    const dir = packageDir();
    try {
      if (contents !== undefined) writeFileSync(join(dir, 'dist', NODE_DESCRIPTION_FILE), contents);
      expect(() => readNodePackageDescription(dir)).toThrow(NodePackageError);
      expect(() => readNodePackageDescription(dir)).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
