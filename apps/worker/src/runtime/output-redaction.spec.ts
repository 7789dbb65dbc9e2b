import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REDACTED } from '@tandem/db';
import { OutputRedactor } from './output-redaction';

describe('the worker process output', () => {
  it('hides a credential a node prints with its own console.log / console.error / stdout writes, even late', () => {
    const secret = 'crm-key-Zq8/+s 3x&y'; // characters that URL and JSON encoding change
    const child = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '..', '__fixtures__', 'print-credential.ts'), secret],
      { encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', '..', '..', 'tsconfig.base.json') } },
    );
    expect(child.status).toBe(0);
    const output = child.stdout + child.stderr;
    expect(output).toContain('calling https://crm.example/api?key=[redacted]');
    expect(output).toContain('Bearer [redacted]');
    expect(output).toContain(`raw ${REDACTED}`);
    expect(output).toContain(`encoded ${REDACTED}`);
    expect(output).toContain(`late ${REDACTED}`);
    expect(output).not.toContain(secret);
    expect(output).not.toContain(encodeURIComponent(secret));
    expect(output).not.toContain('crm-key-Zq8');
  });

  it('leaves output alone until a value is remembered, and restores the stream on uninstall', () => {
    const written: unknown[] = [];
    const stream = { write: (chunk: unknown) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
    const redactor = new OutputRedactor();
    const uninstall = redactor.install(stream);
    stream.write('token-123456 before');
    redactor.remember(['token-123456']);
    stream.write('token-123456 after');
    stream.write(Buffer.from('bytes token-123456'));
    uninstall();
    stream.write('token-123456 uninstalled');
    expect(written.map(String)).toEqual(['token-123456 before', `${REDACTED} after`, `bytes ${REDACTED}`, 'token-123456 uninstalled']);
  });
});
