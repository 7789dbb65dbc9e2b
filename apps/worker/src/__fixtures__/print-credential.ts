/**
 * Child process for output-redaction.spec.ts: installs the worker's output redactor the way
 * main.ts does, is handed a credential the way `ctx.credentials.get` hands it out, then prints
 * it the ways a custom node might — console.log, console.error of an object, a raw Buffer
 * write, URL-encoded, and late, from a timer after "the step" ended.
 * Run with `node -r @swc-node/register print-credential.ts <secret>`.
 */
import { processOutput } from '../runtime/output-redaction';

const secret = process.argv[2];
processOutput.install(process.stdout);
processOutput.install(process.stderr);
processOutput.remember([secret]);
console.log(`calling https://crm.example/api?key=${secret}`);
console.error({ headers: { authorization: `Bearer ${secret}` } });
process.stdout.write(Buffer.from(`raw ${secret}\n`, 'utf8'));
console.log(`encoded ${encodeURIComponent(secret)}`);
setTimeout(() => console.warn(`late ${secret}`), 10);
