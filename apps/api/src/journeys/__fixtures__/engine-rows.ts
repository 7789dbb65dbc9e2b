import type { EngineApiHarness } from './engine-api-harness';

/** A workspace and a coexistence number (cap 20); returns their ids. */
export async function seedTenant(h: EngineApiHarness, phoneNumberId = '108932450377265', wabaId = '114620785021387') {
  const ws = await h.insert('workspaces', { name: 'Acme' });
  const number = await h.insert('business_numbers', {
    workspace_id: ws.id,
    phone_number_id: phoneNumberId,
    waba_id: wabaId,
    display_phone_number: '15557012244',
    mode: 'coexistence',
    throughput_cap: 20,
    onboarded_at: new Date(Date.now() - 3 * 86_400_000),
  });
  return { workspaceId: ws.id, numberId: number.id, wabaId };
}

/** A contact of the number. */
export async function seedContact(h: EngineApiHarness, t: { workspaceId: string; numberId: string }, fields: Record<string, unknown> = {}) {
  return h.insert<{ wa_id: string }>('contacts', { workspace_id: t.workspaceId, number_id: t.numberId, ...fields });
}

/** A template row of the WABA. */
export async function seedTemplate(h: EngineApiHarness, t: { workspaceId: string; wabaId: string }, name: string, status = 'APPROVED') {
  return h.insert('templates', { workspace_id: t.workspaceId, waba_id: t.wabaId, name, language: 'en_US', status, category: 'UTILITY' });
}
