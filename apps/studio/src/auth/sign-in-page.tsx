import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http-client';
import { useHashLocation } from '../router/use-hash-location';
import { signIn } from './session';

/** What to tell the person when signing in fails (the api never says whether the email exists). */
function reason(e: unknown): string {
  if (e instanceof ApiError && e.status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (e instanceof ApiError && e.status < 500) return e.message;
  if (e instanceof ApiError) return `The api answered ${e.status}: ${e.message}`;
  return 'The api cannot be reached. Is it running?';
}

/** The sign-in screen: email and password; the api keeps the session in an http-only cookie. */
export function SignInPage() {
  const { query } = useHashLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(reason(err));
      setBusy(false);
    }
  };
  return (
    <div className="sign-in" data-testid="sign-in-page">
      <form className="card sign-in-card" onSubmit={submit}>
        <h1>
          <span className="brand-mark">⇄</span> Tandem Studio
        </h1>
        {query.reset === '1' && (
          <p className="banner" data-testid="sign-in-reset-done">
            Your password is set. Sign in with it.
          </p>
        )}
        <label className="form-label" htmlFor="email">
          Email
        </label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="sign-in-email"
          autoFocus
          required
        />
        <label className="form-label" htmlFor="password">
          Password
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="sign-in-password"
          required
        />
        {error && (
          <div className="form-error" role="alert" data-testid="sign-in-error">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || !email.trim() || !password} data-testid="sign-in-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          Forgot your password? Ask an admin of your workspace for a password link. Trying Tandem out: <code>npm start</code> prints the
          demo users.
        </p>
      </form>
    </div>
  );
}
