import { outboundMessageSchema } from '@tandem/whatsapp';
import type { HttpRequest, HttpResponse, NodeContact, NodeContext, NodeLogger } from '../context.types';
import { NodeConfigError, NonRetryableNodeError } from '../node-errors';
import { defaultSend } from './default-send';
import type { HttpResponseStub, NodeRecording, RunNodeOptions } from './harness.types';

/** Default test clock: 2025-01-15T12:00:00Z. */
export const TEST_NOW = Date.UTC(2025, 0, 15, 12);

function defaultContact(now: number, overrides: Partial<NodeContact> = {}): NodeContact {
  return {
    id: 'contact-1',
    waId: '351910000001',
    profileName: 'Ana',
    attributes: {},
    tags: [],
    optedOut: false,
    windowOpenUntil: now + 3_600_000,
    humanOwned: false,
    ...structuredClone(overrides),
  };
}

function toResponse(stub: HttpResponseStub): HttpResponse {
  const json = typeof stub.body !== 'string' && stub.body !== undefined;
  return {
    status: stub.status,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...stub.headers },
    body: stub.body === undefined ? null : structuredClone(stub.body),
  };
}

function httpPort(options: RunNodeOptions, recording: NodeRecording): NodeContext['http'] {
  const queue = Array.isArray(options.httpResponses) ? [...options.httpResponses] : [];
  return {
    async request(request: HttpRequest) {
      recording.httpCalls.push(structuredClone(request));
      if (options.http) return options.http.request(request);
      if (typeof options.httpResponses === 'function') return toResponse(await options.httpResponses(request));
      const next = queue.shift();
      if (next === undefined) throw new Error(`runNode: unexpected HTTP request ${request.method} ${request.url} (no httpResponses left)`);
      if (next instanceof Error) throw next;
      return toResponse(next);
    },
  };
}

function whatsappPort(options: RunNodeOptions, recording: NodeRecording, now: number): NodeContext['whatsapp'] {
  const queue = Array.isArray(options.sendResults) ? [...options.sendResults] : [];
  let calls = 0;
  return {
    async send(message, sendOptions) {
      const checked = outboundMessageSchema.safeParse(message);
      if (!checked.success)
        throw new NonRetryableNodeError(`invalid WhatsApp message: ${checked.error.issues.map((i) => i.message).join('; ')}`);
      calls++;
      const stubbed = typeof options.sendResults === 'function' ? options.sendResults(message, sendOptions, calls) : queue.shift();
      const { outcome, delivered } = stubbed
        ? { outcome: stubbed, delivered: stubbed.status === 'accepted' ? message : undefined }
        : defaultSend(message, sendOptions, {
            contact: recording.contact,
            marketingOptedOut: options.marketingOptedOut ?? false,
            now,
            templates: options.templates,
            wamid: () => `wamid.test.${calls}`,
          });
      recording.sendCalls.push({ message, ...(sendOptions ? { options: sendOptions } : {}), outcome });
      if (delivered) recording.sent.push(delivered);
      return outcome;
    },
  };
}

function contactsPort(recording: NodeRecording): NodeContext['contacts'] {
  const contact = recording.contact;
  return {
    async setAttribute(key, value) {
      recording.contactChanges.push({ op: 'setAttribute', key, value });
      contact.attributes[key] = value;
    },
    async addTag(tag) {
      recording.contactChanges.push({ op: 'addTag', tag });
      if (!contact.tags.includes(tag)) contact.tags.push(tag);
    },
    async removeTag(tag) {
      recording.contactChanges.push({ op: 'removeTag', tag });
      contact.tags = contact.tags.filter((t) => t !== tag);
    },
    async setOptedOut(optedOut) {
      recording.contactChanges.push({ op: 'setOptedOut', optedOut });
      contact.optedOut = optedOut;
    },
    async handOff(handOffOptions) {
      recording.contactChanges.push({ op: 'handOff', ...(handOffOptions?.note ? { note: handOffOptions.note } : {}) });
      contact.humanOwned = true;
    },
  };
}

function logger(recording: NodeRecording): NodeLogger {
  const log = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    recording.logs.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * An in-memory `NodeContext` that records what a node does. `runNode` uses it; use it
 * directly to call a node's `run` with an already-parsed config.
 * @example const { ctx, recording } = createTestContext({ config: {} });
 */
export function createTestContext(options: RunNodeOptions): { ctx: NodeContext; recording: NodeRecording } {
  const now = options.now ?? TEST_NOW;
  const snapshot = defaultContact(now, options.contact);
  const recording: NodeRecording = {
    sent: [],
    sendCalls: [],
    httpCalls: [],
    contactChanges: [],
    logs: [],
    contact: structuredClone(snapshot),
  };
  const credentials = options.credentials ?? {};
  const ctx: NodeContext = {
    contact: snapshot,
    run: {
      runId: 'run-1',
      journeyId: 'journey-1',
      version: 1,
      nodeId: 'node-1',
      stepId: 'run-1:node-1:1',
      attempt: 1,
      variables: structuredClone(options.variables ?? {}),
      trigger: options.trigger ?? { kind: 'message.received' },
    },
    number: { id: 'number-1', phoneNumberId: '100000000000001', mode: 'coexistence', ...options.number },
    logger: logger(recording),
    whatsapp: whatsappPort(options, recording, now),
    http: httpPort(options, recording),
    credentials: {
      async get(ref) {
        if (!Object.prototype.hasOwnProperty.call(credentials, ref)) throw new NodeConfigError(`credential "${ref}" is not set up`);
        return { ...credentials[ref] };
      },
    },
    contacts: contactsPort(recording),
    now: () => now,
  };
  return { ctx, recording };
}
