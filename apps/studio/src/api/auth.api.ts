import { meSchema, type MeDto, type ResetPasswordRequest, type SignInRequest } from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';

/** Signing in and out, who am I, setting a password from a one-time link (`/api/auth…`). */
export const authApi = {
  /** Sets the session cookie; a wrong password answers 401 without signing anything out. */
  signIn: (body: SignInRequest): Promise<{ expiresAt: string }> =>
    request('/api/auth/sign-in', { method: 'POST', body, auth: false, schema: z.object({ expiresAt: z.string() }) }),
  signOut: (): Promise<void> => request('/api/auth/sign-out', { method: 'POST' }),
  me: (signal?: AbortSignal): Promise<MeDto> => request('/api/auth/me', { schema: meSchema, signal }),
  resetPassword: (body: ResetPasswordRequest): Promise<void> => request('/api/auth/password-reset', { method: 'POST', body, auth: false }),
};
