// Shared Jest setup: @swc/jest (fast, keeps decorator metadata for Nest), workspace
// packages mapped to their sources so tests never need a prior build.
const path = require('node:path');

const root = __dirname;

/** @param {string} projectDir absolute path of the project */
module.exports = function preset(projectDir, extra = {}) {
  const name = path.relative(root, projectDir).replace(/[\\/]/g, '-');
  return {
    displayName: name,
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleNameMapper: {
      '^@tandem/node-sdk/testing$': `${root}/packages/node-sdk/src/testing/index.ts`,
      '^@tandem/journey-model/runtime$': `${root}/packages/journey-model/src/runtime.ts`,
      '^@tandem/journey-model/regex-safety$': `${root}/packages/journey-model/src/regex-safety.ts`,
      '^@tandem/workflows$': `${root}/workflows/src/index.ts`,
      '^@tandem/(api-contract|config|db|journey-model|node-sdk|nodes-core|testing|whatsapp)$': `${root}/packages/$1/src/index.ts`,
    },
    reporters: ['default', [`${root}/scripts/jest-summary-reporter.js`, { name }]],
    ...extra,
  };
};
