// The shell: asks for the API key once per tab, learns whether it is a read or an admin key, and lays
// out the navigation and the page of the current URL.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Provider } from 'urql';
import { createClient, describeError, errorCode } from './client';
import { useDatabaseStatus } from './database';
import { fmtTime } from './format';
import { graphql } from './gql';
import { storedKey, storeKey } from './key';
import { useLiveQuery } from './live';
import { AbPage } from './pages/ab';
import { OverviewPage } from './pages/overview';
import { PatternsPage } from './pages/patterns';
import { RunPage } from './pages/run';
import { RunsPage } from './pages/runs';
import { SwitchesPage } from './pages/switches';
import { Link, RouterProvider, useLocation } from './router';
import { SessionContext, type Session } from './session';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      keyRequired
    }
  }
`);

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/runs', label: 'Runs' },
  { href: '/ab', label: 'A/B' },
  { href: '/patterns', label: 'Failure patterns' },
  { href: '/switches', label: 'Switches' },
];

type Theme = 'light' | 'dark';
const THEME_KEY = 'autopack.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function App() {
  const [apiKey, setApiKey] = useState(storedKey);
  const client = useMemo(() => createClient(apiKey), [apiKey]);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  // A layout effect: it runs before the charts' effects, which read the theme's colours from the page.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const changeKey = (key: string | null) => {
    storeKey(key);
    setApiKey(key);
  };
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, next);
    setTheme(next);
  };

  return (
    <RouterProvider>
      <Provider value={client}>
        <Gate key={apiKey ?? ''} apiKey={apiKey} theme={theme} onKey={changeKey} onToggleTheme={toggleTheme} />
      </Provider>
    </RouterProvider>
  );
}

interface GateProps {
  apiKey: string | null;
  theme: Theme;
  onKey(key: string | null): void;
  onToggleTheme(): void;
}

/** Shows the key form until the server accepts the key, then the console. */
function Gate({ apiKey, theme, onKey, onToggleTheme }: GateProps) {
  // Polled too: a console left open notices a server that restarts or a key that stops working.
  const [{ data, error }] = useLiveQuery({ query: ViewerQuery }, { pollMs: 10_000 });
  const code = errorCode(error);
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return <KeyForm invalid={code === 'FORBIDDEN' && apiKey !== null} onKey={onKey} />;
  }
  if (!data && !error && apiKey !== null) {
    // A key is stored: show the page at once (its queries run alongside this one) with what a read key
    // may do, until the server says which key it is.
    const pending: Session = { role: 'READ', keyRequired: true, theme, pending: true };
    return (
      <SessionContext.Provider value={pending}>
        <Layout session={pending} hasKey onForget={() => onKey(null)} onToggleTheme={onToggleTheme} offline={false} />
      </SessionContext.Provider>
    );
  }
  if (!data) {
    return (
      <main className="boot" id="main">
        {error ? (
          <div className="error" role="alert">
            {describeError(error)}
          </div>
        ) : (
          <p role="status">Connecting to the server…</p>
        )}
      </main>
    );
  }
  const session: Session = { role: data.viewer.role, keyRequired: data.viewer.keyRequired, theme };
  return (
    <SessionContext.Provider value={session}>
      <Layout
        session={session}
        hasKey={apiKey !== null}
        onForget={() => onKey(null)}
        onToggleTheme={onToggleTheme}
        offline={!!error?.networkError && !error.graphQLErrors.length}
      />
    </SessionContext.Provider>
  );
}

function KeyForm({ invalid, onKey }: { invalid: boolean; onKey(key: string): void }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onKey(value.trim());
  };
  return (
    <main className="key-page" id="main">
      <form className="card key-form" onSubmit={submit}>
        <h1>Autopack console</h1>
        <p>This server needs an API key. It is kept for this tab only (closing the tab forgets it).</p>
        {invalid && (
          <p className="error" role="alert">
            The server refused that key (Invalid API key).
          </p>
        )}
        <label htmlFor="api-key">API key (AUTOPACK_API_KEY or AUTOPACK_READ_API_KEY)</label>
        <input id="api-key" type="password" autoComplete="off" autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit">Open the console</button>
      </form>
    </main>
  );
}

interface LayoutProps {
  session: Session;
  hasKey: boolean;
  offline: boolean;
  onForget(): void;
  onToggleTheme(): void;
}

function Layout({ session, hasKey, offline, onForget, onToggleTheme }: LayoutProps) {
  const location = useLocation();
  const section = '/' + (location.path.split('/')[1] ?? '');
  const firstPath = useRef(location.path);
  useEffect(() => {
    // After client-side navigation (not on load), move focus to the new page's heading so screen readers
    // announce it and Tab continues from there.
    if (location.path === firstPath.current) return;
    firstPath.current = '';
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [location.path]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Autopack console
        </Link>
        <nav aria-label="Pages">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={section === n.href ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className={`badge key-${session.role.toLowerCase()}`} data-testid="key-role">
            {session.pending ? 'Checking key…' : session.keyRequired ? (session.role === 'ADMIN' ? 'Admin key' : 'Read key') : 'No key (open)'}
          </span>
          {hasKey && (
            <button type="button" className="link-button" onClick={onForget}>
              Forget key
            </button>
          )}
          <button type="button" className="link-button" onClick={onToggleTheme} aria-label={`Switch to ${session.theme === 'dark' ? 'light' : 'dark'} theme`}>
            {session.theme === 'dark' ? 'Light' : 'Dark'}
          </button>
          <a href="/graphql" className="link-button">
            GraphiQL
          </a>
        </div>
      </header>
      {!session.keyRequired && (
        <p className="warning" role="note">
          No API key is configured on this server (development): anyone who can reach it may read and change everything. Set AUTOPACK_API_KEY before exposing
          it.
        </p>
      )}
      {offline && (
        <p className="error banner" role="alert">
          Lost contact with the server (restarting?). Showing the last data; retrying…
        </p>
      )}
      <DatabaseBanner />
      <main id="main">
        <Route path={location.path} />
      </main>
    </>
  );
}

/** The database outage, for the whole page (each place with data says so too, see ErrorBox). */
function DatabaseBanner() {
  const db = useDatabaseStatus();
  if (!db.down) return null;
  return (
    <p className="error banner" role="alert" data-testid="db-banner">
      <strong>Database unavailable</strong>
      {db.detail && db.detail !== 'Database unavailable: retry shortly' ? ` (${db.detail})` : ''}
      {db.since && ` since ${fmtTime(db.since.toISOString())}`}: showing the last data. The console checks every few seconds and refreshes by itself when the
      database is back.
    </p>
  );
}

function Route({ path }: { path: string }) {
  if (path === '/') return <OverviewPage />;
  if (path === '/runs') return <RunsPage />;
  const run = /^\/runs\/([^/]+)$/.exec(path);
  if (run) return <RunPage id={decodeURIComponent(run[1])} />;
  if (path === '/ab') return <AbPage />;
  if (path === '/patterns') return <PatternsPage />;
  if (path === '/switches') return <SwitchesPage />;
  return (
    <p className="error" role="alert">
      No such page: {path}. <Link href="/">Back to the overview</Link>
    </p>
  );
}
