/**
 * A typed client for the kinerja-asn API, the same one any agency client can use: copy this file, run
 * openapi-typescript on the API's /openapi.json to get `schema.d.ts`, and call
 *
 *   const api = createApi({ baseUrl: 'https://api.example.go.id', token: () => myToken, lang: () => 'id' });
 *   const me = await unwrap(api.GET('/me'));
 *   await unwrap(api.POST('/employees/{nip}/activities', { params: { path: { nip: 'me' } }, body }));
 *
 * Every failure arrives as an ApiError: the API's `{ error: { code, message, details: [{ field, code, message }] } }`
 * with its status, and `fieldErrors()` to show each message next to the form field it names.
 * Depends on openapi-fetch only (fetch, Request and Response are the platform's).
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type Lang = 'id' | 'en';
export type Api = Client<paths>;

/** One problem with one input, as the API names it: `body.date`, `query.limit`, `path.nip`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the API could not be reached. */
    readonly status: number,
    /** The API's stable error code (e.g. validation_failed, not_found, version_conflict). */
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }

  /**
   * Messages by form field: `body.date` → `date` (a form's inputs are named after the body's fields; nested
   * fields keep their path, `body.rhk.0.title` → `rhk.0.title`). The first message per field wins.
   */
  fieldErrors(source: 'body' | 'query' | 'path' = 'body'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      if (!d.field.startsWith(`${source}.`)) continue;
      out[d.field.slice(source.length + 1)] ??= d.message;
    }
    return out;
  }

  /** Problems not tied to a field of `source`: shown above the form. */
  otherErrors(source: 'body' | 'query' | 'path' = 'body'): FieldError[] {
    return this.details.filter((d) => !d.field.startsWith(`${source}.`));
  }

  /** Any response body, JSON or not, as an ApiError. */
  static fromBody(status: number, body: unknown): ApiError {
    const error = (body as { error?: unknown } | null)?.error as
      | { code?: unknown; message?: unknown; details?: unknown }
      | undefined;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      const details = Array.isArray(error.details) ? error.details.filter(isFieldError) : [];
      return new ApiError(status, error.code, error.message, details);
    }
    // Not the API's error shape (a proxy, a gateway's own 5xx): keep the status, say what little is known.
    const message =
      typeof (body as { message?: unknown } | null)?.message === 'string'
        ? (body as { message: string }).message
        : `HTTP ${status}`;
    return new ApiError(status, `http_${status}`, message);
  }
}

const isFieldError = (d: unknown): d is FieldError =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as FieldError).field === 'string' &&
  typeof (d as FieldError).code === 'string' &&
  typeof (d as FieldError).message === 'string';

export interface ApiOptions {
  baseUrl: string;
  /** The bearer token for the next request (an ID token for people, an access token for machines). */
  token: () => string | undefined;
  /** Language of the API's messages (Accept-Language). */
  lang: () => Lang;
  fetch?: typeof fetch;
}

export function createApi({ baseUrl, token, lang, fetch: fetchImpl }: ApiOptions): Api {
  const api = createClient<paths>({ baseUrl: baseUrl.replace(/\/$/, ''), ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  api.use({
    onRequest({ request }) {
      const bearer = token();
      if (bearer) request.headers.set('authorization', `Bearer ${bearer}`);
      request.headers.set('accept-language', lang());
      return request;
    },
  });
  return api;
}

/** The data of a call, or an ApiError (also when the API cannot be reached). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (!result.response.ok) throw ApiError.fromBody(result.response.status, result.error);
  return result.data as T;
}
