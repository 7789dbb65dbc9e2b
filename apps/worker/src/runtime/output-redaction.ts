import { redactionNeedles, redactText } from '@tandem/db';

/** How many credential values a worker process remembers for redaction (oldest forgotten first). */
const MAX_REMEMBERED = 10_000;

type Write = typeof process.stdout.write;

/**
 * The worker's process output, redacted for every credential value it has handed to a node.
 * A custom node may print a credential with its own `console.log`, `console.error` or
 * `process.stdout.write` — not only through `ctx.logger` — and may do so after its step has
 * ended (a timer, a late promise). So the single place is the process's stdout and stderr
 * writes, and values stay remembered for the life of the process (bounded), not per step.
 * Values shorter than the redaction minimum (see packages/db/src/secrets/redact.ts) cannot
 * be hidden without mangling ordinary text; the API refuses storing them.
 */
export class OutputRedactor {
  private readonly values = new Map<string, true>();
  private needles: string[] = [];

  /** Values handed to a node from now on are hidden from the process output. */
  remember(values: Iterable<string>): void {
    let changed = false;
    for (const v of values) {
      if (this.values.has(v)) continue;
      this.values.set(v, true);
      changed = true;
      if (this.values.size > MAX_REMEMBERED) this.values.delete(this.values.keys().next().value as string);
    }
    if (changed) this.needles = redactionNeedles(this.values.keys());
  }

  redact(text: string): string {
    return this.needles.length === 0 ? text : redactText(text, this.needles);
  }

  /** Wraps `stream.write` (stdout, stderr); returns a function that puts the original back. */
  install(stream: NodeJS.WriteStream): () => void {
    const original: Write = stream.write;
    const clean = (chunk: unknown): unknown => {
      if (this.needles.length === 0) return chunk;
      if (typeof chunk === 'string') return this.redact(chunk);
      if (!(chunk instanceof Uint8Array)) return chunk;
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
      const redacted = this.redact(text);
      return redacted === text ? chunk : Buffer.from(redacted, 'utf8');
    };
    const wrapped = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      return (original as (...args: unknown[]) => boolean).call(this, clean(chunk), ...rest);
    };
    stream.write = wrapped as Write;
    return () => {
      if (stream.write === wrapped) stream.write = original;
    };
  }
}

/** The worker process's redactor: `storeCredentials` feeds it, `main.ts` installs it on stdout and stderr. */
export const processOutput = new OutputRedactor();
