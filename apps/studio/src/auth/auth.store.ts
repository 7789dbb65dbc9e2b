import type { MeDto } from '@tandem/api-contract';
import { create } from 'zustand';

/** localStorage key of the workspace the studio acts in (an id, not a credential). */
export const WORKSPACE_STORAGE_KEY = 'tandem.workspace';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** `loading`: asking the api who we are; `signed-out`: no (or no longer a) session. */
export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

interface AuthState {
  status: AuthStatus;
  /** `GET /api/auth/me`: the person, the current workspace and role, every workspace, the permissions. */
  me: MeDto | null;
  /** The workspace sent as `X-Tandem-Workspace`; null until picked (the api's default applies). */
  workspaceId: string | null;
  /** Why `/me` could not be loaded (other than a missing session). */
  error: string | null;
  signedIn(me: MeDto): void;
  signedOut(): void;
  loading(): void;
  failed(error: string): void;
  /** Acts in another workspace from the next request on, and remembers it. */
  pickWorkspace(id: string | null): void;
}

/**
 * Who is signed in. The session itself is the api's http-only cookie, which the studio
 * cannot read: this store keeps only what `/me` said, and the chosen workspace.
 */
export const useAuthStore = create<AuthState>()((set) => ({
  status: 'loading',
  me: null,
  workspaceId: storage()?.getItem(WORKSPACE_STORAGE_KEY) ?? null,
  error: null,
  signedIn(me) {
    storage()?.setItem(WORKSPACE_STORAGE_KEY, me.workspace.id);
    set({ status: 'signed-in', me, workspaceId: me.workspace.id, error: null });
  },
  signedOut() {
    set({ status: 'signed-out', me: null, error: null });
  },
  loading() {
    set({ status: 'loading', error: null });
  },
  failed(error) {
    set({ status: 'loading', error });
  },
  pickWorkspace(id) {
    if (id) storage()?.setItem(WORKSPACE_STORAGE_KEY, id);
    else storage()?.removeItem(WORKSPACE_STORAGE_KEY);
    set({ workspaceId: id });
  },
}));
