import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@tandem/config';
import cookieParser from 'cookie-parser';
import { json, text, type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module';
import { corsFor } from './common/cors.util';
import { CONTACTS_CSV_MAX_BYTES } from './conversations/contact-csv.util';
import { refuseUnstorableInput } from './common/storable-input.middleware';
import { ZodExceptionFilter } from './common/zod-exception.filter';

/**
 * Builds the api application (used by main.ts and by integration tests). The config is
 * validated first so that a bad variable fails start-up with its name.
 */
export async function createApiApp(): Promise<INestApplication> {
  const { NODE_ENV, TANDEM_PUBLIC_URL, TANDEM_STUDIO_URL } = loadConfig([
    'app',
    'api',
    'database',
    'redis',
    'temporal',
    'meta',
    'secrets',
    'media',
  ]);
  // bodyParser off: the webhook route must see the raw bytes for the signature check;
  // JSON parsing is added per route group by the modules that need it.
  const app = await NestFactory.create(AppModule, {
    bodyParser: false,
    logger: NODE_ENV === 'test' ? ['error', 'warn'] : ['error', 'warn', 'log'],
  });
  const parseJson = json({ limit: '5mb' });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/webhooks/') ? next() : parseJson(req, res, next)));
  // A contacts CSV may come as the request body (text/csv) instead of a multipart upload.
  const parseCsv = text({ type: ['text/csv', 'text/plain'], limit: CONTACTS_CSV_MAX_BYTES });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path === '/api/contacts/import' ? parseCsv(req, res, next) : next()));
  app.use(refuseUnstorableInput);
  app.use(cookieParser());
  app.enableShutdownHooks();
  app.enableCors(corsFor(TANDEM_PUBLIC_URL, TANDEM_STUDIO_URL));
  app.useGlobalFilters(new ZodExceptionFilter());
  const doc = new DocumentBuilder()
    .setTitle('Tandem API')
    .setDescription('Journeys, runs, contacts, numbers and the WhatsApp webhook of Tandem')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('tandem_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
  return app;
}
