import { redactionNeedles, redactText } from '@tandem/db';
import { stepLogger, type StepLogEntry } from './node-ports';

describe('stepLogger', () => {
  it('keeps every entry for the step and mirrors warnings and errors to the worker log, redacted', () => {
    const entries: StepLogEntry[] = [];
    const secrets = ['s3cr3t-canary-value'];
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const logger = stepLogger(entries, 'acme.crm-lookup@1 run-1:3', (text) => redactText(text, redactionNeedles(secrets)));
      logger.info('looking up');
      logger.warn('CRM refused key s3cr3t-canary-value');
      logger.error('giving up', { attempt: 2 });
      expect(entries.map((e) => e.level)).toEqual(['info', 'warn', 'error']);
      expect(warn).toHaveBeenCalledWith('[node acme.crm-lookup@1 run-1:3] CRM refused key [redacted]');
      expect(error).toHaveBeenCalledWith('[node acme.crm-lookup@1 run-1:3] giving up');
      expect(JSON.stringify([...warn.mock.calls, ...error.mock.calls])).not.toContain('s3cr3t-canary-value');
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
