/** Raised when the environment holds a value that does not fit its schema. */
export class ConfigError extends Error {
  constructor(
    readonly problems: {
      variable: string;
      expected: string;
      received?: string;
      /** Describes the value instead of quoting it (secrets never appear in the message). */
      got?: string;
    }[],
  ) {
    super(
      'Invalid configuration:\n' +
        problems
          .map(
            (p) =>
              `  - ${p.variable}: expected ${p.expected}, got ${p.got ?? (p.received === undefined ? 'nothing' : JSON.stringify(p.received))}`,
          )
          .join('\n'),
    );
    this.name = 'ConfigError';
  }
}
