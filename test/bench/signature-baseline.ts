// The baseline of the intake benchmark: a bare node:http handler that only reads the
// body and checks X-Hub-Signature-256, then answers 200. Run as its own process.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@tandem/whatsapp';

const secret = process.argv[2] ?? 'bench-secret';
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const ok = verifySignature(Buffer.concat(chunks), req.headers['x-hub-signature-256'] as string | undefined, secret).ok;
    res.writeHead(ok ? 200 : 401).end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
