import { authApi } from '../api/auth.api';
import { ApiError } from '../api/http-client';
import { useAuthStore } from './auth.store';

const store = () => useAuthStore.getState();

/**
 * Asks the api who we are (once after sign-in, on start and after a workspace switch). A
 * 401 has already sent the user to sign-in (the client's onUnauthorized); a 404 means the
 * remembered workspace is not (or no longer) ours, so the api's default is taken instead.
 */
export async function loadMe(): Promise<void> {
  try {
    store().signedIn(await authApi.me());
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    if (e instanceof ApiError && e.status === 404 && store().workspaceId) {
      store().pickWorkspace(null);
      return loadMe();
    }
    store().failed(e instanceof Error ? e.message : String(e));
  }
}

/** Signs in (the api sets the http-only cookie), then loads `/me`. Rejects with the api's reason. */
export async function signIn(email: string, password: string): Promise<void> {
  await authApi.signIn({ email, password });
  store().loading();
  await loadMe();
}

/** Ends the session on the api; the studio forgets the person even if the api is unreachable. */
export async function signOut(): Promise<void> {
  try {
    await authApi.signOut();
  } catch {
    // The cookie is http-only: if the api cannot clear it, it still expires on its own.
  } finally {
    store().signedOut();
  }
}

/** Acts in another of my workspaces: every request from now on carries it; `/me` tells the new role. */
export async function switchWorkspace(id: string): Promise<void> {
  store().pickWorkspace(id);
  await loadMe();
}
