import { passwordSchema } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { authApi } from '../api/auth.api';
import { navigate, useHashLocation } from '../router/use-hash-location';

/**
 * `#/reset-password?token=…`: the one-time link an admin handed over. Public: the person
 * has no password (or forgot it). Setting one ends all their sessions; then they sign in.
 */
export function ResetPasswordPage() {
  const token = useHashLocation().query.token ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const checked = passwordSchema.safeParse(password);
  const problem = !password
    ? null
    : !checked.success
      ? (checked.error.issues[0]?.message ?? 'Not a valid password')
      : repeat && repeat !== password
        ? 'The two passwords differ'
        : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authApi.resetPassword({ token, newPassword: password });
      navigate('/sign-in', { reset: 1 });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <div className="sign-in" data-testid="reset-password-page">
      <form className="card sign-in-card" onSubmit={submit}>
        <h1>
          <span className="brand-mark">⇄</span> Set your password
        </h1>
        {!token && <div className="form-error">This link has no token. Ask an admin for a new password link.</div>}
        <label className="form-label" htmlFor="new-password">
          New password (at least 10 characters)
        </label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="reset-password"
          autoFocus
        />
        <label className="form-label" htmlFor="repeat-password">
          Repeat it
        </label>
        <input
          id="repeat-password"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          data-testid="reset-password-repeat"
        />
        {(problem ?? error) && (
          <div className="form-error" role="alert" data-testid="reset-password-error">
            {problem ?? error}
          </div>
        )}
        <button
          type="submit"
          className="btn btn--primary"
          disabled={busy || !token || !checked.success || repeat !== password}
          data-testid="reset-password-submit"
        >
          {busy ? 'Saving…' : 'Set password'}
        </button>
      </form>
    </div>
  );
}
