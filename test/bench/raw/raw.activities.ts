export interface RawActivities {
  rawSend(to: string, text: string): Promise<string>;
  rawStep(to: string): Promise<string>;
}

/** Activities of the raw baselines: a bare Graph API call, and a trivial step. */
export function rawActivities(graphUrl: string, phoneNumberId: string, token: string): RawActivities {
  return {
    async rawSend(to, text) {
      const res = await fetch(`${graphUrl}/v23.0/${phoneNumberId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }),
      });
      const body = (await res.json()) as { messages?: { id: string }[] };
      if (!res.ok || !body.messages) throw new Error(`send failed: ${res.status}`);
      return body.messages[0].id;
    },
    async rawStep(to) {
      return to.endsWith('0') ? 'pro' : 'basic';
    },
  };
}
