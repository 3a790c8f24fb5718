/** Start: read config.json, then render the app under /app with its providers. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App';
import { ApiError } from './api/client';
import { ApiProvider } from './api/hooks';
import { AuthProvider } from './auth/auth';
import { loadConfig } from './config';
import { I18nProvider } from './i18n';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network failure or 5xx may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const root = createRoot(document.getElementById('root')!);
loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <I18nProvider>
          <QueryClientProvider client={queryClient}>
            <AuthProvider config={config}>
              <ApiProvider baseUrl={config.apiUrl}>
                <Router base={import.meta.env.BASE_URL.replace(/\/$/, '')}>
                  <App />
                </Router>
              </ApiProvider>
            </AuthProvider>
          </QueryClientProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  (err: Error) => root.render(<p role="alert">Kinerja ASN: {err.message}</p>),
);
