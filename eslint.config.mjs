import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

/**
 * Workflow code runs inside Temporal's deterministic sandbox: it may import only the
 * workflow SDK, the journey model's zod-free runtime entry (the sandbox evaluates a
 * workflow's imports for every run), its own files, and *types* of anything else.
 * Node built-ins, TypeORM, BullMQ, Nest, zod or any I/O are errors.
 */
const workflowImportRule = [
  'error',
  {
    patterns: [
      {
        regex: '^(?!(@temporalio/workflow|@tandem/journey-model/runtime)$)(?!\\.{1,2}/).*',
        allowTypeImports: true,
        message:
          'workflows/ is deterministic sandbox code: import only @temporalio/workflow, @tandem/journey-model/runtime (zod-free: the sandbox loads it for every run), local files, or `import type` of anything else.',
      },
    ],
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', 'reports/**', '**/vite.config.mts', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:package', onlyDependOnLibsWithTags: ['type:package'] },
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:package'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:package', 'type:workflow'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:package', 'type:workflow', 'type:app'] },
          ],
        },
      ],
    },
  },
  {
    // recheck is a native Node analyser: the browser bundle must never pull it in.
    files: ['apps/studio/src/**/*.ts', 'apps/studio/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['recheck', '@tandem/journey-model/regex-safety'].map((name) => ({
            name,
            message: 'Node only: the api reports unsafe patterns as `regex-unsafe` issues.',
          })),
        },
      ],
    },
  },
  {
    files: ['workflows/src/**/*.ts'],
    // Tests and their fixtures (harnesses, recorded histories) run in Node, not in the sandbox.
    ignores: ['workflows/src/**/*.spec.ts', 'workflows/src/**/*.integration-spec.ts', 'workflows/src/**/__fixtures__/**'],
    rules: { 'no-restricted-imports': workflowImportRule },
  },
);
