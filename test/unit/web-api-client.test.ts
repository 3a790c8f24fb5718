/** The web app's API client: error bodies become ApiErrors whose messages forms can show per field. */
import { describe, expect, it } from 'vitest';
import { ApiError, createApi, unwrap } from '../../web/src/api/client.ts';

describe('ApiError.fromBody', () => {
  it('keeps the code, message and field details of the API error shape', () => {
    const err = ApiError.fromBody(400, {
      error: {
        code: 'validation_failed',
        message: 'Data yang dikirim tidak sesuai.',
        details: [
          { field: 'body.date', code: 'invalid_format', message: 'Tanggal harus YYYY-MM-DD.' },
          { field: 'body.date', code: 'too_small', message: 'second message for the same field' },
          { field: 'body.rhk.0.title', code: 'too_small', message: 'Judul wajib diisi.' },
          { field: 'query.limit', code: 'too_big', message: 'Paling banyak 100.' },
        ],
      },
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'validation_failed', message: 'Data yang dikirim tidak sesuai.' });
    expect(err.fieldErrors()).toEqual({ date: 'Tanggal harus YYYY-MM-DD.', 'rhk.0.title': 'Judul wajib diisi.' });
    expect(err.fieldErrors('query')).toEqual({ limit: 'Paling banyak 100.' });
    expect(err.otherErrors().map((d) => d.field)).toEqual(['query.limit']);
  });

  it('takes an error without details, and drops malformed details', () => {
    const plain = ApiError.fromBody(404, { error: { code: 'not_found', message: 'Pegawai tidak ditemukan.' } });
    expect(plain).toMatchObject({ status: 404, code: 'not_found', details: [] });
    expect(plain.fieldErrors()).toEqual({});
    const odd = ApiError.fromBody(400, { error: { code: 'x', message: 'y', details: [{ field: 1 }, null, 'z'] } });
    expect(odd.details).toEqual([]);
  });

  it('still says something for bodies that are not the API error shape', () => {
    expect(ApiError.fromBody(500, { message: 'Internal Server Error' })).toMatchObject({
      status: 500,
      code: 'http_500',
      message: 'Internal Server Error',
    });
    expect(ApiError.fromBody(502, 'Bad Gateway')).toMatchObject({ code: 'http_502', message: 'HTTP 502' });
    expect(ApiError.fromBody(503, undefined)).toMatchObject({ code: 'http_503' });
  });
});

describe('createApi and unwrap', () => {
  const respond = (status: number, body: unknown) => {
    const seen: Request[] = [];
    const fetchStub = async (input: Request) => {
      seen.push(input);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    };
    return { seen, fetch: fetchStub as unknown as typeof fetch };
  };

  it('sends the bearer token and the language, and returns the data', async () => {
    const stub = respond(200, { kind: 'user', orgId: 'kota-medan', groups: [] });
    const api = createApi({ baseUrl: 'http://api.test/', token: () => 'tok', lang: () => 'en', fetch: stub.fetch });
    expect(await unwrap(api.GET('/me'))).toMatchObject({ orgId: 'kota-medan' });
    expect(stub.seen[0]!.url).toBe('http://api.test/me');
    expect(stub.seen[0]!.headers.get('authorization')).toBe('Bearer tok');
    expect(stub.seen[0]!.headers.get('accept-language')).toBe('en');
  });

  it('throws the error body as an ApiError, and an unreachable API as code network', async () => {
    const stub = respond(401, { error: { code: 'unauthorized', message: 'Sign in first.' } });
    const api = createApi({ baseUrl: 'http://api.test', token: () => undefined, lang: () => 'id', fetch: stub.fetch });
    await expect(unwrap(api.GET('/me'))).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(stub.seen[0]!.headers.has('authorization')).toBe(false);
    const down = createApi({
      baseUrl: 'http://api.test',
      token: () => undefined,
      lang: () => 'id',
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
    });
    await expect(unwrap(down.GET('/me'))).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
