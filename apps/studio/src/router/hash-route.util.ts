/** A parsed `#/path?query` location. */
export interface HashLocation {
  path: string;
  query: Record<string, string>;
}

/** A matched route: its name and the `:params` of the pattern. */
export interface RouteMatch<N extends string = string> {
  name: N;
  params: Record<string, string>;
}

/** A route table entry: `pattern` such as `/journeys/:id`. */
export interface RouteDef<N extends string = string> {
  name: N;
  pattern: string;
}

/** Parses `#/runs/abc?status=failed` into `{ path: '/runs/abc', query: { status: 'failed' } }`. */
export function parseHash(hash: string): HashLocation {
  const raw = hash.replace(/^#/, '');
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = `/${pathPart.replace(/^\/+/, '').replace(/\/+$/, '')}`;
  const query: Record<string, string> = {};
  new URLSearchParams(queryPart).forEach((value, key) => {
    query[key] = value;
  });
  return { path, query };
}

/** Builds a hash (`#/path?x=1`), leaving out empty query values. */
export function buildHash(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** First route whose pattern matches `path`; segments are URI-decoded. */
export function matchRoute<N extends string>(routes: readonly RouteDef<N>[], path: string): RouteMatch<N> | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segments[i]);
        return true;
      }
      return part === segments[i];
    });
    if (ok) return { name: route.name, params };
  }
  return null;
}
