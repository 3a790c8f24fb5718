/**
 * The frame around every page once signed in: a skip link, the header (app name, the person, language, sign-out),
 * the main menu built from routes.tsx, and the page in <main>.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n';
import { QueueStatus } from '../offline/QueueStatus';
import type { AppRoute } from '../routes';

export function Layout({ name, routes, children }: { name?: string; routes: AppRoute[]; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        {name && <p className="who">{name}</p>}
        <div className="header-actions">
          <QueueStatus />
          <LanguageSwitch />
          <SignOut />
        </div>
      </header>
      <nav aria-label={t('nav.label')} className="app-nav">
        <ul>
          {routes.map((r) => (
            <NavItem key={r.path} route={r} />
          ))}
        </ul>
      </nav>
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function NavItem({ route }: { route: AppRoute }) {
  const { t } = useI18n();
  const [active] = useRoute(route.path);
  const { badge } = route;
  // With a count, the link's name says it in words ("Kotak masuk, 3 belum dibaca"); the badge drawn is only seen.
  const link = (count?: number) => (
    <Link
      href={route.path}
      aria-current={active ? 'page' : undefined}
      aria-label={badge && count ? `${t(route.label)}, ${t(badge.label, { count })}` : undefined}
    >
      {t(route.label)}
      {count ? (
        <span className="nav-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
  return <li>{badge ? <Counted useCount={badge.useCount}>{link}</Counted> : link()}</li>;
}

/** Asks a menu item's count (a hook, so in a component of its own) and draws the item with it. */
function Counted({
  useCount,
  children,
}: {
  useCount: () => number | undefined;
  children: (count: number | undefined) => ReactNode;
}) {
  return children(useCount());
}

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <button type="button" lang={other} onClick={() => setLang(other)}>
      {t('lang.switch')}
    </button>
  );
}

function SignOut() {
  const { t } = useI18n();
  const auth = useAuth();
  const queries = useQueryClient();
  return (
    <button
      type="button"
      onClick={() => {
        queries.clear();
        void auth.signOut();
      }}
    >
      {t('signOut')}
    </button>
  );
}
