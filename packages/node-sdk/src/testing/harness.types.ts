import type { EngineEvent, ReplyEvent, WaitForReplyConfig } from '@tandem/journey-model';
import type { OutboundMessage, TemplateDefinitionComponent } from '@tandem/whatsapp';
import type { AttributeValue, HttpClientPort, HttpRequest, NodeContact, NodeNumber, SendOptions } from '../context.types';
import type { SendOutcome } from '../send-outcome.types';

/** A canned HTTP answer; `headers` default to JSON when `body` is not a string. */
export interface HttpResponseStub {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A template as the number's account knows it, to exercise the template rules. */
export interface TemplateFixture {
  name: string;
  language: string;
  status: string;
  /** `MARKETING` templates are refused to a contact who stopped marketing messages. */
  category?: string;
  components: TemplateDefinitionComponent[];
}

/** Options of `runNode` / `createTestContext`. Everything but `config` has a sensible default. */
export interface RunNodeOptions {
  /** Raw config, validated with the node's schema first. */
  config: unknown;
  /** Default: id `contact-1`, waId `351910000001`, window open for another hour, not opted out. */
  contact?: Partial<NodeContact>;
  /** The contact stopped marketing messages (nodes do not see it; the send rules do). Default false. */
  marketingOptedOut?: boolean;
  variables?: Record<string, unknown>;
  /** Default: `{ kind: 'message.received' }`. */
  trigger?: EngineEvent;
  number?: Partial<NodeNumber>;
  /** Clock (epoch ms). Default 2025-01-15T12:00:00Z. */
  now?: number;
  /**
   * Answers of `ctx.whatsapp.send`, one per call in order (or a function). Without them —
   * or once they run out — the production send decision answers: opted out, human-owned,
   * window closed (fallback template used when given), template approval and the marketing
   * opt-out when `templates` is set.
   */
  sendResults?: SendOutcome[] | ((message: OutboundMessage, options: SendOptions | undefined, call: number) => SendOutcome | undefined);
  /** Answers of `ctx.http.request`, in order (an `Error` simulates a network failure), or a function. */
  httpResponses?: (HttpResponseStub | Error)[] | ((request: HttpRequest) => HttpResponseStub | Promise<HttpResponseStub>);
  /**
   * A real HTTP client behind `ctx.http` instead of `httpResponses` — e.g.
   * `createGuardedHttpClient({ allow: '127.0.0.1' })` to call a local test server through
   * the production guard. Calls are still recorded in `httpCalls`.
   */
  http?: HttpClientPort;
  /** Credentials by name. */
  credentials?: Record<string, Record<string, string>>;
  /** The account's templates; when set, template sends must match an approved one. */
  templates?: TemplateFixture[];
  /** For nodes that wait for a reply: the reply to route, or `'timeout'`. */
  reply?: ReplyEvent | 'timeout';
}

/** One change a node made to the contact. */
export type ContactChange =
  | { op: 'setAttribute'; key: string; value: AttributeValue }
  | { op: 'addTag'; tag: string }
  | { op: 'removeTag'; tag: string }
  | { op: 'setOptedOut'; optedOut: boolean }
  | { op: 'handOff'; note?: string };

/** A log line written through `ctx.logger`. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** Everything a node did during a test run. */
export interface NodeRecording {
  /** Messages that reached WhatsApp (the fallback template in place of a refused free-form message). */
  sent: OutboundMessage[];
  /** Every `ctx.whatsapp.send` call with its options and outcome. */
  sendCalls: { message: OutboundMessage; options?: SendOptions; outcome: SendOutcome }[];
  httpCalls: HttpRequest[];
  contactChanges: ContactChange[];
  logs: LogEntry[];
  /** The contact after the node's changes. */
  contact: NodeContact;
}

/** Result of `runNode`. */
export interface RunNodeResult extends NodeRecording {
  /** Port taken; for reply-waiting nodes, the port of `options.reply` (`undefined` without one). */
  port: string | undefined;
  output: unknown;
  /** Variables the node set. */
  variables: Record<string, unknown>;
  /** Set when the node waits for a reply: the wait the interpreter would run. */
  awaitReply?: WaitForReplyConfig;
}
