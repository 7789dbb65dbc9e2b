import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  AlertDeliveryDto,
  AlertEndpointDto,
  AlertEndpointWithSecretDto,
  CreateAlertEndpointRequest,
  UpdateAlertEndpointRequest,
} from '@tandem/api-contract';
import { SecretStore, secretKeysFromEnv } from '@tandem/db';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { queryRows } from '../common/sql.util';
import { endpointSecretName } from './alert-post.util';
import { newEndpointSecret } from './alert-signature.util';

interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  kinds: string[];
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const toDto = (r: EndpointRow): AlertEndpointDto => ({
  id: r.id,
  url: r.url,
  description: r.description,
  kinds: r.kinds,
  enabled: r.enabled,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * The URLs a workspace has its alerts posted to. Each has its own signing secret, sealed in
 * the secrets store and shown only when created or rotated. Every change is audited in its
 * transaction; an endpoint of another workspace answers 404 like a missing one.
 */
@Injectable()
export class AlertEndpointsService {
  private readonly store = new SecretStore(secretKeysFromEnv());

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller): Promise<AlertEndpointDto[]> {
    const rows = await queryRows<EndpointRow>(
      this.ds.manager,
      'SELECT * FROM alert_endpoints WHERE workspace_id = $1 ORDER BY created_at',
      [caller.workspaceId],
    );
    return rows.map(toDto);
  }

  async create(caller: Caller, req: CreateAlertEndpointRequest): Promise<AlertEndpointWithSecretDto> {
    return this.ds.transaction(async (m) => {
      const id = randomUUID();
      const secret = newEndpointSecret();
      await this.store.put(m, caller.workspaceId, endpointSecretName(id), secret, caller.userId);
      const [row] = await queryRows<EndpointRow>(
        m,
        `INSERT INTO alert_endpoints (id, workspace_id, url, description, kinds, secret_name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [id, caller.workspaceId, req.url, req.description ?? null, [...new Set(req.kinds)], endpointSecretName(id)],
      );
      const dto = toDto(row);
      await this.audit.record(m, caller, {
        action: 'alert_endpoint.created',
        targetType: 'alert_endpoint',
        targetId: id,
        targetLabel: req.url,
        after: dto,
      });
      return { ...dto, secret };
    });
  }

  async update(caller: Caller, id: string, req: UpdateAlertEndpointRequest): Promise<AlertEndpointDto> {
    return this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      const [row] = await queryRows<EndpointRow>(
        m,
        `UPDATE alert_endpoints SET url = coalesce($2, url),
           description = CASE WHEN $3::boolean THEN $4 ELSE description END,
           kinds = coalesce($5, kinds), enabled = coalesce($6, enabled), updated_at = now()
         WHERE id = $1 RETURNING *`,
        [
          id,
          req.url ?? null,
          req.description !== undefined,
          req.description ?? null,
          req.kinds ? [...new Set(req.kinds)] : null,
          req.enabled ?? null,
        ],
      );
      const after = toDto(row);
      await this.audit.record(m, caller, {
        action: 'alert_endpoint.changed',
        targetType: 'alert_endpoint',
        targetId: id,
        targetLabel: after.url,
        before,
        after,
      });
      return after;
    });
  }

  /** A new signing secret; the old one stops working at once. */
  async rotateSecret(caller: Caller, id: string): Promise<AlertEndpointWithSecretDto> {
    return this.ds.transaction(async (m) => {
      const endpoint = await this.lock(m, caller, id);
      const secret = newEndpointSecret();
      await this.store.put(m, caller.workspaceId, endpointSecretName(id), secret, caller.userId);
      await this.audit.record(m, caller, {
        action: 'alert_endpoint.secret_rotated',
        targetType: 'alert_endpoint',
        targetId: id,
        targetLabel: endpoint.url,
      });
      return { ...endpoint, secret };
    });
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      await m.query('DELETE FROM alert_endpoints WHERE id = $1', [id]);
      await this.store.remove(m, caller.workspaceId, endpointSecretName(id));
      await this.audit.record(m, caller, {
        action: 'alert_endpoint.deleted',
        targetType: 'alert_endpoint',
        targetId: id,
        targetLabel: before.url,
        before,
      });
    });
  }

  /** The endpoint's delivery log, newest first. */
  async deliveries(caller: Caller, id: string, limit = 50): Promise<AlertDeliveryDto[]> {
    await this.lock(this.ds.manager, caller, id, false);
    const rows = await queryRows<Record<string, never>>(
      this.ds.manager,
      `SELECT d.*, a.title FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE d.endpoint_id = $1 AND d.workspace_id = $2 ORDER BY d.created_at DESC, d.id LIMIT $3`,
      [id, caller.workspaceId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      alertId: r.alert_id,
      alertTitle: r.title,
      event: r.event,
      status: r.status,
      attempts: r.attempts,
      responseStatus: r.response_status,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'pending' ? (r.next_attempt_at as Date).toISOString() : null,
      deliveredAt: (r.delivered_at as Date | null)?.toISOString() ?? null,
      createdAt: (r.created_at as Date).toISOString(),
    }));
  }

  private async lock(m: EntityManager, caller: Caller, id: string, forUpdate = true): Promise<AlertEndpointDto> {
    const [row] = await queryRows<EndpointRow>(
      m,
      `SELECT * FROM alert_endpoints WHERE id = $1 AND workspace_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [id, caller.workspaceId],
    );
    if (!row) throw new NotFoundException(`No alert endpoint ${id}`);
    return toDto(row);
  }
}
