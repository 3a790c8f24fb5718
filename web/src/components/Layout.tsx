/**
 * The frame around every page once signed in: a skip link, the header (app name, the person, language, sign-out),
 * the main menu built from routes.tsx, and the page in <main>.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n';
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
  return (
    <li>
      <Link href={route.path} aria-current={active ? 'page' : undefined}>
        {t(route.label)}
      </Link>
    </li>
  );
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
