import { useAuthStore } from '../auth/auth.store';
import { createHttpClient } from './http-client';

/** The studio's one HTTP client: acts in the chosen workspace; a 401 sends the user to sign-in. */
export const request = createHttpClient({
  getWorkspace: () => useAuthStore.getState().workspaceId,
  onUnauthorized: () => useAuthStore.getState().signedOut(),
});
