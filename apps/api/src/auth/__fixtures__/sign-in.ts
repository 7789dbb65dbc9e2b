import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { SESSION_COOKIE } from '../auth.guard';

/** Signs in through the api; returns the response and the `Cookie` header of the new session. */
export async function signIn(app: INestApplication, email: string, password: string) {
  const res = await request(app.getHttpServer()).post('/api/auth/sign-in').send({ email, password });
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const session = setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return { res, setCookie: session ?? null, cookie: session ? session.split(';')[0] : null };
}

/** A request with a session cookie (and optionally a workspace header). */
export function asSession(app: INestApplication, cookie: string) {
  const server = () => request(app.getHttpServer());
  return {
    get: (path: string) => server().get(path).set('Cookie', cookie),
    post: (path: string, body: object = {}) => server().post(path).set('Cookie', cookie).send(body),
    patch: (path: string, body: object) => server().patch(path).set('Cookie', cookie).send(body),
    put: (path: string, body: object) => server().put(path).set('Cookie', cookie).send(body),
    delete: (path: string) => server().delete(path).set('Cookie', cookie),
  };
}
