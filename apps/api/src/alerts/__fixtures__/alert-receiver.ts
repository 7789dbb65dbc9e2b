import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One post the receiver got, with its raw body. */
export interface ReceivedPost {
  headers: IncomingHttpHeaders;
  raw: string;
  status: number;
}

/**
 * A stand-in for a customer's alert endpoint on loopback: records every post and answers
 * the statuses it is told, in order (then 200). Verifies signatures on its own, as a
 * receiver following docs/alerts.md would, without Tandem's code.
 */
export async function startAlertReceiver(answers: number[] = []): Promise<{
  url: string;
  posts: ReceivedPost[];
  verify(post: ReceivedPost, secret: string): boolean;
  close(): Promise<void>;
}> {
  const posts: ReceivedPost[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      posts.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tandem-alerts`,
    posts,
    verify(post, secret) {
      const ts = String(post.headers['x-tandem-timestamp']);
      if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
      const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${ts}.${post.raw}`).digest('hex')}`);
      const given = Buffer.from(String(post.headers['x-tandem-signature']));
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
