import type { CatalogueEntry } from '@tandem/journey-model';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { NodePackageError } from '../registry/load-node-packages';
import {
  NODE_DESCRIPTION_FILE,
  nodePackageDescriptionSchema,
  type NodeDescription,
  type NodePackageDescription,
} from './node-package-description';

/**
 * Where a package's main module is, found the way `require` would but without running it
 * (`require.resolve` only reads `package.json` and the file system).
 */
export function resolveNodePackageMain(specifier: string, resolveFrom = process.cwd()): string {
  const target = specifier.startsWith('.') || isAbsolute(specifier) ? resolve(resolveFrom, specifier) : specifier;
  try {
    return createRequire(join(resolve(resolveFrom), 'noop.js')).resolve(target);
  } catch (error) {
    throw new NodePackageError(specifier, `cannot be found (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, {
      cause: error,
    });
  }
}

/**
 * Reads and checks the `tandem-nodes.json` a node package's build wrote next to its main
 * module. Never loads the package's code: this is how the api learns about custom nodes.
 * @throws NodePackageError naming the package when the file is missing or malformed.
 */
export function readNodePackageDescription(specifier: string, resolveFrom = process.cwd()): NodePackageDescription {
  const file = join(dirname(resolveNodePackageMain(specifier, resolveFrom)), NODE_DESCRIPTION_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'is not valid JSON';
    throw new NodePackageError(
      specifier,
      `${file} ${problem}: run tandem-describe-nodes in the package's build (see docs/custom-nodes.md)`,
      {
        cause: error,
      },
    );
  }
  const parsed = nodePackageDescriptionSchema.safeParse(raw);
  if (!parsed.success) throw new NodePackageError(specifier, `${file} is malformed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The validation entry of a described node: its config checked against the package's JSON
 * Schema (turned back into a zod schema), its ports the declared list.
 */
export function catalogueEntryOf(node: NodeDescription): CatalogueEntry {
  const ports = [...node.ports];
  return {
    kind: 'action',
    configSchema: z.fromJSONSchema(node.configJsonSchema as Parameters<typeof z.fromJSONSchema>[0]),
    ports: () => [...ports],
    sendsFreeForm: node.sendsFreeForm,
    sendsTemplate: node.sendsTemplate,
  };
}
