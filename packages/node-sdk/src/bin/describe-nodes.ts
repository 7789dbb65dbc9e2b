#!/usr/bin/env node
// `tandem-describe-nodes [package dir or module, default .]`: a node package's build step. Writes the
// static description (tandem-nodes.json) the api reads instead of loading the package.
import { resolve } from 'node:path';
import { writeNodePackageDescription } from '../description/write-node-package-description';

// Always a path (the package's directory or main module), never a package name.
const specifier = resolve(process.argv[2] ?? '.');
try {
  console.log(`wrote ${writeNodePackageDescription(specifier)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
