import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadNodePackages } from '../registry/load-node-packages';
import { NodeRegistry } from '../registry/node-registry';
import { describeNodePackage, NODE_DESCRIPTION_FILE } from './node-package-description';
import { resolveNodePackageMain } from './read-node-package-description';

/**
 * Loads a node package (this runs its code: call it from the package's own build, never
 * from the api) and writes its `tandem-nodes.json` next to its main module.
 * @returns the path written.
 * @throws NodePackageError / NodeDescriptionError naming the package or node at fault.
 */
export function writeNodePackageDescription(specifier: string, resolveFrom = process.cwd()): string {
  const registry = new NodeRegistry();
  loadNodePackages([specifier], registry, resolveFrom);
  const file = join(dirname(resolveNodePackageMain(specifier, resolveFrom)), NODE_DESCRIPTION_FILE);
  writeFileSync(file, `${JSON.stringify(describeNodePackage(registry.list()), null, 2)}\n`);
  return file;
}
