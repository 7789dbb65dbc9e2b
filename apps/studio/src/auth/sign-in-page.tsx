import { useState, type FormEvent } from 'react';
import { ApiError, createHttpClient } from '../api/http-client';
import { useAuthStore } from './auth.store';

/** The token the dev setup starts the api with; offered as a hint, never pre-filled. */
const DEV_TOKEN_HINT = 'tandem-dev-admin-token';

/** Checks a token by calling a protected endpoint with it. */
async function checkToken(token: string): Promise<string | null> {
  const probe = createHttpClient({ getToken: () => token });
  try {
    await probe('/api/catalogue');
    return null;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return 'This token was refused by the api.';
    if (e instanceof ApiError) return `The api answered ${e.status}: ${e.message}`;
    return 'The api cannot be reached. Is it running?';
  }
}

/** `#/sign-in`: the admin token screen. The token is kept in localStorage. */
export function SignInPage() {
  const signIn = useAuthStore((s) => s.signIn);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) return;
    setBusy(true);
    setError(null);
    const problem = await checkToken(value);
    setBusy(false);
    if (problem) setError(problem);
    else signIn(value);
  };
  return (
    <div className="sign-in" data-testid="sign-in-page">
      <form className="card sign-in-card" onSubmit={submit}>
        <h1>
          <span className="brand-mark">⇄</span> Tandem Studio
        </h1>
        <p className="muted">
          Sign in with the admin token of your Tandem api (<code>TANDEM_ADMIN_TOKEN</code>).
        </p>
        <label className="form-label" htmlFor="token">
          Admin token
        </label>
        <input
          id="token"
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          data-testid="sign-in-token"
          autoFocus
        />
        {error && (
          <div className="form-error" role="alert" data-testid="sign-in-error">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || !token.trim()} data-testid="sign-in-submit">
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="muted small">
          Local development: the default token is <code>{DEV_TOKEN_HINT}</code>.
        </p>
      </form>
    </div>
  );
}
