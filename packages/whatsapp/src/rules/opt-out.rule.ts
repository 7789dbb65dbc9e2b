import { lookupErrorCode } from '../client/error-codes';

/**
 * The opt-out rule, in one place: which customer messages are opt-out / opt-in keywords,
 * what a failed send's error code does to the contact, and whether a contact is held
 * from marketing. Intake, the send rule ({@link decideSend}) and campaigns all call it.
 */

/** A keyword's meaning. */
export type OptKeywordKind = 'opt_out' | 'opt_in';

/** A workspace's opt-out settings (stored per workspace; these are the defaults). */
export interface OptOutSettings {
  optOutKeywords: readonly string[];
  optInKeywords: readonly string[];
  /** Sent (free-form, the customer just wrote so the window is open) after an opt-out; empty = none. */
  optOutConfirmation: string;
  optInConfirmation: string;
}

/** Several languages; matched accent- and case-insensitively, so ARRET stands for ARRÊT too. */
export const DEFAULT_OPT_OUT_KEYWORDS: readonly string[] = [
  'STOP',
  'STOP ALL',
  'UNSUBSCRIBE',
  'OPT OUT',
  'PARAR',
  'BAJA',
  'CANCELAR',
  'DESUSCRIBIR',
  'SAIR',
  'ARRÊT',
  'ARRÊTER',
  'DÉSINSCRIRE',
  'DÉSABONNER',
  'ABMELDEN',
  'STOPP',
  'BASTA',
  'DISISCRIVI',
];

export const DEFAULT_OPT_IN_KEYWORDS: readonly string[] = [
  'START',
  'UNSTOP',
  'SUBSCRIBE',
  'ALTA',
  'INICIAR',
  'COMEÇAR',
  'VOLTAR',
  'DÉMARRER',
  'ANMELDEN',
  'ISCRIVI',
];

export const DEFAULT_OPT_OUT_SETTINGS: OptOutSettings = {
  optOutKeywords: DEFAULT_OPT_OUT_KEYWORDS,
  optInKeywords: DEFAULT_OPT_IN_KEYWORDS,
  optOutConfirmation: 'You will not receive more messages from us. Reply START to subscribe again.',
  optInConfirmation: 'Welcome back! You will receive our messages again. Reply STOP to unsubscribe.',
};

/**
 * A workspace's stored settings (jsonb, maybe null or partial) over the defaults; anything
 * malformed falls back to its default rather than disabling STOP.
 */
export function resolveOptOutSettings(stored: unknown): OptOutSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const list = (v: unknown, d: readonly string[]) =>
    Array.isArray(v) && v.every((k) => typeof k === 'string') ? (v as string[]).filter((k) => normalizeKeyword(k) !== '') : d;
  const text = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const d = DEFAULT_OPT_OUT_SETTINGS;
  return {
    optOutKeywords: list(s.optOutKeywords, d.optOutKeywords),
    optInKeywords: list(s.optInKeywords, d.optInKeywords),
    optOutConfirmation: text(s.optOutConfirmation, d.optOutConfirmation),
    optInConfirmation: text(s.optInConfirmation, d.optInConfirmation),
  };
}

/**
 * A keyword or message in comparable form: trimmed, accents removed, upper case, inner
 * whitespace collapsed, surrounding punctuation dropped ("Stop!" is STOP; "stop it" is not).
 */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** Whether a customer's text is, as a whole, an opt-out or opt-in keyword of the workspace. */
export function matchOptKeyword(
  text: string | null | undefined,
  settings: Pick<OptOutSettings, 'optOutKeywords' | 'optInKeywords'>,
): OptKeywordKind | null {
  if (!text) return null;
  const said = normalizeKeyword(text);
  if (!said) return null;
  // Opt-out first: a word in both lists must stop messages, never start them.
  if (settings.optOutKeywords.some((k) => normalizeKeyword(k) === said)) return 'opt_out';
  if (settings.optInKeywords.some((k) => normalizeKeyword(k) === said)) return 'opt_in';
  return null;
}

/** Meta's stated period for 131049 (reference §7: "do not resend … for ≥ 24 h"). */
export const DEFAULT_MARKETING_HOLD_MS = 24 * 60 * 60 * 1000;

/** Whether the contact is held from MARKETING templates by Meta's per-user limit at `now`. */
export function isMarketingHeld(heldUntil: number | null | undefined, now: number): boolean {
  return heldUntil !== null && heldUntil !== undefined && heldUntil > now;
}

/** What a failed send's error code does to its contact (sync errors and async `failed` statuses alike). */
export type ContactErrorEffect =
  /** 131049: held from marketing templates until now + the hold period. */
  | { kind: 'marketing_hold'; code: number }
  /** 131050: the user stopped marketing messages — a marketing opt-out until they opt in. */
  | { kind: 'marketing_opt_out'; code: number }
  /** 131047: the service window is closed whatever the local state said. */
  | { kind: 'window_closed'; code: number };

/** The contact effect of an error code, from the one error-code table; null = none. */
export function contactEffectOfError(code: number): ContactErrorEffect | null {
  const info = lookupErrorCode(code);
  if (info.effect === 'suppress_marketing_24h') return { kind: 'marketing_hold', code };
  if (info.effect === 'suppress_marketing') return { kind: 'marketing_opt_out', code };
  if (info.classification === 'window_closed') return { kind: 'window_closed', code };
  return null;
}
