import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { newNumericId } from '../common/ids.util';
import { parseInput } from '../common/zod-http.util';
import { oauthError } from '../graph/graph-error';
import { ResolvedSimulatorOptions, SIM_OPTIONS } from '../simulator-options.types';
import { SimStateService } from '../state/sim-state.service';
import type { SimNumber } from '../state/sim-state.types';

/** Meta's codes live minutes, not hours; ten is generous and keeps stale codes failing. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** What the business enters in the (simulated) dialog for WhatsApp Business app onboarding. */
export const signupSessionSchema = z.object({
  client_id: z.string().min(1),
  /** Digits of the phone app's number; an existing simulated number is re-onboarded. */
  display_phone_number: z.string().regex(/^\d{6,15}$/, 'digits only (6-15)'),
  verified_name: z.string().trim().min(1).max(120).optional(),
  /** The business's one-time choice to share its chat history. */
  share_history: z.boolean().default(true),
});
export type SignupSessionInput = z.input<typeof signupSessionSchema>;

/** The dialog's outcome, as the FB SDK callback (code) and the session-info event (ids) carry it. */
export interface SignupSessionResult {
  code: string;
  phone_number_id: string;
  waba_id: string;
  business_id: string;
}

/**
 * Embedded Signup for WhatsApp Business app users, played by the simulator: the dialog onboards
 * the phone app's number (coexistence) and hands out a code; the partner's server exchanges it
 * for a business token that opens only that WABA; `subscribed_apps` records the subscription.
 */
@Injectable()
export class EmbeddedSignupService {
  constructor(
    @Inject(SIM_OPTIONS) private readonly options: ResolvedSimulatorOptions,
    private readonly state: SimStateService,
  ) {}

  /** The app id the dialog and the exchange expect (META_APP_ID). */
  get appId(): string {
    return this.options.appId;
  }

  finishOnboarding(input: SignupSessionInput, now = Date.now(), businessToken?: string): SignupSessionResult {
    const parsed = parseInput(signupSessionSchema, input);
    if (parsed.client_id !== this.options.appId) throw oauthError(101, 'Error validating application. Invalid application ID.');
    const number = this.onboard(parsed, now);
    const code = `AQ${randomBytes(24).toString('base64url')}`;
    const businessId = `9${number.wabaId.slice(1)}`;
    this.state.signupCodes.set(code, {
      appId: parsed.client_id,
      wabaId: number.wabaId,
      phoneNumberId: number.phoneNumberId,
      businessId,
      expiresAt: now + CODE_LIFETIME_MS,
      used: false,
      businessToken,
    });
    return { code, phone_number_id: number.phoneNumberId, waba_id: number.wabaId, business_id: businessId };
  }

  /**
   * `GET /oauth/access_token`: a code is good once, for the app it was issued to, until it
   * expires; every failure answers in Graph's OAuthException shape.
   */
  exchange(query: { client_id?: string; client_secret?: string; code?: string }, now = Date.now()): Record<string, string> {
    if (!query.client_id || !query.client_secret || !query.code) {
      throw oauthError(100, 'Missing required parameter: client_id, client_secret and code are required.');
    }
    if (query.client_id !== this.options.appId) throw oauthError(101, 'Error validating application. Invalid application ID.');
    if (query.client_secret !== this.options.appSecret) throw oauthError(1, 'Error validating client secret.');
    const code = this.state.signupCodes.get(query.code);
    if (!code || code.appId !== query.client_id) throw oauthError(100, 'Invalid verification code format.', 36007);
    if (code.used) throw oauthError(100, 'This authorization code has been used.', 36009);
    if (now > code.expiresAt) throw oauthError(100, 'This authorization code has expired.', 36007);
    code.used = true;
    const token = code.businessToken ?? `EAA${randomBytes(32).toString('base64url')}`;
    this.state.businessTokens.set(token, { appId: code.appId, wabaId: code.wabaId, issuedAt: now });
    return { access_token: token, token_type: 'bearer' };
  }

  /** The business removed the app's access: every token of the WABA stops working (190). */
  revokeTokens(wabaId: string): { revoked: number } {
    let revoked = 0;
    for (const [token, issued] of this.state.businessTokens) {
      if (issued.wabaId !== wabaId) continue;
      this.state.businessTokens.delete(token);
      revoked++;
    }
    return { revoked };
  }

  subscribe(wabaId: string, appId: string): { success: true } {
    const apps = this.state.subscribedApps.get(wabaId) ?? new Set<string>();
    apps.add(appId);
    this.state.subscribedApps.set(wabaId, apps);
    return { success: true };
  }

  unsubscribe(wabaId: string, appId: string): { success: true } {
    this.state.subscribedApps.get(wabaId)?.delete(appId);
    return { success: true };
  }

  subscriptions(wabaId: string): { data: { whatsapp_business_api_data: { id: string; name: string } }[] } {
    const apps = [...(this.state.subscribedApps.get(wabaId) ?? [])];
    return { data: apps.map((id) => ({ whatsapp_business_api_data: { id, name: 'Tandem' } })) };
  }

  /**
   * A number already in the simulator (the phone app holding its staged history and address
   * book) starts a fresh onboarding: new 24-hour sync window, link restored. Otherwise a new
   * coexistence number with its own WABA appears, as when a business onboards for the first time.
   */
  private onboard(input: z.output<typeof signupSessionSchema>, now: number): SimNumber {
    const existing = [...this.state.numbers.values()].find((n) => n.displayPhoneNumber === input.display_phone_number);
    if (!existing) {
      return this.state.addNumber(
        {
          phoneNumberId: newNumericId(15),
          wabaId: newNumericId(15),
          displayPhoneNumber: input.display_phone_number,
          verifiedName: input.verified_name,
          mode: 'coexistence',
          historyShared: input.share_history,
        },
        now,
      );
    }
    if (existing.mode !== 'coexistence') {
      throw oauthError(100, 'This phone number is not a WhatsApp Business app number and cannot be onboarded with coexistence.');
    }
    Object.assign(existing, {
      onboardedAt: now,
      connected: true,
      disconnection: undefined,
      historyShared: input.share_history,
      historySyncRequestedAt: undefined,
      contactSyncRequestedAt: undefined,
    });
    if (input.verified_name) existing.verifiedName = input.verified_name;
    return existing;
  }
}
