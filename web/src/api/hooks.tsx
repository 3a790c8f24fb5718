/**
 * The API for the app's components: one client (bearer token and Accept-Language from the current session and
 * language), and query hooks. Query keys carry the language, so switching it refetches messages in it.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { getToken } from '../auth/auth';
import { getLang, useI18n } from '../i18n';
import { type Api, createApi, unwrap } from './client';

const ApiContext = createContext<Api | undefined>(undefined);

export function ApiProvider({ baseUrl, children }: { baseUrl: string; children: ReactNode }) {
  const api = useMemo(() => createApi({ baseUrl, token: getToken, lang: getLang }), [baseUrl]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** The signed-in person: GET /me. */
export function useMe() {
  const api = useApi();
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['me', lang],
    queryFn: () => unwrap(api.GET('/me')),
    staleTime: 5 * 60_000,
    // While the other language loads, the page keeps showing the person rather than a loading note.
    placeholderData: keepPreviousData,
  });
}
