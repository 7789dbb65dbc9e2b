import { Injectable } from '@nestjs/common';
import { unixSeconds } from '../common/ids.util';
import { SimStateService } from '../state/sim-state.service';
import type { SimNumber, AddressBookEntry } from '../state/sim-state.types';
import { WebhookEmitterService } from '../webhooks/webhook-emitter.service';

export interface ContactSyncItem extends AddressBookEntry {
  action: 'add' | 'remove';
}

/** `smb_app_state_sync`: the phone's address book (initial sync, then each add / edit / remove). */
@Injectable()
export class ContactSyncService {
  constructor(
    private readonly state: SimStateService,
    private readonly emitter: WebhookEmitterService,
  ) {}

  /** Initial sync after the Graph request: every staged entry as `add`. */
  syncAddressBook(number: SimNumber): number | undefined {
    return this.sync(
      number,
      number.addressBook.map((entry) => ({ ...entry, action: 'add' as const })),
    );
  }

  sync(number: SimNumber, items: ContactSyncItem[], now = Date.now()): number | undefined {
    for (const item of items) this.applyToAddressBook(number, item);
    const stateSync = items.map((item) => ({
      type: 'contact',
      contact:
        item.action === 'remove'
          ? { phone_number: item.phoneNumber, ...(item.userId ? { user_id: item.userId } : {}) }
          : {
              ...(item.fullName !== undefined ? { full_name: item.fullName } : {}),
              ...(item.firstName !== undefined ? { first_name: item.firstName } : {}),
              phone_number: item.phoneNumber,
              ...(item.userId ? { user_id: item.userId } : {}),
            },
      action: item.action,
      metadata: { timestamp: unixSeconds(now) },
    }));
    return this.emitter.forNumber(number, 'state_sync', 'smb_app_state_sync', { state_sync: stateSync })?.id;
  }

  private applyToAddressBook(number: SimNumber, item: ContactSyncItem): void {
    const others = number.addressBook.filter((e) => e.phoneNumber !== item.phoneNumber);
    if (item.action === 'remove') {
      number.addressBook = others;
      return;
    }
    this.state.upsertContact({ waId: item.phoneNumber, userId: item.userId });
    const { action: _action, ...entry } = item;
    number.addressBook = [...others, entry];
  }
}
