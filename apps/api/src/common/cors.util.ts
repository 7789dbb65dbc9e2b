import type { CorsOptions, CorsOptionsDelegate } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Request } from 'express';

/**
 * CORS for the api: only the origins of TANDEM_PUBLIC_URL (the api itself, its OpenAPI
 * page) and TANDEM_STUDIO_URL (the studio) may read responses, with credentials (the
 * session cookie). Any other origin gets no CORS headers, so a page elsewhere cannot read
 * what a signed-in browser would be answered.
 */
export function corsFor(...urls: string[]): CorsOptionsDelegate<Request> {
  const allowed = new Set(urls.map((u) => new URL(u).origin));
  return (req, callback) => {
    const origin = req.headers.origin;
    const options: CorsOptions = origin && allowed.has(origin) ? { origin, credentials: true } : { origin: false };
    callback(null, options);
  };
}
