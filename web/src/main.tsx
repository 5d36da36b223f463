import { Component, StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, setCsrf, type Me } from './api.ts';
import { setLang, useT } from './i18n.ts';
import { Directives } from './pages/Directives.tsx';
import { IndicatorPage } from './pages/IndicatorPage.tsx';
import { Login } from './pages/Login.tsx';
import { Overview } from './pages/Overview.tsx';
import { Reports } from './pages/Reports.tsx';
import { Review } from './pages/Review.tsx';
import { Scorecard } from './pages/Scorecard.tsx';
import { Targets } from './pages/Targets.tsx';
import { TaskPage } from './pages/TaskPage.tsx';
import { Tasks } from './pages/Tasks.tsx';
import './styles.css';

function useHash(): { path: string; params: URLSearchParams } {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  return { path: path || '/overview', params: new URLSearchParams(query) };
}

/** A screen that throws shows a message, never a blank page. */
class Guard extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: String(error) };
  }
  render() {
    return this.state.error ? (
      <p role="alert" className="error">
        {this.state.error}
      </p>
    ) : (
      this.props.children
    );
  }
}

function App() {
  const { t, lang } = useT();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { path, params } = useHash();
  useEffect(() => {
    api<{ user: Me | null }>('GET', '/api/auth/session')
      .then(({ user }) => {
        if (user) setCsrf(user.csrfToken);
        setMe(user);
      })
      .catch(() => setMe(null));
  }, []);
  if (me === undefined) return <p aria-busy="true">{t.loading}</p>;
  if (me === null) return <Login onLogin={setMe} />;
  const nav = [
    ['/overview', t.overview],
    ['/directives', t.directives],
    ['/targets', t.targets],
    ['/tasks', t.tasks],
    ['/reports', t.reports],
    ['/scorecard', t.scorecard],
  ] as const;
  const review = /^\/directives\/(\d+)$/.exec(path);
  const taskPage = /^\/tasks\/(\d+)$/.exec(path);
  const indicatorPage = /^\/indicators\/(\d+)$/.exec(path);
  let page: ReactNode;
  if (review) page = <Review id={Number(review[1])} me={me} focus={params.get('focus')} />;
  else if (taskPage) page = <TaskPage id={Number(taskPage[1])} me={me} />;
  else if (indicatorPage) page = <IndicatorPage id={Number(indicatorPage[1])} />;
  else if (path === '/directives') page = <Directives me={me} />;
  else if (path === '/targets') page = <Targets />;
  else if (path === '/tasks') page = <Tasks me={me} key={params.toString()} initial={params} />;
  else if (path === '/reports') page = <Reports me={me} />;
  else if (path === '/scorecard') page = <Scorecard />;
  else page = <Overview />;
  return (
    <>
      <header>
        <nav aria-label="Rõ">
          <strong>Rõ</strong>
          {nav.map(([href, label]) => (
            <a key={href} href={`#${href}`} aria-current={path.startsWith(href) ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <div className="who">
          <span data-testid="whoami">
            {me.username} ({me.role})
          </span>
          <button type="button" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {t.language}
          </button>
          <button
            type="button"
            onClick={() =>
              void api('POST', '/api/auth/logout').finally(() => {
                setMe(null);
              })
            }
          >
            {t.logout}
          </button>
        </div>
      </header>
      <main>
        <Guard key={path}>{page}</Guard>
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
