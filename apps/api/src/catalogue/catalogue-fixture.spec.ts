import { describeNodePackage, readNodePackageDescription } from '@tandem/node-sdk';
import { join } from 'node:path';

// The api's catalogue tests read the fixture package's committed tandem-nodes.json; this
// keeps it equal to what the build step (tandem-describe-nodes) writes for its code.
it('the fixture node package description matches its code', () => {
  const dir = join(__dirname, '__fixtures__', 'acme-nodes');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { nodes } = require(dir) as { nodes: Parameters<typeof describeNodePackage>[0] };
  expect(readNodePackageDescription(dir)).toEqual(describeNodePackage(nodes));
});
