import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useAuth } from '../auth/auth';
import { FormError } from '../components/forms';
import { useI18n } from '../i18n';

/**
 * /app/auth/callback: Cognito sends the person back here with a code; PKCE turns it into tokens, and the person
 * goes on to the page they had opened.
 */
export function AuthCallback() {
  const { t } = useI18n();
  const auth = useAuth();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // a code is good for one exchange (StrictMode runs effects twice)
    started.current = true;
    auth.completeSignIn().then((to) => navigate(to, { replace: true }), setError);
  }, [auth, navigate]);
  return error ? <FormError error={error} /> : <p role="status">{t('callback.working')}</p>;
}
