import { Controller, Get, type INestApplication } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import { createTestDatabase, dropRedisPrefix, type TestDatabase } from '@tandem/testing';
import cookieParser from 'cookie-parser';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../app.module';
import { IS_PUBLIC } from '../common/public.decorator';
import { createHarnessAdmin } from './__fixtures__/principals';
import { REQUIRED_PERMISSION } from './permission.decorator';

jest.setTimeout(60_000);

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A route someone forgot to declare: the guard must keep it closed to everyone. */
@Controller('test-only')
class UndeclaredTestController {
  @Get('undeclared')
  open(): { reached: true } {
    return { reached: true };
  }
}

/** `Controller.method` of every route handler that is neither `@Public()` nor declares a permission. */
function undeclaredRoutes(app: INestApplication): string[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const found: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: unknown[]) => object) | null;
    if (!type) continue;
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const handler = (type.prototype as Record<string, () => unknown>)[name];
      if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined)
        continue;
      const targets = [handler, type];
      const declared = reflector.getAllAndOverride(IS_PUBLIC, targets) || reflector.getAllAndOverride(REQUIRED_PERMISSION, targets);
      if (!declared) found.push(`${type.name}.${name}`);
    }
  }
  return found;
}

describe('route declarations: every route is public or declares a permission', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let prefix: string;

  beforeAll(async () => {
    db = await createTestDatabase('auth_route_declarations');
    prefix = `test-declarations-${randomUUID().slice(0, 8)}`;
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '3',
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      TEMPORAL_TASK_QUEUE: prefix,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule, DiscoveryModule],
      controllers: [UndeclaredTestController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    app.use(cookieParser());
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await dropRedisPrefix(prefix, REDIS_URL);
  });

  it('finds every controller route of the app declared, except the one planted here', () => {
    expect(undeclaredRoutes(app)).toEqual(['UndeclaredTestController.open']);
  });

  it('refuses the undeclared route with 403, without credentials and to an admin alike', async () => {
    const admin = await createHarnessAdmin(db.dataSource);
    await db.dataSource.query(`INSERT INTO workspaces (name) VALUES ('Acme')`);
    for (const cookie of [undefined, admin.cookie]) {
      const req = request(app.getHttpServer()).get('/test-only/undeclared');
      const res = await (cookie ? req.set('Cookie', cookie) : req).expect(403);
      expect(res.body.message).toBe('This route declares no permission and is closed');
    }
    // The same admin session passes the guard on a declared route.
    await request(app.getHttpServer()).get('/api/auth/me').set('Cookie', admin.cookie).expect(200);
  });
});
