import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

// Compared as HMACs under a key of this process: equal lengths, constant time.
const KEY = randomBytes(32);
const digest = (value: string) => createHmac('sha256', KEY).update(value, 'utf8').digest();

/**
 * Guards the `/_sim` control API with `Authorization: Bearer <token>` (SIMULATOR_CONTROL_TOKEN,
 * required with NODE_ENV=production). Whoever reaches that API can inject "customer"
 * messages that the simulator signs with the real app secret, or point its signed webhooks
 * elsewhere. `/_sim/media/...` is left to the Graph access-token check it has, like Meta's CDN.
 */
export function requireControlToken(token: string) {
  const expected = digest(token);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isControlPath(req.path)) return next();
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (given && timingSafeEqual(digest(given), expected)) return next();
    res
      .status(401)
      .setHeader('www-authenticate', 'Bearer realm="simulator control"')
      .json({ error: { message: 'The simulator control API needs Authorization: Bearer <SIMULATOR_CONTROL_TOKEN>.' } });
  };
}

const isControlPath = (path: string) => (path === '/_sim' || path.startsWith('/_sim/')) && !path.startsWith('/_sim/media/');
