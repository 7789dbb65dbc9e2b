import 'reflect-metadata';
import { loadConfig } from '@tandem/config';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const { API_PORT } = loadConfig(['api']);
  const app = await createApiApp();
  await app.listen(API_PORT, '0.0.0.0');
  console.log(`[api] listening on http://127.0.0.1:${API_PORT} (OpenAPI: /api/docs)`);
}

bootstrap().catch((err: unknown) => {
  console.error('[api] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
