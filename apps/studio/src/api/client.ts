import { useAuthStore } from '../auth/auth.store';
import { createHttpClient } from './http-client';

/** The studio's one HTTP client: admin token from the auth store; a 401 signs the user out. */
export const request = createHttpClient({
  getToken: () => useAuthStore.getState().token,
  onUnauthorized: () => useAuthStore.getState().signOut(),
});
