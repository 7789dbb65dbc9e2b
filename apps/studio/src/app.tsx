import type { Permission } from '@tandem/api-contract';
import { Fragment, useEffect } from 'react';
import { AlertEndpointsPage } from './alerts/alert-endpoints-page';
import { AlertsBell } from './alerts/alerts-bell';
import { AuditPage } from './audit/audit-page';
import { useAuthStore } from './auth/auth.store';
import { hasPermission } from './auth/can.util';
import { ResetPasswordPage } from './auth/reset-password-page';
import { loadMe, signOut } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { WorkspaceSwitcher } from './auth/workspace-switcher';
import { CampaignPage } from './campaigns/campaign-page';
import { CampaignsPage } from './campaigns/campaigns-page';
import { EditorPage } from './editor/editor-page';
import { JourneysPage } from './journeys/journeys-page';
import { MembersPage } from './members/members-page';
import { NumbersPage } from './numbers/numbers-page';
import { matchRoute, type RouteDef } from './router/hash-route.util';
import { Link } from './router/link';
import { useHashLocation } from './router/use-hash-location';
import { RunDetailPage } from './runs/run-detail-page';
import { RunsPage } from './runs/runs-page';
import { ApiTokensPage } from './tokens/api-tokens-page';
import { CredentialsPage } from './credentials/credentials-page';
import { TemplatesPage } from './templates/templates-page';
import { TryItPage } from './try-it/try-it-page';
import { ConversationSettingsPage } from './ownership/conversation-settings-page';
import { InboxPage } from './inbox/inbox-page';
import { ContactPage } from './contacts/contact-page';
import { ContactsPage } from './contacts/contacts-page';
import { OptOutSettingsPage } from './contacts/opt-out-settings-page';

type RouteName =
  | 'journeys'
  | 'journey'
  | 'runs'
  | 'run'
  | 'campaigns'
  | 'campaign'
  | 'numbers'
  | 'try-it'
  | 'members'
  | 'api-tokens'
  | 'credentials'
  | 'audit'
  | 'conversation-settings'
  | 'inbox'
  | 'contacts'
  | 'contact'
  | 'opt-out-settings'
  | 'templates'
  | 'alert-webhooks';

/** Every page of the studio (hash routes: `#/journeys/:id` …). */
export const ROUTES: readonly RouteDef<RouteName>[] = [
  { name: 'journeys', pattern: '/journeys' },
  { name: 'journey', pattern: '/journeys/:id' },
  { name: 'runs', pattern: '/runs' },
  { name: 'run', pattern: '/runs/:id' },
  { name: 'campaigns', pattern: '/campaigns' },
  { name: 'campaign', pattern: '/campaigns/:id' },
  { name: 'numbers', pattern: '/numbers' },
  { name: 'try-it', pattern: '/try-it' },
  { name: 'members', pattern: '/members' },
  { name: 'api-tokens', pattern: '/api-tokens' },
  { name: 'credentials', pattern: '/credentials' },
  { name: 'audit', pattern: '/audit' },
  { name: 'conversation-settings', pattern: '/settings/conversations' },
  { name: 'inbox', pattern: '/inbox' },
  { name: 'contacts', pattern: '/contacts' },
  { name: 'contact', pattern: '/contacts/:id' },
  { name: 'opt-out-settings', pattern: '/settings/opt-out' },
  { name: 'templates', pattern: '/templates' },
  { name: 'alert-webhooks', pattern: '/alert-webhooks' },
];

/** Public: the one-time password link works without a session. */
const RESET_PASSWORD_PATH = '/reset-password';

/**
 * Navigation; an item with a permission shows only to those who hold it. The daily work first,
 * the workspace's settings after a divider, in smaller type.
 */
const NAV: { to: string; label: string; section: RouteName[]; permission?: Permission; settings?: true }[] = [
  { to: '/inbox', label: 'Inbox', section: ['inbox'], permission: 'conversations.write' },
  { to: '/contacts', label: 'Contacts', section: ['contacts', 'contact'] },
  { to: '/journeys', label: 'Journeys', section: ['journeys', 'journey'] },
  { to: '/runs', label: 'Runs', section: ['runs', 'run'] },
  { to: '/campaigns', label: 'Campaigns', section: ['campaigns', 'campaign'] },
  { to: '/templates', label: 'Templates', section: ['templates'] },
  { to: '/numbers', label: 'Numbers', section: ['numbers'] },
  { to: '/try-it', label: 'Try it', section: ['try-it'] },
  { to: '/members', label: 'Members', section: ['members'], permission: 'members.manage', settings: true },
  { to: '/api-tokens', label: 'API tokens', section: ['api-tokens'], permission: 'tokens.manage', settings: true },
  { to: '/credentials', label: 'Credentials', section: ['credentials'], permission: 'credentials.manage', settings: true },
  { to: '/alert-webhooks', label: 'Alert webhooks', section: ['alert-webhooks'], permission: 'alerts.manage', settings: true },
  {
    to: '/settings/conversations',
    label: 'Conversations',
    section: ['conversation-settings'],
    permission: 'workspace.manage',
    settings: true,
  },
  { to: '/settings/opt-out', label: 'Opt-out', section: ['opt-out-settings'], settings: true },
  { to: '/audit', label: 'Audit log', section: ['audit'], permission: 'audit.read', settings: true },
];

function Page({ name, params, query }: { name: RouteName; params: Record<string, string>; query: Record<string, string> }) {
  switch (name) {
    case 'journeys':
      return <JourneysPage />;
    case 'journey':
      return <EditorPage journeyId={params.id} />;
    case 'runs':
      return <RunsPage query={query} />;
    case 'run':
      return <RunDetailPage key={params.id} runId={params.id} />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'campaign':
      return <CampaignPage key={params.id} campaignId={params.id} />;
    case 'numbers':
      return <NumbersPage />;
    case 'try-it':
      return <TryItPage query={query} />;
    case 'members':
      return <MembersPage />;
    case 'api-tokens':
      return <ApiTokensPage />;
    case 'credentials':
      return <CredentialsPage />;
    case 'audit':
      return <AuditPage />;
    case 'conversation-settings':
      return <ConversationSettingsPage />;
    case 'inbox':
      return <InboxPage query={query} />;
    case 'contacts':
      return <ContactsPage />;
    case 'contact':
      return <ContactPage key={params.id} contactId={params.id} />;
    case 'opt-out-settings':
      return <OptOutSettingsPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'alert-webhooks':
      return <AlertEndpointsPage />;
  }
}

/** While `/me` loads (or cannot be loaded). */
function Loading({ error }: { error: string | null }) {
  return (
    <div className="sign-in" data-testid="studio-loading">
      <div className="card sign-in-card">
        {error ? (
          <>
            <div className="form-error" role="alert">
              {error}
            </div>
            <button type="button" className="btn" onClick={() => void loadMe()}>
              Retry
            </button>
          </>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </div>
    </div>
  );
}

/** The shell: sign-in gate, navigation, and the page of the current hash route. */
export function App() {
  const status = useAuthStore((s) => s.status);
  const me = useAuthStore((s) => s.me);
  const error = useAuthStore((s) => s.error);
  const location = useHashLocation();
  useEffect(() => {
    void loadMe();
  }, []);
  if (location.path === RESET_PASSWORD_PATH) return <ResetPasswordPage />;
  if (status === 'signed-out') return <SignInPage />;
  if (status === 'loading' || !me) return <Loading error={error} />;
  const match =
    matchRoute(ROUTES, location.path) ??
    (location.path === '/' || location.path === '/sign-in' ? { name: 'journeys' as const, params: {} } : null);
  return (
    <div className="app">
      <nav className="nav" data-testid="nav">
        <Link to="/journeys" className="brand">
          <span className="brand-mark">⇄</span> Tandem
        </Link>
        {NAV.filter((item) => !item.permission || hasPermission(me, item.permission)).map((item, i, shown) => (
          <Fragment key={item.to}>
            {item.settings && !shown[i - 1]?.settings && <span className="nav-divider" aria-hidden="true" />}
            <Link
              to={item.to}
              className={`nav-link${item.settings ? ' nav-link--settings' : ''}${match && item.section.includes(match.name) ? ' nav-link--active' : ''}`}
              data-testid={`nav-${item.to.slice(1)}`}
            >
              {item.label}
            </Link>
          </Fragment>
        ))}
        <span className="nav-spacer" />
        <AlertsBell />
        <WorkspaceSwitcher />
        <button type="button" className="btn-link nav-signout" onClick={() => void signOut()} data-testid="sign-out">
          Sign out
        </button>
      </nav>
      {/* Keyed by workspace: a switch remounts the page, so it loads that workspace's data. */}
      <main className="main" key={me.workspace.id}>
        {match ? (
          <Page name={match.name} params={match.params} query={location.query} />
        ) : (
          <div className="page">
            <h1>Not found</h1>
            <p>
              Nothing lives at <code>{location.path}</code>. <Link to="/journeys">Go to journeys</Link>.
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
