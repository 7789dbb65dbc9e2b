import { BusinessNumber, type DeliveryNote } from '@tandem/db';
import type { NormalizedEvent } from '@tandem/whatsapp';
import type { DataSource } from 'typeorm';

/** Where an event applies: one number, the numbers of a WABA in one workspace, or nowhere. */
export type Route =
  | { scope: 'number'; workspaceId: string; number: BusinessNumber }
  | { scope: 'waba'; workspaceId: string; wabaId: string; numbers: BusinessNumber[] };

export type Routing = { routes: Route[] } | { unroutable: DeliveryNote };

/** Kinds that carry no phone_number_id and are routed by `entry.id` (WABA). */
const WABA_SCOPED = new Set<NormalizedEvent['kind']>(['account.updated', 'template.status', 'template.quality', 'template.category']);

/**
 * Resolves events to registered numbers, caching lookups for one delivery. Unknown numbers
 * are never auto-registered: numbers are created by seeding or REST, so an event for one
 * is recorded as unroutable and changes nothing.
 */
export class EventRouter {
  private readonly byPhone = new Map<string, BusinessNumber | null>();
  private readonly byWaba = new Map<string, BusinessNumber[]>();

  constructor(private readonly dataSource: DataSource) {}

  async route(event: NormalizedEvent): Promise<Routing> {
    if (WABA_SCOPED.has(event.kind)) {
      const numbers = await this.wabaNumbers(event.wabaId);
      if (numbers.length === 0) return { unroutable: note(event, `unroutable: no registered number of WABA ${event.wabaId}`) };
      const byWorkspace = new Map<string, BusinessNumber[]>();
      for (const n of numbers) byWorkspace.set(n.workspaceId, [...(byWorkspace.get(n.workspaceId) ?? []), n]);
      return {
        routes: [...byWorkspace].map(([workspaceId, list]) => ({ scope: 'waba', workspaceId, wabaId: event.wabaId, numbers: list })),
      };
    }
    const number = event.phoneNumberId ? await this.phoneNumber(event.phoneNumberId) : null;
    if (!number) return { unroutable: note(event, `unroutable: unknown phone_number_id ${event.phoneNumberId ?? '(none)'}`) };
    return { routes: [{ scope: 'number', workspaceId: number.workspaceId, number }] };
  }

  private async phoneNumber(phoneNumberId: string): Promise<BusinessNumber | null> {
    if (!this.byPhone.has(phoneNumberId)) {
      this.byPhone.set(phoneNumberId, await this.dataSource.getRepository(BusinessNumber).findOneBy({ phoneNumberId }));
    }
    return this.byPhone.get(phoneNumberId) ?? null;
  }

  private async wabaNumbers(wabaId: string): Promise<BusinessNumber[]> {
    let numbers = this.byWaba.get(wabaId);
    if (!numbers) {
      numbers = await this.dataSource.getRepository(BusinessNumber).find({ where: { wabaId }, order: { createdAt: 'ASC' } });
      this.byWaba.set(wabaId, numbers);
    }
    return numbers;
  }
}

function note(event: NormalizedEvent, reason: string): DeliveryNote {
  return { kind: event.kind, reason, dedupKey: event.dedupKey, phoneNumberId: event.phoneNumberId, wabaId: event.wabaId };
}
