import type { EngineEvent } from '@tandem/journey-model';
import type { NumberMode, OutboundMessage, TemplateSend } from '@tandem/whatsapp';
import type { SendOutcome } from './send-outcome.types';

/** Value of a contact attribute. */
export type AttributeValue = string | number | boolean | null;

/** The contact a run is about, as it was when the step started. */
export interface NodeContact {
  /** Tandem contact id. */
  id: string;
  /** Phone number, digits only; absent for username-only contacts. */
  waId?: string;
  /** WhatsApp business-scoped user id (BSUID). */
  userId?: string;
  profileName?: string;
  attributes: Record<string, unknown>;
  tags: string[];
  optedOut: boolean;
  /** End of the 24 h customer service window (epoch ms), `null` when closed. */
  windowOpenUntil: number | null;
  /** A teammate took the conversation over; automated sends are refused. */
  humanOwned: boolean;
}

/** The run and step being executed. */
export interface NodeRun {
  runId: string;
  journeyId: string;
  /** Journey version number. */
  version: number;
  nodeId: string;
  /** Stable across retries of this step: use it as an idempotency key for external calls. */
  stepId: string;
  /** 1 on the first try, then 2, 3… */
  attempt: number;
  /** Run variables (`vars.*`), read-only; return `variables` from `run` to change them. */
  variables: Readonly<Record<string, unknown>>;
  /** The event that started the run. */
  trigger: EngineEvent;
}

/** The WhatsApp number the journey runs on. */
export interface NodeNumber {
  id: string;
  phoneNumberId: string;
  mode: NumberMode;
}

/** Structured logger; entries are attached to the run step. Never log message bodies or phone numbers. */
export interface NodeLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Options of `ctx.whatsapp.send`. */
export interface SendOptions {
  /** Template to send instead when a free-form message is refused because the window is closed. */
  fallbackTemplate?: TemplateSend;
}

/** Sends to the run's contact through the same rules, throughput governor and outbox as every node. */
export interface WhatsAppClientPort {
  /**
   * Sends a message to the contact. Idempotent per step: a retried step never sends twice.
   * @throws NonRetryableNodeError when `message` does not match `outboundMessageSchema`.
   */
  send(message: OutboundMessage, options?: SendOptions): Promise<SendOutcome>;
}

/** An outgoing HTTP request. Objects in `body` are sent as JSON. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Bounds the whole call, redirects and body included. Default 10 000, at most 30 000. */
  timeoutMs?: number;
}

/** An HTTP response; `body` is parsed JSON for JSON responses, else text. Non-2xx statuses do not throw. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * HTTP client. In the worker it is the outbound guard (`createGuardedHttpClient`): public
 * addresses only unless allowlisted, at most 5 redirects, bodies up to 1 MiB. Rejects only
 * when no usable response arrives, with an `OutboundHttpError` whose message can be shown
 * to the journey's author (refused address, too large, timeout, unreachable).
 */
export interface HttpClientPort {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** Secrets configured by an admin, referenced from node config by name. */
export interface CredentialsPort {
  /** @throws NodeConfigError when no credential has this name. */
  get(ref: string): Promise<Record<string, string>>;
}

/** Changes to the run's contact; each is applied at once and visible to later steps. */
export interface ContactsPort {
  setAttribute(key: string, value: AttributeValue): Promise<void>;
  addTag(tag: string): Promise<void>;
  removeTag(tag: string): Promise<void>;
  /** Opted-out contacts receive nothing until opted in again. */
  setOptedOut(optedOut: boolean): Promise<void>;
  /** Hands the conversation to a teammate: it becomes human-owned and automated sends stop. */
  handOff(options?: { note?: string }): Promise<void>;
}

/**
 * Everything a node's `run` may use. Side effects go through these ports so that the
 * engine can enforce WhatsApp's rules, retry safely and record each step.
 */
export interface NodeContext {
  contact: NodeContact;
  run: NodeRun;
  number: NodeNumber;
  logger: NodeLogger;
  whatsapp: WhatsAppClientPort;
  http: HttpClientPort;
  credentials: CredentialsPort;
  contacts: ContactsPort;
  /** Current time (epoch ms); use it instead of `Date.now()` so tests can fix the clock. */
  now(): number;
}
