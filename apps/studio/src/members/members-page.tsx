import { ROLES, type MemberDto, type PasswordResetLinkDto, type Role } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { membersApi } from '../api/members.api';
import { useAuthStore } from '../auth/auth.store';
import { CopyField } from '../common/copy-field';
import { formatAgo, formatDateTime } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner } from '../common/ui';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The one-time link to hand over (no mail is sent). */
function PasswordLink({ email, link }: { email: string; link: PasswordResetLinkDto }) {
  return (
    <div className="banner password-link" data-testid="password-link">
      <div>
        <strong>Hand this one-time link to {email}</strong> to set a password (valid until {formatDateTime(link.expiresAt)}):
        <CopyField value={link.url} label="Password link" testId="password-link-url" />
      </div>
    </div>
  );
}

function AddMemberForm({ onAdded }: { onAdded(member: MemberDto, link: PasswordResetLinkDto | null): void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const added = await membersApi.add({ email: email.trim(), name: name.trim() || undefined, role });
      onAdded(added.member, added.passwordLink);
      setEmail('');
      setName('');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="add-member-form">
      <h2>Add a member</h2>
      <ErrorBanner error={error} />
      <label className="form-label" htmlFor="member-email">
        Email <span className="form-required">*</span>
      </label>
      <input id="member-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="member-email" />
      <label className="form-label" htmlFor="member-name">
        Name
      </label>
      <input id="member-name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} data-testid="member-name" />
      <label className="form-label" htmlFor="member-role">
        Role
      </label>
      <RoleSelect id="member-role" value={role} onChange={setRole} testId="member-role" />
      <p className="muted small">A new account comes with a one-time link to set its password; someone with an account joins at once.</p>
      <div className="button-row">
        <button type="submit" className="btn btn--primary" disabled={busy || !email.trim()} data-testid="member-add">
          {busy ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}

function RoleSelect({ id, value, onChange, testId }: { id?: string; value: Role; onChange(role: Role): void; testId?: string }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)} data-testid={testId} aria-label="Role">
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}

/** `#/members`: who is in this workspace with which role; add, change role, remove, password links. */
export function MembersPage() {
  const members = useAsync((signal) => membersApi.list(signal), []);
  const myId = useAuthStore((s) => s.me?.user?.id ?? null);
  const [link, setLink] = useState<{ email: string; link: PasswordResetLinkDto } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(message(e));
    }
    await members.reload();
  };
  return (
    <div className="page page--split" data-testid="members-page">
      <section className="card">
        <h2>Members</h2>
        <ErrorBanner error={error ?? members.error} onRetry={error ? undefined : members.reload} />
        {link && <PasswordLink email={link.email} link={link.link} />}
        {members.data?.length === 0 && <Empty>No members.</Empty>}
        <table className="table" data-testid="member-list">
          <thead>
            <tr>
              <th>Member</th>
              <th>Role</th>
              <th>Joined</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(members.data ?? []).map((m) => (
              <tr key={m.userId} data-testid={`member-row-${m.email}`}>
                <td>
                  <div>{m.name || m.email}</div>
                  {m.name && <div className="muted small">{m.email}</div>}
                </td>
                <td>
                  <RoleSelect
                    value={m.role}
                    onChange={(role) => void act(() => membersApi.changeRole(m.userId, role))}
                    testId="member-row-role"
                  />
                </td>
                <td className="muted small">{formatAgo(m.joinedAt)}</td>
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="btn btn--small"
                      data-testid="member-password-link"
                      onClick={() => void act(async () => setLink({ email: m.email, link: await membersApi.passwordLink(m.userId) }))}
                    >
                      Password link
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      data-testid="member-remove"
                      disabled={m.userId === myId}
                      title={m.userId === myId ? 'You cannot remove yourself' : undefined}
                      onClick={() =>
                        window.confirm(`Remove ${m.email} from this workspace?`) && void act(() => membersApi.remove(m.userId))
                      }
                    >
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <AddMemberForm
        onAdded={(member, passwordLink) => {
          setLink(passwordLink ? { email: member.email, link: passwordLink } : null);
          void members.reload();
        }}
      />
    </div>
  );
}
