import type { DataSource } from 'typeorm';
import type { SecretStore } from './secret-store';

/**
 * Meta business tokens share the sealed `secrets` table with node credentials (same key ring,
 * rotation and redaction) under a reserved prefix: the credentials API refuses such names and
 * `ctx.credentials` never hands them to a node.
 */
export const META_TOKEN_PREFIX = 'meta.';

/** The secret holding a WABA's business token. */
export const metaTokenName = (wabaId: string): string => `${META_TOKEN_PREFIX}waba-${wabaId}`;

/** What a Graph call is about: the number it sends from, or the WABA it reads. */
export interface GraphScope {
  phoneNumberId?: string;
  wabaId?: string;
}

/** No token can be found for a Graph call; the message names ids only, never a token. */
export class MetaTokenMissingError extends Error {
  override readonly name = 'MetaTokenMissingError';
}

export interface MetaTokenResolverOptions {
  /**
   * Used for a number without a stored token (numbers added by id, the demo seed). Development
   * only: leave it undefined to make every WABA bring its own token.
   */
  fallbackToken?: string;
  /** How long a resolved token is reused in this process (default 30 s; 0 disables). */
  cacheMs?: number;
  clock?: () => number;
}

/**
 * The one way Tandem finds the token for a Graph call: the business token stored for the
 * WABA of the number (or the WABA) the call is about. Every process (api, worker) uses it.
 */
export class MetaTokenResolver {
  private readonly cache = new Map<string, { token: string; until: number }>();
  private readonly clock: () => number;

  constructor(
    private readonly ds: DataSource,
    private readonly store: SecretStore,
    private readonly options: MetaTokenResolverOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** The token for `scope`; throws MetaTokenMissingError when neither a stored token nor a fallback exists. */
  async tokenFor(scope: GraphScope): Promise<string> {
    const key = scope.phoneNumberId ? `p:${scope.phoneNumberId}` : `w:${scope.wabaId ?? ''}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.clock()) return hit.token;
    const owner = await this.ownerOf(scope);
    const stored = owner ? await this.store.read(this.ds.manager, owner.workspaceId, metaTokenName(owner.wabaId)) : undefined;
    const token = stored ?? this.options.fallbackToken;
    if (!token) throw new MetaTokenMissingError(`no Meta token is stored for ${describe(scope)}: connect the number again`);
    const cacheMs = this.options.cacheMs ?? 30_000;
    if (cacheMs > 0) this.cache.set(key, { token, until: this.clock() + cacheMs });
    return token;
  }

  /** Forgets cached tokens (after a connect stores a new one or an offboard removes it). */
  forget(): void {
    this.cache.clear();
  }

  private async ownerOf(scope: GraphScope): Promise<{ workspaceId: string; wabaId: string } | undefined> {
    const [row]: { workspace_id: string; waba_id: string }[] = scope.phoneNumberId
      ? await this.ds.query('SELECT workspace_id, waba_id FROM business_numbers WHERE phone_number_id = $1', [scope.phoneNumberId])
      : await this.ds.query('SELECT workspace_id, waba_id FROM business_numbers WHERE waba_id = $1 ORDER BY created_at LIMIT 1', [
          scope.wabaId ?? '',
        ]);
    return row ? { workspaceId: row.workspace_id, wabaId: row.waba_id } : undefined;
  }
}

const describe = (scope: GraphScope) =>
  scope.phoneNumberId ? `phone number ${scope.phoneNumberId}` : scope.wabaId ? `WABA ${scope.wabaId}` : 'a call without a number';
