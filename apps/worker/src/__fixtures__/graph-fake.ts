/** One message the fake Graph API received. */
export interface FakeSend {
  phoneNumberId: string;
  to: string;
  body: Record<string, unknown>;
  wamid?: string;
}

/** A Graph error the fake answers with: `{ error: { code, … } }` and an HTTP status. */
export interface FakeGraphError {
  code: number;
  httpStatus?: number;
  details?: string;
}

/**
 * The Cloud API at the process boundary, as a `fetch` for `WhatsAppClient`: sends succeed
 * with fresh wamids unless an error is queued; template listing returns `templates`.
 */
export class GraphFake {
  readonly sends: FakeSend[] = [];
  readonly failures: FakeSend[] = [];
  templateListings = 0;
  templates: Record<string, unknown>[] = [];
  /** Errors for the next sends, in order. */
  readonly queuedErrors: FakeGraphError[] = [];
  private seq = 0;

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const parts = url.pathname.split('/').filter(Boolean);
    if (init?.method === 'POST' && parts[2] === 'messages') return this.send(parts[1], JSON.parse(String(init.body)));
    if (parts[2] === 'message_templates') {
      this.templateListings++;
      return json(200, { data: this.templates });
    }
    return json(404, { error: { message: 'unknown path', type: 'OAuthException', code: 100 } });
  };

  sendsTo(to: string): FakeSend[] {
    return this.sends.filter((s) => s.to === to);
  }

  private send(phoneNumberId: string, body: Record<string, unknown>): Response {
    const record: FakeSend = { phoneNumberId, to: String(body.to), body };
    const error = this.queuedErrors.shift();
    if (error) {
      this.failures.push(record);
      return json(error.httpStatus ?? 400, {
        error: {
          message: 'fake',
          type: 'OAuthException',
          code: error.code,
          error_data: { details: error.details ?? 'fake error' },
          fbtrace_id: 'x',
        },
      });
    }
    record.wamid = `wamid.fake.${++this.seq}`;
    this.sends.push(record);
    return json(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: record.to, wa_id: record.to }],
      messages: [{ id: record.wamid }],
    });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
