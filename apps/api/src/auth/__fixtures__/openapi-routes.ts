import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

/** What a route declares in the OpenAPI document (`x-tandem-permission`). */
export type DeclaredAccess = string | undefined;

/** One operation of the OpenAPI document. */
export interface DeclaredRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form, e.g. `/api/journeys/{id}/versions/{version}`. */
  path: string;
  access: DeclaredAccess;
  /** Path parameters in order of appearance. */
  pathParams: string[];
  /** Query parameters the route requires. */
  requiredQuery: string[];
}

interface Operation {
  'x-tandem-permission'?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The OpenAPI document the app serves (SwaggerModule at `api/docs`, JSON at `api/docs-json`). */
export async function fetchOpenApi(app: INestApplication): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
  return res.body;
}

/** Every operation of the document, sorted by path then method. */
export function declaredRoutes(doc: { paths: Record<string, Record<string, Operation>> }): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      routes.push({
        method: method.toUpperCase() as DeclaredRoute['method'],
        path,
        access: op['x-tandem-permission'],
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        requiredQuery: params.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
      });
    }
  }
  const order = (r: DeclaredRoute) => `${r.path} ${METHODS.indexOf(r.method.toLowerCase() as (typeof METHODS)[number])}`;
  return routes.sort((x, y) => order(x).localeCompare(order(y)));
}

/** `GET /api/journeys/{id}` */
export const routeName = (r: Pick<DeclaredRoute, 'method' | 'path'>) => `${r.method} ${r.path}`;
