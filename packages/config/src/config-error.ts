/** Raised when the environment holds a value that does not fit its schema. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; expected: string; received: string | undefined }[]) {
    super(
      'Invalid configuration:\n' +
        problems
          .map((p) => `  - ${p.variable}: expected ${p.expected}, got ${p.received === undefined ? 'nothing' : JSON.stringify(p.received)}`)
          .join('\n'),
    );
    this.name = 'ConfigError';
  }
}
