import { z } from 'zod';
import { request } from './client';
import { numberSchema, type NumberDto } from './intake.api';

/** `GET /api/numbers/signup-config`: what opening Meta's Embedded Signup dialog takes. */
export const signupConfigSchema = z.object({
  appId: z.string(),
  configId: z.string().nullable(),
  dialogUrl: z.string(),
  graphVersion: z.string(),
});
export type SignupConfig = z.infer<typeof signupConfigSchema>;

/** What the dialog hands back: the code (login callback) and the ids (session-info event). */
export interface SignupResult {
  code: string;
  wabaId: string;
  phoneNumberId: string;
}

const path = (id: string, action: string) => `/api/numbers/${encodeURIComponent(id)}/${action}`;

/** Connecting numbers through Embedded Signup, their sync request, settings and offboarding. */
export const numbersConnectApi = {
  signupConfig: (): Promise<SignupConfig> => request('/api/numbers/signup-config', { schema: signupConfigSchema }),
  connect: (body: SignupResult & { name?: string }): Promise<NumberDto> =>
    request('/api/numbers/connect', { method: 'POST', body, schema: numberSchema }),
  number: (id: string, signal?: AbortSignal): Promise<NumberDto> =>
    request(`/api/numbers/${encodeURIComponent(id)}`, { schema: numberSchema, signal }),
  requestSync: (id: string): Promise<NumberDto> => request(path(id, 'sync'), { method: 'POST', schema: numberSchema }),
  offboard: (id: string): Promise<NumberDto> => request(path(id, 'offboard'), { method: 'POST', schema: numberSchema }),
  rename: (id: string, name: string | null): Promise<NumberDto> =>
    request(`/api/numbers/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name }, schema: numberSchema }),
};
