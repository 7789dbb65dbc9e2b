import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(60_000);

const root = join(__dirname, '../..');
const WORKFLOW_FILE = 'workflows/src/example.workflow.ts';

// ESLint's flat config is ESM, which Jest's VM cannot load: lint in a child process with
// the project's real eslint.config.mjs, exactly as `nx lint` does.
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
Promise.all(probes.map(async ([code, file]) => {
  const [r] = await eslint.lintText(code + '\\nexport const x = 1;\\n', { filePath: file });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
})).then((out) => process.stdout.write('\\n@@RESULT@@' + JSON.stringify(out)));
`;

const rejected = [
  "import { readFileSync } from 'fs';",
  "import { readFileSync } from 'node:fs';",
  "import { DataSource } from 'typeorm';",
  "import { Queue } from 'bullmq';",
  "import { Injectable } from '@nestjs/common';",
  "import { Worker } from '@temporalio/worker';",
  "import { WhatsAppClient } from '@tandem/whatsapp';",
  "import { validateJourney } from '@tandem/journey-model';",
  "import { z } from 'zod';",
];
const allowed = [
  "import { proxyActivities } from '@temporalio/workflow';",
  "import { nextNodeId } from '@tandem/journey-model/runtime';",
  "import type { JourneyDocument } from '@tandem/journey-model';",
  "import { helper } from './interpreter.util';",
  "import type { DataSource } from 'typeorm';",
];
const outside: [string, string] = ["import { readFileSync } from 'fs';", 'apps/worker/src/x.ts'];

const results = new Map<string, string[]>();

beforeAll(() => {
  const probes: [string, string][] = [...rejected, ...allowed].map((c) => [c, WORKFLOW_FILE]);
  probes.push(outside);
  const out = execFileSync(process.execPath, ['-e', LINT_SCRIPT, JSON.stringify(probes.map(([c, f]) => [c, join(root, f)]))], {
    cwd: root,
    encoding: 'utf8',
  });
  (JSON.parse(out.split('@@RESULT@@')[1]) as string[][]).forEach((messages, i) => results.set(probes[i].join('|'), messages));
});

const errorsFor = (code: string, file = WORKFLOW_FILE): string[] => results.get(`${code}|${file}`) ?? ['<not linted>'];

describe('workflows/ may import only deterministic code', () => {
  it.each(rejected)('rejects %s', (code) => {
    const errors = errorsFor(code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('deterministic sandbox code');
  });

  it.each(allowed)('allows %s', (code) => {
    expect(errorsFor(code)).toEqual([]);
  });

  it('does not restrict the same import outside workflows/', () => {
    expect(errorsFor(...outside)).toEqual([]);
  });
});
