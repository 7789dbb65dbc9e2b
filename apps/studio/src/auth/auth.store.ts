import { create } from 'zustand';

/** localStorage key of the admin token. */
export const TOKEN_STORAGE_KEY = 'tandem.adminToken';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

interface AuthState {
  token: string | null;
  signIn(token: string): void;
  signOut(): void;
}

/** The admin token the studio sends as `Authorization: Bearer …`, kept across reloads. */
export const useAuthStore = create<AuthState>()((set) => ({
  token: storage()?.getItem(TOKEN_STORAGE_KEY) ?? null,
  signIn(token) {
    storage()?.setItem(TOKEN_STORAGE_KEY, token);
    set({ token });
  },
  signOut() {
    storage()?.removeItem(TOKEN_STORAGE_KEY);
    set({ token: null });
  },
}));
