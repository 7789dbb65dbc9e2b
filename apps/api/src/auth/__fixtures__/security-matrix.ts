import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission } from '@tandem/api-contract';
import { ANY_MEMBER } from '../permission.decorator';
import { routeName, type DeclaredRoute } from './openapi-routes';

/** Roles that may call a route of this access ("public" and "member" are not permissions). */
export function rolesAllowed(access: string | undefined): string {
  if (access === 'public') return 'anyone (no credentials)';
  if (access === ANY_MEMBER) return 'every member';
  if (!access || !(access in PERMISSIONS)) return 'nobody (no declaration)';
  return ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(access as Permission)).join(', ');
}

/** Permission × role, from ROLE_PERMISSIONS. */
export function permissionTable(): string {
  const head = `| Permission | What it allows | ${ROLES.join(' | ')} |\n|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = (Object.entries(PERMISSIONS) as [Permission, string][]).map(
    ([p, what]) => `| \`${p}\` | ${what} | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✓' : '')).join(' | ')} |`,
  );
  return [head, ...rows].join('\n');
}

/** Route × permission, from the OpenAPI document's `x-tandem-permission`. */
export function routeTable(routes: DeclaredRoute[]): string {
  const head = '| Route | Declares | Roles that may call it |\n|---|---|---|';
  const rows = routes.map((r) => `| \`${routeName(r)}\` | \`${r.access ?? '—'}\` | ${rolesAllowed(r.access)} |`);
  return [head, ...rows].join('\n');
}

/** Replaces the text between `<!-- generated:<name> -->` and `<!-- /generated:<name> -->`. */
export function replaceGenerated(markdown: string, name: string, content: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/security.md has no ${start} … ${end} block`);
  return `${markdown.slice(0, from + start.length)}\n${content}\n${markdown.slice(to)}`;
}
