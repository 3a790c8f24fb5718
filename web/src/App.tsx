/**
 * Which screen: the sign-in callback, the sign-in screen when nobody is signed in, else the signed-in frame with
 * the page the address names (routes.tsx). The router's base is /app, where the app is served.
 */
import { type ReactNode, Suspense } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { ApiError } from './api/client';
import { useMe } from './api/hooks';
import { useAuth } from './auth/auth';
import { FormError } from './components/forms';
import { LanguageSwitch, Layout } from './components/Layout';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { useI18n } from './i18n';
import { AuthCallback } from './pages/AuthCallback';
import { NotFound } from './pages/NotFound';
import { SignIn } from './pages/SignIn';
import { appRoutes } from './routes';
import { viewerOf } from './viewer';

export function App() {
  const auth = useAuth();
  if (!auth.ready) return null;
  return (
    <Switch>
      <Route path="/auth/callback">
        <SignedOutFrame>
          <AuthCallback />
        </SignedOutFrame>
      </Route>
      <Route>
        {auth.token ? (
          <SignedIn />
        ) : (
          <SignedOutFrame>
            <SignIn />
          </SignedOutFrame>
        )}
      </Route>
    </Switch>
  );
}

function SignedOutFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        <div className="header-actions">
          <LanguageSwitch />
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function SignedIn() {
  const { t } = useI18n();
  const auth = useAuth();
  const me = useMe();
  const [location] = useLocation();
  const viewer = viewerOf(me.data);
  const routes = appRoutes.filter((r) => !r.visible || r.visible(viewer));
  const reachable = appRoutes.filter((r) => !r.visible || r.visible(viewer) || r.byAddress);
  return (
    <Layout name={me.data?.employee?.name} routes={me.data ? routes : []}>
      {me.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : me.isError ? (
        <>
          <FormError error={me.error} />
          {/* An expired or refused token: signing in again helps, asking again does not. */}
          {me.error instanceof ApiError && me.error.status === 401 ? (
            <button type="button" onClick={() => void auth.signOut()}>
              {t('signOut')}
            </button>
          ) : (
            <button type="button" onClick={() => void me.refetch()}>
              {t('error.retry')}
            </button>
          )}
        </>
      ) : (
        <PageErrorBoundary key={location}>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <Switch>
              {reachable.map((r) => (
                <Route key={r.path} path={r.path} component={r.component} />
              ))}
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </PageErrorBoundary>
      )}
    </Layout>
  );
}
