import { useAuthStore } from './auth/auth.store';
import { SignInPage } from './auth/sign-in-page';
import { CampaignPage } from './campaigns/campaign-page';
import { CampaignsPage } from './campaigns/campaigns-page';
import { EditorPage } from './editor/editor-page';
import { JourneysPage } from './journeys/journeys-page';
import { NumbersPage } from './numbers/numbers-page';
import { matchRoute, type RouteDef } from './router/hash-route.util';
import { Link } from './router/link';
import { useHashLocation } from './router/use-hash-location';
import { RunDetailPage } from './runs/run-detail-page';
import { RunsPage } from './runs/runs-page';
import { TryItPage } from './try-it/try-it-page';

type RouteName = 'journeys' | 'journey' | 'runs' | 'run' | 'campaigns' | 'campaign' | 'numbers' | 'try-it';

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
];

const NAV: { to: string; label: string; section: RouteName[] }[] = [
  { to: '/journeys', label: 'Journeys', section: ['journeys', 'journey'] },
  { to: '/runs', label: 'Runs', section: ['runs', 'run'] },
  { to: '/campaigns', label: 'Campaigns', section: ['campaigns', 'campaign'] },
  { to: '/numbers', label: 'Numbers', section: ['numbers'] },
  { to: '/try-it', label: 'Try it', section: ['try-it'] },
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
  }
}

/** The shell: sign-in gate, navigation, and the page of the current hash route. */
export function App() {
  const token = useAuthStore((s) => s.token);
  const signOut = useAuthStore((s) => s.signOut);
  const location = useHashLocation();
  if (!token) return <SignInPage />;
  const match =
    matchRoute(ROUTES, location.path) ??
    (location.path === '/' || location.path === '/sign-in' ? { name: 'journeys' as const, params: {} } : null);
  return (
    <div className="app">
      <nav className="nav" data-testid="nav">
        <Link to="/journeys" className="brand">
          <span className="brand-mark">⇄</span> Tandem
        </Link>
        {NAV.map((item) => (
          <Link
            key={item.to}
            to={item.to}
            className={`nav-link${match && item.section.includes(match.name) ? ' nav-link--active' : ''}`}
            data-testid={`nav-${item.to.slice(1)}`}
          >
            {item.label}
          </Link>
        ))}
        <span className="nav-spacer" />
        <button type="button" className="btn-link nav-signout" onClick={signOut} data-testid="sign-out">
          Sign out
        </button>
      </nav>
      <main className="main">
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
