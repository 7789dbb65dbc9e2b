import { join } from 'node:path';
import { loadNodePackages, NodePackageError } from './load-node-packages';
import { NodeRegistry } from './node-registry';

const fixtures = join(__dirname, '../__fixtures__/packages');

describe('loadNodePackages', () => {
  it('registers the nodes a package exports, by relative or absolute path', () => {
    const registry = new NodeRegistry();
    const loaded = loadNodePackages(['./good-nodes', join(fixtures, 'esm-default-nodes.js')], registry, fixtures);
    expect(loaded).toEqual([
      { specifier: './good-nodes', nodes: ['fixture.echo@1'] },
      { specifier: join(fixtures, 'esm-default-nodes.js'), nodes: ['fixture.echo-esm@1'] },
    ]);
    expect(registry.require('fixture.echo@1').label).toBe('Echo');
  });

  test.each([
    ['./no-nodes', 'node package "./no-nodes": must export `nodes`'],
    ['./bad-item', 'node package "./bad-item": nodes[1] (fixture.broken@1) has no run() function'],
    ['./throws-on-load', 'node package "./throws-on-load": cannot be loaded (missing CRM_URL environment variable)'],
    ['@acme/not-installed', /^node package "@acme\/not-installed": cannot be loaded \(.*Cannot find module '@acme\/not-installed'/],
  ])('names the package when %s is not a valid node package', (specifier, message) => {
    const registry = new NodeRegistry();
    const error = (() => {
      try {
        loadNodePackages([specifier], registry, fixtures);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NodePackageError);
    expect((error as Error).message).toMatch(message);
    expect(registry.list()).toEqual([]);
  });

  it('reports two packages defining the same node type', () => {
    const registry = new NodeRegistry();
    expect(() => loadNodePackages(['./good-nodes', './good-nodes.js'], registry, fixtures)).toThrow(
      'node package "./good-nodes.js": node type fixture.echo@1 is registered twice',
    );
  });
});
