/**
 * The sign-in screen. Cloud: one button to Cognito's hosted UI. Local: the demo people by role (as the
 * `npm start` banner lists them) and a NIP field, exchanged at the local runtime's POST /dev/token.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/auth';
import { Field, FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';

interface DemoPerson {
  nip: string;
  name: string;
  role: string;
  position: string;
}

export function SignIn() {
  const { t } = useI18n();
  const auth = useAuth();
  return (
    <>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <p>{t('signIn.intro')}</p>
      {auth.kind === 'cognito' ? (
        <button type="button" className="primary" onClick={() => void auth.signIn()}>
          {t('signIn.cognito')}
        </button>
      ) : (
        <DevSignIn />
      )}
    </>
  );
}

function DevSignIn() {
  const { t } = useI18n();
  const auth = useAuth();
  const people = useQuery({
    queryKey: ['dev-people'],
    queryFn: async () => ((await (await fetch('/dev/people')).json()) as { people: DemoPerson[] }).people,
  });
  const [nip, setNip] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  const signIn = async (as: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await auth.signInDev(as);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signIn(nip.trim());
  };

  return (
    <>
      <p className="note">{t('signIn.devNote')}</p>
      <section aria-labelledby="demo-people">
        <h2 id="demo-people">{t('signIn.demoPeople')}</h2>
        {people.isPending && <p role="status">{t('loading')}</p>}
        <ul className="people">
          {people.data?.map((p) => (
            <li key={p.nip}>
              <button type="button" className="person" disabled={busy} onClick={() => void signIn(p.nip)}>
                <span className="person-role">{p.role}</span>
                <span className="person-name">{p.name}</span>
                <span className="person-nip">{p.nip}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="by-nip">
        <h2 id="by-nip">{t('signIn.byNip')}</h2>
        <form onSubmit={submit} noValidate>
          <FormError error={error} />
          <Field
            label={t('signIn.nip')}
            name="nip"
            hint={t('signIn.nipHint')}
            error={fieldErrors.nip}
            inputMode="numeric"
            autoComplete="username"
            value={nip}
            onChange={(e) => setNip(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('signIn.working') : t('signIn.submit')}
          </button>
        </form>
      </section>
    </>
  );
}
